package dev.vexilla.engine.configcat;

import dev.vexilla.model.EvaluationResult;

/** A compiled percentage option: its share and the precomputed result it serves. Immutable. */
final class Option {
    final int percentage;
    final EvaluationResult result;

    Option(int percentage, EvaluationResult result) {
        this.percentage = percentage;
        this.result = result;
    }

    /** The value as the log shows it; built only for the log. */
    String valueText() {
        Object value = result.value();
        return value != null ? value.toString() : "<invalid value>";
    }
}
