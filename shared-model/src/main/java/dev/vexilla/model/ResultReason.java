package dev.vexilla.model;

/**
 * Why an evaluation produced its value. The names are OpenFeature's reason strings.
 *
 * @since 0.1.0
 */
public enum ResultReason {
    /** The flag has no targeting rules and no percentage options. */
    STATIC,
    /** A targeting rule matched and served a value. */
    TARGETING_MATCH,
    /** A percentage option was chosen, at the top level or inside a rule. */
    SPLIT,
    /** Rules or options exist but none applied: the flag's own value was served. */
    DEFAULT,
    /** A cloud result served from the client cache. */
    CACHED,
    /** The evaluation failed; {@link EvaluationResult#errorKind()} says how. */
    ERROR
}
