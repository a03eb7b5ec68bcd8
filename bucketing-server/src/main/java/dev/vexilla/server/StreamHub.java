package dev.vexilla.server;

import dev.vexilla.model.stream.ChangeMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
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
import org.jspecify.annotations.Nullable;

/**
 * Fans config changes out to the open change streams ({@code GET /v1/stream}, server-sent events).
 *
 * <p>On every accepted change of a config, each stream following it receives the event
 * ({@link ChangeMessage#toSseEvent()}) {@code id: <etag>} plus {@code data: {"type":"refetchConfig","etag":"<etag>","lastModified":<epoch ms>,
 * "flagsChanged":[...]}}, where {@code etag} is the config's ETag header value without the quotes and
 * {@code flagsChanged} lists, sorted, the keys whose evaluation may differ from the version served before (added,
 * removed or redefined flags and the flags depending on them). {@code flagsChanged} is left out when the server
 * cannot tell (a config that was not served before, or more than {@value #MAX_ANNOUNCED_FLAGS} keys): clients must
 * then assume every flag may have changed. Clients that only read {@code type} and {@code etag} are unaffected.
 *
 * <p>Every heartbeat interval each stream receives the comment {@code : heartbeat}; a failed write is how a dead
 * client is found and removed. At most {@code maxStreams} streams are open at once. A new stream starts with a
 * {@code retry:} hint, {@code id: <current etag>} and a {@code : connected} comment. A client that reconnects with
 * a {@code Last-Event-ID} header naming another version than the current one receives a {@code refetchConfig}
 * message (without {@code flagsChanged}) right away, so a change made while it was away is not lost; clients without
 * that header should re-fetch the config (with {@code If-None-Match}) after every (re)connect.
 *
 * <p>A stream following a DevCycle config v2 gets DevCycle's frames instead ({@link DevCycleStreamMessages}): the
 * change message wrapped in DevCycle's envelope, {@code : keepalive} heartbeats, no {@code retry:} field and no
 * {@code : connected} comment; {@code Last-Event-ID} is honoured the same way.
 *
 * <p>Thread-safe. {@link #close()} is idempotent: it stops the heartbeat and ends every stream normally after the
 * last frame {@value #SHUTDOWN_FRAME_TEXT} (a {@code retry:} hint and a comment, which SSE clients ignore; our
 * providers, like any EventSource, reconnect with backoff when the stream ends); DevCycle streams end after a
 * {@code : keepalive} comment instead.
 */
final class StreamHub implements AutoCloseable {
    /** Reconnect delay suggested to clients in the {@code retry:} field. */
    static final long RETRY_HINT_MILLIS = 5000;

    /** The comment of the last frame a stream receives when the server stops. */
    static final String SHUTDOWN_FRAME_TEXT = ": server shutting down; reconnect later";

    private static final String SHUTDOWN_FRAME = "retry: " + RETRY_HINT_MILLIS + "\n" + SHUTDOWN_FRAME_TEXT + "\n\n";

    /** The most keys a {@code flagsChanged} member lists; beyond it the member is left out. */
    static final int MAX_ANNOUNCED_FLAGS = 1000;

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
     * @param config the config the client follows, as served now
     * @param request the request
     * @param response the response
     * @param callback the request's callback, completed when the stream ends
     * @throws HttpError 503 when {@code maxStreams} streams are open or the server is closing
     */
    void open(ServedConfig<?> config, Request request, Response response, Callback callback) {
        if (closed || !reserve()) {
            rejected.inc();
            response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(RETRY_HINT_MILLIS / 1000));
            throw new HttpError(503, "Too many open change streams; retry later");
        }
        boolean devCycle = config.isDevCycle();
        SseStream stream = new SseStream(config.name(), devCycle, response, callback, this::remove);
        streams.add(stream);
        long idle = Math.max(heartbeatInterval.toMillis() * 3, 30_000);
        request.getConnectionMetaData().getConnection().getEndPoint().setIdleTimeout(idle);
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache, no-store");
        response.getHeaders().put("X-Accel-Buffering", "no");
        request.addFailureListener(stream::end);
        stream.send(
                devCycle
                        ? DevCycleStreamMessages.opening(config)
                        : "retry: " + RETRY_HINT_MILLIS + "\nid: " + config.etag() + "\n: connected\n\n");
        String lastEventId = request.getHeaders().get("Last-Event-ID");
        if (lastEventId != null && !lastEventId.isEmpty() && !lastEventId.equals(config.etag())) {
            stream.send(devCycle ? DevCycleStreamMessages.refetch(config) : frame(config, null));
        }
        if (closed) {
            stream.close(shutdownFrame(stream));
        }
    }

    /**
     * Tells every stream following {@code config} that it changed.
     *
     * @param config the new version
     * @param flagsChanged the keys whose evaluation may differ from the previous version, or null when unknown
     */
    void announce(ServedConfig<?> config, @Nullable Collection<String> flagsChanged) {
        String frame = config.isDevCycle() ? DevCycleStreamMessages.refetch(config) : frame(config, flagsChanged);
        for (SseStream stream : streams) {
            if (stream.configName().equals(config.name())) {
                stream.send(frame);
            }
        }
    }

    private String frame(ServedConfig<?> config, @Nullable Collection<String> flagsChanged) {
        Collection<String> listed =
                flagsChanged != null && flagsChanged.size() <= MAX_ANNOUNCED_FLAGS ? flagsChanged : null;
        return ChangeMessage.refetchConfig(config.etag(), clock.millis(), listed)
                .toSseEvent();
    }

    /**
     * Sends a heartbeat comment to every stream now. Called on the heartbeat schedule.
     */
    void heartbeat() {
        for (SseStream stream : streams) {
            try {
                stream.send(stream.devCycle() ? DevCycleStreamMessages.KEEPALIVE : ": heartbeat\n\n");
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
            stream.close(shutdownFrame(stream));
        }
    }

    /** DevCycle's client warns about any comment but {@code keepalive} and any {@code retry:} line. */
    private static String shutdownFrame(SseStream stream) {
        return stream.devCycle() ? ": keepalive\n\n" : SHUTDOWN_FRAME;
    }
}
