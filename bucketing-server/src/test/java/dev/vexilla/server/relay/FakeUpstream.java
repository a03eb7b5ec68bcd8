package dev.vexilla.server.relay;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/**
 * A loopback HTTP server posing as an upstream CDN (ConfigCat's or DevCycle's path), a server-sent-events endpoint
 * and an events API, on the JDK's HTTP server. Configs are served with their ETag (304 on a matching
 * {@code If-None-Match}) and Last-Modified; every request is recorded.
 */
final class FakeUpstream implements AutoCloseable {
    /** A request as the fake saw it. */
    record Seen(String method, String path, Map<String, String> headers, String body) {
        @Nullable
        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** What the fake serves on a config path. */
    record Served(
            byte[] body, @Nullable String etag, @Nullable String lastModified) {
        static Served of(String body, String etag) {
            return new Served(body.getBytes(StandardCharsets.UTF_8), etag, null);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-upstream");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Served> configs = new ConcurrentHashMap<>();
    private final List<Seen> requests = new CopyOnWriteArrayList<>();
    private final List<OutputStream> streams = new CopyOnWriteArrayList<>();
    private volatile int failStatus;
    private volatile int eventsStatus = 201;

    FakeUpstream() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Serves {@code served} at {@code path} from now on. */
    void serve(String path, Served served) {
        configs.put(path, served);
    }

    /** Answers every config request with this status (0: serve normally). */
    void failWith(int status) {
        failStatus = status;
    }

    /** Answers event posts with this status. */
    void eventsStatus(int status) {
        eventsStatus = status;
    }

    List<Seen> requests() {
        return List.copyOf(requests);
    }

    List<Seen> requestsTo(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    int openStreams() {
        return streams.size();
    }

    /** Sends a raw server-sent-events frame to every open stream. */
    void sendToStreams(String frame) throws IOException {
        for (OutputStream out : streams) {
            out.write(frame.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        byte[] in = exchange.getRequestBody().readAllBytes();
        Map<String, String> headers = new java.util.HashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
        requests.add(new Seen(
                exchange.getRequestMethod(), path, Map.copyOf(headers), new String(in, StandardCharsets.UTF_8)));
        if (path.equals("/sse")) {
            openStream(exchange);
            return;
        }
        if (path.equals("/v1/events/batch")) {
            respond(exchange, eventsStatus, "{}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        int fail = failStatus;
        Served served = configs.get(path);
        if (fail != 0 || served == null) {
            respond(exchange, fail != 0 ? fail : 404, "{}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        Headers out = exchange.getResponseHeaders();
        if (served.etag() != null) {
            out.set("ETag", served.etag());
        }
        if (served.lastModified() != null) {
            out.set("Last-Modified", served.lastModified());
        }
        if (served.etag() != null && served.etag().equals(headers.get("if-none-match"))) {
            exchange.sendResponseHeaders(304, -1);
            exchange.close();
            return;
        }
        respond(exchange, 200, served.body());
    }

    private void openStream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        out.write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        streams.add(out);
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    /** Ends every open stream, as an upstream restart would. */
    void endStreams() {
        for (OutputStream out : streams) {
            try {
                out.close();
            } catch (IOException e) {
                // already gone
            }
        }
        streams.clear();
    }

    @Override
    public void close() {
        endStreams();
        server.stop(0);
        threads.shutdownNow();
    }
}
