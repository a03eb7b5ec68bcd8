package dev.vexilla.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON that JMH writes with {@code -rf json}.
 *
 * <p>Average-time results become {@link BenchmarkResult}s, every time unit JMH writes ({@code ns/op} to
 * {@code s/op}) converted to nanoseconds; throughput results become {@link ThroughputResult}s in operations per
 * second. Other modes are refused. The allocation is the secondary metric {@code gc.alloc.rate.norm} of
 * {@code -prof gc} (older JMH versions prefix it with a middle dot; both spellings are read).
 *
 * @param results every average-time result in file order
 * @param throughputs every throughput result in file order
 * @param runs how each result was configured, in file order (average-time and throughput results interleaved)
 */
public record JmhResults(List<BenchmarkResult> results, List<ThroughputResult> throughputs, List<RunInfo> runs) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Double> NS_PER_UNIT =
            Map.of("ns/op", 1.0, "us/op", 1e3, "\u00b5s/op", 1e3, "ms/op", 1e6, "s/op", 1e9);
    private static final Map<String, Double> OPS_PER_SECOND_PER_UNIT =
            Map.of("ops/ns", 1e9, "ops/us", 1e6, "ops/\u00b5s", 1e6, "ops/ms", 1e3, "ops/s", 1.0, "ops/min", 1.0 / 60);

    /**
     * How a result was configured.
     *
     * @param forks forks per benchmark
     * @param warmup warmup iterations and time, e.g. {@code "3x2 s"}
     * @param measurement measurement iterations and time, e.g. {@code "5x2 s"}
     * @param threads benchmark threads
     * @param jdk the JDK version and VM name
     * @param jmh the JMH version
     */
    public record RunInfo(int forks, String warmup, String measurement, int threads, String jdk, String jmh) {}

    /**
     * Copies the lists.
     *
     * @param results the average-time results
     * @param throughputs the throughput results
     * @param runs one configuration per result, at least one
     * @throws IllegalArgumentException if there is no configuration
     */
    public JmhResults {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("JMH results need at least one result");
        }
        results = List.copyOf(results);
        throughputs = List.copyOf(throughputs);
        runs = List.copyOf(runs);
    }

    /**
     * Reads a results file.
     *
     * @param file the JSON file
     * @return the results
     * @throws IOException if the file cannot be read or is not JSON
     * @throws IllegalArgumentException if the file holds no result or a result this table cannot show
     */
    public static JmhResults read(Path file) throws IOException {
        return parse(JSON.readTree(file.toFile()));
    }

    /**
     * Parses results already read as a tree.
     *
     * @param root the JSON array JMH wrote
     * @return the results
     * @throws IllegalArgumentException if there is no result, or one is in a mode other than average time or
     *     throughput, or uses an unknown unit
     */
    public static JmhResults parse(JsonNode root) {
        if (!root.isArray() || root.isEmpty()) {
            throw new IllegalArgumentException("JMH results must be a non-empty JSON array");
        }
        List<BenchmarkResult> results = new ArrayList<>();
        List<ThroughputResult> throughputs = new ArrayList<>();
        List<RunInfo> runs = new ArrayList<>();
        for (JsonNode entry : root) {
            String mode = entry.path("mode").asText();
            if ("avgt".equals(mode)) {
                results.add(averageTime(entry));
            } else if ("thrpt".equals(mode)) {
                throughputs.add(throughput(entry));
            } else {
                throw new IllegalArgumentException(entry.path("benchmark").asText() + ": mode " + mode
                        + " is neither average time nor throughput (run with -bm avgt or -bm thrpt)");
            }
            runs.add(runInfo(entry));
        }
        return new JmhResults(results, throughputs, runs);
    }

    /**
     * Returns the configuration of the first result, which describes the whole run when all results share it.
     *
     * @return the first result's configuration
     */
    public RunInfo run() {
        return runs.get(0);
    }

    private static RunInfo runInfo(JsonNode entry) {
        return new RunInfo(
                entry.path("forks").asInt(),
                entry.path("warmupIterations").asInt() + "x"
                        + entry.path("warmupTime").asText(),
                entry.path("measurementIterations").asInt() + "x"
                        + entry.path("measurementTime").asText(),
                entry.path("threads").asInt(1),
                entry.path("jdkVersion").asText() + " (" + entry.path("vmName").asText() + ")",
                entry.path("jmhVersion").asText());
    }

    private static BenchmarkResult averageTime(JsonNode entry) {
        String benchmark = entry.path("benchmark").asText();
        JsonNode primary = entry.path("primaryMetric");
        double scale = scale(benchmark, primary, NS_PER_UNIT);
        return new BenchmarkResult(
                implementation(benchmark),
                method(benchmark),
                iterations(primary, scale),
                number(primary.path("score")) * scale,
                number(primary.path("scoreError")) * scale,
                allocation(entry.path("secondaryMetrics")));
    }

    private static ThroughputResult throughput(JsonNode entry) {
        String benchmark = entry.path("benchmark").asText();
        JsonNode primary = entry.path("primaryMetric");
        double scale = scale(benchmark, primary, OPS_PER_SECOND_PER_UNIT);
        return new ThroughputResult(
                implementation(benchmark),
                method(benchmark),
                entry.path("threads").asInt(1),
                iterations(primary, scale),
                number(primary.path("score")) * scale,
                number(primary.path("scoreError")) * scale,
                allocation(entry.path("secondaryMetrics")));
    }

    private static double scale(String benchmark, JsonNode primary, Map<String, Double> units) {
        String unit = primary.path("scoreUnit").asText();
        Double scale = units.get(unit);
        if (scale == null) {
            throw new IllegalArgumentException(benchmark + ": unknown unit " + unit);
        }
        return scale;
    }

    private static List<Double> iterations(JsonNode primary, double scale) {
        List<Double> iterations = new ArrayList<>();
        for (JsonNode fork : primary.path("rawData")) {
            for (JsonNode value : fork) {
                iterations.add(value.asDouble() * scale);
            }
        }
        return iterations;
    }

    private static String implementation(String benchmark) {
        String className = benchmark.substring(0, benchmark.lastIndexOf('.'));
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static String method(String benchmark) {
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    private static double allocation(JsonNode secondary) {
        JsonNode norm = secondary.path("gc.alloc.rate.norm");
        if (norm.isMissingNode()) {
            norm = secondary.path("\u00b7gc.alloc.rate.norm");
        }
        return norm.isMissingNode() ? Double.NaN : number(norm.path("score"));
    }

    /** JMH writes {@code "NaN"} as a string where it has no number. */
    private static double number(JsonNode node) {
        return node.isNumber() ? node.asDouble() : Double.NaN;
    }
}
