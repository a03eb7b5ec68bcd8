package dev.vexilla.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.vexilla.engine.FlagConfig;
import dev.vexilla.server.relay.RelayOptions;
import dev.vexilla.server.relay.RelayStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Relay mode end to end: a server started with an upstream relaying another in-process Vexilla server, and a loopback
 * fake of ConfigCat's CDN, over real sockets.
 */
final class UpstreamConfigSourceTest {
    static final Duration WAIT = Duration.ofSeconds(60);
    /** 2025-01-01T00:00:00Z. */
    static final String CDN_LAST_MODIFIED = "Wed, 01 Jan 2025 00:00:00 GMT";

    static final String ADMIN_TOKEN = "admin-token-0123456789abcdef";
    static final String BATCH = """
            {"batch":[{"user":{"user_id":"u-1"},"events":[
              {"type":"customEvent","customType":"checkout","value":42.5},
              {"type":"aggVariableEvaluated","target":"flag","value":3,"metaData":{"_variation":"v1"}}
            ]}]}""";

    @TempDir
    Path dir;

    private Path configs;
    private VexillaServer upstream;
    private VexillaServer relay;
    private final List<HttpServer> fakes = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        configs = TestServers.configDirectory(dir);
        upstream = startUpstream(0);
    }

    @AfterEach
    void tearDown() {
        if (relay != null) {
            relay.close();
        }
        if (upstream != null) {
            upstream.close();
        }
        fakes.forEach(fake -> fake.stop(0));
    }

    private VexillaServer startUpstream(int port) {
        return TestServers.start(TestServers.options(dir)
                .port(port)
                .configDirectory(configs)
                .eventsSink(dir.resolve("upstream-events.jsonl"))
                .rescanInterval(ServerOptions.MIN_INTERVAL)
                .build());
    }

    private VexillaServer startRelay(RelayOptions upstreamOptions) {
        return TestServers.start(TestServers.options(dir)
                .eventsSink(dir.resolve("relay-events.jsonl"))
                .adminToken(ADMIN_TOKEN)
                .upstream(upstreamOptions)
                .build());
    }

    private RelayOptions relayOfKeyA() {
        return RelayOptions.builder(upstream.baseUri())
                .key(TestServers.KEY_A, "alpha")
                .pollInterval(RelayOptions.MIN_POLL_INTERVAL)
                .eventFlushInterval(RelayOptions.MIN_EVENT_FLUSH_INTERVAL)
                .build();
    }

    private static boolean ready(VexillaServer server) throws IOException, InterruptedException {
        return TestServers.get(server, "/readyz").statusCode() == 200;
    }

    private static HttpResponse<byte[]> configFile(VexillaServer server, String key)
            throws IOException, InterruptedException {
        return TestServers.HTTP.send(
                TestServers.request(server, TestServers.configPath(key)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The value of one sample of a family (a counter's family name includes {@code _total}), or -1 without it. */
    private static double metric(VexillaServer server, String name, Map<String, String> labels)
            throws IOException, InterruptedException {
        PrometheusText text =
                PrometheusText.parse(TestServers.get(server, "/metrics").body());
        if (!text.families().containsKey(name)) {
            return -1;
        }
        return text.family(name).value(name, labels).orElse(-1.0);
    }

    private static JsonNode ofrep(VexillaServer server, String key, String flag) throws Exception {
        HttpResponse<String> response = TestServers.send(TestServers.request(server, "/ofrep/v1/evaluate/flags/" + flag)
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"context\":{\"targetingKey\":\"user-1\"}}"))
                .build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ServerJson.mapper().readTree(response.body());
    }

    @Test
    void servesTheUpstreamsBytesForARelayedKeyOnlyAndEvaluatesOnThem() throws Exception {
        relay = startRelay(relayOfKeyA());
        await().atMost(WAIT).until(() -> ready(relay));

        HttpResponse<byte[]> relayed = configFile(relay, TestServers.KEY_A);
        assertThat(relayed.statusCode()).isEqualTo(200);
        assertThat(relayed.body())
                .isEqualTo(configFile(upstream, TestServers.KEY_A).body());
        assertThat(relayed.headers().firstValue("ETag")).isPresent();
        assertThat(configFile(relay, TestServers.KEY_B).statusCode())
                .as("a key the upstream knows but the relay does not relay")
                .isEqualTo(404);
        assertThat(ofrep(relay, TestServers.KEY_A, "flag").path("value").asBoolean())
                .isTrue();
    }

    @Test
    void compilesEachRelayedVersionOnce() throws Exception {
        AtomicInteger compiles = new AtomicInteger();
        ConfigValidator<FlagConfig> counting = (name, json) -> {
            compiles.incrementAndGet();
            return ConfigValidators.engine().compile(name, json);
        };
        relay = VexillaServer.start(
                TestServers.options(dir).upstream(relayOfKeyA()).build(), counting, Clock.systemUTC(), null);
        await().atMost(WAIT).until(() -> ready(relay));

        assertThat(ofrep(relay, TestServers.KEY_A, "flag").path("value").asBoolean())
                .isTrue();
        assertThat(compiles).hasValue(1);
    }

    @Test
    void readinessNamesTheFirstConfigThatIsNotLoadedOrFailing() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        RelayStatus healthy = new RelayStatus("web", true, true, now, null, null);
        RelayStatus waiting = new RelayStatus("mobile", false, false, null, null, null);
        RelayStatus failing = new RelayStatus("mobile", true, false, now, "upstream answered HTTP 503", now);

        assertThat(UpstreamConfigSource.failure(List.of(healthy))).isNull();
        assertThat(UpstreamConfigSource.failure(List.of(healthy, waiting)))
                .isEqualTo("config 'mobile' has not been loaded from the upstream yet");
        assertThat(UpstreamConfigSource.failure(List.of(healthy, failing)))
                .isEqualTo("the upstream cannot be read for config 'mobile': upstream answered HTTP 503; the last good"
                        + " copy keeps serving");
    }

    @Test
    void followsAnUpstreamChangeAndTellsItsOwnStreamClients() throws Exception {
        relay = startRelay(relayOfKeyA());
        await().atMost(WAIT).until(() -> ready(relay));

        try (SseTestClient stream = SseTestClient.open(relay, TestServers.KEY_A)) {
            Files.writeString(configs.resolve("alpha.json"), TestServers.MINIMAL_CONFIG.replace("true", "false"));

            assertThat(stream.awaitLine(line -> line.contains("refetchConfig"), WAIT))
                    .isNotNull();
        }
        await().atMost(WAIT)
                .until(() ->
                        !ofrep(relay, TestServers.KEY_A, "flag").path("value").asBoolean());
        assertThat(configFile(relay, TestServers.KEY_A).body())
                .isEqualTo(configFile(upstream, TestServers.KEY_A).body());
    }

    @Test
    void keepsServingTheLastGoodCopyWhileTheUpstreamIsDownAndIsReadyAgainWhenItIsBack() throws Exception {
        relay = startRelay(relayOfKeyA());
        await().atMost(WAIT).until(() -> ready(relay));
        byte[] good = configFile(relay, TestServers.KEY_A).body();
        int port = upstream.port();

        upstream.close();
        upstream = null;

        await().atMost(WAIT).until(() -> TestServers.get(relay, "/readyz").statusCode() == 503);
        HttpResponse<String> readiness = TestServers.get(relay, "/readyz");
        assertThat(readiness.body()).contains("alpha").doesNotContain(TestServers.KEY_A);
        HttpResponse<byte[]> served = configFile(relay, TestServers.KEY_A);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(good);
        assertThat(ofrep(relay, TestServers.KEY_A, "flag").path("value").asBoolean())
                .isTrue();
        await().atMost(WAIT).until(() -> metric(relay, "vexilla_relay_up", Map.of("config", "alpha")) == 0.0);

        upstream = startUpstream(port);

        await().atMost(WAIT).until(() -> ready(relay));
        await().atMost(WAIT).until(() -> metric(relay, "vexilla_relay_up", Map.of("config", "alpha")) == 1.0);
    }

    @Test
    void forwardsAcceptedEventsToTheUpstreamsEventsApi() throws Exception {
        relay = startRelay(relayOfKeyA());
        await().atMost(WAIT).until(() -> ready(relay));
        Path upstreamEvents = dir.resolve("upstream-events.jsonl");

        HttpResponse<String> posted = TestServers.postJson(relay, EventsRoute.PATH, TestServers.KEY_A, BATCH);

        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        await().atMost(WAIT)
                .until(() -> Files.exists(upstreamEvents)
                        && Files.readString(upstreamEvents).contains("checkout"));
        assertThat(Files.readString(upstreamEvents)).contains("\"alpha\"");
        assertThat(Files.readString(dir.resolve("relay-events.jsonl"))).contains("checkout");
        await().atMost(WAIT).until(() -> metric(relay, "vexilla_relay_events_forwarded_total", Map.of()) == 2.0);
    }

    @Test
    void closingTheRelayFlushesTheEventsQueue() throws Exception {
        relay = startRelay(RelayOptions.builder(upstream.baseUri())
                .key(TestServers.KEY_A, "alpha")
                .pollInterval(RelayOptions.MIN_POLL_INTERVAL)
                .eventFlushInterval(Duration.ofHours(1))
                .build());
        await().atMost(WAIT).until(() -> ready(relay));
        Path upstreamEvents = dir.resolve("upstream-events.jsonl");

        assertThat(TestServers.postJson(relay, EventsRoute.PATH, TestServers.KEY_A, BATCH)
                        .statusCode())
                .isEqualTo(201);
        relay.close();

        assertThat(upstreamEvents).exists();
        assertThat(Files.readString(upstreamEvents)).contains("checkout");
    }

    @Test
    void refusesAdminWritesClearlyInRelayMode() throws Exception {
        relay = startRelay(relayOfKeyA());
        await().atMost(WAIT).until(() -> ready(relay));

        HttpResponse<String> put = TestServers.send(TestServers.request(relay, "/admin/v1/configs/alpha")
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(TestServers.MINIMAL_CONFIG))
                .build());
        HttpResponse<String> noToken = TestServers.send(TestServers.request(relay, "/admin/v1/keys")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());

        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(ServerJson.mapper().readTree(put.body()).path("message").asText())
                .startsWith("relay mode: configs are read-only");
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(configFile(relay, TestServers.KEY_A).body())
                .isEqualTo(configFile(upstream, TestServers.KEY_A).body());
    }

    @Test
    void relaysAConfigCatCdnFollowingAForcedRedirect() throws Exception {
        String key = "configcat-sdk-1/vexillaRelayTest000001/vexillaRelayTest000002";
        String path = "/configuration-files/" + key + "/config_v6.json";
        String body = "{\"p\":{\"s\":\"salt\"},\"f\":{\"flag\":{\"t\":0,\"v\":{\"b\":true},\"i\":\"v1\"}}}";
        Map<String, Integer> hits = new ConcurrentHashMap<>();
        URI target = fakeCdn(path, body.getBytes(StandardCharsets.UTF_8), "\"cdn-etag-1\"", hits, "target");
        URI entry = fakeCdn(
                path,
                body.replace("\"salt\"", "\"salt\",\"u\":\"" + target + "\",\"r\":2")
                        .replace("true", "false")
                        .getBytes(StandardCharsets.UTF_8),
                "\"entry-etag\"",
                hits,
                "entry");

        relay = startRelay(RelayOptions.parse(Map.of("upstream", entry.toString(), "upstream-keys", key + "=web")));
        await().atMost(WAIT).until(() -> ready(relay));

        HttpResponse<byte[]> served = configFile(relay, key);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(new String(served.body(), StandardCharsets.UTF_8)).isEqualTo(body);
        assertThat(hits).containsKeys("entry", "target");
        JsonNode evaluation = ofrep(relay, key, "flag");
        assertThat(evaluation.path("value").asBoolean()).isTrue();
        assertThat(evaluation.path("metadata").path("fetchTime").asLong())
                .as("the accept time of a relayed version is the upstream's Last-Modified")
                .isEqualTo(Instant.parse("2025-01-01T00:00:00Z").toEpochMilli());
        assertThat(configFile(relay, "configcat-sdk-1/vexillaRelayTest000003/vexillaRelayTest000004")
                        .statusCode())
                .isEqualTo(404);
        assertThat(TestLogs.text()).doesNotContain(key);
    }

    /** A loopback stand-in for one ConfigCat CDN: one config path, its ETag, 304 on a match, 404 elsewhere. */
    private URI fakeCdn(String path, byte[] body, String etag, Map<String, Integer> hits, String name)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                hits.merge(name, 1, Integer::sum);
                if (!exchange.getRequestURI().getPath().equals(path)) {
                    respond(exchange, 404, new byte[0]);
                } else if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                    exchange.getResponseHeaders().set("ETag", etag);
                    exchange.sendResponseHeaders(304, -1);
                } else {
                    exchange.getResponseHeaders().set("ETag", etag);
                    exchange.getResponseHeaders().set("Last-Modified", CDN_LAST_MODIFIED);
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    respond(exchange, 200, body);
                }
            }
        });
        server.start();
        fakes.add(server);
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
