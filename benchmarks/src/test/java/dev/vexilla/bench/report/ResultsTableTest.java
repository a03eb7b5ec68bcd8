package dev.vexilla.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

final class ResultsTableTest {

    private static final String P = "dev.vexilla.bench.";

    @Test
    void numbersHaveOneDecimalBelowHundredAndNoneFromHundredOn() {
        assertThat(ResultsTable.number(1.26)).isEqualTo("1.3");
        assertThat(ResultsTable.number(81.0)).isEqualTo("81.0");
        assertThat(ResultsTable.number(99.94)).isEqualTo("99.9");
        assertThat(ResultsTable.number(303.4)).isEqualTo("303");
        assertThat(ResultsTable.number(72339.2)).isEqualTo("72339");
        assertThat(ResultsTable.number(Double.NaN)).isEqualTo("n/a");
    }

    @Test
    void cellShowsMedianMeanErrorAndBytes() {
        BenchmarkResult r = new BenchmarkResult("A", "s1_bool", List.of(45.0, 45.4, 46.0), 45.1, 4.0, 248.0004);

        assertThat(ResultsTable.cell(r, 1)).isEqualTo("45.4 [45.1 \u00b1 4.0]; 248 B");
    }

    @Test
    void columnsGoRawThenOpenFeatureWithKnownPeersFirst() {
        List<String> sorted = Stream.of(
                        "VexillaLocalOpenFeature",
                        "FlagdOpenFeature",
                        "VexillaRaw",
                        "BaselineOpenFeature",
                        "ConfigCatRaw",
                        "HashMapRaw")
                .sorted(ResultsTable.columnOrder())
                .toList();

        assertThat(sorted)
                .containsExactly(
                        "HashMapRaw",
                        "ConfigCatRaw",
                        "VexillaRaw",
                        "BaselineOpenFeature",
                        "FlagdOpenFeature",
                        "VexillaLocalOpenFeature");
    }

    @Test
    void rendersCellsRatiosAndDashesForMissingResults() {
        JmhResults results = JmhResults.parse(new JmhJson()
                .add(P + "ConfigCatRaw.s1_bool", "ns/op", 45, 4, 248, 44, 45, 46)
                .add(P + "ConfigCatRaw.s5_allFlags100", "ns/op", 22000, 3000, 108000, 21000, 22000, 23000)
                .add(P + "BaselineOpenFeature.s1_bool", "ns/op", 81, 5, 200, 80, 81, 90)
                .tree());

        String md = ResultsTable.render(results, "2026-11-22", "test machine");

        assertThat(md)
                .startsWith("Run on 2026-11-22, 1 JMH fork(s), 3x2 s warmup, 3x2 s measurement, 1 thread(s), "
                        + "3 benchmarks; test machine.")
                .contains("| scenario | ConfigCatRaw | BaselineOpenFeature |\n|---|---|---|\n")
                .contains("| s1_bool | 45.0 [45.0 \u00b1 4.0]; 248 B | 81.0 [81.0 \u00b1 5.0]; 200 B |\n")
                .contains("| s5_allFlags100 | 22000 [22000 \u00b1 3000]; 108000 B | \u2013 |\n")
                .contains("| s1_bool | 0.56x | 1.00x |\n")
                .contains("| s5_allFlags100 | \u2013 | \u2013 |\n")
                .doesNotContain("parse + compile");
    }

    @Test
    void parseBenchmarksGetATableOfTheirOwn() {
        JmhResults results = JmhResults.parse(new JmhJson()
                .add(P + "HashMapRaw.s1_bool", "ns/op", 1.3, 0.3, 0, 1.3)
                .add(P + "ConfigCatParse.parse10k", "ms/op", 31.5, 2.0, 5e7, 31.0, 32.0)
                .tree());

        String md = ResultsTable.render(results, "2026-11-22", "m");

        assertThat(md)
                .contains("### parse + compile of the generated config")
                .contains("| scenario | ConfigCatParse |\n|---|---|\n| parse10k | 31.5 [31.5 \u00b1 2.0]; 50000000 B |")
                .contains("| scenario | HashMapRaw |");
    }

    @Test
    void theFirstLineListsEachSettingWhenTheBenchmarksDiffer() {
        JmhResults results = JmhResults.parse(new JmhJson()
                .add(P + "VexillaLocalOpenFeature.s1_bool", "ns/op", 130, 1, 208, 130)
                .add(P + "OfrepCloud.s1_bool", "ns/op", 50_000, 900, 4000, 50_000)
                .withWarmup(1, "4 s")
                .add(P + "VexillaBucketingCloud.s1_bool", "ns/op", 40_000, 900, 3000, 40_000)
                .withWarmup(1, "4 s")
                .tree());

        String md = ResultsTable.render(results, "2026-11-23", "m");

        assertThat(md)
                .startsWith("Run on 2026-11-23, 3 benchmarks; m. JDK 17.0.15 (OpenJDK 64-Bit Server VM), JMH 1.37."
                        + " Settings of the benchmark classes: 1 JMH fork(s), 3x2 s warmup, 1x2 s measurement,"
                        + " 1 thread(s) (1 benchmark); 1 JMH fork(s), 1x4 s warmup, 1x2 s measurement, 1 thread(s)"
                        + " (2 benchmarks).\n");
    }

    @Test
    void cloudResultsLeaveTheOpenFeatureTableForTheirOwn() {
        JmhResults results = JmhResults.parse(new JmhJson()
                .add(P + "BaselineOpenFeature.s1_bool", "ns/op", 120, 1, 176, 120)
                .add(P + "VexillaLocalOpenFeature.s1_bool", "ns/op", 130, 1, 208, 130)
                .add(P + "OfrepCloud.s1_bool", "ns/op", 50_000, 900, 4000, 50_000)
                .tree());

        String md = ResultsTable.render(results, "2026-11-23", "m");

        assertThat(md)
                .contains("| scenario | BaselineOpenFeature | VexillaLocalOpenFeature |\n")
                .contains("| scenario | OfrepCloud | VexillaLocalOpenFeature |\n");
    }

    @Test
    void withoutTheBaselineThereIsNoRatioTable() {
        JmhResults results = JmhResults.parse(new JmhJson()
                .add(P + "VexillaLocalOpenFeature.s1_bool", "ns/op", 130, 1, 208, 130)
                .tree());

        String md = ResultsTable.render(results, "2026-11-23", "m");

        assertThat(md).contains("| s1_bool | 130 [130 \u00b1 1.0]; 208 B |").doesNotContain("ratios of medians");
    }
}
