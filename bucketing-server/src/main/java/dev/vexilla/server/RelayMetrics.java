package dev.vexilla.server;

import dev.vexilla.server.relay.RelayOptions;
import dev.vexilla.server.relay.RelayStatus;
import dev.vexilla.server.relay.UpstreamEventForwarder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The metrics of relay mode: {@code vexilla_relay_up{config}} (1 while a relayed config is loaded and its upstream
 * answers, else 0), {@code vexilla_relay_events_queued} (events waiting to be forwarded) and the counters
 * {@code vexilla_relay_events_forwarded_total} and {@code vexilla_relay_events_dropped_total}. All are read from the
 * {@link UpstreamConfigSource} and the {@link UpstreamEventForwarder} at every scrape. Thread-safe.
 */
final class RelayMetrics {
    private final String description;

    /**
     * Registers the metrics.
     *
     * @param metrics the registry
     * @param source the relay's config source, for the health of each relayed config
     * @param forwarder the events forwarder, or null when events are not forwarded
     */
    RelayMetrics(MetricsRegistry metrics, UpstreamConfigSource<?> source, @Nullable UpstreamEventForwarder forwarder) {
        Objects.requireNonNull(source, "source");
        this.description = source.description();
        metrics.gauge(
                "vexilla_relay_up",
                "1 while a relayed config is loaded and its upstream answers, else 0.",
                List.of("config"),
                () -> up(source.status()));
        metrics.counter(
                "vexilla_relay_events_forwarded_total",
                "Events the upstream accepted from this relay.",
                () -> forwarder == null ? 0 : forwarder.forwardedEvents());
        metrics.counter(
                "vexilla_relay_events_dropped_total",
                "Events this relay accepted but did not forward: queue full, refused by the upstream, or failed in"
                        + " the final flush.",
                () -> forwarder == null ? 0 : forwarder.droppedEvents());
        metrics.gauge(
                "vexilla_relay_events_queued",
                "Events waiting to be forwarded upstream.",
                List.of(),
                () -> Map.of(List.of(), forwarder == null ? 0 : forwarder.queuedEvents()));
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
}
