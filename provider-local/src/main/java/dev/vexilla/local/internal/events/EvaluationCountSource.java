package dev.vexilla.local.internal.events;

/**
 * Holds evaluation counters (the provider's snapshot) and hands them over on request.
 *
 * @since 0.1.0
 */
public interface EvaluationCountSource {

    /**
     * Reports every non-zero counter to the sink and resets it, so each evaluation is reported once.
     *
     * @param sink receives each (flag, variation, reason, error) count; called on the caller's thread
     */
    void drainTo(EvaluationCountSink sink);
}
