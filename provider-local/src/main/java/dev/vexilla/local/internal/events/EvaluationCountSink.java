package dev.vexilla.local.internal.events;

import dev.vexilla.model.ErrorKind;
import dev.vexilla.model.ResultReason;
import org.jspecify.annotations.Nullable;

/**
 * Receives the evaluation counters an {@link EvaluationCountSource} drains. The events pipeline turns them into
 * {@code aggVariableEvaluated} events (successful evaluations) and {@code aggVariableDefaulted} events (errors).
 *
 * <p>Called only from the thread that runs {@link EvaluationCountSource#drainTo}; implementations need not be
 * thread-safe.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface EvaluationCountSink {
    /**
     * Accepts one counter.
     *
     * @param flagKey the flag (setting) key that was evaluated
     * @param variationId the variation id served, or {@code null} when there is none (errors, or a config value
     *     without an id)
     * @param reason the reason of the result
     * @param error the error, or {@code null} for a successful evaluation
     * @param count how many evaluations had this outcome since the last drain; values below 1 are ignored
     */
    void accept(
            String flagKey, @Nullable String variationId, ResultReason reason, @Nullable ErrorKind error, long count);
}
