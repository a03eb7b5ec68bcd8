package dev.vexilla.server;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The server's metrics: a small facade over the Prometheus Java client ({@code io.prometheus:prometheus-metrics-*}),
 * rendered in the Prometheus text exposition format (version 0.0.4) by the client's own writer.
 *
 * <p>The facade keeps the server's code independent of the client's builders: a component asks for a
 * {@linkplain #counter counter}, a {@linkplain #histogram histogram} or a {@linkplain #gauge gauge read at every
 * scrape} by name, help text and label names, and gets the same family back when it asks twice. Label values must
 * come from bounded sets (route templates, status codes, config names, reasons): never a raw request path, which may
 * carry an SDK key, and never a key itself.
 *
 * <p>Thread-safe: counters and histograms are the client's lock-free data points; gauges are read when scraped.
 */
final class MetricsRegistry {
    /** Latency buckets in seconds, from 1 ms (a cached config file) to 10 s (a stalled body or EdgeDB). */
    static final double[] LATENCY_BUCKETS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final ConcurrentMap<String, Object> families = new ConcurrentHashMap<>();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final AtomicBoolean jvmMetrics = new AtomicBoolean();

    /**
     * Registers (or returns the already registered) counter family.
     *
     * @param name the metric name, ending in {@code _total} (the exposition adds it when missing)
     * @param help the one-line description
     * @param labelNames the label names, in order
     * @return the counter
     * @throws IllegalStateException if {@code name} is registered as another type
     */
    Counter counter(String name, String help, String... labelNames) {
        Object family = families.computeIfAbsent(name, n -> register(new Counter(n, help, List.of(labelNames))));
        if (!(family instanceof Counter counter)) {
            throw new IllegalStateException("metric " + name + " is already registered as another type");
        }
        return counter;
    }

    /**
     * Registers a counter without labels whose value is read from {@code total} at every scrape: for a count that
     * another component keeps itself, so that nothing has to copy it over.
     *
     * @param name the metric name, ending in {@code _total} (the exposition adds it when missing)
     * @param help the one-line description
     * @param total the current count; it must never decrease
     * @throws IllegalStateException if {@code name} is already registered
     */
    void counter(String name, String help, LongSupplier total) {
        Objects.requireNonNull(total, "total");
        CounterWithCallback.Builder builder =
                CounterWithCallback.builder().name(name).callback(callback -> callback.call(total.getAsLong()));
        if (!help.isEmpty()) {
            builder.help(help);
        }
        CounterWithCallback counter = builder.build();
        if (families.putIfAbsent(name, counter) != null) {
            throw new IllegalStateException("metric " + name + " is already registered");
        }
        registry.register(counter);
    }

    /**
     * Registers (or returns the already registered) histogram family with fixed bucket upper bounds.
     *
     * @param name the metric name, e.g. ending in {@code _seconds}
     * @param help the one-line description
     * @param upperBounds the bucket upper bounds, ascending ({@code +Inf} is added)
     * @param labelNames the label names, in order
     * @return the histogram
     * @throws IllegalStateException if {@code name} is registered as another type
     */
    Histogram histogram(String name, String help, double[] upperBounds, String... labelNames) {
        Object family = families.computeIfAbsent(
                name, n -> register(new Histogram(n, help, upperBounds.clone(), List.of(labelNames))));
        if (!(family instanceof Histogram histogram)) {
            throw new IllegalStateException("metric " + name + " is already registered as another type");
        }
        return histogram;
    }

    /**
     * Registers a gauge family whose samples are read from {@code samples} at every scrape, replacing a gauge
     * registered before under the same name.
     *
     * @param name the metric name
     * @param help the one-line description
     * @param labelNames the label names, in order
     * @param samples supplies label values (in {@code labelNames} order) to the current value
     * @throws IllegalStateException if {@code name} is registered as a counter or histogram
     */
    void gauge(String name, String help, List<String> labelNames, Supplier<Map<List<String>, Number>> samples) {
        Objects.requireNonNull(samples, "samples");
        GaugeWithCallback.Builder builder = GaugeWithCallback.builder()
                .name(name)
                .labelNames(labelNames.toArray(String[]::new))
                .callback(callback -> {
                    Map<List<String>, Number> current = samples.get();
                    if (current != null) {
                        current.forEach(
                                (labels, value) -> callback.call(value.doubleValue(), labels.toArray(String[]::new)));
                    }
                });
        if (!help.isEmpty()) {
            builder.help(help);
        }
        GaugeWithCallback gauge = builder.build();
        synchronized (families) {
            Object previous = families.get(name);
            if (previous != null && !(previous instanceof GaugeWithCallback)) {
                throw new IllegalStateException("metric " + name + " is already registered as another type");
            }
            if (previous != null) {
                registry.unregister((Collector) previous);
            }
            registry.register(gauge);
            families.put(name, gauge);
        }
    }

    /**
     * Adds the client's JVM and process metrics ({@code jvm_*}, {@code process_*}): memory pools, garbage
     * collection, threads, classes, CPU time, open file descriptors and start time. Idempotent.
     */
    void registerJvmMetrics() {
        if (jvmMetrics.compareAndSet(false, true)) {
            JvmMetrics.builder().register(registry);
        }
    }

    /**
     * Renders every family in the Prometheus text format, sorted by name.
     *
     * @return the exposition text
     */
    String render() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        write(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * Writes every family in the Prometheus text format, sorted by name.
     *
     * @param out where the text goes (UTF-8); not closed
     * @throws UncheckedIOException if {@code out} fails
     */
    void write(OutputStream out) {
        try {
            writer.write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns the content type of {@link #render()}'s text.
     *
     * @return {@code text/plain; version=0.0.4; charset=utf-8}
     */
    static String contentType() {
        return PrometheusTextFormatWriter.CONTENT_TYPE;
    }

    private <T extends Collector> T register(T collector) {
        registry.register(collector);
        return collector;
    }

    private static void checkLabelCount(String name, List<String> labelNames, String[] labelValues) {
        if (labelValues.length != labelNames.size()) {
            throw new IllegalArgumentException(
                    name + " takes " + labelNames.size() + " label values, got " + labelValues.length);
        }
    }

    private static Labels labels(List<String> names, String[] values) {
        return names.isEmpty() ? Labels.EMPTY : Labels.of(names.toArray(String[]::new), values);
    }

    /** A monotonically increasing counter with labels. Thread-safe. */
    static final class Counter implements Collector {
        private final String name;
        private final List<String> labelNames;
        private final io.prometheus.metrics.core.metrics.Counter counter;

        Counter(String name, String help, List<String> labelNames) {
            this.name = Objects.requireNonNull(name, "name");
            this.labelNames = List.copyOf(labelNames);
            io.prometheus.metrics.core.metrics.Counter.Builder builder =
                    io.prometheus.metrics.core.metrics.Counter.builder()
                            .name(name)
                            .labelNames(labelNames.toArray(String[]::new))
                            .withoutExemplars();
            if (!help.isEmpty()) {
                builder.help(help);
            }
            this.counter = builder.build();
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
            checkLabelCount(name, labelNames, labelValues);
            if (labelValues.length == 0) {
                counter.inc(amount);
            } else {
                counter.labelValues(labelValues).inc(amount);
            }
        }

        /**
         * Returns the current value of one sample.
         *
         * @param labelValues one value per label name, in order
         * @return the count, 0 when never incremented
         */
        long value(String... labelValues) {
            checkLabelCount(name, labelNames, labelValues);
            Labels wanted = labels(labelNames, labelValues);
            return counter.collect().getDataPoints().stream()
                    .filter(point -> point.getLabels().equals(wanted))
                    .mapToLong(point -> (long) point.getValue())
                    .findFirst()
                    .orElse(0);
        }

        /**
         * Returns the sum over all samples.
         *
         * @return the total count
         */
        long total() {
            return counter.collect().getDataPoints().stream()
                    .mapToLong(point -> (long) point.getValue())
                    .sum();
        }

        @Override
        public CounterSnapshot collect() {
            return counter.collect();
        }

        @Override
        public String getPrometheusName() {
            return counter.getPrometheusName();
        }
    }

    /** A histogram with fixed buckets and labels. Thread-safe. */
    static final class Histogram implements Collector {
        private final String name;
        private final List<String> labelNames;
        private final io.prometheus.metrics.core.metrics.Histogram histogram;

        Histogram(String name, String help, double[] upperBounds, List<String> labelNames) {
            this.name = Objects.requireNonNull(name, "name");
            this.labelNames = List.copyOf(labelNames);
            io.prometheus.metrics.core.metrics.Histogram.Builder builder =
                    io.prometheus.metrics.core.metrics.Histogram.builder()
                            .name(name)
                            .labelNames(labelNames.toArray(String[]::new))
                            .classicOnly()
                            .classicUpperBounds(upperBounds)
                            .withoutExemplars();
            if (!help.isEmpty()) {
                builder.help(help);
            }
            this.histogram = builder.build();
        }

        /**
         * Records one observation.
         *
         * @param value the observed value (seconds, for a latency)
         * @param labelValues one value per label name, in order
         */
        void observe(double value, String... labelValues) {
            checkLabelCount(name, labelNames, labelValues);
            if (labelValues.length == 0) {
                histogram.observe(value);
            } else {
                histogram.labelValues(labelValues).observe(value);
            }
        }

        /**
         * Returns how many observations one sample has.
         *
         * @param labelValues one value per label name, in order
         * @return the count, 0 when never observed
         */
        long count(String... labelValues) {
            checkLabelCount(name, labelNames, labelValues);
            Labels wanted = labels(labelNames, labelValues);
            return histogram.collect().getDataPoints().stream()
                    .filter(point -> point.getLabels().equals(wanted))
                    .mapToLong(HistogramSnapshot.HistogramDataPointSnapshot::getCount)
                    .findFirst()
                    .orElse(0);
        }

        @Override
        public HistogramSnapshot collect() {
            return histogram.collect();
        }

        @Override
        public String getPrometheusName() {
            return histogram.getPrometheusName();
        }
    }
}
