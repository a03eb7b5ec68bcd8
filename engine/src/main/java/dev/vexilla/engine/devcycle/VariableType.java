package dev.vexilla.engine.devcycle;

import org.jspecify.annotations.Nullable;

/** A DevCycle variable type, and the Java type its values are served as. */
enum VariableType {
    /** Served as {@link String}. */
    STRING("String"),
    /** Served as {@link Boolean}. */
    BOOLEAN("Boolean"),
    /** Served as {@link Double}. */
    NUMBER("Number"),
    /** Served as a plain {@code Map} (a JSON object) or {@code List} (a JSON array). */
    JSON("JSON");

    final String text;

    VariableType(String text) {
        this.text = text;
    }

    static @Nullable VariableType of(String text) {
        for (VariableType t : values()) {
            if (t.text.equals(text)) {
                return t;
            }
        }
        return null;
    }
}
