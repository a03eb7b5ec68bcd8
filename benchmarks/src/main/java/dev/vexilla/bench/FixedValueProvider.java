package dev.vexilla.bench;

import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FeatureProvider;
import dev.openfeature.sdk.Hook;
import dev.openfeature.sdk.Metadata;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.Reason;
import dev.openfeature.sdk.Value;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A provider serving fixed values from a map: the least work a provider can do per evaluation (one lookup, one
 * result object). Unknown keys give {@code FLAG_NOT_FOUND}, values of another type {@code TYPE_MISMATCH}.
 *
 * <p>Thread-safe: the map is copied once and only read.
 */
final class FixedValueProvider implements FeatureProvider {

    private static final Metadata METADATA = () -> "bench-fixed-values";
    private static final List<Hook> NO_HOOKS = List.of();

    private final Map<String, Object> values;

    FixedValueProvider(Map<String, Object> values) {
        this.values = new HashMap<>(values);
    }

    @Override
    public Metadata getMetadata() {
        return METADATA;
    }

    @Override
    public List<Hook> getProviderHooks() {
        return NO_HOOKS;
    }

    @Override
    public ProviderEvaluation<Boolean> getBooleanEvaluation(String key, Boolean defaultValue, EvaluationContext ctx) {
        return evaluate(key, defaultValue, Boolean.class);
    }

    @Override
    public ProviderEvaluation<String> getStringEvaluation(String key, String defaultValue, EvaluationContext ctx) {
        return evaluate(key, defaultValue, String.class);
    }

    @Override
    public ProviderEvaluation<Integer> getIntegerEvaluation(String key, Integer defaultValue, EvaluationContext ctx) {
        return evaluate(key, defaultValue, Integer.class);
    }

    @Override
    public ProviderEvaluation<Double> getDoubleEvaluation(String key, Double defaultValue, EvaluationContext ctx) {
        return evaluate(key, defaultValue, Double.class);
    }

    @Override
    public ProviderEvaluation<Value> getObjectEvaluation(String key, Value defaultValue, EvaluationContext ctx) {
        return evaluate(key, defaultValue, Value.class);
    }

    private <T> ProviderEvaluation<T> evaluate(String key, T defaultValue, Class<T> type) {
        Object value = values.get(key);
        if (value == null) {
            return error(defaultValue, ErrorCode.FLAG_NOT_FOUND, "flag not found: " + key);
        }
        if (!type.isInstance(value)) {
            return error(defaultValue, ErrorCode.TYPE_MISMATCH, key + " is not a " + type.getSimpleName());
        }
        return ProviderEvaluation.<T>builder()
                .value(type.cast(value))
                .variant(key)
                .reason(Reason.STATIC.name())
                .build();
    }

    private static <T> ProviderEvaluation<T> error(T defaultValue, ErrorCode code, String message) {
        return ProviderEvaluation.<T>builder()
                .value(defaultValue)
                .reason(Reason.ERROR.name())
                .errorCode(code)
                .errorMessage(message)
                .build();
    }
}
