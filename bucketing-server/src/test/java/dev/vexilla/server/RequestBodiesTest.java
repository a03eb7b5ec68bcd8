package dev.vexilla.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Request bodies are read without holding a worker thread, bounded by the body deadline (issue 7, item 2). */
final class RequestBodiesTest {
    private static final String ADA = "{\"user_id\":\"u-1\",\"email\":\"ada@vexilla.dev\",\"country\":\"CA\"}";
    private static final int WORKERS = ServerOptions.MIN_WORKER_THREADS;
    private static final Duration BODY_TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private final List<RawClient> clients = new ArrayList<>();
    private final ScheduledExecutorService dribbler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "test-dribbler");
        thread.setDaemon(true);
        return thread;
    });

    @AfterEach
    void closeClients() throws Exception {
        dribbler.shutdownNow();
        for (RawClient client : clients) {
            client.close();
        }
    }

    @Test
    void slowBodiesBeyondTheWorkerPool_leaveOtherClientsServedAndGet408() throws Exception {
        int slowCount = 3 * WORKERS;
        try (VexillaServer server = TestServers.start(EvaluationFixtures.options(dir)
                .workerThreads(WORKERS)
                .bodyTimeout(BODY_TIMEOUT)
                .build())) {
            for (int i = 0; i < slowCount; i++) {
                RawClient slow = RawClient.connect(server);
                clients.add(slow);
                slow.send("POST /v1/variables/checkoutEnabled HTTP/1.1\r\nHost: x\r\nAuthorization: "
                        + TestServers.KEY_A + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{");
            }
            dribbler.scheduleAtFixedRate(() -> clients.forEach(c -> c.dribble(' ')), 300, 300, TimeUnit.MILLISECONDS);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> gauge(server, "vexilla_http_request_bodies_pending") == slowCount);

            long started = System.nanoTime();
            HttpResponse<String> health = TestServers.get(server, "/healthz");
            long healthDone = System.nanoTime();
            HttpResponse<String> evaluation = EvaluationFixtures.post(server, "/v1/variables/supportTier", ADA);
            HttpResponse<String> ofrep = EvaluationFixtures.ofrep(
                    server, "/ofrep/v1/evaluate/flags/supportTier", "{\"context\":{\"targetingKey\":\"u-1\"}}");
            long served = System.nanoTime();

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(evaluation.statusCode()).isEqualTo(200);
            assertThat(ofrep.statusCode()).isEqualTo(200);
            assertThat(clients).as("every slow client is still waiting").noneMatch(RawClient::answered);
            assertThat(Duration.ofNanos(healthDone - started))
                    .as("healthz latency while %s slow bodies are pending (100 ms on an idle machine)", slowCount)
                    .isLessThan(Duration.ofSeconds(2));
            assertThat(Duration.ofNanos(served - healthDone)).isLessThan(Duration.ofSeconds(4));

            for (RawClient slow : clients) {
                String answer = slow.awaitClose(Duration.ofSeconds(30));
                assertThat(answer).startsWith("HTTP/1.1 408 ").contains("Connection: close");
                assertThat(body(answer).get("statusCode").asInt()).isEqualTo(408);
                assertThat(body(answer).get("message").asText()).contains("not received within 5000 ms");
                assertThat(slow.firstByteNanos()).isGreaterThan(served);
            }
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(server.metrics().render())
                            .contains("vexilla_http_requests_total{route=\"/v1/variables/{key}\",status=\"408\"} "
                                    + slowCount)
                            .contains("vexilla_http_request_bodies_pending 0"));
        }
    }

    @Test
    void bodyCompletedBeforeTheDeadline_isEvaluatedHoweverSlowlyItCame() throws Exception {
        try (VexillaServer server = TestServers.start(EvaluationFixtures.options(dir)
                .workerThreads(WORKERS)
                .bodyTimeout(BODY_TIMEOUT)
                .build())) {
            RawClient client = RawClient.connect(server);
            clients.add(client);
            client.send("POST /v1/variables/supportTier HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: "
                    + TestServers.KEY_A + "\r\nContent-Type: application/json\r\nContent-Length: " + ADA.length()
                    + "\r\n\r\n");
            char[] body = ADA.toCharArray();
            int[] next = {0};
            dribbler.scheduleAtFixedRate(
                    () -> {
                        if (next[0] < body.length) {
                            client.dribble(body[next[0]++]);
                        }
                    },
                    0,
                    10,
                    TimeUnit.MILLISECONDS);

            String answer = client.awaitClose(Duration.ofSeconds(20));

            assertThat(answer).startsWith("HTTP/1.1 200 ");
            assertThat(body(answer).get("value").asText()).isEqualTo("priority");
        }
    }

    @Test
    void ofrepSlowBody_gets408InOfrepsErrorShape() throws Exception {
        try (VexillaServer server = TestServers.start(EvaluationFixtures.options(dir)
                .bodyTimeout(Duration.ofMillis(500))
                .build())) {
            RawClient client = RawClient.connect(server);
            clients.add(client);
            client.send("POST /ofrep/v1/evaluate/flags HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                    + TestServers.KEY_A + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{");

            String answer = client.awaitClose(Duration.ofSeconds(20));

            assertThat(answer).startsWith("HTTP/1.1 408 ");
            JsonNode body = body(answer);
            assertThat(body.get("errorDetails").asText()).contains("not received within 500 ms");
            assertThat(body.has("statusCode")).isFalse();
        }
    }

    @Test
    void chunkedBodyPassingTheLimit_is413WithoutReadingTheRest() throws Exception {
        try (VexillaServer server = TestServers.start(EvaluationFixtures.options(dir)
                .maxBodyBytes(ServerOptions.MIN_MAX_BODY_BYTES)
                .build())) {
            RawClient client = RawClient.connect(server);
            clients.add(client);
            String chunk = "x".repeat(600);
            client.send("POST /v1/variables HTTP/1.1\r\nHost: x\r\nAuthorization: " + TestServers.KEY_A
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n"
                    + Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n");

            String answer = client.awaitClose(Duration.ofSeconds(20));

            assertThat(answer).startsWith("HTTP/1.1 413 ");
            assertThat(body(answer).get("message").asText()).contains("1024 bytes");
        }
    }

    private static JsonNode body(String answer) throws Exception {
        return ServerJson.mapper().readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
    }

    static long gauge(VexillaServer server, String name) {
        return server.metrics()
                .render()
                .lines()
                .filter(line -> line.startsWith(name + " "))
                .mapToLong(line -> (long)
                        Double.parseDouble(line.substring(name.length() + 1).strip()))
                .findFirst()
                .orElse(-1);
    }
}
