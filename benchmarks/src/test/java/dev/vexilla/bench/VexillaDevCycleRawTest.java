package dev.vexilla.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vexilla.bench.scenario.DevCycleConfigs;
import dev.vexilla.bench.scenario.DevCycleScenarios;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

final class VexillaDevCycleRawTest {

    @Test
    void setUpAcceptsVexillasAnswersAndBenchmarksReturnThem() throws Exception {
        VexillaDevCycleRaw bench = new VexillaDevCycleRaw();
        bench.setUp();
        try {
            assertThat(bench.d1_bool()).isTrue();
            assertThat(bench.d2_oneAudience()).isTrue();
            assertThat(bench.d4_tenTargets()).isEqualTo(DevCycleScenarios.D4_EXPECTED);
            Map<String, Object> values = new TreeMap<>();
            bench.d5_allVariables100().forEach((key, value) -> values.put(key, DevCycleConfigs.normalise(value)));
            assertThat(values).containsExactlyInAnyOrderEntriesOf(DevCycleConfigs.expectedForMainUser());
            // The engine passes variables in key order; the benchmark itself checks that it saw all served ones.
            String lastKey = new TreeMap<>(DevCycleConfigs.expectedForMainUser()).lastKey();
            assertThat(DevCycleConfigs.normalise(bench.d5_allVariables100Pass()))
                    .as("the pass ends with the last served variable by key, " + lastKey)
                    .isEqualTo(DevCycleConfigs.expectedForMainUser().get(lastKey));
        } finally {
            bench.tearDown();
        }
    }
}
