package dev.vexilla.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * DevCycle's config CDN and events API for DevCycle's Java SDK, on a random loopback port of this JVM (the JDK's
 * built-in HTTP server), so that the SDK's local client loads the scenario config the way it does in production,
 * without the network.
 *
 * <ul>
 *   <li>{@code GET /config/v2/server/{sdkKey}.json} answers the config with an {@code ETag} and a
 *       {@code Last-Modified} header (the SDK keeps both and sends them back; a config without {@code Last-Modified}
 *       breaks its next poll), or {@code 304} when {@code If-None-Match} carries the ETag. With realtime updates off the
 *       SDK never reads the config's {@code sse} object, so the scenario config has none.
 *   <li>{@code POST /v1/events/batch} answers {@code 201}; with event logging off the SDK should never call it, and
 *       {@link #eventRequests()} tells.
 *   <li>Anything else answers {@code 404}.
 * </ul>
 *
 * <p>Requests are served on the server's dispatcher thread; {@link #close()} stops it.
 */
final class DevCycleCdn implements AutoCloseable {

    /** The SDK key the config is served under; DevCycle's SDK requires server keys to start with {@code server}. */
    static final String SDK_KEY = "server-vexilla-bench-0001";

    private static final String CONFIG_PATH = "/config/v2/server/" + SDK_KEY + ".json";
    private static final String EVENTS_PATH = "/v1/events/batch";
    private static final String ETAG = "\"vexilla-bench-1\"";
    private static final String LAST_MODIFIED = "Mon, 07 Dec 2026 00:00:00 GMT";

    private final HttpServer server;
    private final byte[] config;
    private final AtomicInteger configRequests = new AtomicInteger();
    private final AtomicInteger eventRequests = new AtomicInteger();

    private DevCycleCdn(HttpServer server, byte[] config) {
        this.server = server;
        this.config = config;
    }

    /**
     * Starts serving a config.
     *
     * @param configJson the DevCycle config v2 text
     * @return the running server
     * @throws IOException if the server cannot bind
     */
    static DevCycleCdn start(String configJson) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        DevCycleCdn cdn = new DevCycleCdn(server, configJson.getBytes(StandardCharsets.UTF_8));
        server.createContext("/", cdn::handle);
        server.start();
        return cdn;
    }

    /**
     * Returns the base URI, e.g. {@code http://127.0.0.1:41234/}: both the SDK's CDN and its events base URL.
     *
     * @return the base URI, ending in {@code /}
     */
    URI baseUri() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + "/");
    }

    /**
     * Returns how many config requests were answered (200 and 304).
     *
     * @return the count
     */
    int configRequests() {
        return configRequests.get();
    }

    /**
     * Returns how many event batches were posted.
     *
     * @return the count
     */
    int eventRequests() {
        return eventRequests.get();
    }

    /** Stops the server at once. */
    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if ("GET".equals(method) && CONFIG_PATH.equals(path)) {
                configRequests.incrementAndGet();
                exchange.getResponseHeaders().set("ETag", ETAG);
                exchange.getResponseHeaders().set("Last-Modified", LAST_MODIFIED);
                if (ETAG.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                    exchange.sendResponseHeaders(304, -1);
                    return;
                }
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, config.length);
                exchange.getResponseBody().write(config);
            } else if ("POST".equals(method) && EVENTS_PATH.equals(path)) {
                eventRequests.incrementAndGet();
                byte[] body = "{\"message\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(201, body.length);
                exchange.getResponseBody().write(body);
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
        } finally {
            exchange.close();
        }
    }
}
