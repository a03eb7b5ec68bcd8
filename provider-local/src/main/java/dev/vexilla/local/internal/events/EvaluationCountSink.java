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

    /**
     * Accepts one counter of a DevCycle variable served by a feature's variation: DevCycle's events name the feature
     * and the variation by their ids. By default counted like {@link #accept} with the variation id.
     *
     * @param variableKey the variable key that was evaluated
     * @param featureId the id of the feature that served it
     * @param variationId the id of the variation served
     * @param reason the reason of the result
     * @param count how many evaluations had this outcome since the last drain; values below 1 are ignored
     * @since 0.2.0
     */
    default void acceptFeature(
            String variableKey, String featureId, String variationId, ResultReason reason, long count) {
        accept(variableKey, variationId, reason, null, count);
    }

    /**
     * Accepts one counter of a DevCycle variable that no target served: the caller's default was served (reason
     * {@code DEFAULT}, no error code; DevCycle's "User Not Targeted"). By default ignored.
     *
     * @param variableKey the variable key that was evaluated
     * @param count how many evaluations had this outcome since the last drain; values below 1 are ignored
     * @since 0.2.0
     */
    default void acceptNotServed(String variableKey, long count) {}
}
