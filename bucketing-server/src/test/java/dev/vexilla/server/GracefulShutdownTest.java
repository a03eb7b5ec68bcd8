package dev.vexilla.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link VexillaServer#close()} drains: a request in flight completes, change streams get a final frame and end,
 * and what is still running after the shutdown timeout is aborted; one log line reports the counts.
 */
final class GracefulShutdownTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String BODY = "{\"batch\":[]}";

    @TempDir
    Path dir;

    @Test
    void close_waitsForARequestInFlightWhichCompletes() throws Exception {
        VexillaServer server = start(Duration.ofSeconds(60));
        try (RawClient client = RawClient.connect(server)) {
            sendHalfABatch(client);
            awaitBodyPending(server);

            CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close, GracefulShutdownTest::thread);
            Awaitility.await().atMost(WAIT).until(server::isDraining);
            assertThat(closing).isNotDone();
            client.send(BODY.substring(BODY.length() / 2));

            String answer = client.awaitClose(WAIT);
            closing.get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            assertThat(answer).startsWith("HTTP/1.1 201");
            assertThat(stopLine(server)).contains("1 request(s) in flight (0 change stream(s)): 1 drained, 0 aborted");
        } finally {
            server.close();
        }
    }

    @Test
    void close_endsChangeStreamsWithAReconnectLaterFrame() throws Exception {
        VexillaServer server = start(Duration.ofSeconds(60));
        try (SseTestClient stream = SseTestClient.open(server, TestServers.KEY_A)) {
            stream.awaitLine(": connected"::equals);

            CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close, GracefulShutdownTest::thread);

            List<String> last = stream.linesUntil(StreamHub.SHUTDOWN_FRAME_TEXT::equals);
            assertThat(last).contains("retry: " + StreamHub.RETRY_HINT_MILLIS);
            assertThat(stream.awaitEnd())
                    .as("the stream ends after the final frame")
                    .isTrue();
            closing.get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            assertThat(stopLine(server)).contains("1 request(s) in flight (1 change stream(s)): 1 drained, 0 aborted");
        } finally {
            server.close();
        }
    }

    @Test
    void close_abortsWhatIsStillRunningAfterTheShutdownTimeout() throws Exception {
        VexillaServer server = start(Duration.ofMillis(200));
        try (RawClient client = RawClient.connect(server)) {
            sendHalfABatch(client);
            awaitBodyPending(server);

            server.close();

            client.awaitClose(WAIT);
            assertThat(client.closedByServer()).isTrue();
            assertThat(stopLine(server)).contains("1 request(s) in flight (0 change stream(s)): 0 drained, 1 aborted");
        } finally {
            server.close();
        }
    }

    @Test
    void close_withNothingInFlightStopsAtOnceAndLogsZeroes() throws Exception {
        VexillaServer server = start(Duration.ofSeconds(60));

        server.close();

        assertThat(server.isDraining()).isTrue();
        assertThat(stopLine(server)).contains("0 request(s) in flight (0 change stream(s)): 0 drained, 0 aborted");
        Awaitility.await().atMost(WAIT).until(server::isTerminated);
    }

    private VexillaServer start(Duration shutdownTimeout) throws IOException {
        return TestServers.start(TestServers.options(dir)
                .configDirectory(TestServers.configDirectory(dir))
                .shutdownTimeout(shutdownTimeout)
                .build());
    }

    private static void sendHalfABatch(RawClient client) throws IOException {
        client.send("POST " + EventsRoute.PATH + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + TestServers.KEY_A
                + "\r\nContent-Type: application/json\r\nContent-Length: " + BODY.length() + "\r\n\r\n"
                + BODY.substring(0, BODY.length() / 2));
    }

    private static void awaitBodyPending(VexillaServer server) {
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> RequestBodiesTest.gauge(server, "vexilla_http_request_bodies_pending") == 1);
    }

    /** The server's one stop line, found by its port. */
    private static String stopLine(VexillaServer server) throws IOException {
        String marker = "on 127.0.0.1:" + server.port() + " stopped";
        return TestLogs.text()
                .lines()
                .filter(l -> l.contains(marker))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no stop line with " + marker));
    }

    private static void thread(Runnable task) {
        Thread thread = new Thread(task, "test-close");
        thread.setDaemon(true);
        thread.start();
    }
}
