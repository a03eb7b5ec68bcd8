package dev.vexilla.bench;

import dev.vexilla.bench.scenario.DevCycleConfigs;
import dev.vexilla.bench.scenario.DevCycleScenarios;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The DevCycle parse group: loading the text of a {@value DevCycleScenarios#LARGE_FEATURE_COUNT}-feature DevCycle
 * config v2 (three variables per feature, the d5 mix, see {@link DevCycleConfigs#large(int)}; generated in the setup,
 * not stored) into whatever the engine evaluates from, compilation included.
 *
 * <p>A subclass joins the group with {@link #parse(String)} and {@link #servedVariables(Object)}; the setup checks
 * that the parsed config serves the main user the generator's number of variables. Times are reported in ms/op; the
 * row lands in the parse table beside {@code parse10k}.
 *
 * <p>Not thread-safe; JMH gives every benchmark thread its own instance.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public abstract class DevCycleParseBench {

    private String json = "";

    /**
     * Generates the config, prepares the engine and checks one parse.
     *
     * @throws Exception if the parse fails or serves the wrong number of variables
     */
    @Setup(Level.Trial)
    public final void setUp() throws Exception {
        json = DevCycleConfigs.large(DevCycleScenarios.LARGE_FEATURE_COUNT);
        open();
        int served = servedVariables(parse(json));
        int expected = DevCycleConfigs.largeServedCount(DevCycleScenarios.LARGE_FEATURE_COUNT);
        if (served != expected) {
            throw new IllegalStateException(getClass().getSimpleName() + " serves the main user " + served
                    + " variables of the parsed config, expected " + expected);
        }
    }

    /**
     * Parses (and compiles) the 1,000-feature config.
     *
     * @return the parsed config
     * @throws Exception if parsing fails
     */
    @Benchmark
    public Object parseDevCycle1k() throws Exception {
        return parse(json);
    }

    /**
     * Prepares what every parse reuses; called once per trial, before the first parse. By default nothing.
     *
     * @throws Exception if preparing fails
     */
    protected void open() throws Exception {}

    /**
     * Parses a DevCycle config v2 into the engine's ready-to-evaluate form.
     *
     * @param configJson the config text
     * @return the parsed config
     * @throws Exception if parsing fails
     */
    protected abstract Object parse(String configJson) throws Exception;

    /**
     * Counts the variables a parsed config serves {@link dev.vexilla.bench.scenario.DevCycleUsers#MAIN}.
     *
     * @param parsed a result of {@link #parse(String)}
     * @return the number of variables in the main user's all-variables answer
     * @throws Exception if evaluating fails
     */
    protected abstract int servedVariables(Object parsed) throws Exception;
}
