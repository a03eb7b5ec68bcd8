package dev.vexilla.bench;

import dev.openfeature.sdk.FeatureProvider;
import dev.vexilla.bench.scenario.DevCycleConfigs;
import dev.vexilla.bench.scenario.DevCycleScenarios;

/**
 * The floor of any provider that evaluates the DevCycle scenarios' targets on the context:
 * {@link BaselineDevCycleOpenFeature}'s fixed values plus one {@code EvaluationContext.getValue} of each distinct
 * attribute the scenario's targets read (none for d1; {@code email} for d2; the targeting key for d3; eight attributes
 * for d4), as {@link ContextReadingOpenFeature} does for the s scenarios. A provider's ratio to this column is the
 * cost of its evaluation proper; the target for Vexilla's is at most 1.25×.
 */
public class ContextReadingDevCycleOpenFeature extends DevCycleOpenFeatureBench {

    @Override
    protected FeatureProvider createProvider() {
        return new ContextReadingProvider(DevCycleConfigs.baselineValues(), DevCycleScenarios.attributesRead());
    }

    @Override
    protected boolean expectedSplit(String userId) {
        return (Boolean) DevCycleConfigs.baselineValues().get(DevCycleScenarios.D3_SPLIT);
    }
}
