package dev.vexilla.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ApiHandlerTest {
    @TempDir
    Path dir;

    private VexillaServer server;

    @BeforeEach
    void start() throws Exception {
        server = TestServers.start(TestServers.options(dir)
                .configDirectory(TestServers.configDirectory(dir))
                .maxHeaderBytes(2048)
                .build());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void unknownRoute_gives404Json() throws Exception {
        HttpResponse<String> response = TestServers.get(server, "/v2/whatever");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode body = ServerJson.mapper().readTree(response.body());
        assertThat(body.get("statusCode").asInt()).isEqualTo(404);
    }

    @Test
    void wrongMethodOnHealthz_gives405WithAllow() throws Exception {
        HttpResponse<String> response = TestServers.send(
                TestServers.request(server, "/healthz").DELETE().build());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD");
    }

    @Test
    void headersOverTheLimit_give431Json() throws Exception {
        String response = raw("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(4000) + "\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 431");
        assertThat(response).contains("\"statusCode\":431");
    }

    @Test
    void tooManyHeaders_give431Json() throws Exception {
        StringBuilder request = new StringBuilder("GET /healthz HTTP/1.1\r\nHost: x\r\n");
        for (int i = 0; i < 300; i++) {
            request.append("X-H").append(i).append(": v\r\n");
        }
        String response = raw(request.append("\r\n").toString());

        assertThat(response).startsWith("HTTP/1.1 431");
        assertThat(response).contains("\"statusCode\":431");
    }

    @Test
    void garbageRequestLine_gives400Json() throws Exception {
        String response = raw("\u0001\u0002 not http at all\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 400");
        assertThat(response).contains("\"statusCode\":400");
    }

    @Test
    void requestsRejectedBeforeRouting_areCountedButNeverLogged() throws Exception {
        String marker = "attacker-text-" + System.nanoTime();
        List<String> requests = List.of(
                "CONNECT /" + marker + " HTTP/1.1\r\nHost: x\r\n\r\n",
                "CONNECT " + marker + ":bad HTTP/1.1\r\nHost: x\r\n\r\n",
                "CONNECT [" + marker + " HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET /healthz HTTP/1.1\r\nHost: " + marker + " !!\r\n\r\n",
                "GET /healthz HTTP/1.1\r\nHost: [" + marker + "\r\n\r\n",
                "GET /healthz HTTP/1.1\r\nHost: " + marker + ":99999999\r\n\r\n",
                "GET /healthz HTTP/1.1\r\nHost: x\r\nHost: " + marker + "\r\n\r\n");
        int rounds = 50;

        for (int i = 0; i < rounds; i++) {
            for (String request : requests) {
                assertThat(raw(request)).startsWith("HTTP/1.1 400");
            }
        }

        assertThat(TestLogs.text()).doesNotContain(marker);
        assertThat(server.metrics().render())
                .contains(
                        "vexilla_http_requests_total{route=\"unmatched\",status=\"400\"} " + rounds * requests.size());
    }

    @Test
    void requestsBeyondTheConcurrencyCap_get503AtOnceWhileProbesAnswer() throws Exception {
        try (ServerSocket silentRedis = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                VexillaServer capped = TestServers.start(EvaluationFixtures.options(dir.resolve("capped"))
                        .workerThreads(ServerOptions.MIN_WORKER_THREADS)
                        .maxConcurrentRequests(1)
                        .edgeDbUrl("redis://127.0.0.1:" + silentRedis.getLocalPort())
                        .edgeDbTimeout(Duration.ofSeconds(3))
                        .build())) {
            List<Socket> held = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silentRedis.accept()); // never answers, so the EdgeDB read blocks
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String user = "{\"user_id\":\"u-1\"}";
            CompletableFuture<HttpResponse<String>> blocked = TestServers.HTTP.sendAsync(
                    TestServers.request(capped, "/v1/variables/checkoutEnabled?enableEdgeDB=true")
                            .header("Authorization", TestServers.KEY_A)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(user))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> RequestBodiesTest.gauge(capped, "vexilla_http_requests_in_progress") == 1);

            HttpResponse<String> refused = EvaluationFixtures.post(capped, "/v1/variables/checkoutEnabled", user);
            HttpResponse<String> refusedOfrep = EvaluationFixtures.ofrep(
                    capped, "/ofrep/v1/evaluate/flags", "{\"context\":{\"targetingKey\":\"u-1\"}}");
            HttpResponse<String> health = TestServers.get(capped, "/healthz");
            HttpResponse<String> ready = TestServers.get(capped, "/readyz");
            boolean stillBlocked = !blocked.isDone();

            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(ServerJson.mapper()
                            .readTree(refused.body())
                            .get("statusCode")
                            .asInt())
                    .isEqualTo(503);
            assertThat(refusedOfrep.statusCode()).isEqualTo(503);
            assertThat(ServerJson.mapper().readTree(refusedOfrep.body()).has("errorDetails"))
                    .isTrue();
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(stillBlocked)
                    .as("the first request was still blocked in EdgeDB")
                    .isTrue();
            assertThat(blocked.get(20, TimeUnit.SECONDS).statusCode())
                    .as("answered without EdgeDB data once Redis timed out")
                    .isEqualTo(200);
            // The response can reach the client a moment before the request leaves the in-progress count.
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> RequestBodiesTest.gauge(capped, "vexilla_http_requests_in_progress") == 0);
            assertThat(EvaluationFixtures.post(capped, "/v1/variables/checkoutEnabled", user)
                            .statusCode())
                    .isEqualTo(200);
            silentRedis.close();
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    @Test
    void floodOfMalformedRequests_doesNotHurtService() throws Exception {
        int total = 3000;
        AtomicInteger answered = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        long started = System.nanoTime();
        try {
            List<CompletableFuture<Void>> work = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                int n = i;
                work.add(CompletableFuture.runAsync(
                        () -> {
                            try {
                                badRequest(n);
                                answered.incrementAndGet();
                            } catch (Exception e) {
                                // a refused or reset connection also counts as handled by the server
                            }
                        },
                        pool));
            }
            CompletableFuture.allOf(work.toArray(new CompletableFuture<?>[0])).get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
        assertThat(answered.get()).isGreaterThan(total * 9 / 10);
        HttpResponse<String> good = TestServers.get(server, TestServers.configPath(TestServers.KEY_A));
        assertThat(good.statusCode()).isEqualTo(200);
        assertThat(TestServers.get(server, "/healthz").statusCode()).isEqualTo(200);
    }

    private void badRequest(int n) throws Exception {
        switch (n % 3) {
            case 0 -> raw("BLAH\r\n\r\n");
            case 1 -> TestServers.postJson(server, EventsRoute.PATH, TestServers.KEY_A, "{\"batch\":[" + n);
            default ->
                TestServers.send(TestServers.request(server, EventsRoute.PATH)
                        .header("Authorization", "bad-key-" + n)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build());
        }
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 2000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
