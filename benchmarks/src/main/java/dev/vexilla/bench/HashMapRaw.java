package dev.vexilla.bench;

import dev.vexilla.bench.scenario.BenchConfigs;
import dev.vexilla.bench.scenario.Scenarios;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * The floor of a raw engine: the main user's answers precomputed in a {@link HashMap}. s1 is one lookup; s5 copies
 * the map, the least an all-values call returning a fresh map can cost. s2 to s4 have no meaning here.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HashMapRaw {

    private Map<String, Object> values = Map.of();

    /** Fills the map and checks it. */
    @Setup(Level.Trial)
    public void setUp() {
        values = new HashMap<>(BenchConfigs.expectedForMainUser());
        List<String> wrong = new ArrayList<>();
        ConfigV6EngineBench.check(wrong, Scenarios.S1_BOOL, Scenarios.S1_EXPECTED, s1_bool());
        ConfigV6EngineBench.check(
                wrong, Scenarios.S5_ALL_FLAGS_100, BenchConfigs.expectedForMainUser(), s5_allFlags100());
        if (!wrong.isEmpty()) {
            throw new IllegalStateException("HashMapRaw answers wrongly: " + wrong);
        }
    }

    /**
     * s1: one lookup.
     *
     * @return the value
     */
    @Benchmark
    public boolean s1_bool() {
        return (Boolean) values.get(Scenarios.S1_BOOL);
    }

    /**
     * s5: a copy of the whole map.
     *
     * @return a new map with every flag's value
     */
    @Benchmark
    public Map<String, Object> s5_allFlags100() {
        return new HashMap<>(values);
    }
}
