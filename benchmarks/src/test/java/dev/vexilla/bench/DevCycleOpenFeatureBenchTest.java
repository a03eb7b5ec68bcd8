package dev.vexilla.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openfeature.sdk.ImmutableContext;
import dev.vexilla.bench.scenario.DevCycleConfigs;
import dev.vexilla.bench.scenario.DevCycleScenarios;
import dev.vexilla.bench.scenario.DevCycleUsers;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every DevCycle OpenFeature state: the setup's checks pass and the benchmarks return the main user's answers. */
final class DevCycleOpenFeatureBenchTest {

    static Stream<Arguments> states() {
        return Stream.of(
                Arguments.of("SDK floor", (Supplier<DevCycleOpenFeatureBench>) BaselineDevCycleOpenFeature::new),
                Arguments.of("context-reading floor", (Supplier<DevCycleOpenFeatureBench>)
                        ContextReadingDevCycleOpenFeature::new),
                Arguments.of("DevCycle's provider", (Supplier<DevCycleOpenFeatureBench>) DevCycleOpenFeature::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("states")
    void setUpAcceptsTheAnswersAndBenchmarksReturnThem(String name, Supplier<DevCycleOpenFeatureBench> state)
            throws Exception {
        DevCycleOpenFeatureBench bench = state.get();
        bench.setUp();
        try {
            assertThat(bench.d1_bool()).isTrue();
            assertThat(bench.d2_oneAudience()).isTrue();
            assertThat(bench.d4_tenTargets()).isEqualTo(DevCycleScenarios.D4_EXPECTED);
        } finally {
            bench.tearDown();
        }
    }

    @Test
    void contextReadingFloorReadsEveryAttributeTheTargetsNeedAndTheMainUserHasThemAll() {
        ContextReadingProvider provider =
                new ContextReadingProvider(DevCycleConfigs.baselineValues(), DevCycleScenarios.attributesRead());

        assertThat(provider.getStringEvaluation(
                                DevCycleScenarios.D4_TEN_TARGETS,
                                "x",
                                DevCycleOpenFeatureBench.context(DevCycleUsers.MAIN))
                        .getValue())
                .isEqualTo(DevCycleScenarios.D4_EXPECTED);
        assertThat(provider.missing()).isZero();

        provider.getStringEvaluation(DevCycleScenarios.D4_TEN_TARGETS, "x", new ImmutableContext("only-a-key"));
        assertThat(provider.missing()).as("all but the targeting key").isEqualTo(7);
    }
}
