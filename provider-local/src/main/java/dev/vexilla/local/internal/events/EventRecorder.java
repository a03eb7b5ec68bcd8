package dev.vexilla.local.internal.events;

import dev.vexilla.model.User;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * Records custom events and sends them, with the provider's evaluation counters, to the events service.
 *
 * <pre>{@code
 * EventRecorder events = EventRecorder.create(options, httpClient, counters, scheduler, Clock.systemUTC());
 * events.track("checkout", user, 42.0, Map.of("currency", "EUR"));
 * ...
 * events.close(); // sends what is queued, within options.closeTimeout()
 * }</pre>
 *
 * <p>Thread-safe: every method may be called from any thread. {@link #track} and {@link #flush} never block and
 * never throw for non-null arguments; {@link #close} blocks for a bounded time.
 *
 * @since 0.1.0
 */
public interface EventRecorder extends AutoCloseable {
    /**
     * Queues a custom event. The user's private attributes are removed before the event is queued. When the queue
     * is full the event is dropped and counted; reaching the flush queue size requests an early flush.
     *
     * @param eventName the event name, sent as {@code customType}
     * @param user the user the event belongs to
     * @param value the numeric value of the event, or {@code null}; a non-finite value is sent as {@code null}
     * @param metaData details of the event, copied; values that JSON cannot carry are sent as text
     * @throws NullPointerException if {@code eventName}, {@code user} or {@code metaData} is null
     */
    void track(String eventName, User user, @Nullable Double value, Map<String, Object> metaData);

    /** Asks for a flush as soon as possible, on the scheduler; returns at once. */
    void flush();

    /**
     * Replaces the client custom data sent with the SDK user of the batches flushed from now on (DevCycle's
     * {@code setClientCustomData}). Values JSON cannot carry are sent as text.
     *
     * @param data attribute name to value; copied
     */
    default void clientCustomData(Map<String, ?> data) {}

    /**
     * Sends what is queued (within the close budget), stops the scheduled flushes and cancels pending retries.
     * Idempotent: later calls return at once. Events tracked after close are counted as dropped.
     */
    @Override
    void close();

    /**
     * Returns the counters of this recorder.
     *
     * @return a snapshot, never null; {@link EventStats#EMPTY} for a recorder that sends nothing
     */
    default EventStats stats() {
        return EventStats.EMPTY;
    }

    /**
     * Returns a recorder that ignores everything (events disabled, or a provider without an events URL).
     *
     * @return the shared no-op recorder
     */
    static EventRecorder noop() {
        return NoopEventRecorder.INSTANCE;
    }

    /**
     * Creates a recorder that posts batches to {@link EventOptions#batchUri()} and starts its periodic flush on the
     * scheduler. The caller keeps ownership of the HTTP client and the scheduler: {@link #close()} closes neither.
     *
     * @param options where and how often to send
     * @param httpClient the provider's HTTP client
     * @param counts the provider's evaluation counters, drained at each flush
     * @param scheduler runs the flushes and retries; the recorder starts no thread of its own
     * @param clock dates the events
     * @return a started recorder
     * @throws java.util.concurrent.RejectedExecutionException if the scheduler is already shut down
     */
    static EventRecorder create(
            EventOptions options,
            CloseableHttpClient httpClient,
            EvaluationCountSource counts,
            ScheduledExecutorService scheduler,
            Clock clock) {
        BatchingEventRecorder recorder =
                new BatchingEventRecorder(options, new EventsPoster(httpClient, options), counts, scheduler, clock);
        recorder.start();
        return recorder;
    }
}
