package dev.vexilla.bench;

import dev.vexilla.bench.scenario.DevCycleBenchUser;
import dev.vexilla.bench.scenario.DevCycleConfigs;
import dev.vexilla.bench.scenario.DevCycleScenarios;
import dev.vexilla.bench.scenario.DevCycleUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The raw DevCycle group: an engine that evaluates DevCycle's config v2 directly, without OpenFeature, on the d
 * scenarios ({@link DevCycleConfigs#scenarios()}): d1 a variable served to all, d2 one {@code email endWith} audience,
 * d3 a 50/50 split over the next of 1024 users, d4 ten one-filter targets of which only the last matches, d5 all 100
 * variables for one user.
 *
 * <p>A subclass joins the group by loading the scenario config into a {@link DevCycleEvaluator} ({@link #open}); the
 * benchmark methods live here, so every engine runs the same code around its calls. {@link #setUp()} converts the
 * users once and checks every answer (d3 for all 1024 users against {@code ReferenceBucketing}, d5 variable by
 * variable against the generator's expectations) and throws if one is wrong.
 *
 * <p>Not thread-safe; JMH gives every benchmark thread its own instance.
 *
 * @param <U> the engine's user type
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public abstract class DevCycleEngineBench<U> {

    private static final int ROLLOUT_MASK = DevCycleUsers.rolloutUsers().size() - 1;

    private @Nullable DevCycleEvaluator<U> evaluator;
    private DevCycleEvaluator<U> engine;
    private U mainUser;
    private Object[] rolloutUsers;
    private int next;

    /**
     * Loads the engine and checks every scenario's answer.
     *
     * @throws Exception if the engine fails to load or answers a scenario wrongly
     */
    @Setup(Level.Trial)
    public final void setUp() throws Exception {
        TrialSetup.startOrRelease(this::start, this::tearDown);
    }

    private void start() throws Exception {
        evaluator = open(DevCycleConfigs.scenarios());
        engine = evaluator;
        mainUser = engine.user(DevCycleUsers.MAIN);
        List<DevCycleBenchUser> users = DevCycleUsers.rolloutUsers();
        rolloutUsers = new Object[users.size()];
        for (int i = 0; i < users.size(); i++) {
            rolloutUsers[i] = engine.user(users.get(i));
        }
        verify();
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
     * d1: a Boolean variable served to all users.
     *
     * @return the value
     */
    @Benchmark
    public boolean d1_bool() {
        return engine.booleanValue(DevCycleScenarios.D1_BOOL, mainUser);
    }

    /**
     * d2: one target whose audience ({@code email endWith}) matches.
     *
     * @return the value
     */
    @Benchmark
    public boolean d2_oneAudience() {
        return engine.booleanValue(DevCycleScenarios.D2_ONE_AUDIENCE, mainUser);
    }

    /**
     * d3: a 50/50 distribution over the user id, the next of 1024 users each call.
     *
     * @return the value
     */
    @Benchmark
    public boolean d3_split() {
        return engine.booleanValue(DevCycleScenarios.D3_SPLIT, nextRolloutUser());
    }

    /**
     * d4: ten targets, only the last matches.
     *
     * @return the value
     */
    @Benchmark
    public String d4_tenTargets() {
        return engine.stringValue(DevCycleScenarios.D4_TEN_TARGETS, mainUser);
    }

    /**
     * d5: every variable of the 100-variable config at once.
     *
     * @return every served variable by key
     */
    @Benchmark
    public Map<String, ?> d5_allVariables100() {
        return engine.allValues(mainUser);
    }

    /**
     * Loads the engine from the scenario config; called once per trial, before anything else.
     *
     * @param configJson the DevCycle config v2 of {@link DevCycleConfigs#scenarios()}
     * @return the loaded engine
     * @throws Exception if loading fails
     */
    protected abstract DevCycleEvaluator<U> open(String configJson) throws Exception;

    /**
     * Returns the main user as the engine converted it, for benchmarks of one engine only.
     *
     * @return the user of d1, d2, d4 and d5
     */
    protected final U mainUser() {
        return mainUser;
    }

    @SuppressWarnings("unchecked")
    private U nextRolloutUser() {
        return (U) rolloutUsers[next++ & ROLLOUT_MASK];
    }

    private void verify() {
        List<String> wrong = new ArrayList<>();
        ConfigV6EngineBench.check(wrong, DevCycleScenarios.D1_BOOL, DevCycleScenarios.D1_EXPECTED, d1_bool());
        ConfigV6EngineBench.check(
                wrong, DevCycleScenarios.D2_ONE_AUDIENCE, DevCycleScenarios.D2_EXPECTED, d2_oneAudience());
        ConfigV6EngineBench.check(
                wrong, DevCycleScenarios.D4_TEN_TARGETS, DevCycleScenarios.D4_EXPECTED, d4_tenTargets());
        for (DevCycleBenchUser user : DevCycleUsers.rolloutUsers()) {
            ConfigV6EngineBench.check(
                    wrong,
                    DevCycleScenarios.D3_SPLIT + "[" + user.userId() + "]",
                    DevCycleScenarios.d3Expected(user.userId()),
                    d3_split());
        }
        checkAllValues(wrong, engine, d5_allVariables100());
        failIfWrong(getClass().getSimpleName(), wrong);
    }

    /**
     * Throws when an answer was wrong, naming the first ten wrong answers and how many there were.
     *
     * @param who the benchmark class
     * @param wrong one line per wrong answer
     * @throws IllegalStateException if {@code wrong} is not empty
     */
    static void failIfWrong(String who, List<String> wrong) {
        if (!wrong.isEmpty()) {
            throw new IllegalStateException(who + " answers wrongly (" + wrong.size() + " wrong answers; the first"
                    + " ten): " + wrong.subList(0, Math.min(10, wrong.size())));
        }
    }

    /**
     * Compares an all-variables map of the main user with {@link DevCycleConfigs#expectedForMainUser()}: the same keys,
     * and each value equal once {@linkplain DevCycleConfigs#normalise(Object) normalised}.
     *
     * @param wrong collects one line per wrong answer
     * @param engine the engine that returned the map (it unwraps the entries)
     * @param all the map
     */
    static void checkAllValues(List<String> wrong, DevCycleEvaluator<?> engine, Map<String, ?> all) {
        Map<String, Object> expected = DevCycleConfigs.expectedForMainUser();
        String what = DevCycleScenarios.D5_ALL_VARIABLES;
        ConfigV6EngineBench.check(wrong, what + ".keys", new TreeSet<>(expected.keySet()), new TreeSet<>(all.keySet()));
        expected.forEach((key, value) -> ConfigV6EngineBench.check(
                wrong, what + "[" + key + "]", value, DevCycleConfigs.normalise(engine.plainValue(all.get(key)))));
    }
}
