package dev.vexilla.local.internal.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vexilla.local.internal.events.EventsPoster.Outcome;
import dev.vexilla.local.internal.events.EventsPoster.Result;
import dev.vexilla.model.events.EventsBatch;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends batches through an {@link EventsPoster}, keeps the failed ones for their one retry, and counts every event
 * as sent or dropped.
 *
 * <p><b>Failure policy.</b>
 * <ul>
 *   <li>5xx or I/O error: the payload (same bytes, same payload id) waits for one retry; if the retry fails too,
 *       its events are dropped.</li>
 *   <li>Other non-2xx statuses (3xx, 4xx but 401/403): the events are dropped, no retry.</li>
 *   <li>401 or 403: the events are dropped, one ERROR line is logged and sending stops for good: every later
 *       event is dropped without a request.</li>
 *   <li>A batch that cannot be serialised is dropped.</li>
 *   <li>Past the deadline of a closing flush, remaining payloads are dropped without a request.</li>
 * </ul>
 * Drops are logged once at WARN per failure episode (until a payload is delivered again); every drop is counted
 * in {@link #stats}. Messages never contain the SDK key or the events themselves.
 *
 * <p>Not thread-safe on its own: the recorder calls {@link #deliver}, {@link #retryPending}, {@link #hasPending}
 * and {@link #dropPending} under its flush lock. {@link #closeBy}, {@link #drop}, {@link #countDropped}, {@link #isStopped} and
 * {@link #stats} are safe from any thread.
 */
final class BatchDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(BatchDelivery.class);

    /** One serialised payload waiting for its retry. */
    private static final class Payload {
        final byte[] body;
        final String id;
        final int eventCount;

        Payload(byte[] body, String id, int eventCount) {
            this.body = body;
            this.id = id;
            this.eventCount = eventCount;
        }
    }

    private final EventsPoster poster;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final List<Payload> pending = new ArrayList<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failedRequests = new AtomicLong();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicBoolean failing = new AtomicBoolean();
    private volatile @Nullable Instant deadline;

    BatchDelivery(EventsPoster poster, ObjectMapper mapper, Clock clock) {
        this.poster = poster;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * Starts closing: from now on nothing is sent after the deadline, and failed payloads are retried at once
     * instead of waiting. A flush already running sees the deadline between two requests.
     *
     * @param deadline the time after which nothing more is sent
     */
    void closeBy(Instant deadline) {
        this.deadline = deadline;
    }

    /**
     * Sends each batch once. Failed payloads wait for {@link #retryPending}, or, once closing, are retried at once.
     *
     * @param batches the batches to send, in order
     */
    void deliver(List<EventsBatch> batches) {
        for (EventsBatch batch : batches) {
            int count = batch.eventCount();
            if (stopped.get() || pastDeadline()) {
                drop(count, stopped.get() ? "sending stopped" : "close timeout");
                continue;
            }
            byte[] body;
            try {
                body = mapper.writeValueAsBytes(batch);
            } catch (JsonProcessingException e) {
                drop(count, "not serialisable: " + e.getOriginalMessage());
                continue;
            }
            Payload payload = new Payload(body, UUID.randomUUID().toString(), count);
            if (!send(payload, false)) {
                pending.add(payload);
            }
        }
        if (deadline != null) {
            retryPending();
        }
    }

    /** Sends each waiting payload a second and last time; what fails again is dropped. */
    void retryPending() {
        List<Payload> retries = new ArrayList<>(pending);
        pending.clear();
        for (Payload payload : retries) {
            if (stopped.get() || pastDeadline()) {
                drop(payload.eventCount, stopped.get() ? "sending stopped" : "close timeout");
            } else {
                send(payload, true);
            }
        }
    }

    /**
     * Returns whether payloads wait for their retry.
     *
     * @return {@code true} if {@link #retryPending} has work
     */
    boolean hasPending() {
        return !pending.isEmpty();
    }

    /**
     * Drops the payloads waiting for their retry (the scheduler refused the retry task).
     *
     * @param reason why, for the log
     */
    void dropPending(String reason) {
        for (Payload payload : pending) {
            drop(payload.eventCount, reason);
        }
        pending.clear();
    }

    /**
     * Returns whether sending stopped for good (401 or 403).
     *
     * @return {@code true} once the SDK key was refused
     */
    boolean isStopped() {
        return stopped.get();
    }

    /**
     * Counts events that will never be sent, without logging (the caller reports them itself).
     *
     * @param count the number of events
     */
    void countDropped(long count) {
        dropped.addAndGet(count);
    }

    /**
     * Counts events that will never be sent and reports the first drop of a failure episode.
     *
     * @param count the number of events
     * @param reason why, for the log
     */
    void drop(long count, String reason) {
        if (count < 1) {
            return;
        }
        dropped.addAndGet(count);
        if (!stopped.get() && failing.compareAndSet(false, true)) {
            LOG.warn(
                    "Dropped {} events that could not be delivered to the events service ({}); further losses are"
                            + " counted but not logged until a batch is delivered",
                    count,
                    reason);
        }
    }

    /**
     * Returns the counters.
     *
     * @param otherDrops drops counted elsewhere (queue overflow), added to the dropped count
     * @return a snapshot
     */
    EventStats stats(long otherDrops) {
        return new EventStats(sent.get(), dropped.get() + otherDrops, failedRequests.get(), stopped.get());
    }

    /** Sends once; returns {@code false} only when the payload should wait for its retry. */
    private boolean send(Payload payload, boolean isRetry) {
        Result result = poster.post(payload.body, payload.id);
        if (result.outcome() == Outcome.DELIVERED) {
            sent.addAndGet(payload.eventCount);
            if (failing.compareAndSet(true, false)) {
                LOG.info("Events are delivered again");
            }
            return true;
        }
        failedRequests.incrementAndGet();
        if (result.outcome() == Outcome.RETRYABLE && !isRetry) {
            LOG.debug("Events request failed ({}); will retry once", result.detail());
            return false;
        }
        if (result.outcome() == Outcome.UNAUTHORIZED && stopped.compareAndSet(false, true)) {
            LOG.error(
                    "The events service refused the SDK key ({}): sending events stopped for good; {} events dropped",
                    result.detail(),
                    payload.eventCount);
            dropped.addAndGet(payload.eventCount);
            return true;
        }
        drop(payload.eventCount, result.detail() + (isRetry ? " after one retry" : ", not retried"));
        return true;
    }

    private boolean pastDeadline() {
        Instant end = deadline;
        return end != null && !clock.instant().isBefore(end);
    }
}
