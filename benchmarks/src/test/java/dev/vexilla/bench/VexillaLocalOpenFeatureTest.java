package dev.vexilla.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vexilla.bench.scenario.Scenarios;
import org.junit.jupiter.api.Test;

final class VexillaLocalOpenFeatureTest {

    @Test
    void localProviderAnswersEveryScenarioLikeConfigCat() throws Exception {
        VexillaLocalOpenFeature bench = new VexillaLocalOpenFeature();
        bench.setUp();
        try {
            assertThat(bench.s1_bool()).isTrue();
            assertThat(bench.s2_oneRule()).isTrue();
            assertThat(bench.s4_tenRules()).isEqualTo(Scenarios.S4_EXPECTED);
        } finally {
            bench.tearDown();
        }
    }
}
