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
 * The scaling group: throughput of s2 (one matching rule) through one shared provider, evaluated by one thread and by
 * eight threads at once. The ratio of the two throughputs is what the target "8 threads scale at least 3× one
 * thread" reads; {@code ResultsTable} prints it.
 *
 * <p>Client and server share the machine's cores, so on a small machine the ratio measures the pair. Settings as
 * in {@link CloudBench}: one 6 s warm-up iteration, three 1.5 s measurements, one fork.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 6)
@Measurement(iterations = 3, time = 1500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = LoopbackBench.QUIET_PROBE)
public abstract class ScalingBench extends LoopbackBench {

    /**
     * s2 evaluated by one thread.
     *
     * @return the value
     */
    @Benchmark
    @Threads(1)
    public boolean s2_oneRule_1thread() {
        return s2();
    }

    /**
     * s2 evaluated by eight threads at once, sharing the provider.
     *
     * @return the value
     */
    @Benchmark
    @Threads(8)
    public boolean s2_oneRule_8threads() {
        return s2();
    }

    private boolean s2() {
        return counted(client.getBooleanValue(Scenarios.S2_ONE_RULE, false, mainContext), Scenarios.S2_EXPECTED);
    }
}
