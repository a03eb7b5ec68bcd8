package dev.vexilla.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

final class CloudTablesTest {

    private static final String P = "dev.vexilla.bench.";

    @Test
    void latencyTableShowsThePeerFirstAndLocalProviderLast() {
        List<String> sorted = Stream.of(
                        "VexillaLocalOpenFeature",
                        "VexillaCachedCloud",
                        "VexillaOfrepCloud",
                        "OfrepCloud",
                        "VexillaBucketingCloud")
                .sorted(CloudTables.columnOrder())
                .toList();

        assertThat(sorted)
                .containsExactly(
                        "OfrepCloud",
                        "VexillaBucketingCloud",
                        "VexillaOfrepCloud",
                        "VexillaCachedCloud",
                        "VexillaLocalOpenFeature");
    }

    @Test
    void ratiosDivideByTheOfrepProviderAndByLocalProviderAndSayWhetherTheTargetIsMet() {
        JmhResults results = JmhResults.parse(new JmhJson()
                .add(P + "OfrepCloud.s1_bool", "ns/op", 50_000, 900, 4000, 50_000)
                .add(P + "VexillaBucketingCloud.s1_bool", "ns/op", 40_000, 900, 3000, 40_000)
                .add(P + "VexillaOfrepCloud.s1_bool", "ns/op", 55_000, 900, 3000, 55_000)
                .add(P + "VexillaCachedCloud.s1_bool", "ns/op", 300, 5, 500, 300)
                .add(P + "VexillaLocalOpenFeature.s1_bool", "ns/op", 130, 1, 208, 130)
                .add(P + "VexillaBucketingCloud.s2_oneRule", "ns/op", 41_000, 900, 3000, 41_000)
                .tree());

        String md = ResultsTable.render(results, "2026-11-23", "m");

        assertThat(md)
                .contains("### Cloud latency on loopback")
                .contains("| scenario | OfrepCloud | VexillaBucketingCloud | VexillaOfrepCloud | VexillaCachedCloud"
                        + " | VexillaLocalOpenFeature |\n|---|---|---|---|---|---|\n")
                .contains("| s1_bool | 50000 [50000 \u00b1 900]; 4000 B | 40000 [40000 \u00b1 900]; 3000 B |")
                .contains("| scenario | VexillaBucketingCloud / OfrepCloud | VexillaOfrepCloud / OfrepCloud"
                        + " | VexillaCachedCloud / VexillaLocalOpenFeature |\n")
                .contains("| s1_bool | 0.80x (met) | 1.10x (not met) | 2.31x (not met) |\n")
                .contains("| s2_oneRule | \u2013 | \u2013 | \u2013 |\n")
                .doesNotContain("Throughput scaling");
    }

    @Test
    void scalingTableHasOneColumnPerThreadCountAndTheRatioOfTheMostThreadsToOne() {
        JmhResults results = JmhResults.parse(new JmhJson()
                .addThroughput(P + "OfrepScaling.s2_oneRule_1thread", 1, "ops/s", 10_000, 100, 4000, 10_000)
                .addThroughput(P + "OfrepScaling.s2_oneRule_8threads", 8, "ops/s", 25_000, 900, 4100, 25_000)
                .addThroughput(P + "VexillaBucketingScaling.s2_oneRule_1thread", 1, "ops/s", 12_000, 100, 3000, 12_000)
                .addThroughput(P + "VexillaBucketingScaling.s2_oneRule_8threads", 8, "ops/s", 40_000, 1, 3000, 40_000)
                .addThroughput(P + "VexillaOfrepScaling.s2_oneRule_8threads", 8, "ops/s", 30_000, 1, 3000, 30_000)
                .tree());

        String md = ResultsTable.render(results, "2026-11-23", "m");

        assertThat(md)
                .contains("### Throughput scaling")
                .contains("| implementation | 1 thread | 8 threads | most / one thread |\n|---|---|---|---|\n")
                .contains("| OfrepScaling | 10000 [10000 \u00b1 100]; 4000 B | 25000 [25000 \u00b1 900]; 4100 B"
                        + " | 2.50x at 8 threads (not met) |\n")
                .contains("| VexillaBucketingScaling | 12000 [12000 \u00b1 100]; 3000 B | 40000 [40000 \u00b1 1.0];"
                        + " 3000 B | 3.33x at 8 threads (met) |\n")
                .contains("| VexillaOfrepScaling | \u2013 | 30000 [30000 \u00b1 1.0]; 3000 B | \u2013 |\n")
                .doesNotContain("Cloud latency")
                .doesNotContain("### ns/op");
    }
}
