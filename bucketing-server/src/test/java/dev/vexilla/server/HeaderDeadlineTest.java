package dev.vexilla.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

/** Connections that do not complete a request head in time are closed, however slowly they dribble (item 2). */
final class HeaderDeadlineTest {
    private static final Duration HEADER_TIMEOUT = Duration.ofSeconds(1);

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

    private VexillaServer start() throws Exception {
        return TestServers.start(TestServers.options(dir)
                .configDirectory(TestServers.configDirectory(dir))
                .workerThreads(ServerOptions.MIN_WORKER_THREADS)
                .headerTimeout(HEADER_TIMEOUT)
                .build());
    }

    private RawClient connect(VexillaServer server) throws Exception {
        RawClient client = RawClient.connect(server);
        clients.add(client);
        return client;
    }

    @Test
    void dribbledRequestHeads_areClosedAtTheDeadlineWhileOtherClientsAreServed() throws Exception {
        int slowCount = 20;
        try (VexillaServer server = start()) {
            long started = System.nanoTime();
            for (int i = 0; i < slowCount; i++) {
                connect(server).send("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ");
            }
            dribbler.scheduleAtFixedRate(() -> clients.forEach(c -> c.dribble('a')), 100, 100, TimeUnit.MILLISECONDS);

            assertThat(TestServers.get(server, "/healthz").statusCode()).isEqualTo(200);
            for (RawClient slow : clients) {
                assertThat(slow.awaitClose(Duration.ofSeconds(20)))
                        .as("no answer, just closed")
                        .isEmpty();
            }

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(HEADER_TIMEOUT);
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(server.metrics().render())
                            .contains("vexilla_http_connections_closed_total{reason=\"header_timeout\"} " + slowCount));
            assertThat(TestServers.get(server, "/healthz").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void silentConnection_isClosedAtTheDeadline() throws Exception {
        try (VexillaServer server = start()) {
            RawClient silent = connect(server);

            assertThat(silent.awaitClose(Duration.ofSeconds(20))).isEmpty();
        }
    }

    @Test
    void keptAliveConnection_staysOpenWhileIdleBetweenRequests() throws Exception {
        try (VexillaServer server = start()) {
            RawClient client = connect(server);
            client.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
            await().atMost(Duration.ofSeconds(10)).until(client::answered);

            await().during(HEADER_TIMEOUT.multipliedBy(2))
                    .atMost(HEADER_TIMEOUT.multipliedBy(5))
                    .until(() -> !client.closedByServer());
            client.send("GET /readyz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

            String answers = client.awaitClose(Duration.ofSeconds(10));
            assertThat(answers.split("HTTP/1.1 200 ", -1)).hasSize(3);
        }
    }

    @Test
    void changeStream_isNotClosedByTheDeadline() throws Exception {
        try (VexillaServer server = start()) {
            RawClient stream = connect(server);
            stream.send("GET /v1/stream HTTP/1.1\r\nHost: x\r\nAuthorization: " + TestServers.KEY_A + "\r\n\r\n");
            await().atMost(Duration.ofSeconds(10)).until(stream::answered);

            await().during(HEADER_TIMEOUT.multipliedBy(2))
                    .atMost(HEADER_TIMEOUT.multipliedBy(5))
                    .until(() -> !stream.closedByServer());
            assertThat(server.metrics().render()).contains("vexilla_stream_clients 1");
        }
    }
}
