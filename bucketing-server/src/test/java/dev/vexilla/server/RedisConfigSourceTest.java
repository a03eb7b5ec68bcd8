package dev.vexilla.server;

import static dev.vexilla.server.AdminApiContract.TOKEN;
import static dev.vexilla.server.AdminApiContract.admin;
import static dev.vexilla.server.AdminApiContract.etagOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several servers on one real Redis config store: writes through one server's admin API reach the others and their
 * change streams; a Redis outage or a cut-off server keeps serving the last good configs, reports not ready, refuses
 * writes, and resyncs (missed changes included) when Redis is back.
 */
final class RedisConfigSourceTest {
    private static final String KEY = "redis-store-key-0123456789abcdef";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final int WRITES = 50;

    @TempDir
    Path dir;

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    private <T extends AutoCloseable> T keep(T resource) {
        resources.add(resource);
        return resource;
    }

    private VexillaServer server(String redisUrl, String adminToken) {
        return keep(TestServers.start(TestServers.options(dir)
                .configStore(redisUrl)
                .adminToken(adminToken)
                .build()));
    }

    private static String config(int version) {
        return TestServers.MINIMAL_CONFIG.replace("\"v1\"", "\"v" + version + "\"");
    }

    private static void write(VexillaServer server, String config) throws Exception {
        HttpResponse<String> response = admin(server, "PUT", "/admin/v1/configs/gamma", config);
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
    }

    private static void awaitServed(VexillaServer server, String config) {
        await("config served by " + server.baseUri())
                .atMost(PATIENCE)
                .until(() -> TestServers.get(server, TestServers.configPath(KEY))
                        .headers()
                        .firstValue("ETag")
                        .orElse("")
                        .equals('"' + etagOf(config) + '"'));
    }

    private static int readiness(VexillaServer server) throws Exception {
        return TestServers.get(server, "/readyz").statusCode();
    }

    private static void setUp(VexillaServer writer) throws Exception {
        write(writer, config(0));
        assertThat(admin(writer, "POST", "/admin/v1/keys", "{\"sdkKey\":\"" + KEY + "\",\"config\":\"gamma\"}")
                        .statusCode())
                .isEqualTo(201);
    }

    @Test
    void aWriteOnOneServer_isServedByTheOthers_andAnnouncedOnTheirStreams() throws Exception {
        RedisServerProcess redis = keep(RedisServerProcess.start());
        VexillaServer a = server(redis.url(), TOKEN);
        VexillaServer b = server(redis.url(), null);
        VexillaServer c = server(redis.url(), null);
        setUp(a);
        awaitServed(b, config(0));
        awaitServed(c, config(0));
        Map<String, Long> arrivedAtB = new ConcurrentHashMap<>();
        Map<String, Long> arrivedAtC = new ConcurrentHashMap<>();
        b.configStore().addListener((before, now) -> arrivedAtB.putIfAbsent(now.etag(), System.nanoTime()));
        c.configStore().addListener((before, now) -> arrivedAtC.putIfAbsent(now.etag(), System.nanoTime()));
        SseTestClient streamB = keep(SseTestClient.open(b, KEY));
        SseTestClient streamC = keep(SseTestClient.open(c, KEY));

        long[] latencies = new long[WRITES];
        for (int i = 0; i < WRITES; i++) {
            String config = config(i + 1);
            String etag = etagOf(config);
            long sent = System.nanoTime();
            write(a, config);
            await().atMost(PATIENCE).until(() -> arrivedAtB.containsKey(etag) && arrivedAtC.containsKey(etag));
            latencies[i] = Math.max(arrivedAtB.get(etag), arrivedAtC.get(etag)) - sent;
            assertThat(streamB.awaitLine(line -> line.contains("refetchConfig") && line.contains(etag)))
                    .isNotNull();
            assertThat(streamC.awaitLine(line -> line.contains("refetchConfig") && line.contains(etag)))
                    .isNotNull();
        }

        java.util.Arrays.sort(latencies);
        double p50 = latencies[WRITES / 2] / 1e6;
        double p99 = latencies[(int) Math.ceil(WRITES * 0.99) - 1] / 1e6;
        System.out.printf(
                "Redis config store propagation over %d writes: p50 %.1f ms, p99 %.1f ms%n", WRITES, p50, p99);
        assertThat(TestServers.get(b, TestServers.configPath(KEY)).body()).isEqualTo(config(WRITES));
        assertThat(TestServers.get(c, TestServers.configPath(KEY)).body()).isEqualTo(config(WRITES));
        assertThat(p99)
                .as("p99 propagation in ms (target 1000 ms; bound generous for loaded CI)")
                .isLessThan(PATIENCE.toMillis());
    }

    @Test
    void whenRedisStops_everyServerKeepsServing_reportsNotReady_refusesWrites_andResyncsWhenItIsBack()
            throws Exception {
        RedisServerProcess redis = RedisServerProcess.startDurable();
        VexillaServer a = server(redis.url(), TOKEN);
        VexillaServer b = server(redis.url(), null);
        TcpRelay cRelay = keep(TcpRelay.to(redis.port()));
        VexillaServer c = server("redis://127.0.0.1:" + cRelay.port(), null);
        setUp(a);
        for (VexillaServer server : List.of(a, b, c)) {
            awaitServed(server, config(0));
            await().atMost(PATIENCE).until(() -> readiness(server) == 200);
        }

        redis.close();
        for (VexillaServer server : List.of(a, b, c)) {
            await("not ready").atMost(PATIENCE).until(() -> readiness(server) == 503);
            HttpResponse<String> served = TestServers.get(server, TestServers.configPath(KEY));
            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(served.body()).isEqualTo(config(0));
        }
        HttpResponse<String> refused = admin(a, "PUT", "/admin/v1/configs/gamma", config(1));
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(AdminApiContract.json(refused).path("message").asText()).contains("nothing was changed");
        assertThat(TestServers.get(b, "/readyz").body()).contains("config store");

        RedisServerProcess back = keep(redis.restart());
        for (VexillaServer server : List.of(a, b, c)) {
            await("ready again").atMost(PATIENCE).until(() -> readiness(server) == 200);
        }
        write(a, config(2));
        awaitServed(b, config(2));
        awaitServed(c, config(2));

        cRelay.cut();
        await("c not ready").atMost(PATIENCE).until(() -> readiness(c) == 503);
        write(a, config(3));
        awaitServed(b, config(3));
        assertThat(TestServers.get(c, TestServers.configPath(KEY)).body())
                .as("cut off, c keeps its last good config")
                .isEqualTo(config(2));
        cRelay.restore();
        awaitServed(c, config(3));
        await("c ready again").atMost(PATIENCE).until(() -> readiness(c) == 200);
        assertThat(back.ping()).isTrue();
    }

    @Test
    void aServerStartedWhileRedisIsDown_isNotReady_untilRedisComesUp() throws Exception {
        RedisServerProcess redis = RedisServerProcess.startDurable();
        VexillaServer writer = server(redis.url(), TOKEN);
        setUp(writer);
        redis.close();

        VexillaServer late = server(redis.url(), null);
        assertThat(readiness(late)).isEqualTo(503);
        assertThat(TestServers.get(late, TestServers.configPath(KEY)).statusCode())
                .isNotEqualTo(200);

        keep(redis.restart());
        awaitServed(late, config(0));
        await().atMost(PATIENCE).until(() -> readiness(late) == 200);
    }
}
