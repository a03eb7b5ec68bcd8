package dev.vexilla.engine.configcat;

import dev.vexilla.model.EvaluationResult;
import org.jspecify.annotations.Nullable;

/**
 * A compiled targeting rule: conditions (ANDed) and either a precomputed simple result or percentage options.
 * Immutable.
 */
final class Rule {
    final Condition[] conditions;
    final @Nullable EvaluationResult result;
    /** The rule's condition when it is its only one and a user condition (most rules): evaluated without a loop. */
    final @Nullable UserCondition single;

    /**
     * When there is no simple {@link #result}: the percentage options ({@code Option[]}), or the config error
     * (a {@code String}) evaluations reaching the rule fail with. One field keeps the rule small.
     */
    private final @Nullable Object otherwise;

    Rule(
            Condition[] conditions,
            @Nullable EvaluationResult result,
            Option @Nullable [] options,
            @Nullable String thenError) {
        this.conditions = conditions;
        this.result = result;
        this.single =
                conditions.length == 1 && conditions[0] instanceof UserCondition ? (UserCondition) conditions[0] : null;
        this.otherwise = options != null ? options : thenError;
    }

    /** Returns the percentage options, or {@code null} when the rule has none. */
    Option @Nullable [] options() {
        return otherwise instanceof Option[] ? (Option[]) otherwise : null;
    }

    /** Returns the config error of a rule with neither a simple result nor options, or {@code null}. */
    @Nullable
    String thenError() {
        return otherwise instanceof String ? (String) otherwise : null;
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
