package dev.vexilla.contract.steps;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.Value;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Everything one scenario builds up, shared by the step classes through Cucumber's PicoContainer (one instance per
 * scenario). Each scenario gets its own isolated {@link OpenFeatureAPI}, shut down when the scenario ends, so no
 * provider, hook or context leaks into the next scenario.
 */
public final class ScenarioState {

    final OpenFeatureAPI api = OpenFeatureAPI.createIsolated();
    final List<StatusEmulatingProvider> emulatedProviders = new ArrayList<>();
    final Map<ContextLevel, Map<String, Value>> contextLevels = new EnumMap<>(ContextLevel.class);
    final Map<String, Value> invocationContext = new LinkedHashMap<>();

    private @Nullable ProviderFactory factory;

    @Nullable
    Client client;

    @Nullable
    FlagType flagType;

    @Nullable
    String flagKey;

    @Nullable
    Object fallback;

    @Nullable
    FlagEvaluationDetails<?> details;

    @Nullable
    RecordingHook hook;

    @Nullable
    ContextRecordingProvider contextRecorder;

    @Nullable
    EvaluationContext mergedContext;

    /**
     * Chooses the provider under test; a binding calls this in a {@code @Before} hook.
     *
     * @param factory creates the stable provider
     */
    public void useFactory(ProviderFactory factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    ProviderFactory factory() {
        if (factory == null) {
            throw new IllegalStateException("no provider factory bound: run the suites through a *SpecTest runner,"
                    + " whose glue includes a binding package");
        }
        return factory;
    }

    Client client() {
        if (client == null) {
            throw new IllegalStateException("no provider was set up by a Given step");
        }
        return client;
    }

    FlagEvaluationDetails<?> details() {
        if (details == null) {
            throw new IllegalStateException("no flag was evaluated by a When step");
        }
        return details;
    }

    RecordingHook hook() {
        if (hook == null) {
            throw new IllegalStateException("no hook was added by a Given step");
        }
        return hook;
    }
}
