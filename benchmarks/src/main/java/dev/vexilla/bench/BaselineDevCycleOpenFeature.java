package dev.vexilla.bench;

import dev.openfeature.sdk.FeatureProvider;
import dev.vexilla.bench.scenario.DevCycleConfigs;
import dev.vexilla.bench.scenario.DevCycleScenarios;

/**
 * The OpenFeature SDK floor on the DevCycle scenarios: {@link BaselineOpenFeature}'s provider (fixed values from a
 * {@code HashMap}, one {@code ProviderEvaluation} per call) serving the main user's answers of d1 to d4, with the
 * d group's contexts. d3 serves {@code true} to every user.
 */
public class BaselineDevCycleOpenFeature extends DevCycleOpenFeatureBench {

    @Override
    protected FeatureProvider createProvider() {
        return new FixedValueProvider(DevCycleConfigs.baselineValues());
    }

    @Override
    protected boolean expectedSplit(String userId) {
        return (Boolean) DevCycleConfigs.baselineValues().get(DevCycleScenarios.D3_SPLIT);
    }
}
