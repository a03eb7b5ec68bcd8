package dev.vexilla.bench;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FeatureProvider;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.Value;
import dev.vexilla.bench.scenario.DevCycleBenchUser;
import dev.vexilla.bench.scenario.DevCycleScenarios;
import dev.vexilla.bench.scenario.DevCycleUsers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * The DevCycle OpenFeature group: a provider of the d scenarios (d1 to d4, see {@link DevCycleEngineBench}) evaluated
 * through an OpenFeature {@link Client}, the way applications call it.
 *
 * <p>A subclass joins the group by creating its provider ({@link #createProvider()}); the setup registers it on an
 * isolated API ({@link OpenFeatureAPI#createIsolated()}), waits for READY, prepares one immutable context per scenario
 * user and checks every answer (value and no error code; d3 for all 1024 users) before anything is measured. The
 * teardown shuts the API, and with it the provider, down.
 *
 * <p>Contexts carry the user id as targeting key and every other attribute at the top level under DevCycle's names
 * ({@code email}, {@code country}, {@code appVersion}, then the custom data: {@code plan}, {@code seats},
 * {@code accountAgeDays}, {@code betaTester}), numbers as integers. DevCycle's provider and Vexilla's context mapping
 * both read the known names as user fields and every other name as custom data.
 *
 * <p>Not thread-safe; JMH gives every benchmark thread its own instance.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public abstract class DevCycleOpenFeatureBench {

    private static final int ROLLOUT_MASK = DevCycleUsers.rolloutUsers().size() - 1;
    private static final String NO_STRING = "none";

    private @Nullable OpenFeatureAPI api;
    private Client client;
    private EvaluationContext mainContext;
    private EvaluationContext[] rolloutContexts;
    private int next;

    /**
     * Registers the provider, waits for READY and checks every scenario's answer.
     *
     * @throws Exception if the provider fails to start or answers a scenario wrongly
     */
    @Setup(Level.Trial)
    public final void setUp() throws Exception {
        TrialSetup.startOrRelease(this::start, this::tearDown);
    }

    private void start() throws Exception {
        api = OpenFeatureAPI.createIsolated();
        client = TrialSetup.readyClient(api, createProvider(), getClass().getSimpleName());
        mainContext = context(DevCycleUsers.MAIN);
        List<DevCycleBenchUser> users = DevCycleUsers.rolloutUsers();
        rolloutContexts = new EvaluationContext[users.size()];
        for (int i = 0; i < users.size(); i++) {
            rolloutContexts[i] = context(users.get(i));
        }
        verify();
    }

    /**
     * Shuts the API and its provider down, then releases what the subclass holds.
     *
     * @throws Exception if cleaning up fails
     */
    @TearDown(Level.Trial)
    public final void tearDown() throws Exception {
        try {
            if (api != null) {
                api.shutdown();
                api = null;
            }
        } finally {
            cleanUp();
        }
    }

    /**
     * d1: a Boolean variable served to all users.
     *
     * @return the value
     */
    @Benchmark
    public boolean d1_bool() {
        return client.getBooleanValue(DevCycleScenarios.D1_BOOL, false, mainContext);
    }

    /**
     * d2: one target whose audience ({@code email endWith}) matches.
     *
     * @return the value
     */
    @Benchmark
    public boolean d2_oneAudience() {
        return client.getBooleanValue(DevCycleScenarios.D2_ONE_AUDIENCE, false, mainContext);
    }

    /**
     * d3: a 50/50 distribution over the user id, the next of 1024 contexts each call.
     *
     * @return the value
     */
    @Benchmark
    public boolean d3_split() {
        return client.getBooleanValue(DevCycleScenarios.D3_SPLIT, false, rolloutContexts[next++ & ROLLOUT_MASK]);
    }

    /**
     * d4: ten targets, only the last matches.
     *
     * @return the value
     */
    @Benchmark
    public String d4_tenTargets() {
        return client.getStringValue(DevCycleScenarios.D4_TEN_TARGETS, NO_STRING, mainContext);
    }

    /**
     * Creates the provider under test, not yet initialised by OpenFeature; called once per trial.
     *
     * @return the provider, reading the scenario config ({@link dev.vexilla.bench.scenario.DevCycleConfigs})
     * @throws Exception if the provider cannot be created
     */
    protected abstract FeatureProvider createProvider() throws Exception;

    /**
     * Returns the value d3 must have for a user; by default DevCycle's bucketing, which a provider of the config must
     * reproduce.
     *
     * @param userId the user id
     * @return the expected value
     */
    protected boolean expectedSplit(String userId) {
        return DevCycleScenarios.d3Expected(userId);
    }

    /**
     * Releases what the subclass holds besides the provider; called after the API shut down, also after a failed
     * setup.
     *
     * @throws Exception if cleaning up fails
     */
    protected void cleanUp() throws Exception {}

    /**
     * Builds the immutable context of a scenario user.
     *
     * @param user the scenario user
     * @return the context with the user id as targeting key and every other attribute under DevCycle's names
     */
    static EvaluationContext context(DevCycleBenchUser user) {
        Map<String, Value> attributes = new LinkedHashMap<>();
        user.contextAttributes().forEach((name, value) -> attributes.put(name, Value.objectToValue(value)));
        return new ImmutableContext(user.userId(), attributes);
    }

    private void verify() {
        List<String> wrong = new ArrayList<>();
        checkDetails(
                wrong,
                client.getBooleanDetails(DevCycleScenarios.D1_BOOL, false, mainContext),
                DevCycleScenarios.D1_EXPECTED);
        checkDetails(
                wrong,
                client.getBooleanDetails(DevCycleScenarios.D2_ONE_AUDIENCE, false, mainContext),
                DevCycleScenarios.D2_EXPECTED);
        checkDetails(
                wrong,
                client.getStringDetails(DevCycleScenarios.D4_TEN_TARGETS, NO_STRING, mainContext),
                DevCycleScenarios.D4_EXPECTED);
        List<DevCycleBenchUser> users = DevCycleUsers.rolloutUsers();
        for (int i = 0; i < users.size(); i++) {
            checkDetails(
                    wrong,
                    client.getBooleanDetails(DevCycleScenarios.D3_SPLIT, false, rolloutContexts[i]),
                    expectedSplit(users.get(i).userId()));
        }
        ConfigV6EngineBench.check(wrong, "d1_bool()", DevCycleScenarios.D1_EXPECTED, d1_bool());
        ConfigV6EngineBench.check(wrong, "d2_oneAudience()", DevCycleScenarios.D2_EXPECTED, d2_oneAudience());
        ConfigV6EngineBench.check(wrong, "d4_tenTargets()", DevCycleScenarios.D4_EXPECTED, d4_tenTargets());
        DevCycleEngineBench.failIfWrong(getClass().getSimpleName(), wrong);
    }

    private static void checkDetails(List<String> wrong, FlagEvaluationDetails<?> details, Object expected) {
        String what = details.getFlagKey();
        if (details.getErrorCode() != null) {
            wrong.add(what + " failed with " + details.getErrorCode() + ": " + details.getErrorMessage());
        } else {
            ConfigV6EngineBench.check(wrong, what, expected, details.getValue());
        }
    }
}
