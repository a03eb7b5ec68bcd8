package dev.vexilla.bench;

import dev.vexilla.bench.scenario.DevCycleConfigs;
import dev.vexilla.bench.scenario.DevCycleScenarios;
import dev.vexilla.bench.scenario.DevCycleUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The DevCycle scaling group: throughput of d2 (one matching audience) on one shared engine, evaluated by one thread
 * and by two threads at once. The target reads the ratio: an engine without a lock on its evaluation path
 * gives at least 1.8× the one-thread throughput with two threads; {@code ResultsTable} prints it. DevCycle's SDK runs
 * every evaluation of a client through one WASM instance behind one lock.
 *
 * <p>One instance serves every benchmark thread ({@link Scope#Benchmark}), so that both threads share the engine and
 * the user, as the threads of an application share a client. The setup checks d2 and d4 for the main user; while
 * measuring, every answer is compared with the expected one and an iteration with a wrong answer fails the benchmark.
 * Settings as the in-process groups: one fork, 3×2 s warm-up, 5×2 s measurement.
 *
 * @param <U> the engine's user type
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public abstract class DevCycleScalingBench<U> {

    private final LongAdder wrongAnswers = new LongAdder();
    private @Nullable DevCycleEvaluator<U> evaluator;
    private DevCycleEvaluator<U> engine;
    private U mainUser;

    /**
     * Loads the engine and checks d2 and d4 for the main user.
     *
     * @throws Exception if the engine fails to load or answers wrongly
     */
    @Setup(Level.Trial)
    public final void setUp() throws Exception {
        try {
            evaluator = open(DevCycleConfigs.scenarios());
            engine = evaluator;
            mainUser = engine.user(DevCycleUsers.MAIN);
            List<String> wrong = new ArrayList<>();
            ConfigV6EngineBench.check(
                    wrong,
                    DevCycleScenarios.D2_ONE_AUDIENCE,
                    DevCycleScenarios.D2_EXPECTED,
                    engine.booleanValue(DevCycleScenarios.D2_ONE_AUDIENCE, mainUser));
            ConfigV6EngineBench.check(
                    wrong,
                    DevCycleScenarios.D4_TEN_TARGETS,
                    DevCycleScenarios.D4_EXPECTED,
                    engine.stringValue(DevCycleScenarios.D4_TEN_TARGETS, mainUser));
            DevCycleEngineBench.failIfWrong(getClass().getSimpleName(), wrong);
        } catch (Exception | Error e) {
            try {
                tearDown();
            } catch (Exception cleanupFailure) {
                e.addSuppressed(cleanupFailure);
            }
            throw e;
        }
    }

    /**
     * Releases the engine.
     *
     * @throws Exception if closing fails
     */
    @TearDown(Level.Trial)
    public final void tearDown() throws Exception {
        if (evaluator != null) {
            evaluator.close();
            evaluator = null;
        }
    }

    /**
     * Fails the benchmark when an evaluation of the iteration just ended returned a wrong value.
     *
     * @throws IllegalStateException if there was a wrong value
     */
    @TearDown(Level.Iteration)
    public final void checkIteration() {
        long wrong = wrongAnswers.sumThenReset();
        if (wrong > 0) {
            throw new IllegalStateException(
                    getClass().getSimpleName() + ": " + wrong + " evaluations of the last iteration answered wrongly");
        }
    }

    /**
     * d2 evaluated by one thread.
     *
     * @return the value
     */
    @Benchmark
    @Threads(1)
    public boolean d2_oneAudience_1thread() {
        return d2();
    }

    /**
     * d2 evaluated by two threads at once, sharing the engine.
     *
     * @return the value
     */
    @Benchmark
    @Threads(2)
    public boolean d2_oneAudience_2threads() {
        return d2();
    }

    /**
     * Loads the engine from the scenario config; called once per trial.
     *
     * @param configJson the DevCycle config v2 of {@link DevCycleConfigs#scenarios()}
     * @return the loaded engine, shared by every benchmark thread
     * @throws Exception if loading fails
     */
    protected abstract DevCycleEvaluator<U> open(String configJson) throws Exception;

    private boolean d2() {
        boolean value = engine.booleanValue(DevCycleScenarios.D2_ONE_AUDIENCE, mainUser);
        if (value != DevCycleScenarios.D2_EXPECTED) {
            wrongAnswers.increment();
        }
        return value;
    }
}
