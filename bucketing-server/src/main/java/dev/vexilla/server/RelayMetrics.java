package dev.vexilla.server;

import dev.vexilla.server.relay.RelayOptions;
import dev.vexilla.server.relay.RelayStatus;
import dev.vexilla.server.relay.UpstreamEventForwarder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The metrics of relay mode: {@code vexilla_relay_up{config}} (1 while a relayed config is loaded and its upstream
 * answers, else 0), {@code vexilla_relay_events_queued} (events waiting to be forwarded) and the counters
 * {@code vexilla_relay_events_forwarded_total} and {@code vexilla_relay_events_dropped_total}. The counters follow
 * the {@link UpstreamEventForwarder}'s own counts, brought over every {@value UpstreamConfigSource#HEALTH_CHECK_MILLIS}
 * ms and once more on {@link #close()} (after the forwarder's final flush). Thread-safe.
 */
final class RelayMetrics implements AutoCloseable {
    private final String description;
    private final @Nullable UpstreamEventForwarder forwarder;
    private final MetricsRegistry.Counter forwarded;
    private final MetricsRegistry.Counter dropped;
    private final @Nullable ScheduledFuture<?> sync;
    private long forwardedSeen;
    private long droppedSeen;

    /**
     * Registers the metrics.
     *
     * @param metrics the registry
     * @param source the relay's config source, for the health of each relayed config
     * @param forwarder the events forwarder, or null when events are not forwarded
     * @param scheduler brings the forwarder's counts over; owned by the caller
     */
    RelayMetrics(
            MetricsRegistry metrics,
            UpstreamConfigSource<?> source,
            @Nullable UpstreamEventForwarder forwarder,
            ScheduledExecutorService scheduler) {
        Objects.requireNonNull(source, "source");
        this.description = source.description();
        this.forwarder = forwarder;
        metrics.gauge(
                "vexilla_relay_up",
                "1 while a relayed config is loaded and its upstream answers, else 0.",
                List.of("config"),
                () -> up(source.status()));
        this.forwarded = metrics.counter(
                "vexilla_relay_events_forwarded_total", "Events the upstream accepted from this relay.");
        this.dropped = metrics.counter(
                "vexilla_relay_events_dropped_total",
                "Events this relay accepted but did not forward: queue full, refused by the upstream, or failed in"
                        + " the final flush.");
        metrics.gauge(
                "vexilla_relay_events_queued",
                "Events waiting to be forwarded upstream.",
                List.of(),
                () -> Map.of(List.of(), forwarder == null ? 0 : forwarder.queuedEvents()));
        this.sync = forwarder == null
                ? null
                : scheduler.scheduleWithFixedDelay(
                        this::syncCounters,
                        UpstreamConfigSource.HEALTH_CHECK_MILLIS,
                        UpstreamConfigSource.HEALTH_CHECK_MILLIS,
                        TimeUnit.MILLISECONDS);
    }

    /**
     * Describes the upstream for the start and stop lines, without keys or credentials.
     *
     * @return see {@link UpstreamConfigSource#describe(RelayOptions)}
     */
    String describe() {
        return description;
    }

    private static Map<List<String>, Number> up(List<RelayStatus> status) {
        Map<List<String>, Number> samples = new LinkedHashMap<>();
        for (RelayStatus config : status) {
            samples.put(List.of(config.configName()), config.loaded() && config.healthy() ? 1 : 0);
        }
        return samples;
    }

    private synchronized void syncCounters() {
        if (forwarder == null) {
            return;
        }
        long forwardedNow = forwarder.forwardedEvents();
        long droppedNow = forwarder.droppedEvents();
        forwarded.add(forwardedNow - forwardedSeen);
        dropped.add(droppedNow - droppedSeen);
        forwardedSeen = forwardedNow;
        droppedSeen = droppedNow;
    }

    /** Stops the periodic update after a last one; call it after the forwarder's close. Idempotent. */
    @Override
    public void close() {
        if (sync != null) {
            sync.cancel(false);
        }
        syncCounters();
    }
}
