package dev.vexilla.bench;

import dev.vexilla.bench.scenario.DevCycleConfigs;
import dev.vexilla.engine.devcycle.DevCycleConfig;
import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.User;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * Vexilla's DevCycle engine ({@link DevCycleConfig}) on the raw DevCycle group: one {@code evaluate} per call (d1 to
 * d4), one {@code evaluateAll} pass into a fresh map for d5 (see {@link VexillaDevCycleEvaluator}), plus
 * {@link #d5_allVariables100Pass()}, the pass alone.
 */
public class VexillaDevCycleRaw extends DevCycleEngineBench<User> {

    private final PassSink passSink = new PassSink();
    private DevCycleConfig config;
    private int servedCount;

    @Override
    protected DevCycleEvaluator<User> open(String configJson) throws Exception {
        VexillaDevCycleEvaluator evaluator = VexillaDevCycleEvaluator.parse(configJson);
        config = evaluator.config();
        servedCount = DevCycleConfigs.expectedForMainUser().size();
        return evaluator;
    }

    /**
     * d5 without the result map: the engine's {@link DevCycleConfig#evaluateAll} pass alone, each result handed to a
     * reused sink that counts it and keeps the last value; the engine's own cost of d5.
     *
     * @return the value of the last variable of the pass
     */
    @Benchmark
    public @Nullable Object d5_allVariables100Pass() {
        PassSink sink = passSink;
        sink.count = 0;
        config.evaluateAll(mainUser(), sink);
        if (sink.count != servedCount) {
            throw new IllegalStateException("the pass saw " + sink.count + " variables");
        }
        return sink.last;
    }

    /** The sink of {@link #d5_allVariables100Pass()}: reused, so the pass allocates nothing around the engine. */
    private static final class PassSink implements BiConsumer<String, EvaluationResult> {
        int count;

        @Nullable
        Object last;

        @Override
        public void accept(String key, EvaluationResult result) {
            count++;
            last = result.value();
        }
    }
}
