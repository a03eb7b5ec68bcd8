package dev.vexilla.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vexilla.bench.scenario.Scenarios;
import dev.vexilla.engine.configcat.ConfigCatConfig;
import org.junit.jupiter.api.Test;

final class VexillaParseTest {

    @Test
    void compilesEveryFlagOfTheLargeConfigWithoutProblems() throws Exception {
        VexillaParse bench = new VexillaParse();
        bench.setUp();

        ConfigCatConfig compiled = (ConfigCatConfig) bench.parse10k();

        assertThat(compiled.keys()).hasSize(Scenarios.LARGE_FLAG_COUNT);
        assertThat(compiled.problems()).isEmpty();
    }
}
