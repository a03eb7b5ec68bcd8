package dev.vexilla.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vexilla.bench.scenario.Scenarios;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every latency state against a real in-JVM server: the setup's answer checks pass and each scenario answers right
 * (for the cached state, from its cache: {@link LoopbackBench} checks the reason).
 */
final class CloudBenchTest {

    static Stream<Arguments> states() {
        return Stream.of(
                Arguments.of("contrib OFREP provider", (Supplier<CloudBench>) OfrepCloud::new),
                Arguments.of("CloudProvider, Bucketing API", (Supplier<CloudBench>) VexillaBucketingCloud::new),
                Arguments.of("CloudProvider, OFREP", (Supplier<CloudBench>) VexillaOfrepCloud::new),
                Arguments.of("CloudProvider, cache hits", (Supplier<CloudBench>) VexillaCachedCloud::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("states")
    void answersEveryScenarioThroughTheServer(String name, Supplier<CloudBench> state) throws Exception {
        CloudBench bench = state.get();
        bench.setUp();
        try {
            assertThat(bench.s1_bool()).isTrue();
            assertThat(bench.s2_oneRule()).isTrue();
            for (int i = 0; i < 3; i++) {
                bench.s3_rollout();
            }
            assertThat(bench.s4_tenRules()).isEqualTo(Scenarios.S4_EXPECTED);
            bench.checkIteration();
        } finally {
            bench.tearDown();
        }
    }
}
