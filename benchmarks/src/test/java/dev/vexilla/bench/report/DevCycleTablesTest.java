package dev.vexilla.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class DevCycleTablesTest {

    private static final String P = "dev.vexilla.bench.";

    @Test
    void dScenariosAreTheDevCycleGroup() {
        assertThat(DevCycleTables.isDevCycle("d1_bool")).isTrue();
        assertThat(DevCycleTables.isDevCycle("d5_allVariables100Pass")).isTrue();
        assertThat(DevCycleTables.isDevCycle("d2_oneAudience_2threads")).isTrue();
        assertThat(DevCycleTables.isDevCycle("s1_bool")).isFalse();
        assertThat(DevCycleTables.isDevCycle("parseDevCycle1k")).isFalse();
    }

    @Test
    void devCycleResultsGetTheirOwnTableSpeedUpsAndFloorRatios() {
        JmhResults results = JmhResults.parse(new JmhJson()
                .add(P + "BaselineOpenFeature.s1_bool", "ns/op", 120, 1, 176, 120)
                .add(P + "DevCycleRaw.d1_bool", "ns/op", 50_000, 900, 4000, 50_000)
                .add(P + "VexillaDevCycleRaw.d1_bool", "ns/op", 10, 1, 0, 10)
                .add(P + "DevCycleRaw.d5_allVariables100", "ns/op", 600_000, 900, 90_000, 600_000)
                .add(P + "VexillaDevCycleRaw.d5_allVariables100", "ns/op", 3000, 1, 4000, 3000)
                .add(P + "ContextReadingDevCycleOpenFeature.d1_bool", "ns/op", 100, 1, 176, 100)
                .add(P + "DevCycleOpenFeature.d1_bool", "ns/op", 60_000, 900, 9000, 60_000)
                .add(P + "VexillaDevCycleOpenFeature.d1_bool", "ns/op", 120, 1, 208, 120)
                .tree());

        String md = ResultsTable.render(results, "2026-12-07", "m");

        assertThat(md)
                .contains("| scenario | BaselineOpenFeature |\n")
                .contains("### DevCycle config v2 (d scenarios)")
                .contains("| scenario | DevCycleRaw | VexillaDevCycleRaw | ContextReadingDevCycleOpenFeature |"
                        + " DevCycleOpenFeature | VexillaDevCycleOpenFeature |\n")
                .contains("| d1_bool | 5000x (met) | 500x |\n")
                .contains("| d5_allVariables100 | 200x (not met) | \u2013 |\n")
                .contains("| d1_bool | \u2013 | 600x | 1.20x (met) |\n");
    }

    @Test
    void devCycleScalingHasItsOwnTableAndTarget() {
        JmhResults results = JmhResults.parse(new JmhJson()
                .addThroughput(P + "VexillaDevCycleRawScaling.d2_oneAudience_1thread", 1, "ops/s", 1e8, 1e6, 0, 1e8)
                .addThroughput(
                        P + "VexillaDevCycleRawScaling.d2_oneAudience_2threads", 2, "ops/s", 1.9e8, 1e6, 0, 1.9e8)
                .addThroughput(P + "DevCycleRawScaling.d2_oneAudience_1thread", 1, "ops/s", 20_000, 100, 9000, 20_000)
                .addThroughput(P + "DevCycleRawScaling.d2_oneAudience_2threads", 2, "ops/s", 21_000, 100, 9000, 21_000)
                .addThroughput(P + "OfrepScaling.s2_oneRule_1thread", 1, "ops/s", 2700, 10, 48_000, 2700)
                .tree());

        String md = ResultsTable.render(results, "2026-12-07", "m");

        assertThat(md)
                .contains("### DevCycle scaling")
                .contains("| VexillaDevCycleRawScaling | 100000000 [100000000 \u00b1 1000000]; 0 B |"
                        + " 190000000 [190000000 \u00b1 1000000]; 0 B | 1.90x at 2 threads (met) |\n")
                .contains("| DevCycleRawScaling | 20000 [20000 \u00b1 100]; 9000 B | 21000 [21000 \u00b1 100]; 9000 B |"
                        + " 1.05x at 2 threads (not met) |\n")
                .contains("| OfrepScaling | 2700 [2700 \u00b1 10.0]; 48000 B | \u2013 |\n");
    }
}
