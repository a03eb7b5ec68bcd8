package dev.vexilla.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
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
                a_clients 3
                # HELP b_requests_total Requests.
                # TYPE b_requests_total counter
                b_requests_total{route="/a",status="404"} 1
                b_requests_total{route="/x",status="200"} 5
                """);
    }

    @Test
    void labelValuesAreEscaped() {
        registry.counter("c_total", "C.", "name").inc("a\"b\\c\nd");

        assertThat(registry.render()).contains("c_total{name=\"a\\\"b\\\\c\\nd\"} 1");
    }

    @Test
    void counterReturnsTheSameFamilyAndChecksLabelCount() {
        MetricsRegistry.Counter a = registry.counter("x_total", "X.", "l");

        assertThat(registry.counter("x_total", "X.", "l")).isSameAs(a);
        assertThatThrownBy(() -> a.inc("1", "2")).hasMessage("x_total takes 1 label values, got 2");
        a.inc("v");
        assertThat(a.value("v")).isEqualTo(1);
        assertThat(a.total()).isEqualTo(1);
    }
}
