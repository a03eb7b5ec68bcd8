package dev.vexilla.server;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * A tiny registry of counters and gauges rendered in the Prometheus text exposition format (version 0.0.4).
 *
 * <p>Label values must come from bounded sets (route templates, status codes, config names): never a raw request
 * path, which may carry an SDK key. Thread-safe: counters are {@link LongAdder}s, rendering takes no lock.
 */
final class MetricsRegistry {
    private final ConcurrentMap<String, Family> families = new ConcurrentSkipListMap<>();

    /**
     * Registers (or returns the already registered) counter family.
     *
     * @param name the metric name, ending in {@code _total}
     * @param help the one-line description
     * @param labelNames the label names, in order
     * @return the counter
     */
    Counter counter(String name, String help, String... labelNames) {
        Family family = families.computeIfAbsent(name, n -> new Counter(n, help, List.of(labelNames)));
        if (!(family instanceof Counter counter)) {
            throw new IllegalStateException("metric " + name + " is already registered as a gauge");
        }
        return counter;
    }

    /**
     * Registers a gauge family whose samples are read from {@code samples} at every scrape.
     *
     * @param name the metric name
     * @param help the one-line description
     * @param labelNames the label names, in order
     * @param samples supplies label values (in {@code labelNames} order) to the current value
     */
    void gauge(String name, String help, List<String> labelNames, Supplier<Map<List<String>, Number>> samples) {
        families.put(name, new Gauge(name, help, labelNames, samples));
    }

    /**
     * Renders every family in the Prometheus text format, sorted by name.
     *
     * @return the exposition text
     */
    String render() {
        StringBuilder out = new StringBuilder(1024);
        for (Family family : families.values()) {
            out.append("# HELP ")
                    .append(family.name)
                    .append(' ')
                    .append(family.help)
                    .append('\n');
            out.append("# TYPE ")
                    .append(family.name)
                    .append(' ')
                    .append(family.type())
                    .append('\n');
            Map<List<String>, Number> sorted = new ConcurrentSkipListMap<>(MetricsRegistry::compareLabels);
            sorted.putAll(family.samples());
            for (Map.Entry<List<String>, Number> sample : sorted.entrySet()) {
                out.append(family.name);
                appendLabels(out, family.labelNames, sample.getKey());
                out.append(' ').append(formatValue(sample.getValue())).append('\n');
            }
        }
        return out.toString();
    }

    private static int compareLabels(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static void appendLabels(StringBuilder out, List<String> names, List<String> values) {
        if (names.isEmpty()) {
            return;
        }
        out.append('{');
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(names.get(i)).append("=\"");
            escapeLabelValue(out, i < values.size() ? values.get(i) : "");
            out.append('"');
        }
        out.append('}');
    }

    private static void escapeLabelValue(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
    }

    private static String formatValue(Number value) {
        if (value instanceof Double || value instanceof Float) {
            double d = value.doubleValue();
            return d == Math.rint(d) && !Double.isInfinite(d) ? Long.toString((long) d) : Double.toString(d);
        }
        return Long.toString(value.longValue());
    }

    private abstract static class Family {
        final String name;
        final String help;
        final List<String> labelNames;

        Family(String name, String help, List<String> labelNames) {
            this.name = Objects.requireNonNull(name, "name");
            this.help = Objects.requireNonNull(help, "help");
            this.labelNames = List.copyOf(labelNames);
        }

        abstract String type();

        abstract Map<List<String>, Number> samples();
    }

    /** A monotonically increasing counter with labels. Thread-safe. */
    static final class Counter extends Family {
        private final ConcurrentMap<List<String>, LongAdder> values = new ConcurrentHashMap<>();

        Counter(String name, String help, List<String> labelNames) {
            super(name, help, labelNames);
        }

        /**
         * Adds one to the sample with these label values.
         *
         * @param labelValues one value per label name, in order
         */
        void inc(String... labelValues) {
            add(1, labelValues);
        }

        /**
         * Adds {@code amount} to the sample with these label values.
         *
         * @param amount a non-negative amount
         * @param labelValues one value per label name, in order
         */
        void add(long amount, String... labelValues) {
            if (labelValues.length != labelNames.size()) {
                throw new IllegalArgumentException(
                        name + " takes " + labelNames.size() + " label values, got " + labelValues.length);
            }
            values.computeIfAbsent(List.of(labelValues), k -> new LongAdder()).add(amount);
        }

        /**
         * Returns the current value of one sample.
         *
         * @param labelValues one value per label name, in order
         * @return the count, 0 when never incremented
         */
        long value(String... labelValues) {
            LongAdder adder = values.get(Arrays.asList(labelValues));
            return adder == null ? 0 : adder.sum();
        }

        /**
         * Returns the sum over all samples.
         *
         * @return the total count
         */
        long total() {
            return values.values().stream().mapToLong(LongAdder::sum).sum();
        }

        @Override
        String type() {
            return "counter";
        }

        @Override
        Map<List<String>, Number> samples() {
            Map<List<String>, Number> out = new ConcurrentHashMap<>();
            values.forEach((k, v) -> out.put(k, v.sum()));
            return out;
        }
    }

    private static final class Gauge extends Family {
        private final Supplier<Map<List<String>, Number>> supplier;

        Gauge(String name, String help, List<String> labelNames, Supplier<Map<List<String>, Number>> supplier) {
            super(name, help, labelNames);
            this.supplier = supplier;
        }

        @Override
        String type() {
            return "gauge";
        }

        @Override
        Map<List<String>, Number> samples() {
            Map<List<String>, Number> samples = supplier.get();
            return samples == null ? Collections.emptyMap() : samples;
        }
    }
}
