package dev.vexilla.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every scaling state: eight threads sharing one provider all get the right answer. */
final class ScalingBenchTest {

    static Stream<Arguments> states() {
        return Stream.of(
                Arguments.of("contrib OFREP provider", (Supplier<ScalingBench>) OfrepScaling::new),
                Arguments.of("CloudProvider, Bucketing API", (Supplier<ScalingBench>) VexillaBucketingScaling::new),
                Arguments.of("CloudProvider, OFREP", (Supplier<ScalingBench>) VexillaOfrepScaling::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("states")
    void eightThreadsSharingTheProviderAllGetTheRightAnswer(String name, Supplier<ScalingBench> state)
            throws Exception {
        ScalingBench bench = state.get();
        bench.setUp();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            assertThat(bench.s2_oneRule_1thread()).isTrue();
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                answers.add(threads.submit(() -> {
                    boolean all = true;
                    for (int i = 0; i < 25; i++) {
                        all &= bench.s2_oneRule_8threads();
                    }
                    return all;
                }));
            }
            for (Future<Boolean> answer : answers) {
                assertThat(answer.get(30, TimeUnit.SECONDS)).isTrue();
            }
            bench.checkIteration();
        } finally {
            threads.shutdownNow();
            bench.tearDown();
        }
    }
}
