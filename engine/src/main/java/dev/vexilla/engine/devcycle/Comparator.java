package dev.vexilla.engine.devcycle;

import org.jspecify.annotations.Nullable;

/** A DevCycle filter comparator. Unknown comparators are tolerated at load and never match. */
enum Comparator {
    EQUAL("="),
    NOT_EQUAL("!="),
    GREATER(">"),
    GREATER_OR_EQUAL(">="),
    LESS("<"),
    LESS_OR_EQUAL("<="),
    EXIST("exist"),
    NOT_EXIST("!exist"),
    CONTAIN("contain"),
    NOT_CONTAIN("!contain"),
    START_WITH("startWith"),
    NOT_START_WITH("!startWith"),
    END_WITH("endWith"),
    NOT_END_WITH("!endWith");

    private static final Comparator[] ALL = values();

    private final String text;

    Comparator(String text) {
        this.text = text;
    }

    /**
     * Returns the comparator spelled {@code text}.
     *
     * @param text the comparator as the config spells it
     * @return the comparator, or {@code null} when DevCycle does not know it
     */
    static @Nullable Comparator of(String text) {
        for (Comparator c : ALL) {
            if (c.text.equals(text)) {
                return c;
            }
        }
        return null;
    }

    /** Tells whether the comparator's text contains {@code =} (a version comparison accepts equal versions). */
    boolean acceptsEqual() {
        return text.indexOf('=') >= 0;
    }

    /** Tells whether the comparator's text contains {@code >}. */
    boolean acceptsGreater() {
        return text.indexOf('>') >= 0;
    }

    /** Tells whether the comparator's text contains {@code <}. */
    boolean acceptsLess() {
        return text.indexOf('<') >= 0;
    }

    /** Tells whether the comparator orders ({@code >}, {@code >=}, {@code <}, {@code <=}). */
    boolean isOrdering() {
        return this == GREATER || this == GREATER_OR_EQUAL || this == LESS || this == LESS_OR_EQUAL;
    }

    @Override
    public String toString() {
        return text;
    }
}
