package dev.vexilla.bench;

import dev.vexilla.bench.scenario.BenchConfigs;
import dev.vexilla.bench.scenario.Scenarios;
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
 * The parse group: turning the text of a {@value Scenarios#LARGE_FLAG_COUNT}-flag config JSON v6 (a realistic mix
 * with 20 segments and prerequisites, see {@link BenchConfigs#configCatLarge(int)}) into whatever the engine
 * evaluates from, compilation included.
 *
 * <p>A subclass joins the group with {@link #parse(String)} and {@link #flagCount(Object)}; the setup checks that
 * the parsed config holds every flag. Times are reported in ms/op.
 *
 * <p>Not thread-safe; JMH gives every benchmark thread its own instance.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public abstract class ParseBench {

    private String json = "";

    /**
     * Generates the config and checks one parse.
     *
     * @throws Exception if the parse fails or loses flags
     */
    @Setup(Level.Trial)
    public final void setUp() throws Exception {
        json = BenchConfigs.configCatLarge(Scenarios.LARGE_FLAG_COUNT);
        int count = flagCount(parse(json));
        if (count != Scenarios.LARGE_FLAG_COUNT) {
            throw new IllegalStateException(
                    getClass().getSimpleName() + " parsed " + count + " flags, expected " + Scenarios.LARGE_FLAG_COUNT);
        }
    }

    /**
     * Parses (and compiles) the 10,000-flag config.
     *
     * @return the parsed config
     * @throws Exception if parsing fails
     */
    @Benchmark
    public Object parse10k() throws Exception {
        return parse(json);
    }

    /**
     * Parses a config JSON v6 into the engine's ready-to-evaluate form.
     *
     * @param configJson the config text
     * @return the parsed config
     * @throws Exception if parsing fails
     */
    protected abstract Object parse(String configJson) throws Exception;

    /**
     * Counts the flags of a parsed config.
     *
     * @param parsed a result of {@link #parse(String)}
     * @return the number of flags
     */
    protected abstract int flagCount(Object parsed);
}
