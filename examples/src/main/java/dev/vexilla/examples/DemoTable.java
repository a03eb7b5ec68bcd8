package dev.vexilla.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A plain-text table with left-aligned columns separated by {@code " | "}, for the demo's console output.
 *
 * <p>Not thread-safe: build it on one thread, then {@link #render()} it.
 */
final class DemoTable {
    private static final String SEPARATOR = " | ";

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    DemoTable(List<String> header) {
        if (header.isEmpty()) {
            throw new IllegalArgumentException("header must have at least one column");
        }
        this.header = List.copyOf(header);
    }

    /**
     * Adds a row.
     *
     * @param cells one cell per column
     * @throws IllegalArgumentException if the row does not have as many cells as the header
     */
    void add(List<String> cells) {
        if (cells.size() != header.size()) {
            throw new IllegalArgumentException(
                    "row must have " + header.size() + " cells, had " + cells.size() + ": " + cells);
        }
        cells.forEach(cell -> Objects.requireNonNull(cell, "cell"));
        rows.add(List.copyOf(cells));
    }

    /**
     * Renders the header, a rule and the rows, each line ending with a line feed; trailing spaces are trimmed.
     *
     * @return the table text
     */
    String render() {
        int[] widths = new int[header.size()];
        measure(header, widths);
        rows.forEach(row -> measure(row, widths));
        StringBuilder text = new StringBuilder();
        line(text, header, widths);
        int ruleLength = SEPARATOR.length() * (widths.length - 1);
        for (int width : widths) {
            ruleLength += width;
        }
        text.append("-".repeat(ruleLength)).append('\n');
        rows.forEach(row -> line(text, row, widths));
        return text.toString();
    }

    private static void measure(List<String> cells, int[] widths) {
        for (int i = 0; i < cells.size(); i++) {
            widths[i] = Math.max(widths[i], cells.get(i).length());
        }
    }

    private static void line(StringBuilder text, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(SEPARATOR);
            }
            line.append(cells.get(i)).append(" ".repeat(widths[i] - cells.get(i).length()));
        }
        text.append(line.toString().stripTrailing()).append('\n');
    }
}
