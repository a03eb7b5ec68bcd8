package dev.vexilla.engine.devcycle;

import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.ResultDetail;
import org.jspecify.annotations.Nullable;

/**
 * What one (target, audience variant) pair serves: per distribution entry the feature-level detail, and per
 * (entry, variable slot) the variable's result. Built once and shared by every evaluation that lands there.
 */
final class Outcomes {

    /** Per distribution entry; {@code null} for an entry whose variation the feature does not have. */
    final @Nullable ResultDetail[] details;
    /** Per distribution entry and variable slot: {@code results[entry * slots + slot]}. */
    final EvaluationResult[] results;

    Outcomes(@Nullable ResultDetail[] details, EvaluationResult[] results) {
        this.details = details;
        this.results = results;
    }
}
