package dev.vexilla.examples;

import dev.openfeature.sdk.FeatureProvider;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.Value;
import dev.vexilla.server.ServerOptions;
import dev.vexilla.server.VexillaServer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Shows both Vexilla providers evaluated through the {@link TelemetryHook}: inside one span ({@value #SPAN_NAME}) the
 * same flags are evaluated for the same user through the local and the cloud provider, and each evaluation becomes a
 * {@code feature_flag.evaluation} span event with the same attributes apart from {@code feature_flag.provider.name}.
 *
 * <p>{@link #main} prints the events of the ended span on standard output ({@link SpanEventPrinter}); a real
 * application would export them with an OTLP exporter instead.
 *
 * @since 0.1.0
 */
public final class TelemetryExample {
    /** The name of the span the evaluations happen in. */
    static final String SPAN_NAME = "checkout";

    private TelemetryExample() {}

    /**
     * Runs the example with an OpenTelemetry SDK that prints span events.
     *
     * @param args ignored
     * @throws IOException if the temporary events file cannot be created
     */
    public static void main(String[] args) throws IOException {
        SdkTracerProvider tracing = SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(new SpanEventPrinter(System.out)))
                .build();
        try (OpenTelemetrySdk openTelemetry =
                OpenTelemetrySdk.builder().setTracerProvider(tracing).build()) {
            run(openTelemetry);
        }
    }

    /**
     * Starts an embedded server, registers the demo's providers with a {@link TelemetryHook} on {@code openTelemetry},
     * evaluates two flags for one pro user through each domain inside the span {@value #SPAN_NAME}, and stops
     * everything.
     *
     * @param openTelemetry where the hook records and the span is created
     * @throws IOException if the temporary events file cannot be created
     */
    static void run(OpenTelemetry openTelemetry) throws IOException {
        Path events = Files.createTempFile("vexilla-telemetry-", ".jsonl");
        ServerOptions options = ServerOptions.builder()
                .port(0)
                .bindAddress("127.0.0.1")
                .eventsSink(events)
                .build();
        try (VexillaServer server = VexillaServer.start(options)) {
            OpenFeatureAPI api = OpenFeatureAPI.createIsolated();
            try {
                api.addHooks(new TelemetryHook(openTelemetry));
                Map<String, FeatureProvider> sides = Demo.sides(server.baseUri());
                sides.forEach(api::setProviderAndWait);
                evaluateInOneSpan(openTelemetry, api, sides.keySet());
            } finally {
                api.shutdown();
            }
        } finally {
            Files.deleteIfExists(events);
        }
    }

    private static void evaluateInOneSpan(OpenTelemetry openTelemetry, OpenFeatureAPI api, Iterable<String> domains) {
        ImmutableContext pro = new ImmutableContext(
                "user-pro-7", Map.of("email", new Value("ada@example.com"), "country", new Value("US")));
        Span span = openTelemetry
                .getTracer(TelemetryHook.INSTRUMENTATION_SCOPE)
                .spanBuilder(SPAN_NAME)
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            for (String domain : domains) {
                api.getClient(domain).getStringValue("supportTier", "standard", pro);
                api.getClient(domain).getBooleanValue("newDashboard", false, pro);
            }
        } finally {
            span.end();
        }
    }
}
