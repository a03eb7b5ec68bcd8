package dev.vexilla.engine.configcat;

/** What a condition, or the ANDed conditions of a rule or segment, came to for one user. */
enum Outcome {
    /** The condition holds. */
    MATCH,
    /** The condition does not hold. */
    NO_MATCH,
    /** There is no user, and the condition needs one: the rule is skipped (ConfigCat: "User Object is missing"). */
    USER_MISSING,
    /** The attribute the condition reads is missing or invalid: the rule is skipped, with a warning. */
    CANNOT_EVALUATE;

    static Outcome of(boolean match) {
        return match ? MATCH : NO_MATCH;
    }

    /** Tells whether the condition could be evaluated (it matched or not); otherwise its rule is skipped. */
    boolean evaluated() {
        return this == MATCH || this == NO_MATCH;
    }
}
