package dev.vexilla.bench.report;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Renders the DevCycle group of a run (issue 8): the results of the d scenarios ({@code d1_bool} …
 * {@code d5_allVariables100}) in one table with DevCycle's SDK and Vexilla side by side, raw and through OpenFeature,
 * then the ratios the targets read, then the throughput of the DevCycle scaling benchmarks by thread count.
 *
 * <p>Targets: Vexilla's raw engine at least {@value #SPEEDUP_TARGET}× faster than {@value #DEVCYCLE_RAW} on d1 to d4
 * and {@value #SPEEDUP_TARGET_ALL}× on d5 (a speed-up is DevCycle's median divided by Vexilla's); Vexilla's provider at
 * most {@value #FLOOR_TARGET}× the context-reading floor {@value #FLOOR}; two threads at least {@value #SCALING_TARGET}×
 * the throughput of one.
 */
final class DevCycleTables {

    static final String DEVCYCLE_RAW = "DevCycleRaw";
    static final String VEXILLA_RAW = "VexillaDevCycleRaw";
    static final String BASELINE = "BaselineDevCycleOpenFeature";
    static final String FLOOR = "ContextReadingDevCycleOpenFeature";
    static final String DEVCYCLE_OPENFEATURE = "DevCycleOpenFeature";
    static final String VEXILLA_OPENFEATURE = "VexillaDevCycleOpenFeature";

    static final double SPEEDUP_TARGET = 1000;
    static final double SPEEDUP_TARGET_ALL = 300;
    static final double FLOOR_TARGET = 1.25;
    static final double SCALING_TARGET = 1.8;

    private static final Pattern SCENARIO = Pattern.compile("d\\d_.*");
    private static final String ALL_VARIABLES = "d5_allVariables100";
    private static final List<String> COLUMNS =
            List.of(DEVCYCLE_RAW, VEXILLA_RAW, BASELINE, FLOOR, DEVCYCLE_OPENFEATURE, VEXILLA_OPENFEATURE);
    private static final String DASH = "\u2013";

    private DevCycleTables() {}

    /**
     * Tells whether a benchmark method is one of the DevCycle scenarios.
     *
     * @param scenario the benchmark method's name
     * @return {@code true} for {@code d1_…} to {@code d9_…}
     */
    static boolean isDevCycle(String scenario) {
        return SCENARIO.matcher(scenario).matches();
    }

    /**
     * Appends the DevCycle tables: latencies and ratios when there are average-time results, scaling when there are
     * throughput results.
     *
     * @param out where to append
     * @param results the average-time results of the d scenarios
     * @param throughputs the throughput results of the d scenarios
     */
    static void append(StringBuilder out, List<BenchmarkResult> results, List<ThroughputResult> throughputs) {
        if (!results.isEmpty()) {
            ResultsTable.Grid grid = new ResultsTable.Grid(results, columnOrder());
            out.append(String.format("%n### DevCycle config v2 (d scenarios): ns/op, median of iterations [mean \u00b1"
                    + " 99.9%% error]; B/op = gc.alloc.rate.norm%n%n"));
            grid.appendCells(out, 1);
            out.append(String.format(
                    Locale.ROOT,
                    "%n### DevCycle speed-up: DevCycle's median / Vexilla's median, same scenario and path (target,"
                            + " raw: \u2265 %.0fx on d1\u2013d4, \u2265 %.0fx on d5)%n%n",
                    SPEEDUP_TARGET,
                    SPEEDUP_TARGET_ALL));
            appendSpeedUps(out, grid);
            out.append(String.format(
                    Locale.ROOT,
                    "%n### DevCycle OpenFeature columns / %s (the context-reading floor), same scenario (target for"
                            + " Vexilla: \u2264 %.2fx)%n%n",
                    FLOOR,
                    FLOOR_TARGET));
            appendFloorRatios(out, grid);
        }
        if (!throughputs.isEmpty()) {
            out.append(String.format(
                    Locale.ROOT,
                    "%n### DevCycle scaling: ops/s summed over the benchmark threads, median of iterations [mean \u00b1"
                            + " 99.9%% error]; B/op (target: the most threads \u2265 %.2fx one thread)%n%n",
                    SCALING_TARGET));
            CloudTables.appendScaling(out, throughputs, SCALING_TARGET);
        }
    }

    static Comparator<String> columnOrder() {
        return Comparator.comparingInt((String name) -> COLUMNS.contains(name) ? COLUMNS.indexOf(name) : COLUMNS.size())
                .thenComparing(Comparator.naturalOrder());
    }

    private static void appendSpeedUps(StringBuilder out, ResultsTable.Grid grid) {
        out.append("| scenario | ")
                .append(VEXILLA_RAW)
                .append(" vs ")
                .append(DEVCYCLE_RAW)
                .append(" | ")
                .append(VEXILLA_OPENFEATURE)
                .append(" vs ")
                .append(DEVCYCLE_OPENFEATURE)
                .append(" |\n|---|---|---|\n");
        for (String row : grid.rows()) {
            double target = row.equals(ALL_VARIABLES) ? SPEEDUP_TARGET_ALL : SPEEDUP_TARGET;
            out.append("| ")
                    .append(row)
                    .append(" | ")
                    .append(speedUp(grid.get(row, DEVCYCLE_RAW), grid.get(row, VEXILLA_RAW), target))
                    .append(" | ")
                    .append(speedUp(grid.get(row, DEVCYCLE_OPENFEATURE), grid.get(row, VEXILLA_OPENFEATURE), 0))
                    .append(" |\n");
        }
    }

    /** DevCycle's median over Vexilla's, marked against {@code atLeast} when it is positive. */
    private static String speedUp(
            @Nullable BenchmarkResult devCycle, @Nullable BenchmarkResult vexilla, double atLeast) {
        if (devCycle == null || vexilla == null) {
            return DASH;
        }
        double value = devCycle.medianNs() / vexilla.medianNs();
        String text = ratio(value);
        return atLeast <= 0 ? text : text + (value >= atLeast ? " (met)" : " (not met)");
    }

    /** A ratio with two decimals, or none from 100 on. */
    static String ratio(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%.0fx" : "%.2fx", value);
    }

    private static void appendFloorRatios(StringBuilder out, ResultsTable.Grid grid) {
        List<String> columns = List.of(BASELINE, DEVCYCLE_OPENFEATURE, VEXILLA_OPENFEATURE);
        out.append("| scenario");
        columns.forEach(c -> out.append(" | ").append(c));
        out.append(" |\n|---");
        columns.forEach(c -> out.append("|---"));
        out.append("|\n");
        for (String row : grid.rows()) {
            BenchmarkResult floor = grid.get(row, FLOOR);
            out.append("| ").append(row);
            for (String column : columns) {
                BenchmarkResult r = grid.get(row, column);
                out.append(" | ");
                if (r == null || floor == null) {
                    out.append(DASH);
                    continue;
                }
                double value = r.medianNs() / floor.medianNs();
                out.append(ratio(value));
                if (column.equals(VEXILLA_OPENFEATURE)) {
                    out.append(value <= FLOOR_TARGET ? " (met)" : " (not met)");
                }
            }
            out.append(" |\n");
        }
    }
}
