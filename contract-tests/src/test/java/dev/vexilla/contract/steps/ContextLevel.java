package dev.vexilla.contract.steps;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The levels an evaluation context is merged from, in increasing precedence (spec 3.2.3). */
enum ContextLevel {
    API("API"),
    TRANSACTION("Transaction"),
    CLIENT("Client"),
    INVOCATION("Invocation"),
    BEFORE_HOOKS("Before Hooks");

    private final String label;

    ContextLevel(String label) {
        this.label = label;
    }

    /**
     * Finds a level by the name the feature files use.
     *
     * @param label the name, for example {@code "Before Hooks"}
     * @return the level
     * @throws IllegalArgumentException if no level has that name
     */
    static ContextLevel fromLabel(String label) {
        for (ContextLevel level : values()) {
            if (level.label.equals(label)) {
                return level;
            }
        }
        throw new IllegalArgumentException("unknown context level \"" + label + "\", expected one of "
                + Arrays.stream(values()).map(l -> l.label).collect(Collectors.joining(", ")));
    }

    String label() {
        return label;
    }
}
