package dev.vexilla.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A test client of {@code GET /v1/stream}: a daemon thread reads lines into a queue. */
final class SseTestClient implements AutoCloseable {
    private final HttpResponse<InputStream> response;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Thread reader;
    private final CountDownLatch ended = new CountDownLatch(1);

    private SseTestClient(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = new Thread(this::read, "sse-test-client");
        reader.setDaemon(true);
        reader.start();
    }

    static SseTestClient open(VexillaServer server, String key) throws IOException, InterruptedException {
        return open(server, key, null);
    }

    /** Opens a stream as a reconnecting client does, with {@code Last-Event-ID} when it is not null. */
    static SseTestClient open(VexillaServer server, String key, String lastEventId)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(server.baseUri().resolve("/v1/stream"))
                .header("Authorization", key)
                .header("Accept", "text/event-stream")
                .GET();
        if (lastEventId != null) {
            builder.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> response =
                TestServers.HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        return new SseTestClient(response);
    }

    /**
     * Opens a stream the way DevCycle's SDKs do: the SDK key in the {@code sdkKey} query parameter, no
     * {@code Authorization} header; with {@code Last-Event-ID} when it is not null.
     */
    static SseTestClient openWithKeyParameter(VexillaServer server, String key, String lastEventId)
            throws IOException, InterruptedException {
        String query = "/v1/stream?sdkKey=" + java.net.URLEncoder.encode(key, StandardCharsets.UTF_8);
        HttpRequest.Builder builder = HttpRequest.newBuilder(server.baseUri().resolve(query))
                .header("Accept", "text/event-stream")
                .GET();
        if (lastEventId != null) {
            builder.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> response =
                TestServers.HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        return new SseTestClient(response);
    }

    HttpResponse<InputStream> response() {
        return response;
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            // closed
        } finally {
            ended.countDown();
        }
    }

    /** Waits until the server ends the stream (the body reaches its end or fails); false after 30 s. */
    boolean awaitEnd() throws InterruptedException {
        return ended.await(30, TimeUnit.SECONDS);
    }

    /** Waits for the next line matching {@code predicate}, skipping others. */
    String awaitLine(Predicate<String> predicate) throws InterruptedException {
        return awaitLine(predicate, Duration.ofSeconds(10));
    }

    /** Waits up to {@code timeout} for the next line matching {@code predicate}, skipping others. */
    String awaitLine(Predicate<String> predicate, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && predicate.test(line)) {
                return line;
            }
        }
        throw new AssertionError("no matching SSE line within " + timeout);
    }

    /** Returns the lines up to and including the next one matching {@code predicate}. */
    List<String> linesUntil(Predicate<String> predicate) throws InterruptedException {
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                seen.add(line);
                if (predicate.test(line)) {
                    return seen;
                }
            }
        }
        throw new AssertionError("no matching SSE line within 10 s; saw " + seen);
    }

    @Override
    public void close() throws IOException {
        response.body().close();
    }
}
