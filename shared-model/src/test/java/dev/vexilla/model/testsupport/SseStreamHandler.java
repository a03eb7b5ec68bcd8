package dev.vexilla.model.testsupport;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A streaming {@code text/event-stream} response for {@link TestHttpServer}: the test pushes chunks with
 * {@link #send} (each is written and flushed as one HTTP chunk) and ends the response with {@link #end}.
 */
public final class SseStreamHandler implements TestHttpServer.Handler {
    private static final String END = "\u0000END";

    private final BlockingQueue<String> chunks = new LinkedBlockingQueue<>();
    private final CountDownLatch opened = new CountDownLatch(1);

    /** Queues a chunk; it is written as soon as the stream is open. */
    public SseStreamHandler send(String chunk) {
        chunks.add(chunk);
        return this;
    }

    /** Ends the response after the chunks queued so far. */
    public SseStreamHandler end() {
        chunks.add(END);
        return this;
    }

    /** Waits at most 10 s for a client to open this stream. */
    public void awaitOpened() throws InterruptedException {
        if (!opened.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("the stream was not opened within 10 s");
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream; charset=utf-8");
        exchange.sendResponseHeaders(200, 0);
        opened.countDown();
        try (OutputStream out = exchange.getResponseBody()) {
            while (true) {
                String chunk = chunks.take();
                if (chunk.equals(END)) {
                    break;
                }
                out.write(chunk.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }
}
