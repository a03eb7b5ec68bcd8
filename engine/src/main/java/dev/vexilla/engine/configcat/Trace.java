package dev.vexilla.engine.configcat;

import org.jspecify.annotations.Nullable;

/**
 * The text of one evaluation log entry, built while evaluating. Exists only when the evaluation log is on and its
 * logger takes INFO entries ({@link EvaluationState#trace} is {@code null} otherwise, and no text is built). Not
 * thread-safe (one per evaluation).
 */
final class Trace {

    private static final String NEW_LINE = System.lineSeparator();

    private final StringBuilder sb = new StringBuilder(256);
    private int indent;

    /** Why the last condition could not be evaluated, as the log shows it after {@code =>}. */
    @Nullable
    String error;

    Trace append(String text) {
        sb.append(text);
        return this;
    }

    Trace newLine() {
        sb.append(NEW_LINE);
        for (int i = 0; i < indent; i++) {
            sb.append("  ");
        }
        return this;
    }

    Trace line(String text) {
        return newLine().append(text);
    }

    void indent() {
        indent++;
    }

    void outdent() {
        if (indent > 0) {
            indent--;
        }
    }

    void ruleIgnored() {
        indent();
        line("The current targeting rule is ignored and the evaluation continues with the next rule.");
        outdent();
    }

    void conditionConsequence(boolean result) {
        append(" => ").append(Boolean.toString(result));
        if (!result) {
            append(", skipping the remaining AND conditions");
        }
    }

    void ruleConsequence(Rule rule, @Nullable String errorText, boolean match, boolean onNewLine) {
        indent();
        if (onNewLine) {
            newLine();
        } else {
            append(" ");
        }
        append("THEN ").append(rule.thenText()).append(" => ");
        if (errorText != null && !errorText.isEmpty()) {
            append(errorText);
        } else {
            append(match ? "MATCH, applying rule" : "no match");
        }
        outdent();
    }

    void blockStart(String title) {
        line("(");
        indent();
        line(title);
    }

    void blockEnd() {
        outdent();
        line(")");
    }

    String text() {
        return sb.toString();
    }
}
