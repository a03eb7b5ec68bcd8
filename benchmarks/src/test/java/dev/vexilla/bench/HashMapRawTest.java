package dev.vexilla.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vexilla.bench.scenario.BenchConfigs;
import org.junit.jupiter.api.Test;

final class HashMapRawTest {

    @Test
    void allFlagsReturnsAFreshCopyOfTheExpectedValues() {
        HashMapRaw bench = new HashMapRaw();
        bench.setUp();

        assertThat(bench.s1_bool()).isTrue();
        assertThat(bench.s5_allFlags100())
                .isEqualTo(BenchConfigs.expectedForMainUser())
                .isNotSameAs(bench.s5_allFlags100());
    }
}
