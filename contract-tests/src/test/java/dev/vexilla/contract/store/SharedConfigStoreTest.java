package dev.vexilla.contract.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.openfeature.sdk.EventDetails;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.vexilla.local.LocalOptions;
import dev.vexilla.local.LocalProvider;
import dev.vexilla.server.ServerOptions;
import dev.vexilla.server.VexillaServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three servers on one real Redis config store: a config written through server A's admin API reaches
 * {@code LocalProvider}s connected (with realtime updates) to servers B and C, which fire
 * {@code PROVIDER_CONFIGURATION_CHANGED} naming the changed flag and then evaluate the new value.
 */
final class SharedConfigStoreTest {
    private static final String TOKEN = "contract-admin-token-0000000000";
    private static final String SDK_KEY = "contract-store-key-00000000000000";
    private static final String CONFIG = "{\"p\":{\"s\":\"salt\"},\"f\":{\"banner\":{\"t\":1,\"v\":{\"s\":\"%s\"}}}}";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @TempDir
    Path dir;

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    private VexillaServer server(String redisUrl, String adminToken) {
        VexillaServer server = VexillaServer.start(ServerOptions.builder()
                .port(0)
                .configStore(redisUrl)
                .adminToken(adminToken)
                .build());
        resources.add(server);
        return server;
    }

    private static HttpResponse<String> admin(VexillaServer server, String method, String path, String body)
            throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(server.baseUri().resolve(path))
                        .timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Bearer " + TOKEN)
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private OpenFeatureAPI providerOn(VexillaServer server, BlockingQueue<EventDetails> changes) {
        OpenFeatureAPI api = OpenFeatureAPI.createIsolated();
        resources.add(api::shutdown);
        api.onProviderConfigurationChanged(changes::add);
        api.setProviderAndWait(new LocalProvider(LocalOptions.builder()
                .sdkKey(SDK_KEY)
                .baseUrl(server.baseUri())
                .realtimeUpdates(true)
                .build()));
        return api;
    }

    @Test
    void aWriteOnServerA_firesConfigurationChangedInProvidersConnectedToBAndC() throws Exception {
        String redisUrl = startRedis();
        VexillaServer a = server(redisUrl, TOKEN);
        VexillaServer b = server(redisUrl, null);
        VexillaServer c = server(redisUrl, null);
        assertThat(admin(a, "PUT", "/admin/v1/configs/shop", String.format(CONFIG, "old"))
                        .statusCode())
                .isEqualTo(201);
        assertThat(admin(a, "POST", "/admin/v1/keys", "{\"sdkKey\":\"" + SDK_KEY + "\",\"config\":\"shop\"}")
                        .statusCode())
                .isEqualTo(201);
        BlockingQueue<EventDetails> changesAtB = new LinkedBlockingQueue<>();
        BlockingQueue<EventDetails> changesAtC = new LinkedBlockingQueue<>();
        for (VexillaServer server : List.of(b, c)) {
            await().atMost(PATIENCE)
                    .until(() -> HTTP.send(
                                            HttpRequest.newBuilder(server.baseUri()
                                                            .resolve("/configuration-files/" + SDK_KEY
                                                                    + "/config_v6.json"))
                                                    .build(),
                                            HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200);
        }
        OpenFeatureAPI atB = providerOn(b, changesAtB);
        OpenFeatureAPI atC = providerOn(c, changesAtC);
        assertThat(atB.getClient().getStringValue("banner", "none", new ImmutableContext()))
                .isEqualTo("old");
        changesAtB.clear();
        changesAtC.clear();
        await().atMost(PATIENCE).until(() -> streamsOpen(b) && streamsOpen(c));

        assertThat(admin(a, "PUT", "/admin/v1/configs/shop", String.format(CONFIG, "new"))
                        .statusCode())
                .isEqualTo(200);

        for (BlockingQueue<EventDetails> changes : List.of(changesAtB, changesAtC)) {
            EventDetails details = changes.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            assertThat(details).as("PROVIDER_CONFIGURATION_CHANGED").isNotNull();
            assertThat(details.getFlagsChanged()).contains("banner");
        }
        assertThat(atB.getClient().getStringValue("banner", "none", new ImmutableContext()))
                .isEqualTo("new");
        assertThat(atC.getClient().getStringValue("banner", "none", new ImmutableContext()))
                .isEqualTo("new");
    }

    /** Reads the server's stream gauge from {@code /healthz}: the provider's change stream is connected. */
    private static boolean streamsOpen(VexillaServer server) throws Exception {
        String health = HTTP.send(
                        HttpRequest.newBuilder(server.baseUri().resolve("/healthz"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        return !health.contains("\"streams\":0");
    }

    /** Starts a real redis-server on a free loopback port, without persistence, stopped after the test. */
    private String startRedis() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path binary = Path.of("/usr/bin/redis-server");
        assertThat(Files.isExecutable(binary))
                .as("redis-server is required (apt-get install redis-server)")
                .isTrue();
        Process process = new ProcessBuilder(
                        binary.toString(),
                        "--port",
                        Integer.toString(port),
                        "--bind",
                        "127.0.0.1",
                        "--save",
                        "",
                        "--appendonly",
                        "no")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis.log").toFile())
                .start();
        resources.add(() -> {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        });
        int bound = port;
        await("redis-server").atMost(PATIENCE).until(() -> ping(bound));
        return "redis://127.0.0.1:" + port;
    }

    private static boolean ping(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readNBytes(7), StandardCharsets.US_ASCII).equals("+PONG\r\n");
        } catch (IOException e) {
            return false;
        }
    }
}
