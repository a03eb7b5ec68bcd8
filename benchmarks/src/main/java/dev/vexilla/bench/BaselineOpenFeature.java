package dev.vexilla.bench;

import dev.openfeature.sdk.FeatureProvider;
import dev.vexilla.bench.scenario.BenchConfigs;
import dev.vexilla.bench.scenario.Scenarios;

/**
 * The OpenFeature SDK floor: a provider that looks fixed values up in a {@link java.util.HashMap} and builds one
 * {@code ProviderEvaluation} per call, with constant metadata and provider hooks. What it costs beyond
 * {@link HashMapRaw} is the SDK's own per-evaluation work. s3 serves the same fixed value to every user.
 */
public class BaselineOpenFeature extends OpenFeatureBench {

    @Override
    protected FeatureProvider createProvider() {
        return new FixedValueProvider(BenchConfigs.baselineValues());
    }

    @Override
    protected boolean expectedRollout(String identifier) {
        return (Boolean) BenchConfigs.baselineValues().get(Scenarios.S3_ROLLOUT);
    }
}
