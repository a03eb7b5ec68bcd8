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
 * <p>Only average-time results are accepted; every time unit JMH writes ({@code ns/op} to {@code s/op}) is converted
 * to nanoseconds. The allocation is the secondary metric {@code gc.alloc.rate.norm} of {@code -prof gc} (older JMH
 * versions prefix it with a middle dot; both spellings are read).
 *
 * @param results every result in file order
 * @param run how the run was configured, taken from the first result
 */
public record JmhResults(List<BenchmarkResult> results, RunInfo run) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Double> NS_PER_UNIT =
            Map.of("ns/op", 1.0, "us/op", 1e3, "\u00b5s/op", 1e3, "ms/op", 1e6, "s/op", 1e9);

    /**
     * How the run was configured.
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
     * @throws IllegalArgumentException if there is no result, or one is not in average-time mode or uses an
     *     unknown unit
     */
    public static JmhResults parse(JsonNode root) {
        if (!root.isArray() || root.isEmpty()) {
            throw new IllegalArgumentException("JMH results must be a non-empty JSON array");
        }
        List<BenchmarkResult> results = new ArrayList<>();
        for (JsonNode entry : root) {
            results.add(result(entry));
        }
        JsonNode first = root.get(0);
        RunInfo run = new RunInfo(
                first.path("forks").asInt(),
                first.path("warmupIterations").asInt() + "x"
                        + first.path("warmupTime").asText(),
                first.path("measurementIterations").asInt() + "x"
                        + first.path("measurementTime").asText(),
                first.path("threads").asInt(1),
                first.path("jdkVersion").asText() + " (" + first.path("vmName").asText() + ")",
                first.path("jmhVersion").asText());
        return new JmhResults(List.copyOf(results), run);
    }

    private static BenchmarkResult result(JsonNode entry) {
        String benchmark = entry.path("benchmark").asText();
        if (!"avgt".equals(entry.path("mode").asText())) {
            throw new IllegalArgumentException(
                    benchmark + ": mode " + entry.path("mode").asText() + " is not average time (run with -bm avgt)");
        }
        JsonNode primary = entry.path("primaryMetric");
        String unit = primary.path("scoreUnit").asText();
        Double scale = NS_PER_UNIT.get(unit);
        if (scale == null) {
            throw new IllegalArgumentException(benchmark + ": unknown time unit " + unit);
        }
        List<Double> iterations = new ArrayList<>();
        for (JsonNode fork : primary.path("rawData")) {
            for (JsonNode value : fork) {
                iterations.add(value.asDouble() * scale);
            }
        }
        int dot = benchmark.lastIndexOf('.');
        String className = benchmark.substring(0, dot);
        return new BenchmarkResult(
                className.substring(className.lastIndexOf('.') + 1),
                benchmark.substring(dot + 1),
                iterations,
                number(primary.path("score")) * scale,
                number(primary.path("scoreError")) * scale,
                allocation(entry.path("secondaryMetrics")));
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
