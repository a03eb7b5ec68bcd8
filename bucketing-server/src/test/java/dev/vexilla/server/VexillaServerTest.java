package dev.vexilla.server;

import static dev.vexilla.server.TestServers.configPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class VexillaServerTest {
    @TempDir
    Path dir;

    @Test
    void withoutConfigDirectory_servesTheDemoConfigUnderTheDemoKey() throws Exception {
        try (VexillaServer server = TestServers.start(TestServers.options(dir).build())) {
            HttpResponse<String> response = TestServers.get(server, configPath(VexillaServer.DEMO_SDK_KEY));

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode config = ServerJson.mapper().readTree(response.body());
            assertThat(config.get("f").fieldNames())
                    .toIterable()
                    .contains(
                            "checkoutEnabled",
                            "newDashboard",
                            "supportTier",
                            "upgradeBanner",
                            "betaSearch",
                            "searchSuggestions");
        }
    }

    @Test
    void demoConfig_hasTheAdvertisedKindsOfRules() throws Exception {
        try (VexillaServer server = TestServers.start(TestServers.options(dir).build())) {
            JsonNode f = ServerJson.mapper()
                    .readTree(TestServers.get(server, configPath(VexillaServer.DEMO_SDK_KEY))
                            .body())
                    .get("f");

            assertThat(f.get("checkoutEnabled").has("r")).isFalse();
            assertThat(f.get("newDashboard").get("p").findValues("p"))
                    .extracting(JsonNode::asInt)
                    .containsExactly(25, 75);
            assertThat(f.get("supportTier").at("/r/0/c/0/u/c").asInt()).isEqualTo(32);
            assertThat(f.get("upgradeBanner").at("/r/0/c/0/u/c").asInt()).isEqualTo(6);
            assertThat(f.get("upgradeBanner").at("/r/1/c/0/u/c").asInt()).isEqualTo(9);
            assertThat(f.get("upgradeBanner").at("/r/0/c/0/u/a").asText()).isEqualTo("AppVersion");
            assertThat(f.get("betaSearch").at("/r/0/c/0/s/s").asInt()).isZero();
            assertThat(f.get("searchSuggestions").at("/r/0/c/0/p/f").asText()).isEqualTo("betaSearch");
        }
    }

    @Test
    void healthz_answersOkWithCounts() throws Exception {
        try (VexillaServer server = TestServers.start(TestServers.options(dir).build())) {
            HttpResponse<String> response = TestServers.get(server, "/healthz");

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode body = ServerJson.mapper().readTree(response.body());
            assertThat(body.get("status").asText()).isEqualTo("ok");
            assertThat(body.get("configs").asInt()).isEqualTo(1);
        }
    }

    @Test
    void readyz_is503UntilAConfigIsLoadedWhileHealthzIsOk() throws Exception {
        Path configs = Files.createDirectories(dir.resolve("configs"));
        Files.writeString(configs.resolve(ServerOptions.DEFAULT_KEYS_FILE_NAME), TestServers.KEY_A + " = alpha\n");
        try (VexillaServer server = TestServers.start(
                TestServers.options(dir).configDirectory(configs).build())) {
            HttpResponse<String> empty = TestServers.get(server, "/readyz");

            assertThat(TestServers.get(server, "/healthz").statusCode()).isEqualTo(200);
            assertThat(empty.statusCode()).isEqualTo(503);
            assertThat(empty.headers().firstValue("Content-Type")).hasValue("application/json");
            JsonNode notReady = ServerJson.mapper().readTree(empty.body());
            assertThat(notReady.get("status").asText()).isEqualTo("not_ready");
            assertThat(notReady.get("configs").asInt()).isZero();
            assertThat(notReady.get("reason").asText()).isEqualTo("no config is loaded");

            Files.writeString(configs.resolve("alpha.json"), TestServers.MINIMAL_CONFIG);
            server.configStore().rescan();
            HttpResponse<String> loaded = TestServers.get(server, "/readyz");

            assertThat(loaded.statusCode()).isEqualTo(200);
            JsonNode ready = ServerJson.mapper().readTree(loaded.body());
            assertThat(ready.get("status").asText()).isEqualTo("ready");
            assertThat(ready.get("configs").asInt()).isEqualTo(1);
            assertThat(ready.has("reason")).isFalse();
        }
    }

    @Test
    void readyz_is503WhileTheKeysFileCannotBeReadAndReadyAgainOnceItIsBack() throws Exception {
        Path configs = TestServers.configDirectory(dir);
        Path keys = configs.resolve(ServerOptions.DEFAULT_KEYS_FILE_NAME);
        String keysText = Files.readString(keys);
        try (VexillaServer server = TestServers.start(
                TestServers.options(dir).configDirectory(configs).build())) {
            assertThat(TestServers.get(server, "/readyz").statusCode()).isEqualTo(200);

            Files.delete(keys);
            server.configStore().rescan();
            HttpResponse<String> failing = TestServers.get(server, "/readyz");

            assertThat(failing.statusCode()).isEqualTo(503);
            JsonNode body = ServerJson.mapper().readTree(failing.body());
            assertThat(body.get("reason").asText()).isEqualTo("the keys file cannot be read");
            assertThat(body.get("configs").asInt()).isEqualTo(2);
            assertThat(failing.body()).doesNotContain(configs.toString());
            assertThat(TestServers.get(server, TestServers.configPath(TestServers.KEY_A))
                            .statusCode())
                    .as("the previous keys keep serving")
                    .isEqualTo(200);

            Files.writeString(keys, keysText);
            server.configStore().rescan();

            assertThat(TestServers.get(server, "/readyz").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void readyz_is503WhileTheConfigDirectoryCannotBeListed() throws Exception {
        Path configs = TestServers.configDirectory(dir);
        Path keys = Files.writeString(
                dir.resolve("keys.txt"), Files.readString(configs.resolve(ServerOptions.DEFAULT_KEYS_FILE_NAME)));
        try (VexillaServer server = TestServers.start(
                TestServers.options(dir).configDirectory(configs).keysFile(keys).build())) {
            Path moved = Files.move(configs, dir.resolve("moved-away"));
            server.configStore().rescan();

            HttpResponse<String> failing = TestServers.get(server, "/readyz");
            assertThat(failing.statusCode()).isEqualTo(503);
            assertThat(ServerJson.mapper()
                            .readTree(failing.body())
                            .get("reason")
                            .asText())
                    .isEqualTo("the config directory cannot be listed");

            Files.move(moved, configs);
            server.configStore().rescan();

            assertThat(TestServers.get(server, "/readyz").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void readyz_demoConfigIsReady() throws Exception {
        try (VexillaServer server = TestServers.start(TestServers.options(dir).build())) {
            HttpResponse<String> response = TestServers.get(server, "/readyz");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(ServerJson.mapper()
                            .readTree(response.body())
                            .get("configs")
                            .asInt())
                    .isEqualTo(1);
        }
    }

    @Test
    void embeddedWithDefaults_bindsTheLoopbackAddressOnly() throws Exception {
        try (VexillaServer server =
                VexillaServer.start(ServerOptions.builder().port(0).build())) {
            assertThat(server.baseUri().getHost()).isEqualTo("127.0.0.1");
            assertThat(TestServers.get(server, "/healthz").statusCode()).isEqualTo(200);

            for (InetAddress address : nonLoopbackAddresses()) {
                assertThatThrownBy(() -> {
                            try (Socket socket = new Socket()) {
                                socket.connect(new InetSocketAddress(address, server.port()), 2000);
                            }
                        })
                        .as("not reachable on %s", address)
                        .isInstanceOf(IOException.class);
            }
        }
    }

    @Test
    void baseUri_reportsTheAddressTheServerIsBoundTo() throws Exception {
        try (VexillaServer wildcard = TestServers.start(
                        TestServers.options(dir).bindAddress("0.0.0.0").build());
                VexillaServer ipv6 = TestServers.start(
                        TestServers.options(dir).bindAddress("::1").build())) {
            assertThat(wildcard.baseUri()).hasToString("http://127.0.0.1:" + wildcard.port() + "/");
            assertThat(ipv6.baseUri()).hasToString("http://[0:0:0:0:0:0:0:1]:" + ipv6.port() + "/");
            assertThat(TestServers.get(ipv6, "/healthz").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void withoutEventsSink_eventsAreCountedAndNoFileIsWritten() throws Exception {
        Path defaultFile = Path.of("vexilla-events.jsonl").toAbsolutePath();
        Files.deleteIfExists(defaultFile);
        ServerOptions options = ServerOptions.builder()
                .port(0)
                .configDirectory(TestServers.configDirectory(dir))
                .build();
        try (VexillaServer server = TestServers.start(options)) {
            HttpResponse<String> response = TestServers.postJson(
                    server,
                    "/v1/track",
                    TestServers.KEY_A,
                    "{\"user\":{\"user_id\":\"u\"},\"events\":[{\"type\":\"checkout\"}]}");

            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(server.metrics().render())
                    .contains("vexilla_events_received_total{config=\"alpha\",kind=\"custom\"} 1");
        } finally {
            boolean written = Files.deleteIfExists(defaultFile);
            assertThat(written).as("an events file in the working directory").isFalse();
        }
    }

    @Test
    void atMaxConnections_aNewClientWaitsUntilAConnectionCloses() throws Exception {
        int max = ServerOptions.MIN_MAX_CONNECTIONS;
        List<RawClient> idle = new ArrayList<>();
        try (VexillaServer server =
                TestServers.start(TestServers.options(dir).maxConnections(max).build())) {
            for (int i = 0; i < max; i++) {
                idle.add(RawClient.connect(server));
            }
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> RequestBodiesTest.gauge(server, "vexilla_http_connections") == max);
            RawClient waiting = RawClient.connect(server);
            idle.add(waiting);
            waiting.send("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

            org.awaitility.Awaitility.await()
                    .during(java.time.Duration.ofSeconds(1))
                    .atMost(java.time.Duration.ofSeconds(5))
                    .until(() -> !waiting.answered());
            idle.get(0).close();

            assertThat(waiting.awaitClose(java.time.Duration.ofSeconds(10))).startsWith("HTTP/1.1 200 ");
        } finally {
            for (RawClient client : idle) {
                client.close();
            }
        }
    }

    @Test
    void metrics_arePrometheusTextWithRouteTemplatesNeverKeys() throws Exception {
        try (VexillaServer server = TestServers.start(TestServers.options(dir).build())) {
            TestServers.get(server, configPath(VexillaServer.DEMO_SDK_KEY));
            TestServers.get(server, configPath("unknown-secret-key-123456789"));
            TestServers.get(server, "/nope");

            HttpResponse<String> response = TestServers.get(server, "/metrics");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                    .startsWith("text/plain");
            assertThat(response.body())
                    .contains("# TYPE vexilla_http_requests_total counter")
                    .contains("vexilla_http_requests_total{route=\"/configuration-files/{sdkKey}/config_v6.json\","
                            + "status=\"200\"} 1.0")
                    .contains("vexilla_http_requests_total{route=\"/configuration-files/{sdkKey}/config_v6.json\","
                            + "status=\"404\"} 1.0")
                    .contains("vexilla_http_requests_total{route=\"unmatched\",status=\"404\"} 1.0")
                    .contains("vexilla_config_version{config=\"demo\"} 1.0")
                    .contains("vexilla_stream_clients 0.0")
                    .doesNotContain("unknown-secret-key")
                    .doesNotContain(VexillaServer.DEMO_SDK_KEY);
        }
    }

    @Test
    void close_isIdempotentStopsListeningAndLeavesNoServerThreads() throws Exception {
        VexillaServer server = TestServers.start(TestServers.options(dir)
                .configDirectory(TestServers.configDirectory(dir))
                .build());
        int port = server.port();
        assertThat(TestServers.get(server, "/healthz").statusCode()).isEqualTo(200);
        assertThat(server.isTerminated()).isFalse();

        server.close();
        server.close();

        assertThat(server.port()).isEqualTo(port);
        assertThatThrownBy(() -> TestServers.get(server, "/healthz")).isInstanceOf(ConnectException.class);
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(server::isTerminated);
    }

    @Test
    void missingConfigDirectory_failsStartWithAClearMessage() {
        ServerOptions options =
                TestServers.options(dir).configDirectory(dir.resolve("absent")).build();

        assertThatThrownBy(() -> TestServers.start(options))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("config directory")
                .hasMessageContaining("absent");
    }

    @Test
    void malformedKeysFile_failsStartNamingTheLineButNotTheKey() throws Exception {
        Path configs = TestServers.configDirectory(dir);
        Files.writeString(configs.resolve(ServerOptions.DEFAULT_KEYS_FILE_NAME), "short-secret = alpha\n");
        ServerOptions options =
                TestServers.options(dir).configDirectory(configs).build();

        assertThatThrownBy(() -> TestServers.start(options))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 1")
                .hasMessageNotContaining("short-secret");
    }

    @Test
    void portInUse_failsStartWithIllegalState() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            ServerOptions options =
                    TestServers.options(dir).port(taken.getLocalPort()).build();

            assertThatThrownBy(() -> TestServers.start(options))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(Integer.toString(taken.getLocalPort()));
        }
    }

    @Test
    void hotReloadOverHttp_brokenFileKeepsTheOldVersionThenTheFixedFileIsServedAndStreamed() throws Exception {
        Path configs = TestServers.configDirectory(dir);
        try (VexillaServer server = TestServers.start(
                        TestServers.options(dir).configDirectory(configs).build());
                SseTestClient stream = SseTestClient.open(server, TestServers.KEY_A)) {
            stream.awaitLine(": connected"::equals);
            HttpResponse<String> before = TestServers.get(server, configPath(TestServers.KEY_A));

            Files.writeString(configs.resolve("alpha.json"), "{\"f\": [\"not a map\"]}");
            server.configStore().rescan();
            HttpResponse<String> during = TestServers.get(server, configPath(TestServers.KEY_A));

            assertThat(during.body()).isEqualTo(before.body());
            assertThat(during.headers().firstValue("ETag"))
                    .isEqualTo(before.headers().firstValue("ETag"));

            String fixed = TestServers.MINIMAL_CONFIG.replace("v1", "v2");
            Files.writeString(configs.resolve("alpha.json"), fixed);
            server.configStore().rescan();
            HttpResponse<String> after = TestServers.get(server, configPath(TestServers.KEY_A));

            assertThat(after.body()).isEqualTo(fixed);
            String etag = after.headers().firstValue("ETag").orElseThrow();
            assertThat(etag).isNotEqualTo(before.headers().firstValue("ETag").orElseThrow());
            String announced = stream.awaitLine(l -> l.startsWith("data: "));
            assertThat(announced).contains(etag.substring(1, etag.length() - 1));
            assertThat(TestServers.get(server, "/metrics").body())
                    .contains("vexilla_config_version{config=\"alpha\"} 2");
        }
    }

    @Test
    void fileWatcher_picksUpAChangeWithoutAnExplicitRescan() throws Exception {
        Path configs = TestServers.configDirectory(dir);
        try (VexillaServer server = TestServers.start(
                TestServers.options(dir).configDirectory(configs).build())) {
            String changed = TestServers.MINIMAL_CONFIG.replace("v1", "watched");

            Files.writeString(configs.resolve("alpha.json"), changed);

            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> TestServers.get(server, configPath(TestServers.KEY_A))
                            .body()
                            .equals(changed));
        }
    }

    @Test
    void sdkKeysNeverAppearInLogsResponsesOrMetrics() throws Exception {
        Path configs = TestServers.configDirectory(dir);
        String secret = "secret-key-never-logged-" + System.nanoTime();
        String unknown = "unknown-key-never-logged-" + System.nanoTime();
        Files.writeString(configs.resolve(ServerOptions.DEFAULT_KEYS_FILE_NAME), secret + " = alpha\n");
        try (VexillaServer server = TestServers.start(
                TestServers.options(dir).configDirectory(configs).build())) {
            StringBuilder seen = new StringBuilder();
            seen.append(TestServers.get(server, configPath(secret)).body());
            seen.append(TestServers.get(server, configPath(unknown)).body());
            seen.append(TestServers.postJson(server, EventsRoute.PATH, unknown, "{}")
                    .body());
            seen.append(TestServers.postJson(server, EventsRoute.PATH, secret, "{\"batch\":[]}")
                    .body());
            seen.append(TestServers.send(TestServers.request(server, "/v1/stream")
                            .header("Authorization", unknown)
                            .GET()
                            .build())
                    .body());
            Files.writeString(configs.resolve(ServerOptions.DEFAULT_KEYS_FILE_NAME), secret + " alpha\n" + unknown);
            server.configStore().rescan();
            Files.writeString(configs.resolve(ServerOptions.DEFAULT_KEYS_FILE_NAME), secret + " = alpha\n");
            server.configStore().rescan();
            seen.append(TestServers.get(server, "/metrics").body());
            seen.append(server.configStore()).append(server.edgeDb());

            assertThat(seen.toString()).doesNotContain(secret).doesNotContain(unknown);
            assertThat(TestLogs.text()).doesNotContain(secret).doesNotContain(unknown);
        }
    }

    @Test
    void demoStartup_logsOneLineWithPortDemoConfigAndTheDemoKey() throws Exception {
        try (VexillaServer server = TestServers.start(TestServers.options(dir).build())) {
            String port = "127.0.0.1:" + server.port() + ";";

            java.util.List<String> lines =
                    TestLogs.text().lines().filter(l -> l.contains(port)).toList();

            assertThat(lines)
                    .singleElement()
                    .asString()
                    .contains("listening on " + port)
                    .contains("embedded demo config")
                    .contains(VexillaServer.DEMO_SDK_KEY);
        }
    }

    private static List<InetAddress> nonLoopbackAddresses() throws IOException {
        List<InetAddress> addresses = new ArrayList<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                nic.inetAddresses().filter(a -> a instanceof Inet4Address).forEach(addresses::add);
            }
        }
        return addresses;
    }
}
