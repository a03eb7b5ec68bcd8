package dev.vexilla.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Fans config changes out to the open change streams ({@code GET /v1/stream}, server-sent events).
 *
 * <p>On every accepted change of a config, each stream following it receives
 * {@code data: {"type":"refetchConfig","etag":"<etag>","lastModified":<epoch ms>}}, where {@code etag} is the
 * config's ETag header value without the quotes. Every heartbeat interval each stream receives the comment
 * {@code : heartbeat}; a failed write is how a dead client is found and removed. At most {@code maxStreams} streams
 * are open at once. A new stream starts with a {@code retry:} hint and a {@code : connected} comment; clients should
 * re-fetch the config (with {@code If-None-Match}) after every (re)connect, since changes made while they were away
 * are not replayed.
 *
 * <p>Thread-safe. {@link #close()} is idempotent: it stops the heartbeat and ends every stream normally.
 */
final class StreamHub implements AutoCloseable {
    /** Reconnect delay suggested to clients in the {@code retry:} field. */
    static final long RETRY_HINT_MILLIS = 5000;

    private final int maxStreams;
    private final Duration heartbeatInterval;
    private final Clock clock;
    private final Set<SseStream> streams = ConcurrentHashMap.newKeySet();
    private final AtomicInteger reserved = new AtomicInteger();
    private final MetricsRegistry.Counter rejected;
    private final ScheduledFuture<?> heartbeat;
    private volatile boolean closed;

    /**
     * Creates the hub and schedules the heartbeat.
     *
     * @param maxStreams the cap on open streams
     * @param heartbeatInterval the interval between heartbeat comments
     * @param scheduler runs the heartbeat
     * @param clock stamps {@code lastModified}
     * @param metrics where the stream gauges and counters go
     */
    StreamHub(
            int maxStreams,
            Duration heartbeatInterval,
            ScheduledExecutorService scheduler,
            Clock clock,
            MetricsRegistry metrics) {
        this.maxStreams = maxStreams;
        this.heartbeatInterval = heartbeatInterval;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rejected =
                metrics.counter("vexilla_stream_rejected_total", "Change streams refused because the cap was reached.");
        metrics.gauge("vexilla_stream_clients", "Open change streams.", List.of(), () -> Map.of(List.of(), size()));
        long millis = heartbeatInterval.toMillis();
        this.heartbeat = scheduler.scheduleAtFixedRate(this::heartbeat, millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Opens a stream for an authenticated request, or refuses with 503 when the cap is reached.
     *
     * @param configName the config the client follows
     * @param request the request
     * @param response the response
     * @param callback the request's callback, completed when the stream ends
     * @throws HttpError 503 when {@code maxStreams} streams are open or the server is closing
     */
    void open(String configName, Request request, Response response, Callback callback) {
        if (closed || !reserve()) {
            rejected.inc();
            response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(RETRY_HINT_MILLIS / 1000));
            throw new HttpError(503, "Too many open change streams; retry later");
        }
        SseStream stream = new SseStream(configName, response, callback, this::remove);
        streams.add(stream);
        long idle = Math.max(heartbeatInterval.toMillis() * 3, 30_000);
        request.getConnectionMetaData().getConnection().getEndPoint().setIdleTimeout(idle);
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache, no-store");
        response.getHeaders().put("X-Accel-Buffering", "no");
        request.addFailureListener(stream::end);
        stream.send("retry: " + RETRY_HINT_MILLIS + "\n: connected\n\n");
        if (closed) {
            stream.close();
        }
    }

    /**
     * Tells every stream following {@code config} that it changed.
     *
     * @param config the new version
     */
    void announce(ServedConfig<?> config) {
        ObjectNode data = ServerJson.mapper().createObjectNode();
        data.put("type", "refetchConfig");
        data.put("etag", config.etag());
        data.put("lastModified", clock.millis());
        String frame = "data: " + data + "\n\n";
        for (SseStream stream : streams) {
            if (stream.configName().equals(config.name())) {
                stream.send(frame);
            }
        }
    }

    /**
     * Sends a heartbeat comment to every stream now. Called on the heartbeat schedule.
     */
    void heartbeat() {
        for (SseStream stream : streams) {
            try {
                stream.send(": heartbeat\n\n");
            } catch (RuntimeException e) {
                stream.end(e);
            }
        }
    }

    /**
     * Returns how many streams are open.
     *
     * @return the number of open streams
     */
    int size() {
        return streams.size();
    }

    private boolean reserve() {
        while (true) {
            int current = reserved.get();
            if (current >= maxStreams) {
                return false;
            }
            if (reserved.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    private void remove(SseStream stream) {
        if (streams.remove(stream)) {
            reserved.decrementAndGet();
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        heartbeat.cancel(false);
        for (SseStream stream : streams) {
            stream.close();
        }
    }
}
