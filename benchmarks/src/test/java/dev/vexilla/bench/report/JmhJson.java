package dev.vexilla.bench.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds JMH result JSON shaped like {@code -rf json} output, for the report tests. */
final class JmhJson {

    private final ArrayNode root = JsonNodeFactory.instance.arrayNode();

    /** Adds an average-time result; {@code bytes} is skipped when NaN, {@code error} written as "NaN" when NaN. */
    JmhJson add(String benchmark, String unit, double score, double error, double bytes, double... iterations) {
        return add(benchmark, "avgt", unit, "gc.alloc.rate.norm", score, error, bytes, iterations);
    }

    JmhJson add(
            String benchmark,
            String mode,
            String unit,
            String allocKey,
            double score,
            double error,
            double bytes,
            double... iterations) {
        return add(benchmark, mode, 1, unit, allocKey, score, error, bytes, iterations);
    }

    /** Adds a throughput result run with {@code threads} benchmark threads. */
    JmhJson addThroughput(
            String benchmark,
            int threads,
            String unit,
            double score,
            double error,
            double bytes,
            double... iterations) {
        return add(benchmark, "thrpt", threads, unit, "gc.alloc.rate.norm", score, error, bytes, iterations);
    }

    /** Changes the warmup of the result added last. */
    JmhJson withWarmup(int iterations, String time) {
        ObjectNode last = (ObjectNode) root.get(root.size() - 1);
        last.put("warmupIterations", iterations);
        last.put("warmupTime", time);
        return this;
    }

    private JmhJson add(
            String benchmark,
            String mode,
            int threads,
            String unit,
            String allocKey,
            double score,
            double error,
            double bytes,
            double... iterations) {
        ObjectNode e = root.addObject();
        e.put("jmhVersion", "1.37");
        e.put("benchmark", benchmark);
        e.put("mode", mode);
        e.put("threads", threads);
        e.put("forks", 1);
        e.put("jdkVersion", "17.0.15");
        e.put("vmName", "OpenJDK 64-Bit Server VM");
        e.put("warmupIterations", 3);
        e.put("warmupTime", "2 s");
        e.put("measurementIterations", iterations.length);
        e.put("measurementTime", "2 s");
        ObjectNode primary = e.putObject("primaryMetric");
        primary.put("score", score);
        if (Double.isNaN(error)) {
            primary.put("scoreError", "NaN");
        } else {
            primary.put("scoreError", error);
        }
        primary.put("scoreUnit", unit);
        ArrayNode fork = primary.putArray("rawData").addArray();
        for (double it : iterations) {
            fork.add(it);
        }
        ObjectNode secondary = e.putObject("secondaryMetrics");
        if (!Double.isNaN(bytes)) {
            secondary.putObject(allocKey).put("score", bytes).put("scoreUnit", "B/op");
        }
        return this;
    }

    ArrayNode tree() {
        return root;
    }
}
