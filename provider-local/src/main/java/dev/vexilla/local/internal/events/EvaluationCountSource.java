package dev.vexilla.local.internal.events;

/**
 * Where the evaluation counters live: the provider keeps one counter per precomputed result (no allocation per
 * evaluation) and the events pipeline pulls them at flush time.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface EvaluationCountSource {
    /** A source without counters, for a recorder that sends custom events only. */
    EvaluationCountSource NONE = sink -> {};

    /**
     * Hands every counter above zero to the sink and subtracts what was handed over, so that each evaluation is
     * reported exactly once. Called from the flushing thread, at most one call at a time, while evaluations go on
     * concurrently; an evaluation that races with the drain is reported by the next one.
     *
     * @param sink receives one call per non-zero counter
     */
    void drainTo(EvaluationCountSink sink);
}
