package dev.vexilla.local.engine.internal;

import dev.vexilla.model.EvaluationResult;
import org.jspecify.annotations.Nullable;

/**
 * A compiled targeting rule: conditions (ANDed) and either a precomputed simple result or percentage options.
 * Immutable.
 */
final class Rule {
    final Condition[] conditions;
    final @Nullable EvaluationResult result;
    final Option @Nullable [] options;
    final @Nullable String thenError;

    Rule(
            Condition[] conditions,
            @Nullable EvaluationResult result,
            Option @Nullable [] options,
            @Nullable String thenError) {
        this.conditions = conditions;
        this.result = result;
        this.options = options;
        this.thenError = thenError;
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
