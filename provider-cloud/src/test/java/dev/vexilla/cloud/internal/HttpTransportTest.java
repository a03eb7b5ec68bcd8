package dev.vexilla.cloud.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.vexilla.cloud.CloudOptions;
import dev.vexilla.model.internal.time.Deadline;
import dev.vexilla.model.internal.time.DeadlineExceededException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The retry policy and the deadline on a scripted JDK HTTP server: 5xx retried within the deadline, 4xx never,
 * headers sent, a dripping answer aborted at the deadline.
 */
final class HttpTransportTest {
    /** The pause between two bytes of a dripped answer: never long enough for a read timeout. */
    private static final long DRIP_INTERVAL_MILLIS = 20;
    /** Slack for a loaded machine; idle, a deadline holds within a few milliseconds. */
    private static final Duration SLACK = Duration.ofSeconds(1);

    private HttpServer server;
    private ExecutorService handlers;
    private final AtomicInteger calls = new AtomicInteger();
    private volatile String lastAuthorization;
    private volatile String lastTeam;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/500", exchange -> {
            calls.incrementAndGet();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.createContext("/404", exchange -> {
            calls.incrementAndGet();
            lastAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
            lastTeam = exchange.getRequestHeaders().getFirst("X-Team");
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/drip", exchange -> {
            calls.incrementAndGet();
            byte[] body = "{\"value\":\"dripped\"}".repeat(10).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                for (byte b : body) {
                    out.write(b);
                    out.flush();
                    TimeUnit.MILLISECONDS.sleep(DRIP_INTERVAL_MILLIS); // the fault's pace, not a synchronisation
                }
            } catch (IOException clientWentAway) {
                // the client aborted the request
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.createContext("/slow500", exchange -> {
            calls.incrementAndGet();
            try {
                TimeUnit.MILLISECONDS.sleep(100); // the server's latency
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        handlers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "test-http-handler");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(handlers);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        handlers.shutdownNow();
    }

    private HttpTransport transport(int retries) {
        return new HttpTransport(
                CloudOptions.builder()
                        .sdkKey("cloud-test-key-0123456789abcdef")
                        .baseUrl(uri("/"))
                        .retries(retries)
                        .maxConnections(1)
                        .requestTimeout(Duration.ofSeconds(10))
                        .header("X-Team", "checkout")
                        .header("Authorization", "must-not-win")
                        .environment(Map.of())
                        .build(),
                Map.of("Authorization", "cloud-test-key-0123456789abcdef"));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static Deadline deadline() {
        return Deadline.after(Duration.ofSeconds(10));
    }

    @Test
    void serverErrorsAreRetriedUpToTheConfiguredCount() throws Exception {
        try (HttpTransport t = transport(2)) {
            assertThat(t.post(uri("/500"), new byte[0], null, deadline()).status())
                    .isEqualTo(500);
        }
        assertThat(calls).hasValue(3);
    }

    @Test
    void clientErrorsAreNotRetriedAndHeadersAreSent() throws Exception {
        try (HttpTransport t = transport(3)) {
            assertThat(t.post(uri("/404"), new byte[0], null, deadline()).status())
                    .isEqualTo(404);
        }
        assertThat(calls).hasValue(1);
        assertThat(lastAuthorization).isEqualTo("cloud-test-key-0123456789abcdef");
        assertThat(lastTeam).isEqualTo("checkout");
    }

    @Test
    void aPassedDeadlineSendsNothing() {
        try (HttpTransport t = transport(3)) {
            assertThatThrownBy(() -> t.post(uri("/404"), new byte[0], null, Deadline.after(Duration.ZERO)))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("deadline");
        }
        assertThat(calls).hasValue(0);
    }

    @Test
    void refusedConnectionsAreRetriedThenReported() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        try (HttpTransport t = transport(2)) {
            assertThatThrownBy(() ->
                            t.post(URI.create("http://127.0.0.1:" + closedPort + "/"), new byte[0], null, deadline()))
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void aDrippingAnswerIsAbortedAtTheDeadlineAndItsConnectionIsNotKept() throws Exception {
        try (HttpTransport t = transport(3)) {
            Deadline deadline = Deadline.after(Duration.ofMillis(300));

            assertThatThrownBy(() -> t.post(uri("/drip"), new byte[0], null, deadline))
                    .isInstanceOf(DeadlineExceededException.class)
                    .hasMessage("the deadline of 300 ms passed while waiting for the server's answer");

            assertThat(Duration.ofNanos(-deadline.remainingNanos())).isLessThan(SLACK);
            // The pool holds one connection: the aborted one was given back, so the next request gets one at once.
            assertThat(t.post(uri("/404"), new byte[0], null, deadline()).status())
                    .isEqualTo(404);
        }
        assertThat(calls).hasValue(2);
    }

    @Test
    void retriesCountAgainstTheSameDeadline() {
        try (HttpTransport t = transport(10)) {
            Deadline deadline = Deadline.after(Duration.ofMillis(350));

            String outcome;
            try {
                outcome = "HTTP "
                        + t.post(uri("/slow500"), new byte[0], null, deadline).status();
            } catch (IOException e) {
                outcome = e.getClass().getSimpleName();
            }

            // the last 500 when no further attempt fitted, or the abort of an attempt the deadline cut short
            assertThat(outcome).isIn("HTTP 500", "DeadlineExceededException");
            assertThat(Duration.ofNanos(-deadline.remainingNanos())).isLessThan(SLACK);
        }
        // Each attempt takes at least 100 ms: at most four fit in 350 ms, far from eleven.
        assertThat(calls.get()).isBetween(1, 4);
    }
}
