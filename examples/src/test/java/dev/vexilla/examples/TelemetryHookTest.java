package dev.vexilla.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.FlagValueType;
import dev.openfeature.sdk.HookContext;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.ImmutableMetadata;
import dev.openfeature.sdk.Reason;
import dev.openfeature.sdk.Telemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class TelemetryHookTest {
    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
    private final OpenTelemetrySdk openTelemetry = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(spans))
                    .build())
            .setMeterProvider(
                    SdkMeterProvider.builder().registerMetricReader(metrics).build())
            .build();
    private final TelemetryHook hook = new TelemetryHook(openTelemetry);

    @AfterEach
    void close() {
        openTelemetry.close();
    }

    private static HookContext<Object> context(String flag) {
        return HookContext.from(
                flag,
                FlagValueType.BOOLEAN,
                () -> "shop",
                () -> "Test Provider",
                new ImmutableContext("user-9"),
                false);
    }

    private void inSpan(Runnable evaluation) {
        Span span = openTelemetry.getTracer("test").spanBuilder("request").startSpan();
        try (Scope ignored = span.makeCurrent()) {
            evaluation.run();
        } finally {
            span.end();
        }
    }

    private List<LongPointData> counterPoints() {
        return metrics.collectAllMetrics().stream()
                .filter(m -> m.getName().equals(TelemetryHook.COUNTER_NAME))
                .flatMap(m -> m.getLongSumData().getPoints().stream())
                .toList();
    }

    @Test
    void aFailedEvaluationRecordsTheErrorTypeInLowerCaseAndReasonError() {
        FlagEvaluationDetails<Object> failed = FlagEvaluationDetails.builder()
                .flagKey("missing")
                .value(false)
                .reason(Reason.ERROR.name())
                .errorCode(ErrorCode.FLAG_NOT_FOUND)
                .errorMessage("flag 'missing' not found")
                .flagMetadata(ImmutableMetadata.EMPTY)
                .build();

        inSpan(() -> hook.finallyAfter(context("missing"), failed, Map.of()));

        EventData event = spans.getFinishedSpanItems().get(0).getEvents().get(0);
        assertThat(event.getName()).isEqualTo(Telemetry.FLAG_EVALUATION_EVENT_NAME);
        assertThat(event.getAttributes().get(AttributeKey.stringKey(Telemetry.TELEMETRY_ERROR_CODE)))
                .isEqualTo("flag_not_found");
        assertThat(event.getAttributes().get(AttributeKey.stringKey(Telemetry.TELEMETRY_REASON)))
                .isEqualTo("error");
        assertThat(event.getAttributes().get(AttributeKey.stringKey(Telemetry.TELEMETRY_ERROR_MSG)))
                .isEqualTo("flag 'missing' not found");
        assertThat(counterPoints())
                .singleElement()
                .satisfies(
                        p -> assertThat(p.getAttributes().get(AttributeKey.stringKey(Telemetry.TELEMETRY_ERROR_CODE)))
                                .isEqualTo("flag_not_found"));
    }

    @Test
    void theCounterLeavesOutTheTargetingKeyAndTheVersion() {
        FlagEvaluationDetails<Object> served = FlagEvaluationDetails.builder()
                .flagKey("beta")
                .value(true)
                .variant("on")
                .reason(Reason.TARGETING_MATCH.name())
                .flagMetadata(
                        ImmutableMetadata.builder().addString("version", "v7").build())
                .build();

        inSpan(() -> hook.finallyAfter(context("beta"), served, Map.of()));

        Attributes event =
                spans.getFinishedSpanItems().get(0).getEvents().get(0).getAttributes();
        assertThat(event.get(AttributeKey.stringKey(Telemetry.TELEMETRY_CONTEXT_ID)))
                .isEqualTo("user-9");
        assertThat(event.get(AttributeKey.stringKey(Telemetry.TELEMETRY_VERSION)))
                .isEqualTo("v7");
        assertThat(counterPoints())
                .singleElement()
                .satisfies(p -> assertThat(p.getAttributes().asMap())
                        .containsOnlyKeys(
                                AttributeKey.stringKey(Telemetry.TELEMETRY_KEY),
                                AttributeKey.stringKey(Telemetry.TELEMETRY_PROVIDER),
                                AttributeKey.stringKey(Telemetry.TELEMETRY_VARIANT),
                                AttributeKey.stringKey(Telemetry.TELEMETRY_REASON)));
    }

    @Test
    void withoutACurrentSpanTheCounterStillCounts() {
        FlagEvaluationDetails<Object> served = FlagEvaluationDetails.builder()
                .flagKey("beta")
                .value(true)
                .variant("on")
                .reason(Reason.STATIC.name())
                .flagMetadata(ImmutableMetadata.EMPTY)
                .build();

        hook.finallyAfter(context("beta"), served, Map.of());
        hook.finallyAfter(context("beta"), served, Map.of());

        assertThat(spans.getFinishedSpanItems()).isEmpty();
        assertThat(counterPoints())
                .singleElement()
                .satisfies(p -> assertThat(p.getValue()).isEqualTo(2));
    }

    @Test
    void attributeValuesKeepTheirTypeAndNullsAreLeftOut() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("s", "text");
        values.put("b", true);
        values.put("i", 3);
        values.put("l", 4L);
        values.put("d", 1.5);
        values.put("e", ErrorCode.TYPE_MISMATCH);
        values.put("o", List.of(1, 2));
        values.put("n", null);

        Attributes attributes = TelemetryHook.attributes(values);

        assertThat(attributes.get(AttributeKey.stringKey("s"))).isEqualTo("text");
        assertThat(attributes.get(AttributeKey.booleanKey("b"))).isTrue();
        assertThat(attributes.get(AttributeKey.longKey("i"))).isEqualTo(3L);
        assertThat(attributes.get(AttributeKey.longKey("l"))).isEqualTo(4L);
        assertThat(attributes.get(AttributeKey.doubleKey("d"))).isEqualTo(1.5);
        assertThat(attributes.get(AttributeKey.stringKey("e"))).isEqualTo("type_mismatch");
        assertThat(attributes.get(AttributeKey.stringKey("o"))).isEqualTo("[1, 2]");
        assertThat(attributes.size()).isEqualTo(7);
    }
}
