package dev.vexilla.server;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Closes connections that do not complete a request line and its headers within the header deadline, however slowly
 * they dribble bytes: Jetty's idle timeout restarts with every byte, so without this a client sending one byte every
 * few seconds keeps a connection open for ever.
 *
 * <p>The deadline runs from the moment a connection is first seen (a new connection) or from the first byte of its
 * next request (a kept-alive one); it stops when the headers are complete. An idle kept-alive connection that sends
 * nothing is left to the idle timeout, and a request whose headers are complete is left to the body deadline
 * ({@link RequestBodies}) and to its route; a change stream is never touched.
 *
 * <p>It works from what every Jetty {@link Connection} reports ({@link Connection#getMessagesIn() requests whose
 * headers were parsed}, {@link Connection#getMessagesOut() responses started}, {@link Connection#getBytesIn() bytes
 * read}): every sweep looks at each open connection, so a connection is closed between one deadline and one deadline
 * plus one sweep interval (a quarter of the deadline, at most one second) after its request began.
 *
 * <p>Failure policy: closing is silent (the client gets no response, as it has not sent a request) and counted in
 * {@code vexilla_http_connections_closed_total{reason="header_timeout"}}; nothing is logged, since a client decides
 * how often it happens. Sweeps run on the injected scheduler; {@link #close()} stops them and is idempotent.
 */
final class HeaderDeadline implements AutoCloseable {
    /** What the last sweep saw of one connection. */
    private static final class Watch {
        long requests;
        long responses;
        long restingBytes;
        long headSince;
    }

    private static final long NOT_STARTED = Long.MIN_VALUE;
    private static final Duration MAX_SWEEP_INTERVAL = Duration.ofSeconds(1);

    private final ServerConnector connector;
    private final long timeoutNanos;
    private final LongSupplier nanoTime;
    private final MetricsRegistry.Counter closed;
    private final ScheduledFuture<?> sweeps;
    private Map<EndPoint, Watch> watches = new HashMap<>();

    /**
     * Starts sweeping.
     *
     * @param connector the connector whose connections are watched
     * @param timeout the header deadline
     * @param scheduler runs the sweeps
     * @param nanoTime a monotonic clock in nanoseconds ({@code System::nanoTime})
     * @param metrics where closed connections are counted
     */
    HeaderDeadline(
            ServerConnector connector,
            Duration timeout,
            ScheduledExecutorService scheduler,
            LongSupplier nanoTime,
            MetricsRegistry metrics) {
        this.connector = Objects.requireNonNull(connector, "connector");
        this.timeoutNanos = timeout.toNanos();
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.closed = metrics.counter(
                "vexilla_http_connections_closed_total", "Connections the server closed, by reason.", "reason");
        metrics.gauge(
                "vexilla_http_connections",
                "Open HTTP connections.",
                List.of(),
                () -> Map.of(List.of(), connector.getConnectedEndPoints().size()));
        long interval = Math.max(1, Math.min(timeout.toNanos() / 4, MAX_SWEEP_INTERVAL.toNanos()));
        this.sweeps = scheduler.scheduleAtFixedRate(this::sweep, interval, interval, TimeUnit.NANOSECONDS);
    }

    /** Looks at every open connection once and closes those past the deadline. Called on the sweep schedule. */
    synchronized void sweep() {
        long now = nanoTime.getAsLong();
        Map<EndPoint, Watch> seen = new HashMap<>();
        for (EndPoint endPoint : connector.getConnectedEndPoints()) {
            Connection connection = endPoint.getConnection();
            if (connection == null) {
                continue;
            }
            Watch watch = watches.get(endPoint);
            if (watch == null) {
                watch = new Watch();
                boolean fresh = connection.getMessagesIn() == 0;
                watch.restingBytes = fresh ? 0 : connection.getBytesIn();
                watch.headSince = fresh ? now : NOT_STARTED;
            } else {
                update(watch, connection, now);
            }
            watch.requests = connection.getMessagesIn();
            watch.responses = connection.getMessagesOut();
            if (watch.headSince != NOT_STARTED && now - watch.headSince >= timeoutNanos) {
                closed.inc("header_timeout");
                endPoint.close();
                continue;
            }
            seen.put(endPoint, watch);
        }
        watches = seen;
    }

    private static void update(Watch watch, Connection connection, long now) {
        long bytes = connection.getBytesIn();
        boolean moved = connection.getMessagesIn() != watch.requests || connection.getMessagesOut() != watch.responses;
        if (moved || connection.getMessagesIn() > connection.getMessagesOut()) {
            // headers completed or a response went out since the last sweep, or a request is being handled
            watch.restingBytes = bytes;
            watch.headSince = NOT_STARTED;
        } else if (bytes > watch.restingBytes && watch.headSince == NOT_STARTED) {
            watch.headSince = now; // the first bytes of the next request
        }
    }

    /** Stops the sweeps; idempotent. */
    @Override
    public void close() {
        sweeps.cancel(false);
    }
}
