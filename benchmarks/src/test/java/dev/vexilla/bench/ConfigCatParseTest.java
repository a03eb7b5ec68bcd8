package dev.vexilla.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.configcat.Config;
import dev.vexilla.bench.scenario.Scenarios;
import org.junit.jupiter.api.Test;

final class ConfigCatParseTest {

    @Test
    void readsEveryFlagAndSegmentOfTheLargeConfig() throws Exception {
        ConfigCatParse bench = new ConfigCatParse();
        bench.setUp();

        Config parsed = (Config) bench.parse10k();

        assertThat(parsed.getEntries()).hasSize(Scenarios.LARGE_FLAG_COUNT);
        assertThat(parsed.getSegments()).hasSize(20);
        assertThat(parsed.getEntries().get("flag_00009_k9").getTargetingRules()).hasSize(1);
    }
}
