package dev.vexilla.local.internal.events;

import dev.vexilla.model.ObjectMappers;
import dev.vexilla.model.User;
import dev.vexilla.model.bucketing.DevCycleUser;
import dev.vexilla.model.events.EventsBatch;
import dev.vexilla.model.events.RequestEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The events pipeline: custom events wait in a bounded {@link CustomEventQueue}; every flush interval (and on
 * {@link #flush()}, when the queue reaches the flush queue size, and on {@link #close()}) the evaluation counters
 * are drained, everything is grouped into DevCycle-shaped batches of at most {@link EventOptions#chunkSize()}
 * events and handed to {@link BatchDelivery}.
 *
 * <p>Batch shape: {@code {batch: [{user, events}]}}. The aggregated counter events come first, under a synthetic
 * SDK user: {@code user_id} = {@link EventOptions#sdkUserId()}, {@code sdkType = "server"}, {@code sdkPlatform =
 * "vexilla-java-local"}, {@code platform = "Java"}, {@code platformVersion} = the Java version and
 * {@code customData} = {@link EventOptions#clientCustomData()} (with {@link EventOptions#devCycleFormat()} each of
 * them also names that user in {@code user_id} and carries a {@code clientDate}, as DevCycle's SDKs send them). Then
 * one entry per distinct user of the custom
 * events, each user stripped of private attributes when the event is tracked.
 *
 * <p><b>Failure policy</b> (details in {@link BatchDelivery} and {@link EventsPoster}): a full queue drops the new
 * event and warns once per overflow episode; 5xx and I/O errors are retried once after
 * {@link EventOptions#retryDelay()} with the same payload id; other 4xx are dropped at once; 401/403 stop sending
 * for good with one ERROR line. A custom event the service would refuse (a user without identifier, a name or id
 * longer than {@value #MAX_NAME_LENGTH} characters) is dropped by {@link #track} with one WARN line for the first.
 * Metadata values JSON cannot carry are sent as text ({@link JsonSafeValues}). A failing counter source is logged
 * and skipped. Every event is counted as sent or dropped in {@link #stats()}. Nothing is sent when there is
 * nothing to send.
 *
 * <p><b>Threads.</b> No thread of its own: flushes and retries run on the caller's scheduler, one at a time (a
 * lock); {@link #track} and {@link #flush} never block. {@link #close()} sets a deadline of
 * {@link EventOptions#closeTimeout()} on the injected clock, waits for a flush in progress (which stops sending at
 * the deadline too), then runs the final flush on the calling thread, retrying at once instead of waiting. Nothing
 * is sent after the deadline, so close returns within the budget plus the request in flight (at most the connect
 * timeout plus twice {@link EventOptions#requestTimeout()}).
 */
final class BatchingEventRecorder implements EventRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(BatchingEventRecorder.class);
    static final String SDK_PLATFORM = "vexilla-java-local";
    /** Longest event name and user id the events service accepts (Vexilla's server refuses longer ones). */
    static final int MAX_NAME_LENGTH = 256;

    private final EventOptions options;
    private final EvaluationCountSource counts;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final CustomEventQueue queue;
    private final BatchDelivery delivery;
    private volatile DevCycleUser sdkUser;
    private final ReentrantLock flushLock = new ReentrantLock();
    private final AtomicBoolean flushRequested = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean invalidEventLogged = new AtomicBoolean();
    private volatile @Nullable Future<?> periodicFlush;
    private volatile @Nullable Future<?> retryTask;
    /** Whether the final flush of {@link #close()} has finished. */
    private volatile boolean closeDone;
    /** Whether a retry task waits to run; guarded by the flush lock. */
    private boolean retryScheduled;

    BatchingEventRecorder(
            EventOptions options,
            EventsPoster poster,
            EvaluationCountSource counts,
            ScheduledExecutorService scheduler,
            Clock clock) {
        this.options = Objects.requireNonNull(options, "options");
        this.counts = Objects.requireNonNull(counts, "counts");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.queue = new CustomEventQueue(options.maxQueueSize());
        this.delivery = new BatchDelivery(poster, ObjectMappers.shared(), clock);
        this.sdkUser = sdkUser(options, options.clientCustomData());
    }

    /** Schedules the periodic flush. */
    void start() {
        long interval = options.flushInterval().toMillis();
        periodicFlush =
                scheduler.scheduleWithFixedDelay(this::flushFromScheduler, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public void track(String eventName, User user, @Nullable Double value, Map<String, Object> metaData) {
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(metaData, "metaData");
        if (!options.customEvents()) {
            return;
        }
        if (closed.get() || delivery.isStopped()) {
            delivery.countDropped(1); // reported once already: ERROR on 401/403, or the provider is shut down
            return;
        }
        String invalid = invalidReason(eventName, user);
        CustomEventQueue.Entry entry = null;
        if (invalid == null) {
            try {
                entry = entry(eventName, user, value, metaData);
            } catch (RuntimeException e) {
                invalid = "it could not be built (" + e + ")";
            }
        }
        if (entry == null) {
            delivery.countDropped(1);
            if (invalidEventLogged.compareAndSet(false, true)) {
                LOG.warn(
                        "A custom event was dropped because {}; further invalid events are counted in stats()"
                                + " but not logged",
                        invalid);
            }
            return;
        }
        int size = queue.offer(entry);
        if (size >= options.flushQueueSize()) {
            requestFlush();
        }
    }

    /** Returns why the server would refuse the event (DevCycle requires a user id), or null when it is fine. */
    private static @Nullable String invalidReason(String eventName, User user) {
        if (eventName.isEmpty() || eventName.length() > MAX_NAME_LENGTH) {
            return "its name must have 1 to " + MAX_NAME_LENGTH + " characters, had " + eventName.length();
        }
        String id = user.identifier();
        if (id == null || id.isEmpty() || id.length() > MAX_NAME_LENGTH) {
            return "its user needs an identifier (targeting key) of 1 to " + MAX_NAME_LENGTH + " characters";
        }
        return null;
    }

    private CustomEventQueue.Entry entry(
            String eventName, User user, @Nullable Double value, Map<String, Object> metaData) {
        User safe = user.withoutPrivateAttributes();
        DevCycleUser wireUser = DevCycleUser.fromUser(safe).withoutPrivateCustomData();
        RequestEvent event = RequestEvent.custom(
                eventName,
                safe.identifier(),
                JsonSafeValues.finiteOrNull(value),
                JsonSafeValues.copyOf(metaData),
                clock.instant());
        return new CustomEventQueue.Entry(wireUser, event);
    }

    @Override
    public void flush() {
        if (!closed.get()) {
            requestFlush();
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        cancel(periodicFlush);
        cancel(retryTask);
        delivery.closeBy(clock.instant().plus(options.closeTimeout()));
        flushLock.lock();
        try {
            delivery.retryPending();
            delivery.deliver(collect());
        } catch (RuntimeException e) {
            LOG.warn("The final event flush failed", e);
        } finally {
            closeDone = true;
            flushLock.unlock();
        }
    }

    @Override
    public EventStats stats() {
        // Once close is done, whatever a racing track() left in the queue will never be sent.
        long stranded = closeDone ? queue.size() : 0;
        return delivery.stats(queue.droppedOnOverflow() + stranded);
    }

    @Override
    public String toString() {
        return "BatchingEventRecorder{" + options.batchUri() + ", " + stats() + "}";
    }

    private void requestFlush() {
        if (!flushRequested.compareAndSet(false, true)) {
            return;
        }
        try {
            scheduler.execute(() -> {
                flushRequested.set(false);
                flushFromScheduler();
            });
        } catch (RejectedExecutionException e) {
            flushRequested.set(false);
            LOG.debug("Flush request ignored: the scheduler is shut down");
        }
    }

    private void flushFromScheduler() {
        flushLock.lock();
        try {
            if (closed.get()) {
                return;
            }
            delivery.deliver(collect());
            if (delivery.hasPending()) {
                scheduleRetry();
            }
        } catch (RuntimeException e) {
            LOG.warn("An event flush failed unexpectedly", e);
        } finally {
            flushLock.unlock();
        }
    }

    /** Schedules one retry task unless one is already waiting. Under the flush lock. */
    private void scheduleRetry() {
        if (retryScheduled) {
            return;
        }
        try {
            retryTask = scheduler.schedule(
                    this::retryFromScheduler, options.retryDelay().toMillis(), TimeUnit.MILLISECONDS);
            retryScheduled = true;
        } catch (RejectedExecutionException e) {
            delivery.dropPending("scheduler shut down before the retry");
        }
    }

    private void retryFromScheduler() {
        flushLock.lock();
        try {
            retryScheduled = false;
            if (!closed.get()) {
                delivery.retryPending();
            }
        } catch (RuntimeException e) {
            LOG.warn("An event retry failed unexpectedly", e);
        } finally {
            flushLock.unlock();
        }
    }

    /** Drains counters and queue into batches; with sending stopped, drops them instead. Under the flush lock. */
    private List<EventsBatch> collect() {
        List<RequestEvent> aggregated = drainCounters();
        List<CustomEventQueue.Entry> custom = new ArrayList<>();
        queue.drainTo(custom);
        if (delivery.isStopped()) {
            delivery.drop(aggregated.size() + custom.size(), "sending stopped");
            return new ArrayList<>();
        }
        Map<DevCycleUser, List<RequestEvent>> groups = new LinkedHashMap<>();
        if (!aggregated.isEmpty()) {
            groups.put(sdkUser, aggregated);
        }
        for (Map.Entry<DevCycleUser, List<RequestEvent>> g :
                Batches.groupByUser(custom).entrySet()) {
            groups.computeIfAbsent(g.getKey(), u -> new ArrayList<>()).addAll(g.getValue());
        }
        return Batches.chunk(groups, options.chunkSize());
    }

    private List<RequestEvent> drainCounters() {
        if (!options.automaticEvents()) {
            return new ArrayList<>();
        }
        CounterAggregator aggregator = new CounterAggregator(!options.devCycleFormat());
        try {
            counts.drainTo(aggregator);
        } catch (RuntimeException e) {
            LOG.warn("Draining the evaluation counters failed; sending what was drained", e);
        }
        if (aggregator.skippedEvaluations() > 0) {
            LOG.debug("{} evaluations of unusable flag keys were not reported", aggregator.skippedEvaluations());
        }
        List<RequestEvent> events = aggregator.toEvents(clock.instant());
        if (!options.devCycleFormat()) {
            return events;
        }
        List<RequestEvent> stamped = new ArrayList<>(events.size());
        for (RequestEvent e : events) {
            stamped.add(new RequestEvent(
                    e.type(),
                    e.customType(),
                    options.sdkUserId(),
                    e.target(),
                    e.date(),
                    e.date(),
                    e.value(),
                    e.metaData(),
                    e.featureVars()));
        }
        return stamped;
    }

    private static void cancel(@Nullable Future<?> task) {
        if (task != null) {
            task.cancel(false);
        }
    }

    @Override
    public void clientCustomData(Map<String, ?> data) {
        this.sdkUser = sdkUser(options, Objects.requireNonNull(data, "data"));
    }

    private static DevCycleUser sdkUser(EventOptions options, Map<String, ?> clientCustomData) {
        return DevCycleUser.builder()
                .userId(options.sdkUserId())
                .stringField("sdkType", "server")
                .stringField("sdkPlatform", SDK_PLATFORM)
                .stringField("platform", "Java")
                .stringField("platformVersion", System.getProperty("java.version", "unknown"))
                .customData(JsonSafeValues.copyOf(clientCustomData))
                .build();
    }
}
