package dev.vexilla.examples;

import dev.openfeature.sdk.EvaluationEvent;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.Hook;
import dev.openfeature.sdk.HookContext;
import dev.openfeature.sdk.Telemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.trace.Span;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An OpenFeature hook that records every flag evaluation in OpenTelemetry, following the semantic conventions for
 * feature flags: a span event {@code feature_flag.evaluation} on the current span, and a counter
 * {@code feature_flag.evaluations}.
 *
 * <p>The event's attributes are the ones the OpenFeature SDK derives for the conventions
 * ({@link Telemetry#createEvaluationEvent}): {@code feature_flag.key}, {@code feature_flag.provider.name},
 * {@code feature_flag.result.variant} (or {@code feature_flag.result.value} when a provider gives no variant),
 * {@code feature_flag.result.reason}, {@code feature_flag.context.id} (the targeting key), {@code feature_flag.set.id}
 * and {@code feature_flag.version} (from the flag metadata keys {@code flagSetId} and {@code version} that both Vexilla
 * providers set), and {@code error.type} with the error message for failed evaluations. The counter carries only the
 * low-cardinality ones ({@link #METRIC_ATTRIBUTES}): never the targeting key or the value.
 *
 * <p>It plays the part of OpenFeature's contrib OpenTelemetry hook ({@code dev.openfeature.contrib.hooks:otel}), which
 * does not resolve from the Maven repository this build uses; see the examples README.
 *
 * <pre>{@code
 * api.addHooks(new TelemetryHook(GlobalOpenTelemetry.get()));
 * }</pre>
 *
 * <p>Thread-safe. Without a current span the event goes nowhere (OpenTelemetry's invalid span ignores it); the
 * counter still counts.
 *
 * @since 0.1.0
 */
public final class TelemetryHook implements Hook<Object> {
    /** The instrumentation scope name of the counter. */
    public static final String INSTRUMENTATION_SCOPE = "dev.vexilla.examples";

    /** The counter's name. */
    public static final String COUNTER_NAME = "feature_flag.evaluations";

    /** The event attributes the counter keeps. */
    public static final List<String> METRIC_ATTRIBUTES = List.of(
            Telemetry.TELEMETRY_KEY,
            Telemetry.TELEMETRY_PROVIDER,
            Telemetry.TELEMETRY_VARIANT,
            Telemetry.TELEMETRY_REASON,
            Telemetry.TELEMETRY_ERROR_CODE);

    private final LongCounter evaluations;

    /**
     * Creates a hook recording through an OpenTelemetry instance.
     *
     * @param openTelemetry where spans and metrics go (e.g. {@code GlobalOpenTelemetry.get()})
     */
    public TelemetryHook(OpenTelemetry openTelemetry) {
        Objects.requireNonNull(openTelemetry, "openTelemetry");
        this.evaluations = openTelemetry
                .getMeter(INSTRUMENTATION_SCOPE)
                .counterBuilder(COUNTER_NAME)
                .setDescription("Feature flag evaluations, by flag, provider, variant, reason and error type.")
                .setUnit("{evaluation}")
                .build();
    }

    /**
     * Records one evaluation, successful or not, after the SDK finished it.
     *
     * @param ctx the hook context (flag key, provider, evaluation context)
     * @param details the evaluation details
     * @param hints the hook hints (not used)
     */
    @Override
    public void finallyAfter(
            HookContext<Object> ctx, FlagEvaluationDetails<Object> details, Map<String, Object> hints) {
        EvaluationEvent event = Telemetry.createEvaluationEvent(ctx, details);
        Attributes attributes = attributes(event.getAttributes());
        Span.current().addEvent(event.getName(), attributes);
        evaluations.add(1, metricAttributes(attributes));
    }

    /**
     * Converts the SDK's event attributes to OpenTelemetry attributes: strings, booleans, whole and decimal numbers
     * keep their type, enums (the error code) become their lower-case name as in the conventions' examples
     * ({@code flag_not_found}), anything else its string form.
     *
     * @param values the attributes by name; null values are left out
     * @return the attributes
     */
    static Attributes attributes(Map<String, Object> values) {
        AttributesBuilder builder = Attributes.builder();
        values.forEach((name, value) -> {
            if (value instanceof Boolean b) {
                builder.put(AttributeKey.booleanKey(name), b);
            } else if (value instanceof Integer || value instanceof Long) {
                builder.put(AttributeKey.longKey(name), ((Number) value).longValue());
            } else if (value instanceof Double d) {
                builder.put(AttributeKey.doubleKey(name), d);
            } else if (value instanceof Enum<?> e) {
                builder.put(AttributeKey.stringKey(name), e.name().toLowerCase(Locale.ROOT));
            } else if (value != null) {
                builder.put(AttributeKey.stringKey(name), value.toString());
            }
        });
        return builder.build();
    }

    private static Attributes metricAttributes(Attributes all) {
        return all.toBuilder()
                .removeIf(key -> !METRIC_ATTRIBUTES.contains(key.getKey()))
                .build();
    }
}
