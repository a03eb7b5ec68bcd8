package dev.vexilla.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

final class VexillaOfrepScalingTest {

    @Test
    void eightThreadsSharingTheProviderAllGetTheRightAnswer() throws Exception {
        VexillaOfrepScaling bench = new VexillaOfrepScaling();
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
