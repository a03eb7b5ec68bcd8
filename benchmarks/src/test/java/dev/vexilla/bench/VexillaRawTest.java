package dev.vexilla.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vexilla.bench.scenario.BenchConfigs;
import dev.vexilla.bench.scenario.Scenarios;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

final class VexillaRawTest {

    @Test
    void setUpAcceptsVexillasAnswersAndBenchmarksReturnThem() throws Exception {
        VexillaRaw bench = new VexillaRaw();
        bench.setUp();
        try {
            assertThat(bench.s1_bool()).isTrue();
            assertThat(bench.s2_oneRule()).isTrue();
            assertThat(bench.s4_tenRules()).isEqualTo(Scenarios.S4_EXPECTED);
            assertThat(bench.s5_allFlags100()).isEqualTo(BenchConfigs.expectedForMainUser());
            // The engine visits flags in key order; the benchmark itself checks that it saw all of them.
            String lastKey = new TreeMap<>(BenchConfigs.expectedForMainUser()).lastKey();
            assertThat(bench.s5_allFlags100Pass())
                    .as("the pass ends with the last flag by key, " + lastKey)
                    .isEqualTo(BenchConfigs.expectedForMainUser().get(lastKey));
        } finally {
            bench.tearDown();
        }
    }
}
