package dev.vexilla.bench;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FeatureProvider;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.Reason;
import dev.vexilla.bench.scenario.BenchUser;
import dev.vexilla.bench.scenario.BenchUsers;
import dev.vexilla.bench.scenario.Scenarios;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The state of the network benchmarks: one bucketing server on a random loopback port of the same JVM
 * ({@link LoopbackServer}, serving the scenario config) and one provider asking it, evaluated through an OpenFeature
 * {@link Client}. The benchmark methods live in the two subclasses: {@link CloudBench} (latency) and
 * {@link ScalingBench} (throughput at 1 and 8 threads).
 *
 * <p>A provider joins by implementing {@link #createProvider(URI, String)}. The setup starts the server, registers
 * the provider on an isolated API ({@link OpenFeatureAPI#createIsolated()}), waits for READY and checks every
 * scenario's answer as {@link OpenFeatureBench} does (s1, s2, s4 for the main user, s3 for all 1024 users, no error
 * code), then checks the path that will be measured: every answer has reason {@code CACHED} when
 * {@link #servesFromCache()} says so, and none has it otherwise. While measuring, every benchmark compares its value
 * with the expected one and counts misses (a timeout or an error returns the default); an iteration with a miss
 * fails the benchmark in {@link #checkIteration()}, because it measured something other than an evaluation.
 *
 * <p>One instance serves every benchmark thread ({@link Scope#Benchmark}), so that eight threads share one provider
 * and its connection pool, as the threads of an application do.
 */
@State(Scope.Benchmark)
public abstract class LoopbackBench {

    /**
     * A JVM option for the forks of the network groups: the evaluation logger at ERROR. {@code CloudProvider}'s
     * {@code initialize} asks the server for all flags of a probe user without attributes, and the server's engine
     * warns once per rule it cannot evaluate (about a hundred lines per fork, before anything is measured). The
     * measured contexts carry every attribute the rules read, so nothing is logged while measuring either way.
     */
    static final String QUIET_PROBE = "-Dorg.slf4j.simpleLogger.log.dev.vexilla.evaluation=error";

    private static final int ROLLOUT_MASK = BenchUsers.ROLLOUT_USER_COUNT - 1;

    private final LongAdder wrongAnswers = new LongAdder();
    private @Nullable LoopbackServer server;
    private @Nullable OpenFeatureAPI api;

    /** The client of the provider under test. */
    Client client;

    /** The main user's context (s1, s2, s4). */
    EvaluationContext mainContext;

    private EvaluationContext[] rolloutContexts;
    private boolean[] rolloutExpected;
    private int next;

    /**
     * Starts the server, registers the provider, waits for READY and checks every answer and the measured path.
     *
     * @throws Exception if the server or provider fails to start or a scenario is answered wrongly
     */
    @Setup(Level.Trial)
    public final void setUp() throws Exception {
        TrialSetup.startOrRelease(this::start, this::tearDown);
    }

    private void start() throws Exception {
        LoopbackServer started = LoopbackServer.start();
        server = started;
        api = OpenFeatureAPI.createIsolated();
        client = TrialSetup.readyClient(
                api,
                createProvider(started.baseUri(), LoopbackServer.SDK_KEY),
                getClass().getSimpleName());
        mainContext = OpenFeatureBench.context(BenchUsers.MAIN);
        List<BenchUser> users = BenchUsers.rolloutUsers();
        rolloutContexts = new EvaluationContext[users.size()];
        rolloutExpected = new boolean[users.size()];
        for (int i = 0; i < users.size(); i++) {
            rolloutContexts[i] = OpenFeatureBench.context(users.get(i));
            rolloutExpected[i] = Scenarios.s3ExpectedConfigCat(users.get(i).identifier());
        }
        List<String> wrong = new ArrayList<>();
        OpenFeatureBench.checkScenarios(wrong, client, mainContext, rolloutContexts, Scenarios::s3ExpectedConfigCat);
        checkMeasuredPath(wrong);
        if (!wrong.isEmpty()) {
            throw new IllegalStateException(getClass().getSimpleName() + " answers wrongly: " + wrong);
        }
    }

    /**
     * Shuts the API and its provider down, then stops the server.
     *
     * @throws Exception if stopping fails
     */
    @TearDown(Level.Trial)
    public final void tearDown() throws Exception {
        if (api != null) {
            api.shutdown();
            api = null;
        }
        if (server != null) {
            server.close();
            server = null;
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
            throw new IllegalStateException(getClass().getSimpleName() + ": " + wrong
                    + " evaluations of the last iteration returned a wrong value (an error or a timeout answers the"
                    + " default); the iteration did not measure evaluations");
        }
    }

    /**
     * Creates the provider under test, not yet initialised; called once per trial.
     *
     * @param baseUrl the server's base URL, ending in {@code /}
     * @param sdkKey the SDK key the scenario config is served under
     * @return the provider
     * @throws Exception if the provider cannot be created
     */
    protected abstract FeatureProvider createProvider(URI baseUrl, String sdkKey) throws Exception;

    /**
     * Tells whether the measured evaluations are answered from the provider's cache; the setup then requires reason
     * {@code CACHED} on every scenario after the first round of evaluations, and forbids it otherwise.
     *
     * @return {@code true} for a provider measured on its cache-hit path
     */
    protected boolean servesFromCache() {
        return false;
    }

    /**
     * Counts a boolean answer that differs from the expected one and returns the answer.
     *
     * @param value the answer
     * @param expected the expected answer
     * @return {@code value}
     */
    final boolean counted(boolean value, boolean expected) {
        if (value != expected) {
            wrongAnswers.increment();
        }
        return value;
    }

    /**
     * Counts a string answer that differs from the expected one and returns the answer.
     *
     * @param value the answer
     * @param expected the expected answer
     * @return {@code value}
     */
    final String counted(String value, String expected) {
        if (!expected.equals(value)) {
            wrongAnswers.increment();
        }
        return value;
    }

    /**
     * Evaluates s3 for the next of the 1024 rollout users and counts a wrong answer; single-threaded use only.
     *
     * @return the value
     */
    final boolean nextRollout() {
        int i = next++ & ROLLOUT_MASK;
        return counted(client.getBooleanValue(Scenarios.S3_ROLLOUT, false, rolloutContexts[i]), rolloutExpected[i]);
    }

    private void checkMeasuredPath(List<String> wrong) {
        List<FlagEvaluationDetails<?>> measured = List.of(
                client.getBooleanDetails(Scenarios.S1_BOOL, false, mainContext),
                client.getBooleanDetails(Scenarios.S2_ONE_RULE, false, mainContext),
                client.getBooleanDetails(Scenarios.S3_ROLLOUT, false, rolloutContexts[0]),
                client.getStringDetails(Scenarios.S4_TEN_RULES, "default", mainContext));
        String cached = Reason.CACHED.name();
        for (FlagEvaluationDetails<?> details : measured) {
            if (servesFromCache() != cached.equals(details.getReason())) {
                wrong.add(details.getFlagKey() + " has reason " + details.getReason() + " where the benchmark measures "
                        + (servesFromCache() ? "cache hits" : "requests to the server"));
            }
        }
    }
}
