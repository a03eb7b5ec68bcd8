package dev.vexilla.cloud.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.vexilla.cloud.CloudOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The change-stream reader against a scripted JDK HTTP server speaking server-sent events. */
final class ChangeStreamTest {
    private static final String SCRIPT = ": connected\n\n: heartbeat\n\n"
            + "data: {\"type\":\"somethingElse\"}\n\n"
            + "data: {not json\n\n"
            + "id: v2\ndata: {\"type\":\"refetchConfig\",\"etag\":\"v2\",\"flagsChanged\":[\"b\",\"a\"]}\n\n"
            + "id: v3\ndata:{\"type\":\"refetchConfig\",\"etag\":\"v3\"}\n\n";
    /** DevCycle's envelope: the message is a JSON string, without a type. */
    private static final String DEVCYCLE_ENVELOPE = "data: {\"id\":\"m1\",\"timestamp\":1,\"channel\":\"c\","
            + "\"name\":\"change\",\"data\":\"{\\\"etag\\\":\\\"v4\\\",\\\"lastModified\\\":1}\"}\n\n";

    private HttpServer server;
    /** Runs the read-timeout check; no test gets near the 95 s timeout. */
    private final ScheduledExecutorService scheduler = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "change-stream-test-scheduler");
        t.setDaemon(true);
        return t;
    });
    /** The {@code Last-Event-ID} header of each connection, "-" when absent. */
    private final BlockingQueue<String> lastEventIds = new LinkedBlockingQueue<>();
    /** The {@code X-Team} and {@code Authorization} headers of each connection. */
    private final BlockingQueue<String> requestHeaders = new LinkedBlockingQueue<>();
    /** What the listener was told, in order. */
    private final BlockingQueue<String> reports = new LinkedBlockingQueue<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
        scheduler.shutdownNow();
    }

    private ChangeStream stream(int status, ChangeStream.Listener listener) throws IOException {
        return stream(status, SCRIPT.getBytes(StandardCharsets.UTF_8), listener);
    }

    private ChangeStream stream(int status, byte[] script, ChangeStream.Listener listener) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/stream", exchange -> {
            String lastEventId = exchange.getRequestHeaders().getFirst("Last-Event-ID");
            lastEventIds.add(lastEventId == null ? "-" : lastEventId);
            requestHeaders.add(exchange.getRequestHeaders().getFirst("X-Team") + " "
                    + exchange.getRequestHeaders().get("Authorization"));
            if (status != 200) {
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(script);
            }
        });
        server.start();
        return new ChangeStream(
                CloudOptions.builder()
                        .sdkKey("cloud-test-key-0123456789abcdef")
                        .baseUrl(URI.create(
                                "http://127.0.0.1:" + server.getAddress().getPort() + "/"))
                        .environment(Map.of())
                        .header("X-Team", "checkout")
                        .header("authorization", "not-the-key")
                        .build(),
                scheduler,
                listener);
    }

    private ChangeStream.Listener recording() {
        return new ChangeStream.Listener() {
            @Override
            public void connected() {
                reports.add("connected");
            }

            @Override
            public void configChanged(@Nullable Set<String> flagsChanged) {
                reports.add("changed " + (flagsChanged == null ? "unknown" : flagsChanged));
            }
        };
    }

    private List<String> take(BlockingQueue<String> queue, int count) throws InterruptedException {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String next = queue.poll(10, TimeUnit.SECONDS);
            assertThat(next).as("report %d of %d, after %s", i + 1, count, out).isNotNull();
            out.add(next);
        }
        return out;
    }

    @Test
    void reportsEachConnectionAndEachRefetchMessageWithTheFlagsItLists() throws Exception {
        ChangeStream s = stream(200, recording());
        s.start();
        try {
            assertThat(take(reports, 3)).containsExactly("connected", "changed [a, b]", "changed unknown");
        } finally {
            s.close();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> !s.isAlive());
    }

    @Test
    void readsTheStreamAsTheEventStreamStandardSays() throws Exception {
        // A byte order mark before an id field, CRLF and bare CR line ends, a message split over two data lines
        // with a comment between them, and an unterminated last event (its id too) that the end of the stream
        // discards.
        String text = "\uFEFFid: v5\r\n: hello\r\n\r\n"
                + "data: {\"type\":\"refetchConfig\",\r\n: heartbeat\r\ndata: \"flagsChanged\":[\"x\"]}\r\n\r\n"
                + "data: {\"type\":\"refetchConfig\"}\r\r"
                + "id: v9\ndata: {\"type\":\"refetchConfig\",\"flagsChanged\":[\"cut\"]}\n";
        ChangeStream s = stream(200, text.getBytes(StandardCharsets.UTF_8), recording());
        s.start();
        try {
            assertThat(take(reports, 3)).containsExactly("connected", "changed [x]", "changed unknown");
            assertThat(take(lastEventIds, 2)).containsExactly("-", "v5");
            assertThat(reports.poll(10, TimeUnit.SECONDS)).isEqualTo("connected");
        } finally {
            s.close();
        }
    }

    @Test
    void devCyclesEnvelopeAnnouncesAChangeOfUnknownFlags() throws Exception {
        ChangeStream s = stream(200, DEVCYCLE_ENVELOPE.getBytes(StandardCharsets.UTF_8), recording());
        s.start();
        try {
            assertThat(take(reports, 2)).containsExactly("connected", "changed unknown");
        } finally {
            s.close();
        }
    }

    @Test
    void reconnectDelaysStartAtOneSecondAndDoubleUpToOneMinuteWithHalfJitter() {
        assertThat(ChangeStream.BACKOFF.delay(0, 0.0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(ChangeStream.BACKOFF.delay(1, 0.0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(ChangeStream.BACKOFF.delay(5, 0.0)).isEqualTo(Duration.ofSeconds(32));
        assertThat(ChangeStream.BACKOFF.delay(6, 0.0)).isEqualTo(Duration.ofSeconds(60));
        assertThat(ChangeStream.BACKOFF.delay(40, 0.0)).isEqualTo(Duration.ofSeconds(60));
        assertThat(ChangeStream.BACKOFF.delay(0, 0.999)).isBetween(Duration.ofMillis(500), Duration.ofMillis(501));
    }

    @Test
    void reconnectsAfterTheStreamEndsAndSendsTheLastEventIdItSaw() throws Exception {
        ChangeStream s = stream(200, recording());
        s.start();
        try {
            assertThat(take(lastEventIds, 2)).containsExactly("-", "v3");
            assertThat(take(reports, 4)).endsWith("connected");
        } finally {
            s.close();
        }
    }

    @Test
    void sendsTheExtraHeadersButTheKeyWinsTheAuthorizationHeader() throws Exception {
        ChangeStream s = stream(200, recording());
        s.start();
        try {
            assertThat(take(requestHeaders, 1)).containsExactly("checkout [cloud-test-key-0123456789abcdef]");
        } finally {
            s.close();
        }
    }

    @Test
    void aFailingListenerDoesNotStopTheStream() throws Exception {
        ChangeStream s = stream(200, new ChangeStream.Listener() {
            @Override
            public void connected() {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void configChanged(@Nullable Set<String> flagsChanged) {
                reports.add("changed " + flagsChanged);
            }
        });
        s.start();
        try {
            assertThat(take(reports, 2)).containsExactly("changed [a, b]", "changed null");
        } finally {
            s.close();
        }
    }

    @Test
    void aRefusedKeyStopsTheStreamForGood() throws Exception {
        ChangeStream s = stream(401, recording());
        s.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> !s.isAlive());
        assertThat(lastEventIds).hasSize(1);
        assertThat(reports).isEmpty();
        s.close();
        s.close();
    }
}
