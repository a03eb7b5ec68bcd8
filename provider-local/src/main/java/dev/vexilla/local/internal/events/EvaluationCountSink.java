package dev.vexilla.local.internal.events;

import dev.vexilla.model.ErrorKind;
import dev.vexilla.model.ResultReason;
import org.jspecify.annotations.Nullable;

/**
 * Receives drained evaluation counters from an {@link EvaluationCountSource}.
 *
 * @since 0.1.0
 */
public interface EvaluationCountSink {

    /**
     * Accepts one aggregated counter.
     *
     * @param flagKey the flag key
     * @param variationId the served variation id, or {@code null} for errors and values without one
     * @param reason the reason of the results counted
     * @param error the error of the results counted, or {@code null} for successes
     * @param count how many evaluations gave this outcome since the last drain; positive
     */
    void accept(
            String flagKey, @Nullable String variationId, ResultReason reason, @Nullable ErrorKind error, long count);
}
