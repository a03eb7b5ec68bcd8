package dev.vexilla.local.internal.events;

import dev.vexilla.model.bucketing.DevCycleUser;
import dev.vexilla.model.events.RequestEvent;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded inbox of custom events between two flushes. When it is full, an event is dropped and counted, and
 * one WARN line is logged per overflow episode: the episode ends when a flush drains the queue (LaunchDarkly's
 * event inbox does the same; waiting for room would slow the application down).
 *
 * <p>Thread-safe and lock-free for producers: {@link #offer} never blocks.
 */
final class CustomEventQueue {
    private static final Logger LOG = LoggerFactory.getLogger(CustomEventQueue.class);

    /** One queued custom event and the user it belongs to, already stripped of private data. */
    static final class Entry {
        private final DevCycleUser user;
        private final RequestEvent event;

        Entry(DevCycleUser user, RequestEvent event) {
            this.user = user;
            this.event = event;
        }

        DevCycleUser user() {
            return user;
        }

        RequestEvent event() {
            return event;
        }
    }

    private final int capacity;
    private final ArrayBlockingQueue<Entry> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicBoolean overflowing = new AtomicBoolean();

    CustomEventQueue(int capacity) {
        this.capacity = capacity;
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /**
     * Adds an event unless the queue is full.
     *
     * @param entry the event
     * @return the queue size after adding, or -1 when the event was dropped
     */
    int offer(Entry entry) {
        if (queue.offer(entry)) {
            return queue.size();
        }
        dropped.incrementAndGet();
        if (overflowing.compareAndSet(false, true)) {
            LOG.warn(
                    "Event queue is full ({} events): dropping custom events until the next flush; raise"
                            + " maxQueueSize or flush more often if this repeats",
                    capacity);
        }
        return -1;
    }

    /**
     * Moves every queued event into the list and ends the overflow episode.
     *
     * @param into receives the events, oldest first
     * @return how many events were moved
     */
    int drainTo(List<Entry> into) {
        int n = queue.drainTo(into);
        overflowing.set(false);
        return n;
    }

    /**
     * Returns how many events wait.
     *
     * @return the current size
     */
    int size() {
        return queue.size();
    }

    /**
     * Returns how many events were dropped because the queue was full.
     *
     * @return the drop count since creation
     */
    long droppedOnOverflow() {
        return dropped.get();
    }
}
