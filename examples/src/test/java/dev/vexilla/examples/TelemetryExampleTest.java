package dev.vexilla.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openfeature.sdk.Telemetry;
import dev.vexilla.cloud.CloudProvider;
import dev.vexilla.local.LocalProvider;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Both providers through the {@link TelemetryHook}, recorded by the OpenTelemetry SDK's in-memory exporter and reader. */
@Timeout(30)
final class TelemetryExampleTest {
    private static final AttributeKey<String> KEY = AttributeKey.stringKey(Telemetry.TELEMETRY_KEY);
    private static final AttributeKey<String> PROVIDER = AttributeKey.stringKey(Telemetry.TELEMETRY_PROVIDER);
    private static final AttributeKey<String> VARIANT = AttributeKey.stringKey(Telemetry.TELEMETRY_VARIANT);
    private static final AttributeKey<String> REASON = AttributeKey.stringKey(Telemetry.TELEMETRY_REASON);
    private static final AttributeKey<String> CONTEXT_ID = AttributeKey.stringKey(Telemetry.TELEMETRY_CONTEXT_ID);
    private static final AttributeKey<String> VERSION = AttributeKey.stringKey(Telemetry.TELEMETRY_VERSION);
    private static final AttributeKey<String> SET_ID = AttributeKey.stringKey(Telemetry.TELEMETRY_FLAG_SET_ID);

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
    private OpenTelemetrySdk openTelemetry;

    @BeforeEach
    void sdk() {
        openTelemetry = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder()
                        .addSpanProcessor(SimpleSpanProcessor.create(spans))
                        .build())
                .setMeterProvider(
                        SdkMeterProvider.builder().registerMetricReader(metrics).build())
                .build();
    }

    @AfterEach
    void close() {
        openTelemetry.close();
    }

    @Test
    void eachEvaluationIsASpanEventWithFlagKeyVariantAndProviderName() throws IOException {
        TelemetryExample.run(openTelemetry);

        List<SpanData> ended = spans.getFinishedSpanItems();
        assertThat(ended)
                .singleElement()
                .satisfies(span -> assertThat(span.getName()).isEqualTo(TelemetryExample.SPAN_NAME));
        List<EventData> events = ended.get(0).getEvents();
        assertThat(events).hasSize(4).allSatisfy(e -> assertThat(e.getName()).isEqualTo("feature_flag.evaluation"));
        assertThat(events)
                .extracting(e -> e.getAttributes().get(PROVIDER) + " "
                        + e.getAttributes().get(KEY))
                .containsExactly(
                        LocalProvider.NAME + " supportTier",
                        LocalProvider.NAME + " newDashboard",
                        CloudProvider.NAME + " supportTier",
                        CloudProvider.NAME + " newDashboard");
        Attributes supportTier = events.get(0).getAttributes();
        assertThat(supportTier.get(VARIANT)).isEqualTo("5e7c1e01");
        assertThat(supportTier.get(REASON)).isEqualTo("targeting_match");
        assertThat(supportTier.get(CONTEXT_ID)).isEqualTo("user-pro-7");
        assertThat(supportTier.get(VERSION)).isNotBlank();
        assertThat(events.get(1).getAttributes().get(VARIANT)).matches("d45b0a0[12]");
        assertThat(events.get(1).getAttributes().get(REASON)).isEqualTo("split");
    }

    @Test
    void theCloudEventsCarryTheLocalAttributesApartFromTheProvider() throws IOException {
        TelemetryExample.run(openTelemetry);

        List<EventData> events = spans.getFinishedSpanItems().get(0).getEvents();
        // feature_flag.set.id is left out: the providers name their flag set differently (provider-cloud README)
        assertThat(events.subList(2, 4).stream().map(e -> comparable(e.getAttributes())))
                .containsExactlyElementsOf(events.subList(0, 2).stream()
                        .map(e -> comparable(e.getAttributes()))
                        .collect(Collectors.toList()));
    }

    @Test
    void theCounterCountsEachFlagAndProviderWithLowCardinalityAttributesOnly() throws IOException {
        TelemetryExample.run(openTelemetry);

        Collection<MetricData> collected = metrics.collectAllMetrics();
        MetricData counter = collected.stream()
                .filter(m -> m.getName().equals(TelemetryHook.COUNTER_NAME))
                .findFirst()
                .orElseThrow();
        assertThat(counter.getInstrumentationScopeInfo().getName()).isEqualTo(TelemetryHook.INSTRUMENTATION_SCOPE);
        Collection<LongPointData> points = counter.getLongSumData().getPoints();
        assertThat(points).hasSize(4).allSatisfy(p -> {
            assertThat(p.getValue()).isEqualTo(1);
            assertThat(p.getAttributes().asMap().keySet())
                    .extracting(AttributeKey::getKey)
                    .isSubsetOf(TelemetryHook.METRIC_ATTRIBUTES)
                    .contains(Telemetry.TELEMETRY_KEY, Telemetry.TELEMETRY_PROVIDER, Telemetry.TELEMETRY_VARIANT);
        });
        assertThat(points)
                .filteredOn(p -> "supportTier".equals(p.getAttributes().get(KEY)))
                .extracting(p -> p.getAttributes().get(PROVIDER) + " "
                        + p.getAttributes().get(VARIANT))
                .containsExactlyInAnyOrder(LocalProvider.NAME + " 5e7c1e01", CloudProvider.NAME + " 5e7c1e01");
    }

    private static Map<String, Object> comparable(Attributes attributes) {
        return attributes.asMap().entrySet().stream()
                .filter(e -> !e.getKey().equals(PROVIDER) && !e.getKey().equals(SET_ID))
                .collect(Collectors.toMap(e -> e.getKey().getKey(), Map.Entry::getValue));
    }
}
