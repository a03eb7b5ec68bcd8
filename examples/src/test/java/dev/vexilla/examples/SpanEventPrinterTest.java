package dev.vexilla.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

final class SpanEventPrinterTest {
    @Test
    void anEventIsOneLineWithItsAttributesInNameOrder() {
        EventData event = EventData.create(
                1L,
                "feature_flag.evaluation",
                Attributes.builder().put("z", "last").put("a", 1L).build());

        assertThat(SpanEventPrinter.line("checkout", event)).isEqualTo("checkout: feature_flag.evaluation a=1 z=last");
    }

    @Test
    void everyEventOfAnEndedSpanIsPrinted() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SpanEventPrinter printer = new SpanEventPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try (SdkTracerProvider tracing = SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(printer))
                .build()) {
            Span span = tracing.get("test").spanBuilder("work").startSpan();
            span.addEvent("first", Attributes.builder().put("k", "v").build());
            span.addEvent("second");
            span.end();
        }

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly("work: first k=v", "work: second");
        assertThat(printer.flush().isSuccess()).isTrue();
        assertThat(printer.shutdown().isSuccess()).isTrue();
    }
}
