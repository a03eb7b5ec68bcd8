package dev.vexilla.bench;

import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FeatureProvider;
import dev.openfeature.sdk.Hook;
import dev.openfeature.sdk.Metadata;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.Value;
import dev.vexilla.bench.scenario.Scenarios;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link FixedValueProvider} that first reads, once each, the context attributes a flag's rules would need, and counts
 * the ones that are missing (so the reads are used). Thread-safe: the maps are read only; the counter is a hint.
 */
final class ContextReadingProvider implements FeatureProvider {

    private static final Metadata METADATA = () -> "bench-context-reading";

    private final FixedValueProvider values;
    private final Map<String, String[]> reads;
    private int missing;

    ContextReadingProvider(Map<String, Object> values, Map<String, List<String>> reads) {
        this.values = new FixedValueProvider(values);
        this.reads = new HashMap<>();
        reads.forEach((key, names) -> this.reads.put(key, names.toArray(new String[0])));
    }

    /**
     * Returns how many reads found no attribute (zero for the benchmark contexts).
     *
     * @return the count
     */
    int missing() {
        return missing;
    }

    private void read(String key, EvaluationContext ctx) {
        String[] names = reads.get(key);
        if (names == null) {
            return;
        }
        for (String name : names) {
            Object value = Scenarios.TARGETING_KEY.equals(name) ? ctx.getTargetingKey() : ctx.getValue(name);
            if (value == null) {
                missing++;
            }
        }
    }

    @Override
    public Metadata getMetadata() {
        return METADATA;
    }

    @Override
    public List<Hook> getProviderHooks() {
        return values.getProviderHooks();
    }

    @Override
    public ProviderEvaluation<Boolean> getBooleanEvaluation(String key, Boolean defaultValue, EvaluationContext ctx) {
        read(key, ctx);
        return values.getBooleanEvaluation(key, defaultValue, ctx);
    }

    @Override
    public ProviderEvaluation<String> getStringEvaluation(String key, String defaultValue, EvaluationContext ctx) {
        read(key, ctx);
        return values.getStringEvaluation(key, defaultValue, ctx);
    }

    @Override
    public ProviderEvaluation<Integer> getIntegerEvaluation(String key, Integer defaultValue, EvaluationContext ctx) {
        read(key, ctx);
        return values.getIntegerEvaluation(key, defaultValue, ctx);
    }

    @Override
    public ProviderEvaluation<Double> getDoubleEvaluation(String key, Double defaultValue, EvaluationContext ctx) {
        read(key, ctx);
        return values.getDoubleEvaluation(key, defaultValue, ctx);
    }

    @Override
    public ProviderEvaluation<Value> getObjectEvaluation(String key, Value defaultValue, EvaluationContext ctx) {
        read(key, ctx);
        return values.getObjectEvaluation(key, defaultValue, ctx);
    }
}
