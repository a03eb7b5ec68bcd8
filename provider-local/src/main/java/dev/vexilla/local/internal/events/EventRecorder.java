package dev.vexilla.local.internal.events;

import dev.vexilla.model.User;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Receives custom events from the provider and sends them, with the evaluation counters it pulls from an
 * {@link EvaluationCountSource}, to the events endpoint.
 *
 * <p>Implementations must be thread-safe, must not block in {@link #track} (a full queue drops the event and counts
 * the drop) and must not throw from any method.
 *
 * @since 0.1.0
 */
public interface EventRecorder extends AutoCloseable {

    /**
     * Queues a custom event.
     *
     * @param eventName the event name
     * @param user the user the event is about; private attributes are never sent
     * @param value the numeric value of the event, or {@code null}
     * @param metaData further event fields
     */
    void track(String eventName, User user, @Nullable Double value, Map<String, Object> metaData);

    /** Sends what is queued now (counters and custom events); may block for the duration of one request. */
    void flush();

    /** Flushes once more, stops every thread the recorder started and releases its resources; idempotent. */
    @Override
    void close();
}
