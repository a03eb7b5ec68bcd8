package dev.vexilla.local.internal.events;

import org.jspecify.annotations.Nullable;

/**
 * A snapshot of an {@link EventRecorder}'s counters, for tests and the provider's diagnostics. Immutable.
 *
 * <p>Every event that entered the pipeline ends up either sent or dropped: once the recorder is closed and its
 * queue drained, {@code sentEvents + droppedEvents} equals the number of events recorded (custom events plus
 * aggregated counter events).
 *
 * @since 0.1.0
 */
public final class EventStats {
    /** Stats with every count at zero. */
    public static final EventStats EMPTY = new EventStats(0, 0, 0, false);

    private final long sentEvents;
    private final long droppedEvents;
    private final long failedRequests;
    private final boolean sendingStopped;

    /**
     * Creates a snapshot.
     *
     * @param sentEvents events in requests the server accepted (2xx)
     * @param droppedEvents events that will never be sent: queue full, request rejected (4xx), still failing after
     *     the retry, not serialisable, or recorded after sending stopped
     * @param failedRequests requests that did not get a 2xx response, including first attempts that were retried
     * @param sendingStopped whether sending stopped for good after a 401 or 403
     * @throws IllegalArgumentException if a count is negative
     */
    public EventStats(long sentEvents, long droppedEvents, long failedRequests, boolean sendingStopped) {
        if (sentEvents < 0 || droppedEvents < 0 || failedRequests < 0) {
            throw new IllegalArgumentException("counts must be >= 0, were sent=" + sentEvents + ", dropped="
                    + droppedEvents + ", failed=" + failedRequests);
        }
        this.sentEvents = sentEvents;
        this.droppedEvents = droppedEvents;
        this.failedRequests = failedRequests;
        this.sendingStopped = sendingStopped;
    }

    /**
     * Returns how many events the server accepted.
     *
     * @return the count of events in requests answered with 2xx
     */
    public long sentEvents() {
        return sentEvents;
    }

    /**
     * Returns how many events were given up.
     *
     * @return the count of events that will never be sent
     */
    public long droppedEvents() {
        return droppedEvents;
    }

    /**
     * Returns how many requests failed.
     *
     * @return the count of requests answered with a non-2xx status or ending in an I/O error
     */
    public long failedRequests() {
        return failedRequests;
    }

    /**
     * Returns whether sending stopped for good because the server refused the SDK key (401 or 403).
     *
     * @return {@code true} once a 401 or 403 was received
     */
    public boolean sendingStopped() {
        return sendingStopped;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof EventStats)) {
            return false;
        }
        EventStats that = (EventStats) o;
        return sentEvents == that.sentEvents
                && droppedEvents == that.droppedEvents
                && failedRequests == that.failedRequests
                && sendingStopped == that.sendingStopped;
    }

    @Override
    public int hashCode() {
        int h = Long.hashCode(sentEvents);
        h = 31 * h + Long.hashCode(droppedEvents);
        h = 31 * h + Long.hashCode(failedRequests);
        return 31 * h + Boolean.hashCode(sendingStopped);
    }

    @Override
    public String toString() {
        return "EventStats{sent=" + sentEvents + ", dropped=" + droppedEvents + ", failedRequests=" + failedRequests
                + ", sendingStopped=" + sendingStopped + "}";
    }
}
