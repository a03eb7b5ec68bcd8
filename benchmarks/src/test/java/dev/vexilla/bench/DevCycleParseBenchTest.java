package dev.vexilla.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vexilla.bench.scenario.DevCycleScenarios;
import dev.vexilla.engine.devcycle.DevCycleConfig;
import org.junit.jupiter.api.Test;

final class DevCycleParseBenchTest {

    @Test
    void vexillaCompilesEveryVariableOfTheLargeConfigWithoutProblems() throws Exception {
        VexillaDevCycleParse bench = new VexillaDevCycleParse();
        bench.setUp();

        DevCycleConfig compiled = (DevCycleConfig) bench.parseDevCycle1k();

        assertThat(compiled.keys()).hasSize(3 * DevCycleScenarios.LARGE_FEATURE_COUNT);
        assertThat(compiled.problems()).isEmpty();
    }

    @Test
    void devCyclesSdkLoadsTheLargeConfigAndServesTheExpectedVariables() throws Exception {
        DevCycleParse bench = new DevCycleParse();
        bench.setUp();

        assertThat(bench.parseDevCycle1k()).isNotNull();
    }
}
