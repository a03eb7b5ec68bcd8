package dev.vexilla.bench;

import dev.openfeature.sdk.FeatureProvider;
import dev.vexilla.bench.scenario.BenchConfigs;
import dev.vexilla.bench.scenario.Scenarios;

/**
 * The floor of any provider that evaluates rules on the context: {@link BaselineOpenFeature}'s fixed values, plus one
 * read through {@code EvaluationContext.getValue} of each distinct attribute the scenario's rules need (none for s1;
 * {@code Email} for s2; the targeting key for s3; seven attributes for s4). Each read is what the OpenFeature SDK
 * charges for an attribute (a walk through the layered context and a copy of the {@code Value}); no provider that reads
 * those attributes can be cheaper. {@code LocalProvider}'s ratio to this column is the cost of its evaluation proper.
 */
public class ContextReadingOpenFeature extends OpenFeatureBench {

    @Override
    protected FeatureProvider createProvider() {
        return new ContextReadingProvider(BenchConfigs.baselineValues(), Scenarios.attributesRead());
    }

    @Override
    protected boolean expectedRollout(String identifier) {
        return (Boolean) BenchConfigs.baselineValues().get(Scenarios.S3_ROLLOUT);
    }
}
