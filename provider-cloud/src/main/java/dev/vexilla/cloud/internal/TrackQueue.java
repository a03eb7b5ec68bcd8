package dev.vexilla.cloud.internal;

import dev.openfeature.sdk.TrackingEventDetails;
import dev.openfeature.sdk.Value;
import dev.vexilla.cloud.CloudOptions;
import dev.vexilla.model.User;
import dev.vexilla.model.bucketing.DevCycleUser;
import dev.vexilla.model.bucketing.TrackEvent;
import dev.vexilla.model.bucketing.TrackRequest;
import dev.vexilla.model.internal.time.Deadline;
import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues tracked events and sends them to {@code POST /v1/track} in the background, one request per user.
 *
 * <p><b>Failure policy.</b> The queue is bounded: an event that does not fit, or whose user has no identifier, is
 * dropped and counted. A batch the server does not accept (4xx, 5xx, IO error, timeout) is dropped and counted after
 * one attempt, with one WARN line per failure streak; tracked events are best effort. Private attributes are never
 * sent. {@link #close()} cancels the schedule and sends what is queued once, within the request timeout; it is
 * idempotent. Thread-safe.
 */
public final class TrackQueue implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(TrackQueue.class);
    static final long FLUSH_DEADLINE_FLOOR_MILLIS = 2000;

    private final RemoteEvaluator evaluator;
    private final Clock clock;
    private final long flushIntervalMillis;
    private final Duration deadline;
    private final BlockingQueue<Pending> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicBoolean failing = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile @Nullable ScheduledFuture<?> schedule;

    /**
     * Creates an idle queue.
     *
     * @param evaluator the evaluator that sends requests
     * @param options the options (queue capacity, flush interval, request timeout, clock)
     */
    public TrackQueue(RemoteEvaluator evaluator, CloudOptions options) {
        this.evaluator = evaluator;
        this.clock = options.clock();
        this.flushIntervalMillis = options.trackFlushInterval().toMillis();
        this.deadline = Duration.ofMillis(
                Math.max(FLUSH_DEADLINE_FLOOR_MILLIS, options.requestTimeout().toMillis()));
        this.queue = new ArrayBlockingQueue<>(options.trackQueueCapacity());
    }

    /**
     * Creates the one daemon scheduler thread a provider owns when it was given none.
     *
     * @return a single-thread scheduler named {@code vexilla-cloud-scheduler}
     */
    public static ScheduledExecutorService newDaemonScheduler() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vexilla-cloud-scheduler");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts periodic flushes.
     *
     * @param scheduler the scheduler to run them on
     */
    public void start(ScheduledExecutorService scheduler) {
        schedule = scheduler.scheduleWithFixedDelay(
                this::flushQuietly, flushIntervalMillis, flushIntervalMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * Queues an event; never blocks.
     *
     * @param type the event type
     * @param user the user the event is about
     * @param details the value and attributes, or {@code null}
     */
    public void offer(String type, User user, @Nullable TrackingEventDetails details) {
        if (closed.get()
                || user.identifier() == null
                || !queue.offer(new Pending(type, user, details, clock.millis()))) {
            dropped.incrementAndGet();
        }
    }

    /**
     * Returns the number of dropped events.
     *
     * @return the count
     */
    public long dropped() {
        return dropped.get();
    }

    /** Sends every queued event now, one request per user. */
    public void flush() {
        List<Pending> drained = new ArrayList<>();
        queue.drainTo(drained);
        Map<User, List<TrackEvent>> byUser = new LinkedHashMap<>();
        for (Pending p : drained) {
            byUser.computeIfAbsent(p.user, u -> new ArrayList<>()).add(p.toEvent());
        }
        byUser.forEach(this::send);
    }

    private void send(User user, List<TrackEvent> events) {
        TrackRequest request = new TrackRequest(DevCycleUser.fromUser(user.withoutPrivateAttributes()), events);
        String problem;
        try {
            int status = evaluator.track(request, Deadline.after(deadline));
            if (status / 100 == 2) {
                if (failing.compareAndSet(true, false)) {
                    LOG.info("Tracked events are accepted again");
                }
                return;
            }
            problem = "HTTP " + status;
        } catch (IOException | RuntimeException e) {
            problem = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        dropped.addAndGet(events.size());
        if (failing.compareAndSet(false, true)) {
            LOG.warn("Tracked events could not be sent and were dropped ({}); later batches will be tried", problem);
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warn("Flushing tracked events failed", e);
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        ScheduledFuture<?> s = schedule;
        if (s != null) {
            s.cancel(false);
        }
        flushQuietly();
    }

    private static final class Pending {
        final String type;
        final User user;
        final @Nullable TrackingEventDetails details;
        final long date;

        Pending(String type, User user, @Nullable TrackingEventDetails details, long date) {
            this.type = type;
            this.user = user;
            this.details = details;
            this.date = date;
        }

        TrackEvent toEvent() {
            Double value = null;
            Map<String, Object> meta = new LinkedHashMap<>();
            if (details != null) {
                value = details.getValue().map(Number::doubleValue).orElse(null);
                for (String key : details.keySet()) {
                    Value v = details.getValue(key);
                    Object plain = v == null ? null : v.asObject();
                    if (plain instanceof String || plain instanceof Number || plain instanceof Boolean) {
                        meta.put(key, plain);
                    }
                }
            }
            return new TrackEvent(type, null, value, date, meta);
        }
    }
}
