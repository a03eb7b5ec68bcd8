package dev.vexilla.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openfeature.sdk.ImmutableContext;
import dev.vexilla.bench.scenario.BenchConfigs;
import dev.vexilla.bench.scenario.BenchUsers;
import dev.vexilla.bench.scenario.Scenarios;
import org.junit.jupiter.api.Test;

final class ContextReadingOpenFeatureTest {

    @Test
    void servesTheFixedValuesThroughTheClient() throws Exception {
        ContextReadingOpenFeature bench = new ContextReadingOpenFeature();
        bench.setUp();
        try {
            assertThat(bench.s1_bool()).isTrue();
            assertThat(bench.s2_oneRule()).isTrue();
            assertThat(bench.s3_rollout()).isTrue();
            assertThat(bench.s4_tenRules()).isEqualTo(Scenarios.S4_EXPECTED);
        } finally {
            bench.tearDown();
        }
    }

    @Test
    void readsEveryAttributeTheRulesNeedAndTheMainUserHasThemAll() {
        ContextReadingProvider provider =
                new ContextReadingProvider(BenchConfigs.baselineValues(), Scenarios.attributesRead());

        assertThat(provider.getStringEvaluation(Scenarios.S4_TEN_RULES, "x", OpenFeatureBench.context(BenchUsers.MAIN))
                        .getValue())
                .isEqualTo(Scenarios.S4_EXPECTED);
        assertThat(provider.missing()).isZero();

        provider.getStringEvaluation(Scenarios.S4_TEN_RULES, "x", new ImmutableContext("only-a-key"));
        assertThat(provider.missing()).as("all but the targeting key").isEqualTo(6);
    }
}
