package dev.vexilla.bench;

import dev.vexilla.bench.scenario.Scenarios;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cloud latency group: one evaluation through an OpenFeature client whose provider asks a bucketing server on
 * loopback (or, for a cached provider, answers from its cache), on the scenarios of {@link OpenFeatureBench} with the
 * same method names. A result's class is the column of the cloud table, its method the row.
 *
 * <p>Network calls take tens of microseconds, so there are fewer, longer iterations than in the in-process groups:
 * one 6 s warm-up iteration, then three 1.5 s measurements (each tens of thousands of requests). Client, server and
 * the libraries between them share this JVM and have a lot of code to compile: on the 2-core development VM, with
 * another build running, the latency settled only after about 7 s of calls, and a 4 s warm-up left the first
 * measurement up to 60 % slower than the last. The state,
 * the answer checks and the counting of wrong answers are {@link LoopbackBench}'s.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 1, time = 6)
@Measurement(iterations = 3, time = 1500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = LoopbackBench.QUIET_PROBE)
@Threads(1)
public abstract class CloudBench extends LoopbackBench {

    /**
     * s1: a boolean flag without rules.
     *
     * @return the value
     */
    @Benchmark
    public boolean s1_bool() {
        return counted(client.getBooleanValue(Scenarios.S1_BOOL, false, mainContext), Scenarios.S1_EXPECTED);
    }

    /**
     * s2: one ENDS WITH rule that matches.
     *
     * @return the value
     */
    @Benchmark
    public boolean s2_oneRule() {
        return counted(client.getBooleanValue(Scenarios.S2_ONE_RULE, false, mainContext), Scenarios.S2_EXPECTED);
    }

    /**
     * s3: 50/50 percentage options, the next of 1024 contexts each call (a cached provider has all 1024 answers
     * after the setup's checks, so this stays on its hit path too).
     *
     * @return the value
     */
    @Benchmark
    public boolean s3_rollout() {
        return nextRollout();
    }

    /**
     * s4: ten rules, the last one matches.
     *
     * @return the value
     */
    @Benchmark
    public String s4_tenRules() {
        return counted(client.getStringValue(Scenarios.S4_TEN_RULES, "default", mainContext), Scenarios.S4_EXPECTED);
    }
}
