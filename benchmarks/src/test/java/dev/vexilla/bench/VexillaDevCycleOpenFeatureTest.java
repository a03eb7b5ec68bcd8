package dev.vexilla.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vexilla.bench.scenario.DevCycleScenarios;
import org.junit.jupiter.api.Test;

final class VexillaDevCycleOpenFeatureTest {

    @Test
    void setUpAcceptsLocalProvidersAnswersOnTheConfigV2File() throws Exception {
        VexillaDevCycleOpenFeature bench = new VexillaDevCycleOpenFeature();
        bench.setUp();
        try {
            assertThat(bench.d1_bool()).isTrue();
            assertThat(bench.d2_oneAudience()).isTrue();
            assertThat(bench.d4_tenTargets()).isEqualTo(DevCycleScenarios.D4_EXPECTED);
        } finally {
            bench.tearDown();
        }
    }
}
