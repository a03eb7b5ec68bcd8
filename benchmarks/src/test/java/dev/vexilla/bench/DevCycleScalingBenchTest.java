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

/** Every DevCycle scaling state: two threads sharing one engine both get the right answer. */
final class DevCycleScalingBenchTest {

    static Stream<Arguments> states() {
        return Stream.of(
                Arguments.of("DevCycle's SDK", (Supplier<DevCycleScalingBench<?>>) DevCycleRawScaling::new),
                Arguments.of("Vexilla's engine", (Supplier<DevCycleScalingBench<?>>) VexillaDevCycleRawScaling::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("states")
    void twoThreadsSharingTheEngineBothGetTheRightAnswer(String name, Supplier<DevCycleScalingBench<?>> state)
            throws Exception {
        DevCycleScalingBench<?> bench = state.get();
        bench.setUp();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            assertThat(bench.d2_oneAudience_1thread()).isTrue();
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                answers.add(threads.submit(() -> {
                    boolean all = true;
                    for (int i = 0; i < 200; i++) {
                        all &= bench.d2_oneAudience_2threads();
                    }
                    return all;
                }));
            }
            for (Future<Boolean> answer : answers) {
                assertThat(answer.get(60, TimeUnit.SECONDS)).isTrue();
            }
            bench.checkIteration();
        } finally {
            threads.shutdownNow();
            bench.tearDown();
        }
    }
}
