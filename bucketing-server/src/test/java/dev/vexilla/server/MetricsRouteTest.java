package dev.vexilla.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /metrics} on a real server: the families, their types and labels, read back with a strict parser. */
final class MetricsRouteTest {
    private static final String VARIABLE = "/v1/variables/flag";
    private static final String USER = "{\"user_id\":\"u-1\"}";

    @TempDir
    Path dir;

    @Test
    void metrics_renderEveryFamilyWithItsTypeAndLabels() throws Exception {
        try (VexillaServer server = TestServers.start(TestServers.options(dir)
                .configDirectory(TestServers.configDirectory(dir))
                .build())) {
            for (int i = 0; i < 3; i++) {
                assertThat(TestServers.postJson(server, VARIABLE, TestServers.KEY_A, USER)
                                .statusCode())
                        .isEqualTo(200);
            }
            TestServers.get(server, TestServers.configPath(TestServers.KEY_B));

            HttpResponse<String> response = TestServers.get(server, "/metrics");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue(MetricsRegistry.contentType());
            PrometheusText text = PrometheusText.parse(response.body());
            assertThat(types(text))
                    .containsEntry("vexilla_http_requests_total", "counter")
                    .containsEntry("vexilla_http_request_duration_seconds", "histogram")
                    .containsEntry("vexilla_evaluations_total", "counter")
                    .containsEntry("vexilla_config_version", "gauge")
                    .containsEntry("vexilla_config_info", "gauge")
                    .containsEntry("vexilla_configs_loaded", "gauge")
                    .containsEntry("vexilla_config_source_up", "gauge")
                    .containsEntry("vexilla_config_reloads_total", "counter")
                    .containsEntry("vexilla_stream_clients", "gauge")
                    .containsEntry("vexilla_stream_rejected_total", "counter")
                    .containsEntry("vexilla_build_info", "gauge")
                    .containsEntry("vexilla_http_connections", "gauge")
                    .containsEntry("vexilla_http_requests_in_progress", "gauge")
                    .containsEntry("vexilla_http_request_bodies_pending", "gauge")
                    .containsEntry("jvm_memory_used_bytes", "gauge")
                    .containsEntry("jvm_threads_current", "gauge")
                    .containsEntry("process_cpu_seconds_total", "counter");
            assertThat(text.family("vexilla_evaluations_total")
                            .value(
                                    "vexilla_evaluations_total",
                                    Map.of("config", "alpha", "flag", "flag", "reason", "STATIC")))
                    .hasValue(3.0);
            assertThat(text.family("vexilla_configs_loaded").value("vexilla_configs_loaded", Map.of()))
                    .hasValue(2.0);
            assertThat(text.family("vexilla_config_source_up").value("vexilla_config_source_up", Map.of()))
                    .hasValue(1.0);
            String etag = server.configStore().configs().get("alpha").etag();
            assertThat(text.family("vexilla_config_info")
                            .value("vexilla_config_info", Map.of("config", "alpha", "etag", etag)))
                    .hasValue(1.0);
        }
    }

    @Test
    void requestDuration_isAHistogramPerRouteTemplateAndStatus() throws Exception {
        try (VexillaServer server = TestServers.start(TestServers.options(dir)
                .configDirectory(TestServers.configDirectory(dir))
                .build())) {
            for (int i = 0; i < 4; i++) {
                TestServers.postJson(server, VARIABLE, TestServers.KEY_A, USER);
            }

            PrometheusText.Family family = PrometheusText.parse(
                            TestServers.get(server, "/metrics").body())
                    .family("vexilla_http_request_duration_seconds");

            Map<String, String> route = Map.of("route", BucketingRoutes.VARIABLE_TEMPLATE, "status", "200");
            List<PrometheusText.Sample> buckets = family.samples("vexilla_http_request_duration_seconds_bucket", route);
            assertThat(buckets).hasSize(MetricsRegistry.LATENCY_BUCKETS.length + 1);
            assertThat(buckets.get(buckets.size() - 1).labels()).containsEntry("le", "+Inf");
            assertThat(buckets.get(buckets.size() - 1).value()).isEqualTo(4.0);
            assertThat(buckets)
                    .extracting(PrometheusText.Sample::value)
                    .as("buckets are cumulative")
                    .isSorted();
            assertThat(family.value("vexilla_http_request_duration_seconds_count", route))
                    .hasValue(4.0);
            assertThat(family.value("vexilla_http_request_duration_seconds_sum", route))
                    .hasValueSatisfying(sum -> assertThat(sum).isPositive());
        }
    }

    @Test
    void buildInfo_carriesTheVersionTheBuildStamped() throws Exception {
        try (VexillaServer server = TestServers.start(TestServers.options(dir).build())) {
            PrometheusText.Family info = PrometheusText.parse(
                            TestServers.get(server, "/metrics").body())
                    .family("vexilla_build_info");

            assertThat(info.samples()).singleElement().satisfies(sample -> {
                assertThat(sample.value()).isEqualTo(1.0);
                assertThat(sample.labels())
                        .containsEntry("version", System.getProperty("vexilla.projectVersion"))
                        .containsEntry("java_version", Runtime.version().toString());
            });
            assertThat(BuildInfo.version()).isNotEqualTo(BuildInfo.UNKNOWN_VERSION);
        }
    }

    @Test
    void labelsCarryNeitherKeysNorRawPaths() throws Exception {
        String secret = "secret-key-never-in-metrics-000001";
        try (VexillaServer server = TestServers.start(TestServers.options(dir)
                .configDirectory(TestServers.configDirectory(dir))
                .build())) {
            TestServers.get(server, TestServers.configPath(secret));
            TestServers.get(server, "/v1/variables/" + secret);
            TestServers.postJson(server, "/v1/variables/" + secret, TestServers.KEY_A, USER);
            TestServers.get(server, "/no/such/" + secret);

            PrometheusText text =
                    PrometheusText.parse(TestServers.get(server, "/metrics").body());

            assertThat(text.families().values())
                    .flatExtracting(PrometheusText.Family::samples)
                    .flatExtracting(sample -> List.copyOf(sample.labels().values()))
                    .noneMatch(value -> value.toString().contains(secret))
                    .noneMatch(value -> value.toString().contains(TestServers.KEY_A));
            assertThat(text.family("vexilla_http_requests_total")
                            .value("vexilla_http_requests_total", Map.of("route", "unmatched", "status", "404")))
                    .hasValue(1.0);
        }
    }

    private static Map<String, String> types(PrometheusText text) {
        Map<String, String> types = new java.util.TreeMap<>();
        text.families().forEach((name, family) -> types.put(name, family.type()));
        return types;
    }
}
