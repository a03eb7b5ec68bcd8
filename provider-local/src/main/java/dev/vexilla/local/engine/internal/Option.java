package dev.vexilla.local.engine.internal;

import dev.vexilla.model.EvaluationResult;

/** A compiled percentage option: its share and the precomputed result it serves. Immutable. */
final class Option {
    final int percentage;
    final EvaluationResult result;
    final String valueText;

    Option(int percentage, EvaluationResult result, String valueText) {
        this.percentage = percentage;
        this.result = result;
        this.valueText = valueText;
    }
}
