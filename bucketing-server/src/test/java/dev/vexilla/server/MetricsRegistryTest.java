package dev.vexilla.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

final class MetricsRegistryTest {
    private final MetricsRegistry registry = new MetricsRegistry();

    @Test
    void rendersCountersAndGaugesInPrometheusTextFormatSortedByName() {
        MetricsRegistry.Counter requests = registry.counter("b_requests_total", "Requests.", "route", "status");
        requests.inc("/x", "200");
        requests.add(4, "/x", "200");
        requests.inc("/a", "404");
        registry.gauge("a_clients", "Clients.", List.of(), () -> Map.of(List.of(), 3));

        assertThat(registry.render()).isEqualTo("""
                # HELP a_clients Clients.
                # TYPE a_clients gauge
                a_clients 3.0
                # HELP b_requests_total Requests.
                # TYPE b_requests_total counter
                b_requests_total{route="/a",status="404"} 1.0
                b_requests_total{route="/x",status="200"} 5.0
                """);
    }

    @Test
    void labelValuesAreEscaped() {
        registry.counter("c_total", "C.", "name").inc("a\"b\\c\nd");

        assertThat(registry.render()).contains("c_total{name=\"a\\\"b\\\\c\\nd\"} 1.0");
        assertThat(PrometheusText.parse(registry.render())
                        .family("c_total")
                        .value("c_total", Map.of("name", "a\"b\\c\nd")))
                .hasValue(1.0);
    }

    @Test
    void counterReturnsTheSameFamilyAndChecksLabelCount() {
        MetricsRegistry.Counter a = registry.counter("x_total", "X.", "l");

        assertThat(registry.counter("x_total", "X.", "l")).isSameAs(a);
        assertThatThrownBy(() -> a.inc("1", "2")).hasMessage("x_total takes 1 label values, got 2");
        a.inc("v");
        assertThat(a.value("v")).isEqualTo(1);
        assertThat(a.value("never")).isZero();
        assertThat(a.total()).isEqualTo(1);
    }

    @Test
    void aCounterReadFromItsSourceReportsTheSourcesCountAtEveryScrape() {
        AtomicInteger forwarded = new AtomicInteger(2);
        registry.counter("r_forwarded_total", "Forwarded.", forwarded::get);

        assertThat(registry.render()).contains("# TYPE r_forwarded_total counter\nr_forwarded_total 2.0\n");
        forwarded.addAndGet(3);
        assertThat(registry.render()).contains("r_forwarded_total 5.0\n");
        assertThatThrownBy(() -> registry.counter("r_forwarded_total", "Again.", forwarded::get))
                .hasMessage("metric r_forwarded_total is already registered");
    }

    @Test
    void aNameKeepsItsType() {
        registry.counter("x_total", "X.");
        registry.gauge("g", "G.", List.of(), () -> Map.of(List.of(), 1));

        assertThatThrownBy(() -> registry.gauge("x_total", "X.", List.of(), Map::of))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("x_total");
        assertThatThrownBy(() -> registry.counter("g", "G."))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("g");
    }

    @Test
    void gaugeIsReadAtEveryScrapeAndReRegisteringReplacesIt() {
        AtomicInteger open = new AtomicInteger(2);
        registry.gauge("open", "Open.", List.of("kind"), () -> Map.of(List.of("a"), open.get()));
        open.set(7);

        assertThat(PrometheusText.parse(registry.render()).family("open").value("open", Map.of("kind", "a")))
                .hasValue(7.0);

        registry.gauge("open", "Open again.", List.of("kind"), () -> Map.of(List.of("b"), 1));

        PrometheusText.Family replaced = PrometheusText.parse(registry.render()).family("open");
        assertThat(replaced.help()).isEqualTo("Open again.");
        assertThat(replaced.samples()).containsExactly(new PrometheusText.Sample("open", Map.of("kind", "b"), 1));
    }

    @Test
    void histogramRendersCumulativeBucketsSumAndCountPerLabelSet() {
        MetricsRegistry.Histogram latency =
                registry.histogram("d_seconds", "Duration.", new double[] {0.1, 1}, "route");
        latency.observe(0.05, "/a");
        latency.observe(0.5, "/a");
        latency.observe(5, "/a");

        PrometheusText.Family family = PrometheusText.parse(registry.render()).family("d_seconds");

        assertThat(family.type()).isEqualTo("histogram");
        assertThat(family.value("d_seconds_bucket", Map.of("route", "/a", "le", "0.1")))
                .hasValue(1.0);
        assertThat(family.value("d_seconds_bucket", Map.of("route", "/a", "le", "1.0")))
                .hasValue(2.0);
        assertThat(family.value("d_seconds_bucket", Map.of("route", "/a", "le", "+Inf")))
                .hasValue(3.0);
        assertThat(family.value("d_seconds_count", Map.of("route", "/a"))).hasValue(3.0);
        assertThat(family.value("d_seconds_sum", Map.of("route", "/a"))).hasValue(5.55);
        assertThat(latency.count("/a")).isEqualTo(3);
        assertThat(registry.histogram("d_seconds", "Duration.", new double[] {0.1, 1}, "route"))
                .isSameAs(latency);
    }

    @Test
    void jvmMetricsAreAddedOnce() {
        registry.registerJvmMetrics();
        registry.registerJvmMetrics();

        PrometheusText text = PrometheusText.parse(registry.render());

        assertThat(text.family("jvm_memory_used_bytes").type()).isEqualTo("gauge");
        assertThat(text.family("jvm_threads_current").samples()).isNotEmpty();
        assertThat(text.family("process_cpu_seconds_total").type()).isEqualTo("counter");
    }
}
