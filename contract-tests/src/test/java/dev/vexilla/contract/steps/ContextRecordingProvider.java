package dev.vexilla.contract.steps;

import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FeatureProvider;
import dev.openfeature.sdk.Hook;
import dev.openfeature.sdk.Metadata;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.Value;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The "stable provider with retrievable context": the provider under test, wrapped so that the context the SDK hands
 * it (the merged context of spec 3.2.3) is kept for the assertions. Every call is delegated, so the provider under
 * test still initialises, evaluates and shuts down as usual.
 */
final class ContextRecordingProvider implements FeatureProvider {

    private final FeatureProvider delegate;
    private final Metadata metadata;
    private volatile @Nullable EvaluationContext lastContext;

    ContextRecordingProvider(FeatureProvider delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        String name = "context-recording " + delegate.getMetadata().getName();
        this.metadata = () -> name;
    }

    /**
     * Returns the context of the last evaluation.
     *
     * @return the context, or {@code null} before the first evaluation
     */
    @Nullable
    EvaluationContext lastContext() {
        return lastContext;
    }

    @Override
    public Metadata getMetadata() {
        return metadata;
    }

    @Override
    public List<Hook> getProviderHooks() {
        return delegate.getProviderHooks();
    }

    @Override
    public void initialize(EvaluationContext evaluationContext) throws Exception {
        delegate.initialize(evaluationContext);
    }

    @Override
    public void shutdown() {
        delegate.shutdown();
    }

    @Override
    public ProviderEvaluation<Boolean> getBooleanEvaluation(String key, Boolean defaultValue, EvaluationContext ctx) {
        lastContext = ctx;
        return delegate.getBooleanEvaluation(key, defaultValue, ctx);
    }

    @Override
    public ProviderEvaluation<String> getStringEvaluation(String key, String defaultValue, EvaluationContext ctx) {
        lastContext = ctx;
        return delegate.getStringEvaluation(key, defaultValue, ctx);
    }

    @Override
    public ProviderEvaluation<Integer> getIntegerEvaluation(String key, Integer defaultValue, EvaluationContext ctx) {
        lastContext = ctx;
        return delegate.getIntegerEvaluation(key, defaultValue, ctx);
    }

    @Override
    public ProviderEvaluation<Double> getDoubleEvaluation(String key, Double defaultValue, EvaluationContext ctx) {
        lastContext = ctx;
        return delegate.getDoubleEvaluation(key, defaultValue, ctx);
    }

    @Override
    public ProviderEvaluation<Value> getObjectEvaluation(String key, Value defaultValue, EvaluationContext ctx) {
        lastContext = ctx;
        return delegate.getObjectEvaluation(key, defaultValue, ctx);
    }
}
