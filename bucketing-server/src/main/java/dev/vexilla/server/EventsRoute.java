package dev.vexilla.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vexilla.model.ObjectMappers;
import dev.vexilla.model.WirePayloadException;
import dev.vexilla.model.events.EventsBatch;
import dev.vexilla.server.relay.UpstreamEventForwarder;
import java.io.IOException;
import java.time.Clock;
import java.util.Objects;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/events/batch}: accepts DevCycle-shaped event batches, aggregates them
 * ({@link EventBatchSummary}) and appends one line per batch to the {@link EventSink}.
 *
 * <p>Checks, in order: SDK key in {@code Authorization} (401), JSON content type (415), body size (413, the body is
 * not read past the limit) and its arrival within the body deadline (408), well-formed JSON of shared-model's {@link EventsBatch} shape (400 with the JSON path and, for syntax errors, the
 * position), then the semantic checks of {@link EventBatchSummary} (400 with the JSON path). Success is 201
 * {@code {"message":"Successfully received N events."}}. Failure policy: if the sink cannot store the line the
 * answer is 503 and the counters are not bumped, so a client retry does not double count.
 *
 * <p>In relay mode every batch this route accepts is also offered to the {@link UpstreamEventForwarder}, after the
 * sink took it; a batch the forwarder's bounded queue cannot take is dropped there and counted, the client still
 * gets its 201 (the relay has the batch in its own sink).
 */
final class EventsRoute implements Route {
    static final String PATH = "/v1/events/batch";
    private static final Logger LOG = LoggerFactory.getLogger(EventsRoute.class);

    private final ObjectMapper mapper;
    private final ConfigStore<?> store;
    private final EventSink sink;
    private final RequestBodies bodies;
    private final Clock clock;
    private final MetricsRegistry.Counter received;
    private final MetricsRegistry.Counter batches;
    private final @Nullable UpstreamEventForwarder forwarder;

    /**
     * Creates the route.
     *
     * @param store resolves the SDK key
     * @param sink stores accepted batches
     * @param bodies reads request bodies
     * @param clock stamps batches
     * @param metrics where event counters go
     */
    EventsRoute(ConfigStore<?> store, EventSink sink, RequestBodies bodies, Clock clock, MetricsRegistry metrics) {
        this(store, sink, bodies, clock, metrics, null);
    }

    /**
     * Creates the route of a relay, which also forwards accepted batches upstream.
     *
     * @param store resolves the SDK key
     * @param sink stores accepted batches
     * @param bodies reads request bodies
     * @param clock stamps batches
     * @param metrics where event counters go
     * @param forwarder takes every accepted batch with its SDK key, or null when nothing is forwarded
     */
    EventsRoute(
            ConfigStore<?> store,
            EventSink sink,
            RequestBodies bodies,
            Clock clock,
            MetricsRegistry metrics,
            @Nullable UpstreamEventForwarder forwarder) {
        this.forwarder = forwarder;
        this.mapper = ServerJson.requestMapper(bodies.maxBytes());
        this.store = Objects.requireNonNull(store, "store");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.received = metrics.counter(
                "vexilla_events_received_total", "Events accepted, by config and kind.", "config", "kind");
        this.batches = metrics.counter("vexilla_event_batches_total", "Event batches by outcome.", "outcome");
    }

    @Override
    public void handle(Request request, Response response, Callback callback) {
        String sdkKey = HttpExchanges.sdkKey(request);
        ServedConfig<?> config = store.forKey(sdkKey)
                .orElseThrow(() -> new HttpError(401, "Missing or unknown SDK key in the Authorization header"));
        HttpExchanges.requireJsonContentType(request);
        bodies.read(request, response, callback, body -> accept(sdkKey, config, body.bytes(), response, callback));
    }

    private void accept(
            @Nullable String sdkKey, ServedConfig<?> config, byte[] body, Response response, Callback callback) {
        EventBatchSummary summary;
        try {
            summary = EventBatchSummary.of(ObjectMappers.read(mapper, body, EventsBatch.class));
        } catch (HttpError e) {
            batches.inc("rejected");
            throw e;
        } catch (WirePayloadException e) {
            batches.inc("rejected");
            throw new HttpError(400, "Invalid request body at " + e.path() + ": " + e.problem());
        }
        accept(config.name(), summary);
        forward(sdkKey, config.name(), body);
        ObjectNode answer = ServerJson.mapper().createObjectNode();
        answer.put("message", "Successfully received " + summary.events() + " events.");
        HttpExchanges.writeJson(response, callback, 201, answer);
    }

    /**
     * Stores an accepted summary in the sink and counts it; also used by {@code POST /v1/track}.
     *
     * @param configName the config the SDK key reads
     * @param summary the validated summary
     * @throws HttpError 503 when the sink cannot store it (nothing is counted then)
     */
    void accept(String configName, EventBatchSummary summary) {
        try {
            sink.append(summary.toJsonLine(configName, clock.instant()));
        } catch (IOException e) {
            batches.inc("sink_failed");
            throw new HttpError(503, "Events could not be stored; retry later");
        }
        count(configName, summary);
    }

    private void forward(@Nullable String sdkKey, String configName, byte[] body) {
        if (forwarder == null || sdkKey == null) {
            return;
        }
        try {
            forwarder.offer(sdkKey, body);
        } catch (IllegalArgumentException e) {
            // a key the store knows is a relayed key; a body it accepted has the batch shape
            LOG.warn("An accepted event batch of config '{}' cannot be forwarded: {}", configName, e.getMessage());
        }
    }

    private void count(String configName, EventBatchSummary summary) {
        batches.inc("accepted");
        long evaluations = summary.evaluations().values().stream()
                .flatMap(m -> m.values().stream())
                .mapToLong(Long::longValue)
                .sum();
        received.add(evaluations, configName, "evaluation");
        received.add(
                summary.defaulted().values().stream().mapToLong(Long::longValue).sum(), configName, "defaulted");
        received.add(
                summary.custom().values().stream().mapToLong(Long::longValue).sum(), configName, "custom");
        received.add(
                summary.other().values().stream().mapToLong(Long::longValue).sum(), configName, "other");
    }
}
