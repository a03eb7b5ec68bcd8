package dev.vexilla.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Renders JMH results as the Markdown tables of the peer comparison ({@code docs/peer-benchmarks.md}).
 *
 * <p>One row per scenario (benchmark method), one column per implementation (benchmark class). A cell reads
 * {@code median [mean ± error]; B/op}: the median of all measurement iterations in ns/op, JMH's mean and 99.9% error
 * in brackets, and {@code gc.alloc.rate.norm}. A second table, when the run has {@value #BASELINE}, divides each
 * median by its median in the same scenario. Parse benchmarks (methods named {@code parse...}) get a table of their
 * own, in ms/op. Numbers are shown with one decimal below 100 and none from 100 on; ratios with two decimals; a
 * dash marks a missing result.
 *
 * <p>Columns are ordered raw engines first ({@code *Raw}), then OpenFeature clients ({@code *OpenFeature}), then the
 * rest; within a group the peers of the anchor table come first in its order, new implementations after them by
 * name.
 *
 * <p>The network benchmarks get tables of their own ({@link CloudTables}): the {@code *Cloud} classes with
 * {@code VexillaLocalOpenFeature} beside them and the ratios their targets read, and the throughput results (the
 * {@code *Scaling} classes) by thread count. So do the DevCycle scenarios (methods {@code d1_…} to {@code d5_…},
 * {@link DevCycleTables}): DevCycle's SDK beside Vexilla, raw and through OpenFeature, the speed-ups and the ratios to
 * the context-reading floor, and their own scaling table. The first line names the run's settings once when every result shares
 * them, else each setting with the number of benchmarks that used it.
 *
 * <pre>{@code
 * java -cp benchmarks.jar dev.vexilla.bench.report.ResultsTable results.json --machine "2-core EPYC" > results.md
 * }</pre>
 */
public final class ResultsTable {

    /** The implementation every ratio is relative to: the OpenFeature SDK floor. */
    public static final String BASELINE = "BaselineOpenFeature";

    private static final List<String> KNOWN_COLUMNS = List.of(
            "HashMapRaw",
            "ConfigCatRaw",
            "DevCycleRaw",
            BASELINE,
            "ContextReadingOpenFeature",
            "ConfigCatOpenFeature",
            "FlagdOpenFeature",
            "DevCycleOpenFeature",
            "ConfigCatParse",
            "DevCycleParse");
    private static final List<String> KNOWN_ROWS = List.of(
            "s1_bool",
            "s2_oneRule",
            "s3_rollout",
            "s4_tenRules",
            "s5_allFlags100",
            "d1_bool",
            "d2_oneAudience",
            "d3_split",
            "d4_tenTargets",
            "d5_allVariables100");
    private static final String DASH = "\u2013";
    private static final double NS_PER_MS = 1e6;

    private ResultsTable() {}

    /**
     * Prints the tables of a results file to standard output.
     *
     * @param args the JSON file, then optionally {@code --machine <text>} and {@code --date <yyyy-mm-dd>} (default:
     *     the file's modification date, UTC)
     * @throws IOException if the file cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: ResultsTable <jmh-results.json> [--machine <text>] [--date <yyyy-mm-dd>]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        String machine = option(args, "--machine").orElse("machine not recorded");
        String date = option(args, "--date")
                .orElseGet(() ->
                        LocalDate.ofInstant(lastModified(file), ZoneOffset.UTC).toString());
        System.out.print(render(JmhResults.read(file), date, machine));
    }

    /**
     * Renders the tables.
     *
     * @param results the parsed results
     * @param date the date of the run
     * @param machine a description of the machine
     * @return Markdown text
     */
    public static String render(JmhResults results, String date, String machine) {
        List<BenchmarkResult> evaluations = new ArrayList<>();
        List<BenchmarkResult> parses = new ArrayList<>();
        List<BenchmarkResult> cloud = new ArrayList<>();
        List<BenchmarkResult> devCycle = new ArrayList<>();
        for (BenchmarkResult r : results.results()) {
            if (r.scenario().startsWith("parse")) {
                parses.add(r);
            } else if (DevCycleTables.isDevCycle(r.scenario())) {
                devCycle.add(r);
            } else if (CloudTables.isCloud(r.implementation())) {
                cloud.add(r);
            } else {
                evaluations.add(r);
            }
        }
        StringBuilder out = new StringBuilder();
        appendRunLine(out, results, date, machine);
        if (!evaluations.isEmpty()) {
            Grid grid = new Grid(evaluations, columnOrder());
            out.append(String.format(
                    "%n### ns/op: median of iterations [mean \u00b1 99.9%% error]; B/op = gc.alloc.rate.norm%n%n"));
            grid.appendCells(out, 1);
            if (evaluations.stream().anyMatch(r -> r.implementation().equals(BASELINE))) {
                out.append(String.format(
                        "%n### ratios of medians: each implementation / %s (OpenFeature SDK floor), same scenario%n%n",
                        BASELINE));
                grid.appendRatios(out);
            }
        }
        List<ThroughputResult> devCycleThroughputs = new ArrayList<>();
        List<ThroughputResult> otherThroughputs = new ArrayList<>();
        for (ThroughputResult r : results.throughputs()) {
            (DevCycleTables.isDevCycle(r.scenario()) ? devCycleThroughputs : otherThroughputs).add(r);
        }
        CloudTables.append(out, cloud, evaluations, otherThroughputs);
        DevCycleTables.append(out, devCycle, devCycleThroughputs);
        if (!parses.isEmpty()) {
            out.append(String.format("%n### parse + compile of the generated config:"
                    + " ms/op median [mean \u00b1 99.9%% error]; B/op%n%n"));
            new Grid(parses, columnOrder()).appendCells(out, NS_PER_MS);
        }
        return out.toString();
    }

    /**
     * The first line: the date, the settings (once when every result shares them, else each with its count), the
     * number of benchmarks, the machine and the versions.
     */
    private static void appendRunLine(StringBuilder out, JmhResults results, String date, String machine) {
        Map<String, Integer> settings = new LinkedHashMap<>();
        for (JmhResults.RunInfo run : results.runs()) {
            settings.merge(
                    String.format(
                            Locale.ROOT,
                            "%d JMH fork(s), %s warmup, %s measurement, %d thread(s)",
                            run.forks(),
                            run.warmup(),
                            run.measurement(),
                            run.threads()),
                    1,
                    Integer::sum);
        }
        int count = results.runs().size();
        JmhResults.RunInfo first = results.run();
        if (settings.size() == 1) {
            out.append(String.format(
                    Locale.ROOT,
                    "Run on %s, %s, %d benchmarks; %s. JDK %s, JMH %s.%n",
                    date,
                    settings.keySet().iterator().next(),
                    count,
                    machine,
                    first.jdk(),
                    first.jmh()));
            return;
        }
        StringBuilder each = new StringBuilder();
        settings.forEach((text, n) -> each.append(each.length() == 0 ? "" : "; ")
                .append(text)
                .append(" (")
                .append(n)
                .append(n == 1 ? " benchmark)" : " benchmarks)"));
        out.append(String.format(
                Locale.ROOT,
                "Run on %s, %d benchmarks; %s. JDK %s, JMH %s. Settings of the benchmark classes: %s.%n",
                date,
                count,
                machine,
                first.jdk(),
                first.jmh(),
                each));
    }

    /** Formats like the anchor table: one decimal below 100, none from 100 on. */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return Math.abs(value) >= 100
                ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.1f", value);
    }

    static String cell(BenchmarkResult r, double nsPerUnit) {
        String text = number(r.medianNs() / nsPerUnit) + " [" + number(r.meanNs() / nsPerUnit) + " \u00b1 "
                + number(r.errorNs() / nsPerUnit) + "]";
        return Double.isNaN(r.bytesPerOp())
                ? text
                : text + "; " + String.format(Locale.ROOT, "%.0f", r.bytesPerOp()) + " B";
    }

    static Comparator<String> columnOrder() {
        return Comparator.comparingInt(ResultsTable::group)
                .thenComparingInt(
                        name -> KNOWN_COLUMNS.contains(name) ? KNOWN_COLUMNS.indexOf(name) : KNOWN_COLUMNS.size())
                .thenComparing(Comparator.naturalOrder());
    }

    static Comparator<String> rowOrder() {
        return Comparator.comparingInt(
                        (String name) -> KNOWN_ROWS.contains(name) ? KNOWN_ROWS.indexOf(name) : KNOWN_ROWS.size())
                .thenComparing(Comparator.naturalOrder());
    }

    private static int group(String implementation) {
        if (implementation.endsWith("Raw")) {
            return 0;
        } else if (implementation.endsWith("OpenFeature")) {
            return 1;
        }
        return 2;
    }

    private static Optional<String> option(String[] args, String name) {
        for (int i = 1; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Optional.of(args[i + 1]);
            }
        }
        return Optional.empty();
    }

    private static java.time.Instant lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return java.time.Instant.now();
        }
    }

    /** Results indexed by row and column. */
    static final class Grid {
        private final List<String> columns;
        private final List<String> rows;
        private final Map<String, BenchmarkResult> byCell = new LinkedHashMap<>();

        Grid(List<BenchmarkResult> results, Comparator<String> columnOrder) {
            TreeSet<String> columnSet = new TreeSet<>(columnOrder);
            TreeSet<String> rowSet = new TreeSet<>(rowOrder());
            for (BenchmarkResult r : results) {
                columnSet.add(r.implementation());
                rowSet.add(r.scenario());
                byCell.put(r.scenario() + "/" + r.implementation(), r);
            }
            columns = List.copyOf(columnSet);
            rows = List.copyOf(rowSet);
        }

        List<String> rows() {
            return rows;
        }

        @Nullable
        BenchmarkResult get(String row, String column) {
            return byCell.get(row + "/" + column);
        }

        void appendCells(StringBuilder out, double nsPerUnit) {
            appendHeader(out);
            for (String row : rows) {
                out.append("| ").append(row);
                for (String column : columns) {
                    BenchmarkResult r = byCell.get(row + "/" + column);
                    out.append(" | ").append(r == null ? DASH : cell(r, nsPerUnit));
                }
                out.append(" |\n");
            }
        }

        void appendRatios(StringBuilder out) {
            appendHeader(out);
            for (String row : rows) {
                BenchmarkResult baseline = byCell.get(row + "/" + BASELINE);
                out.append("| ").append(row);
                for (String column : columns) {
                    BenchmarkResult r = byCell.get(row + "/" + column);
                    out.append(" | ")
                            .append(
                                    r == null || baseline == null
                                            ? DASH
                                            : String.format(Locale.ROOT, "%.2fx", r.medianNs() / baseline.medianNs()));
                }
                out.append(" |\n");
            }
        }

        private void appendHeader(StringBuilder out) {
            out.append("| scenario");
            columns.forEach(c -> out.append(" | ").append(c));
            out.append(" |\n|---");
            columns.forEach(c -> out.append("|---"));
            out.append("|\n");
        }
    }
}
