package dev.vexilla.cloud.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.vexilla.cloud.CloudOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The retry policy on a scripted JDK HTTP server: 5xx retried within the deadline, 4xx never, headers sent. */
final class HttpTransportTest {
    private HttpServer server;
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
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private HttpTransport transport(int retries) {
        return new HttpTransport(
                CloudOptions.builder()
                        .sdkKey("cloud-test-key-0123456789abcdef")
                        .baseUrl(uri("/"))
                        .retries(retries)
                        .requestTimeout(Duration.ofSeconds(5))
                        .header("X-Team", "checkout")
                        .header("Authorization", "must-not-win")
                        .environment(Map.of())
                        .build(),
                Map.of("Authorization", "cloud-test-key-0123456789abcdef"));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static long deadline() {
        return Clock.systemUTC().millis() + 5000;
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
            assertThatThrownBy(() -> t.post(
                            uri("/404"), new byte[0], null, Clock.systemUTC().millis() - 1))
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
}
