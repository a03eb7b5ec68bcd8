package dev.vexilla.model;

import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.Value;
import java.util.Map;
import java.util.Set;

/** A context whose attribute reads fail, standing in for a buggy third-party context implementation. */
final class ThrowingContext implements EvaluationContext {

    private final EvaluationContext delegate;

    ThrowingContext(EvaluationContext delegate) {
        this.delegate = delegate;
    }

    @Override
    public String getTargetingKey() {
        return delegate.getTargetingKey();
    }

    @Override
    public EvaluationContext merge(EvaluationContext overridingContext) {
        return this;
    }

    @Override
    public boolean isEmpty() {
        return false;
    }

    @Override
    public Set<String> keySet() {
        throw new IllegalStateException("boom");
    }

    @Override
    public Value getValue(String key) {
        throw new IllegalStateException("boom");
    }

    @Override
    public Map<String, Value> asMap() {
        throw new IllegalStateException("boom");
    }

    @Override
    public Map<String, Value> asUnmodifiableMap() {
        throw new IllegalStateException("boom");
    }

    @Override
    public Map<String, Object> asObjectMap() {
        throw new IllegalStateException("boom");
    }
}
