package dev.vexilla.engine.configcat;

import dev.vexilla.model.EvaluationResult;
import org.jspecify.annotations.Nullable;

/**
 * A compiled targeting rule: its conditions (ANDed) and what it serves when they match: a precomputed result, or
 * percentage options, or (for a rule with neither) the config error an evaluation reaching it fails with.
 * Immutable.
 */
final class Rule {
    final Condition[] conditions;
    /** The simple value's precomputed result; {@code null} when the rule serves % options or is broken. */
    final @Nullable EvaluationResult result;
    /** The percentage options; {@code null} when the rule serves a simple value or is broken. */
    final Option @Nullable [] options;
    /** Why the rule has neither a value nor options; {@code null} when it has one of them. */
    final @Nullable String thenError;
    /** The rule's condition when it is its only one and a user condition (most rules), else {@code null}. */
    final @Nullable UserCondition single;

    Rule(
            Condition[] conditions,
            @Nullable EvaluationResult result,
            Option @Nullable [] options,
            @Nullable String thenError) {
        this.conditions = conditions;
        this.result = result;
        this.options = options;
        this.thenError = thenError;
        this.single =
                conditions.length == 1 && conditions[0] instanceof UserCondition ? (UserCondition) conditions[0] : null;
    }

    /** Returns what the log shows after THEN: the quoted simple value or {@code % options}. */
    String thenText() {
        if (result == null) {
            return "% options";
        }
        Object value = result.value();
        return "'" + (value != null ? value.toString() : "<invalid value>") + "'";
    }
}
