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
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The change-stream reader against a scripted JDK HTTP server speaking server-sent events. */
final class ChangeStreamTest {
    private HttpServer server;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger invalidations = new AtomicInteger();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private ChangeStream stream(int status) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/stream", exchange -> {
            connections.incrementAndGet();
            if (status != 200) {
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write((": connected\n\n: heartbeat\n\ndata: {\"type\":\"somethingElse\"}\n\n"
                                + "data: {\"type\":\"refetchConfig\",\"etag\":\"abc\"}\n\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
        });
        server.start();
        return new ChangeStream(
                CloudOptions.builder()
                        .sdkKey("cloud-test-key-0123456789abcdef")
                        .baseUrl(URI.create(
                                "http://127.0.0.1:" + server.getAddress().getPort() + "/"))
                        .environment(Map.of())
                        .build(),
                invalidations::incrementAndGet);
    }

    @Test
    void connectingAndRefetchMessagesInvalidateAndTheStreamReconnects() throws Exception {
        ChangeStream s = stream(200);
        s.start();
        try {
            // each connection: one invalidation on connect, one for the refetchConfig message, none for the rest
            await().atMost(Duration.ofSeconds(10)).until(() -> connections.get() >= 2);
            await().atMost(Duration.ofSeconds(5)).until(() -> invalidations.get() >= 4);
            assertThat(invalidations.get()).isLessThanOrEqualTo(2 * connections.get());
        } finally {
            s.close();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> !s.isAlive());
    }

    @Test
    void aRefusedKeyStopsTheStreamForGood() throws Exception {
        ChangeStream s = stream(401);
        s.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> !s.isAlive());
        assertThat(connections).hasValue(1);
        assertThat(invalidations).hasValue(0);
        s.close();
        s.close();
    }
}
