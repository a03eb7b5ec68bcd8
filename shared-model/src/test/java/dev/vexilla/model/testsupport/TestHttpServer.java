package dev.vexilla.model.testsupport;

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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server (the JDK's) on a random loopback port that answers with scripted handlers, in order, then
 * with a fallback, and records every request.
 */
public final class TestHttpServer implements AutoCloseable {
    private static final AtomicInteger THREADS = new AtomicInteger();

    /** Writes one response. */
    public interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    /** What a request looked like. */
    public static final class RecordedRequest {
        public final String method;
        public final String path;
        public final Map<String, List<String>> headers;

        RecordedRequest(String method, String path, Map<String, List<String>> headers) {
            this.method = method;
            this.path = path;
            this.headers = headers;
        }

        /** Returns the first value of a header, or null. */
        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final ConcurrentLinkedDeque<Handler> script = new ConcurrentLinkedDeque<>();
    private final BlockingQueue<RecordedRequest> requests = new LinkedBlockingQueue<>();
    private final AtomicInteger requestCount = new AtomicInteger();
    private volatile Handler fallback = respond(404, "");

    private TestHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "test-http-server-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    /** Starts a server. */
    public static TestHttpServer start() {
        try {
            return new TestHttpServer();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns {@code http://127.0.0.1:<port>}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Queues handlers for the next requests, in order. */
    public TestHttpServer enqueue(Handler... handlers) {
        for (Handler h : handlers) {
            script.addLast(h);
        }
        return this;
    }

    /** Sets the handler used once the queue is empty. */
    public TestHttpServer fallback(Handler handler) {
        this.fallback = handler;
        return this;
    }

    /** Takes the next recorded request, waiting at most 10 s. */
    public RecordedRequest takeRequest() {
        try {
            RecordedRequest r = requests.poll(10, TimeUnit.SECONDS);
            if (r == null) {
                throw new AssertionError("no request arrived within 10 s");
            }
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Returns how many requests arrived so far. */
    public int requestCount() {
        return requestCount.get();
    }

    /** A complete response with a body and headers given as name, value, name, value... */
    public static Handler respond(int status, String body, String... headers) {
        return exchange -> {
            for (int i = 0; i + 1 < headers.length; i += 2) {
                exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            if (status == 304 || status == 204) {
                exchange.sendResponseHeaders(status, -1);
            } else {
                exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
            exchange.close();
        };
    }

    private void serve(HttpExchange exchange) throws IOException {
        requestCount.incrementAndGet();
        requests.add(new RecordedRequest(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(),
                Map.copyOf(exchange.getRequestHeaders())));
        Handler handler = script.pollFirst();
        try {
            (handler != null ? handler : fallback).handle(exchange);
        } catch (IOException e) {
            exchange.close(); // the client went away; nothing to report
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
