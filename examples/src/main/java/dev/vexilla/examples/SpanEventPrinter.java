package dev.vexilla.examples;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.PrintStream;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A span exporter for the examples that prints one line per span event, with the attributes in name order:
 * {@code checkout: feature_flag.evaluation feature_flag.key=supportTier feature_flag.provider.name=Vexilla Local …}.
 *
 * <p>Thread-safe as far as the stream is ({@link PrintStream} is). Nothing is buffered: {@link #flush()} and
 * {@link #shutdown()} have nothing to do.
 *
 * @since 0.1.0
 */
public final class SpanEventPrinter implements SpanExporter {
    private final PrintStream out;

    /**
     * Creates a printer.
     *
     * @param out where the lines go
     */
    public SpanEventPrinter(PrintStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /**
     * Prints the events of ended spans.
     *
     * @param spans the spans
     * @return a completed success
     */
    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        for (SpanData span : spans) {
            for (EventData event : span.getEvents()) {
                out.println(line(span.getName(), event));
            }
        }
        return CompletableResultCode.ofSuccess();
    }

    /**
     * Formats one event.
     *
     * @param spanName the name of the span the event belongs to
     * @param event the event
     * @return the line
     */
    static String line(String spanName, EventData event) {
        StringBuilder line = new StringBuilder(spanName).append(": ").append(event.getName());
        Map<String, Object> sorted = new TreeMap<>();
        for (Map.Entry<AttributeKey<?>, Object> attribute :
                event.getAttributes().asMap().entrySet()) {
            sorted.put(attribute.getKey().getKey(), attribute.getValue());
        }
        sorted.forEach(
                (name, value) -> line.append(' ').append(name).append('=').append(value));
        return line.toString();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
