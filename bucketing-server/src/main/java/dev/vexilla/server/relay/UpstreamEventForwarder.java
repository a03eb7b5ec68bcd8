package dev.vexilla.server.relay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vexilla.model.ObjectMappers;
import dev.vexilla.model.internal.stream.Backoff;
import dev.vexilla.model.internal.stream.BackoffPolicy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards the event batches a relay accepts to the upstream's events API, {@code POST {eventsUrl}/v1/events/batch}
 * with the batch's SDK key in {@code Authorization}, in DevCycle's batch format {@code {"batch":[{"user":…,
 * "events":[…]}]}}.
 *
 * <pre>{@code
 * try (UpstreamEventForwarder forwarder = UpstreamEventForwarder.start(options, Clock.systemUTC(), scheduler)) {
 *     forwarder.offer(sdkKey, requestBody); // the body EventsRoute accepted
 * }
 * }</pre>
 *
 * <p><b>Queue.</b> {@link #offer} takes the entries of a batch ({@code user} plus {@code events}) into one bounded
 * queue of at most {@link RelayOptions#eventQueueCapacity()} events. A batch that does not fit is dropped whole, its
 * events are counted in {@link #droppedEvents()}, and one WARN is logged per transition from forwarding to
 * dropping. Every {@link RelayOptions#eventFlushInterval()} the queue is sent in requests of up to
 * {@link RelayOptions#eventBatchSize()} events (an entry is never split; one request carries one key's entries),
 * one request at a time, draining the queue.
 *
 * <p><b>Failure policy.</b> 2xx: forwarded. 408, 429, 5xx, I/O errors and timeouts: the entries go back to the head
 * of the queue and the next attempt waits a jittered exponential backoff (1 s doubling up to 30 s); one WARN per
 * transition, one INFO on recovery. Any other status (a 4xx: the upstream will never take them): the entries are
 * dropped and counted, one ERROR per transition. Delivery is at least once: a request whose answer is lost is sent
 * again. Messages never contain the key.
 *
 * <p><b>Close.</b> {@link #close()} stops the schedule, waits for the request in flight, then sends what is queued
 * once (no retry; each request bounded by {@link RelayOptions#requestTimeout()}); what fails then is counted as
 * dropped. It blocks for that final flush, is idempotent, and stops the forwarder's own threads.
 *
 * <p>Thread-safe: {@link #offer} may be called from any thread and never blocks on the network.
 *
 * @since 0.1.0
 */
public final class UpstreamEventForwarder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UpstreamEventForwarder.class);
    private static final String PATH = "/v1/events/batch";

    private record Pending(String sdkKey, JsonNode entry, int events) {}

    private final RelayOptions options;
    private final URI endpoint;
    private final Clock clock;
    private final Backoff backoff;
    private final ExecutorService httpThreads;
    private final HttpClient client;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private final ScheduledFuture<?> schedule;
    private int queued;
    private long dropped;
    private long forwarded;
    private boolean dropping;
    private boolean failing;
    private @Nullable Instant retryAt;
    private boolean sending;
    private @Nullable CompletableFuture<?> lastRequest;
    private boolean closed;

    private UpstreamEventForwarder(
            RelayOptions options, Clock clock, ScheduledExecutorService scheduler, BackoffPolicy retries) {
        this.options = options;
        this.endpoint = URI.create(options.eventsUrl()
                        .orElseThrow(() -> new IllegalArgumentException(
                                "upstream-events-url: event forwarding is off for this upstream"))
                + PATH);
        this.clock = clock;
        this.backoff = new Backoff(retries, clock);
        this.httpThreads = RelayHttp.httpExecutor("vexilla-relay-events");
        this.client = RelayHttp.newClient(options.requestTimeout(), httpThreads);
        long every = options.eventFlushInterval().toMillis();
        this.schedule = scheduler.scheduleWithFixedDelay(this::flush, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Starts a forwarder.
     *
     * @param options the events URL, the relayed keys, queue bound, batch size, flush interval and request timeout
     * @param clock times the retry backoff
     * @param scheduler triggers flushes; owned by the caller
     * @return the running forwarder
     * @throws IllegalArgumentException if the options turn event forwarding off ({@link RelayOptions#eventsUrl()})
     */
    public static UpstreamEventForwarder start(RelayOptions options, Clock clock, ScheduledExecutorService scheduler) {
        return start(options, clock, scheduler, BackoffPolicy.defaults());
    }

    static UpstreamEventForwarder start(
            RelayOptions options, Clock clock, ScheduledExecutorService scheduler, BackoffPolicy retries) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(scheduler, "scheduler");
        return new UpstreamEventForwarder(options, clock, scheduler, retries);
    }

    /**
     * Queues an accepted event batch for forwarding.
     *
     * @param sdkKey the key the batch was posted with; must be a relayed key
     * @param batchJson the request body, DevCycle's batch format {@code {"batch":[{"user":…,"events":[…]}]}}
     * @return true when queued (or empty), false when dropped because the queue is full or the forwarder is closed
     * @throws IllegalArgumentException if the key is not relayed, or the body is not of that shape (with its JSON
     *     path)
     */
    public boolean offer(String sdkKey, byte[] batchJson) {
        Objects.requireNonNull(sdkKey, "sdkKey");
        Objects.requireNonNull(batchJson, "batchJson");
        if (!options.keys().containsKey(sdkKey)) {
            throw new IllegalArgumentException("the SDK key is not relayed");
        }
        List<Pending> entries = entries(sdkKey, batchJson);
        int events = entries.stream().mapToInt(Pending::events).sum();
        synchronized (this) {
            if (closed || queued + events > options.eventQueueCapacity()) {
                dropped += events;
                if (!dropping) {
                    dropping = true;
                    LOG.warn(
                            "Relay events queue is full ({} events) or closed: dropping batches until it drains",
                            options.eventQueueCapacity());
                }
                return false;
            }
            if (dropping && queued + events <= options.eventQueueCapacity() / 2) {
                dropping = false;
            }
            queue.addAll(entries);
            queued += events;
            return true;
        }
    }

    /**
     * Returns how many events were dropped: queue full, closed, refused by the upstream with a 4xx, or failed in the
     * final flush.
     *
     * @return the count since start
     */
    public synchronized long droppedEvents() {
        return dropped;
    }

    /**
     * Returns how many events the upstream accepted.
     *
     * @return the count since start
     */
    public synchronized long forwardedEvents() {
        return forwarded;
    }

    /**
     * Returns how many events wait in the queue (including those of the request in flight).
     *
     * @return the count
     */
    public synchronized int queuedEvents() {
        return queued;
    }

    /** Sends the next request now if none is in flight and no retry wait is running. Does not block. */
    public void flush() {
        Batch batch;
        CompletableFuture<@Nullable Void> done;
        synchronized (this) {
            if (closed || sending || queue.isEmpty()) {
                return;
            }
            if (retryAt != null && clock.instant().isBefore(retryAt)) {
                return;
            }
            batch = take();
            sending = true;
            done = new CompletableFuture<>();
            lastRequest = done;
        }
        client.sendAsync(request(batch), HttpResponse.BodyHandlers.discarding())
                .orTimeout(options.requestTimeout().toMillis() * 2, TimeUnit.MILLISECONDS)
                .whenComplete((response, error) -> {
                    try {
                        completed(batch, response, error);
                    } finally {
                        done.complete(null);
                    }
                });
    }

    private record Batch(String sdkKey, List<Pending> entries, int events) {}

    private Batch take() {
        Pending first = Objects.requireNonNull(queue.peekFirst());
        List<Pending> taken = new ArrayList<>();
        int events = 0;
        for (Iterator<Pending> it = queue.iterator(); it.hasNext(); ) {
            Pending p = it.next();
            if (!p.sdkKey().equals(first.sdkKey())) {
                continue;
            }
            if (!taken.isEmpty() && events + p.events() > options.eventBatchSize()) {
                break;
            }
            it.remove();
            taken.add(p);
            events += p.events();
        }
        return new Batch(first.sdkKey(), taken, events);
    }

    private HttpRequest request(Batch batch) {
        ObjectNode body = ObjectMappers.shared().createObjectNode();
        ArrayNode array = body.putArray("batch");
        batch.entries().forEach(p -> array.add(p.entry()));
        return HttpRequest.newBuilder(endpoint)
                .timeout(options.requestTimeout())
                .header("Authorization", batch.sdkKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
    }

    private void completed(Batch batch, @Nullable HttpResponse<Void> response, @Nullable Throwable error) {
        int code = response == null ? 0 : response.statusCode();
        boolean more;
        synchronized (this) {
            sending = false;
            if (code >= 200 && code < 300) {
                queued -= batch.events();
                forwarded += batch.events();
                retryAt = null;
                backoff.reset();
                if (failing) {
                    failing = false;
                    LOG.info("Relay events: the upstream accepts events again");
                }
            } else if (error != null || code == 408 || code == 429 || code >= 500) {
                List<Pending> back = new ArrayList<>(batch.entries());
                for (int i = back.size() - 1; i >= 0; i--) {
                    queue.addFirst(back.get(i));
                }
                Duration delay = backoff.nextDelay();
                retryAt = clock.instant().plus(delay);
                if (!failing) {
                    failing = true;
                    LOG.warn(
                            "Relay events: forwarding failed ({}); will retry",
                            error != null ? RelayHttp.describe(error) : "HTTP " + code);
                }
            } else {
                queued -= batch.events();
                dropped += batch.events();
                LOG.error(
                        "Relay events: the upstream refused {} events with HTTP {}; they are dropped",
                        batch.events(),
                        code);
            }
            more = retryAt == null && queued >= options.eventBatchSize();
        }
        if (more) {
            flush();
        }
    }

    /** Stops the schedule, waits for the request in flight, sends what is queued once, and stops the threads. */
    @Override
    public void close() {
        CompletableFuture<?> pending;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            schedule.cancel(false);
            pending = sending ? lastRequest : null;
        }
        if (pending != null) {
            try {
                pending.get(options.requestTimeout().toMillis() * 3, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                // Its outcome is already accounted for, or it is abandoned below.
            }
        }
        finalFlush();
        httpThreads.shutdownNow();
    }

    private void finalFlush() {
        while (true) {
            Batch batch;
            synchronized (this) {
                if (queue.isEmpty()) {
                    return;
                }
                batch = take();
            }
            int code;
            try {
                code = client.sendAsync(request(batch), HttpResponse.BodyHandlers.discarding())
                        .get(options.requestTimeout().toMillis() * 2, TimeUnit.MILLISECONDS)
                        .statusCode();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                code = 0;
            } catch (Exception e) {
                code = 0;
            }
            synchronized (this) {
                queued -= batch.events();
                if (code >= 200 && code < 300) {
                    forwarded += batch.events();
                } else {
                    dropped += batch.events();
                    LOG.warn("Relay events: the final flush lost {} events (HTTP {})", batch.events(), code);
                }
            }
        }
    }

    private static List<Pending> entries(String sdkKey, byte[] batchJson) {
        JsonNode root;
        try {
            root = ObjectMappers.shared().readTree(batchJson);
        } catch (IOException e) {
            throw new IllegalArgumentException("$: malformed JSON", e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("$ must be an object");
        }
        JsonNode batch = root.path("batch");
        if (batch.isMissingNode() || batch.isNull()) {
            return List.of();
        }
        if (!batch.isArray()) {
            throw new IllegalArgumentException("$.batch must be an array");
        }
        List<Pending> entries = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            JsonNode entry = batch.get(i);
            if (!entry.isObject()) {
                throw new IllegalArgumentException("$.batch[" + i + "] must be an object");
            }
            JsonNode events = entry.path("events");
            if (!events.isMissingNode() && !events.isNull() && !events.isArray()) {
                throw new IllegalArgumentException("$.batch[" + i + "].events must be an array");
            }
            if (events.size() > 0) {
                entries.add(new Pending(sdkKey, entry, events.size()));
            }
        }
        return entries;
    }
}
