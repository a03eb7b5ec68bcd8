package dev.vexilla.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

final class JmhResultsTest {

    @Test
    void readsImplementationScenarioIterationsAndAllocation() {
        JmhResults results = JmhResults.parse(new JmhJson()
                .add("dev.vexilla.bench.ConfigCatRaw.s1_bool", "ns/op", 45.1, 4.0, 248.0, 44.0, 45.4, 46.0)
                .tree());

        BenchmarkResult r = results.results().get(0);
        assertThat(r.implementation()).isEqualTo("ConfigCatRaw");
        assertThat(r.scenario()).isEqualTo("s1_bool");
        assertThat(r.iterationsNs()).containsExactly(44.0, 45.4, 46.0);
        assertThat(r.meanNs()).isEqualTo(45.1);
        assertThat(r.errorNs()).isEqualTo(4.0);
        assertThat(r.bytesPerOp()).isEqualTo(248.0);
        assertThat(results.run().warmup()).isEqualTo("3x2 s");
        assertThat(results.run().measurement()).isEqualTo("3x2 s");
    }

    @Test
    void convertsOtherTimeUnitsToNanoseconds() {
        JmhResults results = JmhResults.parse(new JmhJson()
                .add("x.ConfigCatParse.parse10k", "ms/op", 2.5, 0.5, 1e6, 2.0, 3.0)
                .tree());

        BenchmarkResult r = results.results().get(0);
        assertThat(r.iterationsNs()).containsExactly(2.0e6, 3.0e6);
        assertThat(r.meanNs()).isEqualTo(2.5e6);
        assertThat(r.errorNs()).isEqualTo(0.5e6);
    }

    @Test
    void missingErrorAndMissingGcProfilerBecomeNaN() {
        BenchmarkResult r = JmhResults.parse(new JmhJson()
                        .add("x.HashMapRaw.s1_bool", "ns/op", 1.3, Double.NaN, Double.NaN, 1.3)
                        .tree())
                .results()
                .get(0);

        assertThat(r.errorNs()).isNaN();
        assertThat(r.bytesPerOp()).isNaN();
    }

    @Test
    void readsTheOlderDotPrefixedAllocationMetric() {
        BenchmarkResult r = JmhResults.parse(new JmhJson()
                        .add("x.HashMapRaw.s1_bool", "avgt", "ns/op", "\u00b7gc.alloc.rate.norm", 1.3, 0.1, 16.0, 1.3)
                        .tree())
                .results()
                .get(0);

        assertThat(r.bytesPerOp()).isEqualTo(16.0);
    }

    @Test
    void throughputResultsAreReadInOpsPerSecondWithTheirThreads() {
        JmhResults results = JmhResults.parse(new JmhJson()
                .add("x.OfrepCloud.s1_bool", "ns/op", 50_000, 900, 4000, 50_000)
                .addThroughput("x.OfrepScaling.s2_oneRule_8threads", 8, "ops/ms", 40.5, 2.0, 3900, 40.0, 41.0)
                .tree());

        assertThat(results.results()).hasSize(1);
        ThroughputResult t = results.throughputs().get(0);
        assertThat(t.implementation()).isEqualTo("OfrepScaling");
        assertThat(t.scenario()).isEqualTo("s2_oneRule_8threads");
        assertThat(t.threads()).isEqualTo(8);
        assertThat(t.iterationsOps()).containsExactly(40_000.0, 41_000.0);
        assertThat(t.meanOps()).isEqualTo(40_500.0);
        assertThat(t.errorOps()).isEqualTo(2_000.0);
        assertThat(t.bytesPerOp()).isEqualTo(3900.0);
        assertThat(results.runs()).extracting(JmhResults.RunInfo::threads).containsExactly(1, 8);
    }

    @Test
    void otherModesAreRejectedWithTheBenchmarkName() {
        JmhJson json = new JmhJson().add("x.HashMapRaw.s1_bool", "sample", "ns/op", "gc.alloc.rate.norm", 1, 0, 0, 1);

        assertThatThrownBy(() -> JmhResults.parse(json.tree()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("x.HashMapRaw.s1_bool: mode sample is neither average time nor throughput"
                        + " (run with -bm avgt or -bm thrpt)");
    }

    @Test
    void anUnknownUnitIsRejectedWithTheBenchmarkName() {
        JmhJson json = new JmhJson().addThroughput("x.OfrepScaling.s2_oneRule_1thread", 1, "ops/day", 1, 0, 0, 1);

        assertThatThrownBy(() -> JmhResults.parse(json.tree()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("x.OfrepScaling.s2_oneRule_1thread: unknown unit ops/day");
    }

    @Test
    void anEmptyFileIsRejected() {
        assertThatThrownBy(() -> JmhResults.parse(JsonNodeFactory.instance.arrayNode()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("JMH results must be a non-empty JSON array");
    }
}
