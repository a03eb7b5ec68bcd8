package dev.vexilla.bench;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FeatureProvider;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.Value;
import dev.vexilla.bench.scenario.BenchUser;
import dev.vexilla.bench.scenario.BenchUsers;
import dev.vexilla.bench.scenario.Scenarios;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
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
 * The OpenFeature group: a provider evaluated through an OpenFeature {@link Client}, the way applications call it.
 *
 * <p>A subclass joins the group by creating its provider ({@link #createProvider()}); the setup registers it on an
 * isolated API instance ({@link OpenFeatureAPI#createIsolated()}), waits for READY, prepares one immutable context
 * per scenario user and checks every answer (value and no error code; s3 for all 1024 users) before anything is
 * measured. The teardown shuts the API, and with it the provider, down.
 *
 * <p>Contexts carry the targeting key and the attributes under their ConfigCat names ({@code Email},
 * {@code Country}, {@code plan}, {@code seats}, ...), numbers as integers.
 *
 * <p>Not thread-safe; JMH gives every benchmark thread its own instance.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public abstract class OpenFeatureBench {

    private static final int ROLLOUT_MASK = BenchUsers.ROLLOUT_USER_COUNT - 1;

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
        mainContext = context(BenchUsers.MAIN);
        List<BenchUser> users = BenchUsers.rolloutUsers();
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
        if (api != null) {
            api.shutdown();
        }
        cleanUp();
    }

    /**
     * s1: a boolean flag without rules.
     *
     * @return the value
     */
    @Benchmark
    public boolean s1_bool() {
        return client.getBooleanValue(Scenarios.S1_BOOL, false, mainContext);
    }

    /**
     * s2: one ENDS WITH rule that matches.
     *
     * @return the value
     */
    @Benchmark
    public boolean s2_oneRule() {
        return client.getBooleanValue(Scenarios.S2_ONE_RULE, false, mainContext);
    }

    /**
     * s3: 50/50 percentage options, the next of 1024 contexts each call.
     *
     * @return the value
     */
    @Benchmark
    public boolean s3_rollout() {
        return client.getBooleanValue(Scenarios.S3_ROLLOUT, false, rolloutContexts[next++ & ROLLOUT_MASK]);
    }

    /**
     * s4: ten rules, the last one matches.
     *
     * @return the value
     */
    @Benchmark
    public String s4_tenRules() {
        return client.getStringValue(Scenarios.S4_TEN_RULES, "default", mainContext);
    }

    /**
     * Creates the provider under test, not yet initialised; called once per trial.
     *
     * @return the provider, reading the scenario data (see {@link dev.vexilla.bench.scenario.BenchConfigs})
     * @throws Exception if the provider cannot be created
     */
    protected abstract FeatureProvider createProvider() throws Exception;

    /**
     * Returns the value s3 must have for a user; by default ConfigCat's percentage bucketing, which a provider of
     * config JSON v6 must reproduce.
     *
     * @param identifier the user's identifier
     * @return the expected value
     */
    protected boolean expectedRollout(String identifier) {
        return Scenarios.s3ExpectedConfigCat(identifier);
    }

    /**
     * Releases what the subclass holds besides the provider (temporary files); called after the API shut down.
     *
     * @throws Exception if cleaning up fails
     */
    protected void cleanUp() throws Exception {}

    /**
     * Builds the immutable context of a scenario user.
     *
     * @param user the scenario user
     * @return the context with the targeting key and every other attribute
     */
    static EvaluationContext context(BenchUser user) {
        Map<String, Value> attributes = new LinkedHashMap<>();
        user.attributesWithoutIdentifier().forEach((name, value) -> attributes.put(name, Value.objectToValue(value)));
        return new ImmutableContext(user.identifier(), attributes);
    }

    private void verify() {
        List<String> wrong = new ArrayList<>();
        checkScenarios(wrong, client, mainContext, rolloutContexts, this::expectedRollout);
        ConfigV6EngineBench.check(wrong, Scenarios.S1_BOOL, Scenarios.S1_EXPECTED, s1_bool());
        ConfigV6EngineBench.check(wrong, Scenarios.S2_ONE_RULE, Scenarios.S2_EXPECTED, s2_oneRule());
        ConfigV6EngineBench.check(wrong, Scenarios.S4_TEN_RULES, Scenarios.S4_EXPECTED, s4_tenRules());
        if (!wrong.isEmpty()) {
            throw new IllegalStateException(getClass().getSimpleName() + " answers wrongly: " + wrong);
        }
    }

    /**
     * Evaluates s1, s2 and s4 for the main user and s3 for every rollout user through a client, and collects what
     * is wrong: a value other than the expected one, or any error code.
     *
     * @param wrong collects one line per wrong answer
     * @param client the client to ask
     * @param mainContext the main user's context
     * @param rolloutContexts the contexts of {@link BenchUsers#rolloutUsers()}, in order
     * @param expectedRollout the value s3 must have for a user identifier
     */
    static void checkScenarios(
            List<String> wrong,
            Client client,
            EvaluationContext mainContext,
            EvaluationContext[] rolloutContexts,
            Predicate<String> expectedRollout) {
        checkDetails(wrong, client.getBooleanDetails(Scenarios.S1_BOOL, false, mainContext), Scenarios.S1_EXPECTED);
        checkDetails(wrong, client.getBooleanDetails(Scenarios.S2_ONE_RULE, false, mainContext), Scenarios.S2_EXPECTED);
        checkDetails(
                wrong, client.getStringDetails(Scenarios.S4_TEN_RULES, "default", mainContext), Scenarios.S4_EXPECTED);
        List<BenchUser> users = BenchUsers.rolloutUsers();
        for (int i = 0; i < users.size(); i++) {
            String id = users.get(i).identifier();
            checkDetails(
                    wrong,
                    client.getBooleanDetails(Scenarios.S3_ROLLOUT, false, rolloutContexts[i]),
                    expectedRollout.test(id));
        }
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
