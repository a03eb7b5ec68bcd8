package dev.vexilla.local;

import static dev.vexilla.model.testsupport.TestHttpServer.respond;

import dev.vexilla.model.testsupport.SseStreamHandler;
import dev.vexilla.model.testsupport.TestHttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback fake of DevCycle's services on one real HTTP server: the config CDN
 * ({@code GET /config/v2/server/{key}.json}, answered from a queue, then 304), change streams at any path starting
 * with {@code /event-stream} (the first request of each path gets its {@link SseStreamHandler}, later ones 204, which
 * tells an SSE client not to reconnect), and the events API ({@code POST /v1/events/batch}, 201).
 */
final class FakeDevCycle implements AutoCloseable {

    static final String KEY = "dvc_server_test-0123456789abcdef";
    static final String CONFIG_PATH = "/config/v2/server/" + KEY + ".json";

    /** One config request: its path and conditional headers ("-" when absent). */
    static final class ConfigRequest {
        final String path;
        final String ifNoneMatch;
        final String ifModifiedSince;

        ConfigRequest(String path, String ifNoneMatch, String ifModifiedSince) {
            this.path = path;
            this.ifNoneMatch = ifNoneMatch;
            this.ifModifiedSince = ifModifiedSince;
        }
    }

    /** One events request: its Authorization header and body. */
    static final class EventsRequest {
        final String authorization;
        final String body;

        EventsRequest(String authorization, String body) {
            this.authorization = authorization;
            this.body = body;
        }
    }

    final TestHttpServer http = TestHttpServer.start();
    final BlockingQueue<TestHttpServer.Handler> configResponses = new LinkedBlockingQueue<>();
    final BlockingQueue<ConfigRequest> configRequests = new LinkedBlockingQueue<>();
    final BlockingQueue<EventsRequest> events = new LinkedBlockingQueue<>();
    final AtomicInteger configRequestCount = new AtomicInteger();
    /** The Authorization header ("-" when absent) of each change-stream request, in order. */
    final BlockingQueue<String> streamAuthorizations = new LinkedBlockingQueue<>();

    private final Map<String, SseStreamHandler> streams = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> streamRequests = new ConcurrentHashMap<>();

    FakeDevCycle() {
        http.fallback(exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/event-stream")) {
                streamAuthorizations.add(orDash(exchange.getRequestHeaders().getFirst("Authorization")));
                int n = streamRequests
                        .computeIfAbsent(path, p -> new AtomicInteger())
                        .incrementAndGet();
                (n == 1 ? stream(path) : respond(204, "")).handle(exchange);
            } else if (path.equals("/v1/events/batch")) {
                try (InputStream in = exchange.getRequestBody()) {
                    String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    events.add(new EventsRequest(exchange.getRequestHeaders().getFirst("Authorization"), body));
                }
                respond(201, "{\"message\":\"Successfully received events\"}").handle(exchange);
            } else if (path.startsWith("/config/v2/server/")) {
                configRequestCount.incrementAndGet();
                configRequests.add(new ConfigRequest(
                        path,
                        orDash(exchange.getRequestHeaders().getFirst("If-None-Match")),
                        orDash(exchange.getRequestHeaders().getFirst("If-Modified-Since"))));
                TestHttpServer.Handler next = configResponses.poll();
                (next != null ? next : respond(304, "")).handle(exchange);
            } else {
                respond(404, "").handle(exchange);
            }
        });
    }

    URI baseUri() {
        return http.baseUri();
    }

    /** The stream served at a path (created on first use). */
    SseStreamHandler stream(String path) {
        return streams.computeIfAbsent(path, p -> new SseStreamHandler());
    }

    /** Takes the next config request, waiting at most 30 s. */
    ConfigRequest takeConfigRequest() throws InterruptedException {
        ConfigRequest r = configRequests.poll(30, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("no config request within 30 s");
        }
        return r;
    }

    /** Takes the next events request, waiting at most 30 s. */
    EventsRequest takeEvents() throws InterruptedException {
        EventsRequest r = events.poll(30, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("no events request within 30 s");
        }
        return r;
    }

    /** The checkout config v2 naming a change stream at {@code streamPath} of this server, with a copy text. */
    String config(String streamPath, String copy) throws IOException {
        String config;
        try (InputStream in = FakeDevCycle.class.getResourceAsStream("/devcycle/checkout-v2.json")) {
            config = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String sse = "{\"sse\":{\"hostname\":\"" + baseUri() + "\",\"path\":\"" + streamPath + "\"},";
        return sse + config.substring(config.indexOf('{') + 1).replace("\"Pay now\"", "\"" + copy + "\"");
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }

    @Override
    public void close() {
        streams.values().forEach(SseStreamHandler::end);
        http.close();
    }
}
