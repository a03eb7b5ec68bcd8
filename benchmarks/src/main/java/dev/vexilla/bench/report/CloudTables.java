package dev.vexilla.bench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Renders the cloud group of a run: the latency table of the network benchmarks (classes named {@code *Cloud}) beside
 * {@value #LOCAL}, the ratios the targets of issue 7 read, and the throughput scaling of the
 * {@code *Scaling} classes (throughput mode, one row per implementation, one column per thread count).
 *
 * <p>Targets: a cache-off provider at most {@value #CACHE_OFF_TARGET}× the median of {@value #OFREP_PEER} (the contrib
 * OFREP provider); the cache-hit path at most {@value #CACHE_HIT_TARGET}× {@value #LOCAL}; eight threads at least
 * {@value #SCALING_TARGET}× the throughput of one.
 */
final class CloudTables {

    /** The suffix of the latency classes of the cloud group. */
    static final String SUFFIX = "Cloud";

    /** The peer the cache-off columns are divided by: the contrib OFREP provider. */
    static final String OFREP_PEER = "OfrepCloud";

    /** The column measured on the cache-hit path. */
    static final String CACHED = "VexillaCachedCloud";

    /** The in-process provider the cache-hit column is divided by. */
    static final String LOCAL = "VexillaLocalOpenFeature";

    static final double CACHE_OFF_TARGET = 1.0;
    static final double CACHE_HIT_TARGET = 2.0;
    static final double SCALING_TARGET = 3.0;

    private static final List<String> COLUMNS =
            List.of(OFREP_PEER, "VexillaBucketingCloud", "VexillaOfrepCloud", CACHED, LOCAL);
    private static final List<Ratio> RATIOS = List.of(
            new Ratio("VexillaBucketingCloud", OFREP_PEER, CACHE_OFF_TARGET),
            new Ratio("VexillaOfrepCloud", OFREP_PEER, CACHE_OFF_TARGET),
            new Ratio(CACHED, LOCAL, CACHE_HIT_TARGET));
    private static final String DASH = "\u2013";

    /** A ratio of medians per scenario, with the largest value the target allows. */
    private record Ratio(String numerator, String denominator, double atMost) {}

    private CloudTables() {}

    /**
     * Tells whether a result belongs to the cloud latency table.
     *
     * @param implementation the benchmark class's simple name
     * @return {@code true} for {@code *Cloud} classes
     */
    static boolean isCloud(String implementation) {
        return implementation.endsWith(SUFFIX);
    }

    /**
     * Appends the cloud latency table and its ratios (when there are cloud results) and the scaling table (when
     * there are throughput results).
     *
     * @param out where to append
     * @param cloud the results of {@code *Cloud} classes
     * @param others the other average-time results; {@value #LOCAL}'s join the cloud table
     * @param throughputs the throughput results
     */
    static void append(
            StringBuilder out,
            List<BenchmarkResult> cloud,
            List<BenchmarkResult> others,
            List<ThroughputResult> throughputs) {
        if (!cloud.isEmpty()) {
            List<BenchmarkResult> shown = new ArrayList<>(cloud);
            others.stream().filter(r -> r.implementation().equals(LOCAL)).forEach(shown::add);
            ResultsTable.Grid grid = new ResultsTable.Grid(shown, columnOrder());
            out.append(String.format("%n### Cloud latency on loopback: ns/op, median of iterations [mean \u00b1 99.9%%"
                    + " error]; B/op = gc.alloc.rate.norm%n%n"));
            grid.appendCells(out, 1);
            out.append(String.format(
                    Locale.ROOT,
                    "%n### Cloud ratios of medians, same scenario (targets: cache off \u2264 %.2fx the OFREP provider,"
                            + " cache hit \u2264 %.2fx LocalProvider)%n%n",
                    CACHE_OFF_TARGET,
                    CACHE_HIT_TARGET));
            appendRatios(out, grid);
        }
        if (!throughputs.isEmpty()) {
            out.append(String.format(
                    Locale.ROOT,
                    "%n### Throughput scaling: ops/s summed over the benchmark threads, median of iterations [mean \u00b1"
                            + " 99.9%% error]; B/op (target: the most threads \u2265 %.2fx one thread)%n%n",
                    SCALING_TARGET));
            appendScaling(out, throughputs, SCALING_TARGET);
        }
    }

    static Comparator<String> columnOrder() {
        return Comparator.comparingInt((String name) -> COLUMNS.contains(name) ? COLUMNS.indexOf(name) : COLUMNS.size())
                .thenComparing(Comparator.naturalOrder());
    }

    private static void appendRatios(StringBuilder out, ResultsTable.Grid grid) {
        out.append("| scenario");
        RATIOS.forEach(
                r -> out.append(" | ").append(r.numerator()).append(" / ").append(r.denominator()));
        out.append(" |\n|---");
        RATIOS.forEach(r -> out.append("|---"));
        out.append("|\n");
        for (String row : grid.rows()) {
            out.append("| ").append(row);
            for (Ratio ratio : RATIOS) {
                BenchmarkResult numerator = grid.get(row, ratio.numerator());
                BenchmarkResult denominator = grid.get(row, ratio.denominator());
                out.append(" | ");
                if (numerator == null || denominator == null) {
                    out.append(DASH);
                } else {
                    double value = numerator.medianNs() / denominator.medianNs();
                    out.append(String.format(Locale.ROOT, "%.2fx", value))
                            .append(value <= ratio.atMost() ? " (met)" : " (not met)");
                }
            }
            out.append(" |\n");
        }
    }

    /**
     * Appends a scaling table: one row per implementation, one column per thread count, and the ratio of the most
     * threads to one thread marked against a target.
     *
     * @param out where to append
     * @param throughputs the throughput results
     * @param atLeast the smallest ratio the target allows
     */
    static void appendScaling(StringBuilder out, List<ThroughputResult> throughputs, double atLeast) {
        TreeSet<Integer> threadCounts = new TreeSet<>();
        Map<String, TreeMap<Integer, ThroughputResult>> byImplementation = new TreeMap<>();
        for (ThroughputResult r : throughputs) {
            threadCounts.add(r.threads());
            byImplementation
                    .computeIfAbsent(r.implementation(), k -> new TreeMap<>())
                    .put(r.threads(), r);
        }
        out.append("| implementation");
        threadCounts.forEach(n -> out.append(" | ").append(n).append(n == 1 ? " thread" : " threads"));
        out.append(" | most / one thread |\n|---");
        threadCounts.forEach(n -> out.append("|---"));
        out.append("|---|\n");
        byImplementation.forEach((implementation, byThreads) -> {
            out.append("| ").append(implementation);
            for (int n : threadCounts) {
                ThroughputResult r = byThreads.get(n);
                out.append(" | ").append(r == null ? DASH : cell(r));
            }
            ThroughputResult one = byThreads.get(1);
            ThroughputResult most = byThreads.lastEntry().getValue();
            if (one == null || most.threads() == 1) {
                out.append(" | ").append(DASH);
            } else {
                double ratio = most.medianOps() / one.medianOps();
                out.append(String.format(Locale.ROOT, " | %.2fx at %d threads", ratio, most.threads()))
                        .append(ratio >= atLeast ? " (met)" : " (not met)");
            }
            out.append(" |\n");
        });
    }

    static String cell(ThroughputResult r) {
        String text = ResultsTable.number(r.medianOps()) + " [" + ResultsTable.number(r.meanOps()) + " \u00b1 "
                + ResultsTable.number(r.errorOps()) + "]";
        return Double.isNaN(r.bytesPerOp())
                ? text
                : text + "; " + String.format(Locale.ROOT, "%.0f", r.bytesPerOp()) + " B";
    }
}
