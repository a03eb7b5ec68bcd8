package dev.vexilla.bench;

import dev.vexilla.bench.scenario.BenchConfigs;
import dev.vexilla.bench.scenario.BenchUser;
import dev.vexilla.bench.scenario.BenchUsers;
import dev.vexilla.bench.scenario.Scenarios;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * The raw-engine group: an engine that evaluates ConfigCat config JSON v6 directly, without OpenFeature.
 *
 * <p>A subclass joins the group by loading the scenario config ({@link #open(String)}), converting a scenario user
 * into its own user type once ({@link #user(BenchUser)}), and evaluating ({@link #booleanValue},
 * {@link #stringValue}, {@link #allValues}). The benchmark methods live here, so every engine runs exactly the same
 * code around its calls. {@link #setUp()} checks every scenario's answer (s3 for all 1024 users) and throws if one is
 * wrong: a benchmark of a wrong answer is worthless.
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
public abstract class ConfigV6EngineBench<U> {

    private static final int ROLLOUT_MASK = BenchUsers.ROLLOUT_USER_COUNT - 1;

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
        TrialSetup.startOrRelease(this::start, this::close);
    }

    private void start() throws Exception {
        open(BenchConfigs.configCatScenarios());
        mainUser = user(BenchUsers.MAIN);
        List<BenchUser> users = BenchUsers.rolloutUsers();
        rolloutUsers = new Object[users.size()];
        for (int i = 0; i < users.size(); i++) {
            rolloutUsers[i] = user(users.get(i));
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
        close();
    }

    /**
     * s1: a boolean flag without rules.
     *
     * @return the value
     */
    @Benchmark
    public boolean s1_bool() {
        return booleanValue(Scenarios.S1_BOOL, mainUser);
    }

    /**
     * s2: one ENDS WITH rule that matches.
     *
     * @return the value
     */
    @Benchmark
    public boolean s2_oneRule() {
        return booleanValue(Scenarios.S2_ONE_RULE, mainUser);
    }

    /**
     * s3: 50/50 percentage options, the next of 1024 users each call.
     *
     * @return the value
     */
    @Benchmark
    public boolean s3_rollout() {
        return booleanValue(Scenarios.S3_ROLLOUT, nextRolloutUser());
    }

    /**
     * s4: ten rules, the last one matches.
     *
     * @return the value
     */
    @Benchmark
    public String s4_tenRules() {
        return stringValue(Scenarios.S4_TEN_RULES, mainUser);
    }

    /**
     * s5: all 100 flags of the config at once.
     *
     * @return every flag's value by key
     */
    @Benchmark
    public Map<String, ?> s5_allFlags100() {
        return allValues(mainUser);
    }

    /**
     * Returns the main user as {@link #user(BenchUser)} converted it, for benchmarks of one engine only.
     *
     * @return the user of s1, s2, s4 and s5
     */
    protected final U mainUser() {
        return mainUser;
    }

    /**
     * Loads the engine from the scenario config; called once per trial, before any other method.
     *
     * @param configJson the ConfigCat config JSON v6 of {@link BenchConfigs#configCatScenarios()}
     * @throws Exception if loading fails
     */
    protected abstract void open(String configJson) throws Exception;

    /**
     * Converts a scenario user into the engine's user type; called in the setup only, never while measuring.
     *
     * @param user the scenario user
     * @return the engine's user
     */
    protected abstract U user(BenchUser user);

    /**
     * Evaluates a boolean flag.
     *
     * @param key the flag key
     * @param user a user from {@link #user(BenchUser)}
     * @return the value (the engine's default {@code false} on error)
     */
    protected abstract boolean booleanValue(String key, U user);

    /**
     * Evaluates a string flag.
     *
     * @param key the flag key
     * @param user a user from {@link #user(BenchUser)}
     * @return the value (the engine's default on error)
     */
    protected abstract String stringValue(String key, U user);

    /**
     * Evaluates every flag of the config, as the engine's natural all-values call would (a map of key to value).
     *
     * @param user a user from {@link #user(BenchUser)}
     * @return every flag's value by key: {@link Boolean}, {@link String}, {@link Integer} or {@link Double}
     */
    protected abstract Map<String, ?> allValues(U user);

    /**
     * Releases the engine; called once per trial.
     *
     * @throws Exception if closing fails
     */
    protected abstract void close() throws Exception;

    @SuppressWarnings("unchecked")
    private U nextRolloutUser() {
        return (U) rolloutUsers[next++ & ROLLOUT_MASK];
    }

    private void verify() {
        List<String> wrong = new ArrayList<>();
        Map<String, Object> expected = BenchConfigs.expectedForMainUser();
        check(wrong, Scenarios.S1_BOOL, Scenarios.S1_EXPECTED, s1_bool());
        check(wrong, Scenarios.S2_ONE_RULE, Scenarios.S2_EXPECTED, s2_oneRule());
        check(wrong, Scenarios.S4_TEN_RULES, Scenarios.S4_EXPECTED, s4_tenRules());
        List<BenchUser> users = BenchUsers.rolloutUsers();
        for (int i = 0; i < users.size(); i++) {
            String id = users.get(i).identifier();
            check(wrong, Scenarios.S3_ROLLOUT + "[" + id + "]", Scenarios.s3ExpectedConfigCat(id), s3_rollout());
        }
        Map<String, ?> all = s5_allFlags100();
        check(wrong, Scenarios.S5_ALL_FLAGS_100 + ".size", expected.size(), all.size());
        expected.forEach(
                (key, value) -> check(wrong, Scenarios.S5_ALL_FLAGS_100 + "[" + key + "]", value, all.get(key)));
        if (!wrong.isEmpty()) {
            throw new IllegalStateException(getClass().getSimpleName() + " answers wrongly: " + wrong);
        }
    }

    static void check(List<String> wrong, String what, @Nullable Object expected, @Nullable Object actual) {
        if (!Objects.equals(expected, actual)) {
            wrong.add(what + " expected " + expected + " but was " + actual);
        }
    }
}
