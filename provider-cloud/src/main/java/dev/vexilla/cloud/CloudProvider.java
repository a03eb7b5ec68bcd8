package dev.vexilla.cloud;

import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.EventProvider;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.FlagValueType;
import dev.openfeature.sdk.Hook;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.ImmutableMetadata;
import dev.openfeature.sdk.Metadata;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.TrackingEventDetails;
import dev.openfeature.sdk.Value;
import dev.openfeature.sdk.exceptions.FatalError;
import dev.openfeature.sdk.exceptions.GeneralError;
import dev.vexilla.cloud.internal.BulkAnswer;
import dev.vexilla.cloud.internal.ChangeStream;
import dev.vexilla.cloud.internal.ConnectionHealth;
import dev.vexilla.cloud.internal.RemoteAnswer;
import dev.vexilla.cloud.internal.RemoteEvaluator;
import dev.vexilla.cloud.internal.ResultCache;
import dev.vexilla.cloud.internal.TrackQueue;
import dev.vexilla.model.ContextMapper;
import dev.vexilla.model.ErrorKind;
import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.MappedUser;
import dev.vexilla.model.ResultMapper;
import dev.vexilla.model.User;
import dev.vexilla.model.bucketing.Feature;
import dev.vexilla.model.internal.time.Deadline;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An OpenFeature provider that evaluates flags by asking a Vexilla bucketing server (Bucketing API v1 or OFREP).
 *
 * <pre>{@code
 * CloudProvider provider = new CloudProvider(CloudOptions.builder()
 *         .sdkKey(System.getenv("VEXILLA_SDK_KEY"))
 *         .baseUrl(URI.create("https://flags.example.com/"))
 *         .build());
 * OpenFeatureAPI.getInstance().setProviderAndWait(provider);
 * }</pre>
 *
 * <p>The context is mapped to a user exactly as {@code LocalProvider} maps it (shared-model's {@link ContextMapper}),
 * and the server's result is mapped exactly as {@code LocalProvider} maps the engine's ({@link ResultMapper}), so for
 * the same config and context the value, variant, reason and flag metadata are the same (the fetch time aside); a
 * result served from the optional cache has reason {@code CACHED}. A context without targeting key (nor
 * {@code user_id}/{@code userId}) is sent too, as an anonymous user (Bucketing API: {@code "isAnonymous": true} with
 * its other attributes; OFREP: without {@code targetingKey}), and the server evaluates it as {@code LocalProvider}
 * does: without an identifier, or as no user at all when the context is empty.
 *
 * <p><b>Failure policy.</b> No exception escapes an evaluation; every failure returns the caller's default with:
 * <ul>
 *   <li>{@code FLAG_NOT_FOUND} for a 404, with the config's metadata as the local provider attaches it;
 *       {@code INVALID_CONTEXT} for a context the mapping reports problems with (checked before any request);
 *       {@code PARSE_ERROR} and {@code TYPE_MISMATCH} as local evaluation reports them;</li>
 *   <li>{@code PROVIDER_FATAL} after a 401 or 403: one ERROR event with {@code PROVIDER_FATAL}, and no request
 *       afterwards;</li>
 *   <li>{@code GENERAL} while a 429's {@code Retry-After} runs (no request is sent before it), and for timeouts
 *       (the {@linkplain CloudOptions#requestTimeout() request timeout} is a deadline for the whole evaluation),
 *       5xx answers and connection errors (retried within the deadline): the first such failure emits STALE,
 *       failures lasting the {@linkplain CloudOptions#staleGracePeriod() grace period} emit ERROR, and the next
 *       answer emits READY.</li>
 * </ul>
 * {@link #initialize(EvaluationContext)} asks the server for all flags of a probe user, bounded by the
 * {@linkplain CloudOptions#initializeTimeout() initialize timeout}: a refused key throws {@link FatalError}, an
 * unreachable server throws {@link GeneralError} (the provider recovers to READY with the first answer).
 * {@link #shutdown()} sends the queued tracked events, closes the change stream and the connection pool, stops the
 * provider's own thread, and is idempotent; evaluations afterwards return {@code PROVIDER_NOT_READY}.
 *
 * <p><b>Change events.</b> Unless {@linkplain CloudOptions#changeStream() turned off}, the provider listens to the
 * server's change stream and emits {@code PROVIDER_CONFIGURATION_CHANGED} for every new version of the config, with
 * {@code flagsChanged} = the keys the server lists as changed (as {@code LocalProvider} lists them), or without
 * {@code flagsChanged} when the server does not say (every flag may have changed, e.g. a change made while the
 * stream was reconnecting). A new version that changes no flag emits nothing, as with {@code LocalProvider}. Every
 * announced change and every (re)connection of the stream drops the cached answers. {@link #initialize} returns once
 * the stream's first connection attempt has ended (within the initialize timeout), so a change made after it returns
 * is announced.
 *
 * <p>Thread-safe; evaluations block the calling thread for at most the request timeout.
 *
 * @since 0.1.0
 */
public final class CloudProvider extends EventProvider {
    /** The provider's name in its metadata. */
    public static final String NAME = "Vexilla Cloud";

    private static final Logger LOG = LoggerFactory.getLogger(CloudProvider.class);
    private static final Metadata METADATA = () -> NAME;
    private static final List<Hook> HOOKS = Collections.emptyList();
    private static final String PROBE_KEY = "vexilla-initialize-probe";

    private final CloudOptions options;
    private final RemoteEvaluator evaluator;
    private final ConnectionHealth health;
    private final @Nullable ResultCache cache;
    private final TrackQueue trackQueue;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile @Nullable ScheduledExecutorService ownScheduler;
    private volatile @Nullable ChangeStream stream;

    /**
     * Creates a provider. No thread is started and no request is sent before {@link #initialize}.
     *
     * @param options the options
     */
    public CloudProvider(CloudOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.evaluator = new RemoteEvaluator(options);
        this.health =
                new ConnectionHealth(options.clock(), options.staleGracePeriod().toMillis(), this::emit);
        this.cache = options.cache().isEnabled() ? new ResultCache(options.cache(), options.clock()) : null;
        this.trackQueue = new TrackQueue(evaluator, options);
    }

    @Override
    public Metadata getMetadata() {
        return METADATA;
    }

    @Override
    public List<Hook> getProviderHooks() {
        return HOOKS;
    }

    /**
     * Checks the server and the key, then starts the background work (tracked-event flushes, and the change stream
     * unless turned off). Bounded by {@link CloudOptions#initializeTimeout()}.
     *
     * @param evaluationContext the global context (not used)
     * @throws FatalError if the server refuses the key (401/403)
     * @throws GeneralError if the server cannot be reached or answers with an error
     */
    @Override
    public void initialize(@Nullable EvaluationContext evaluationContext) throws Exception {
        if (closed.get()) {
            throw new GeneralError("the provider is shut down");
        }
        startBackground();
        User probe = User.of(PROBE_KEY);
        byte[] body = evaluator.body(new ImmutableContext(PROBE_KEY), probe);
        Deadline deadline = Deadline.after(options.initializeTimeout());
        RemoteAnswer exchange = evaluator.probe(body, deadline);
        switch (exchange.outcome()) {
            case ANSWERED:
                awaitChangeStream(deadline);
                return;
            case FATAL:
                health.initializationFailed(
                        true, String.valueOf(exchange.result().errorMessage()));
                throw new FatalError(String.valueOf(exchange.result().errorMessage()));
            default:
                health.initializationFailed(
                        false, String.valueOf(exchange.result().errorMessage()));
                throw new GeneralError("cannot reach the bucketing server at " + options.baseUrl() + ": "
                        + exchange.result().errorMessage());
        }
    }

    private void startBackground() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        ScheduledExecutorService scheduler = options.scheduler();
        if (scheduler == null) {
            scheduler = TrackQueue.newDaemonScheduler();
            ownScheduler = scheduler;
        }
        trackQueue.start(scheduler);
        if (options.changeStream()) {
            ChangeStream s = new ChangeStream(
                    options, scheduler, new ChangeEvents(cache, closed::get, this::emitProviderConfigurationChanged));
            stream = s;
            s.start();
        }
    }

    /**
     * Lets the change stream's first connection end (bounded by the initialize deadline), so that every change made
     * after {@code initialize} returns is announced.
     */
    private void awaitChangeStream(Deadline deadline) {
        ChangeStream s = stream;
        if (s != null && !s.awaitFirstAttempt(deadline.remainingMillis())) {
            LOG.debug("The change stream did not connect before the initialize timeout; it keeps trying");
        }
    }

    @Override
    public ProviderEvaluation<Boolean> getBooleanEvaluation(String key, Boolean defaultValue, EvaluationContext ctx) {
        return evaluate(key, FlagValueType.BOOLEAN, defaultValue, ctx);
    }

    @Override
    public ProviderEvaluation<String> getStringEvaluation(String key, String defaultValue, EvaluationContext ctx) {
        return evaluate(key, FlagValueType.STRING, defaultValue, ctx);
    }

    @Override
    public ProviderEvaluation<Integer> getIntegerEvaluation(String key, Integer defaultValue, EvaluationContext ctx) {
        return evaluate(key, FlagValueType.INTEGER, defaultValue, ctx);
    }

    @Override
    public ProviderEvaluation<Long> getLongEvaluation(String key, Long defaultValue, EvaluationContext ctx) {
        return evaluate(key, FlagValueType.LONG, defaultValue, ctx);
    }

    @Override
    public ProviderEvaluation<Double> getDoubleEvaluation(String key, Double defaultValue, EvaluationContext ctx) {
        return evaluate(key, FlagValueType.DOUBLE, defaultValue, ctx);
    }

    @Override
    public ProviderEvaluation<Value> getObjectEvaluation(String key, Value defaultValue, EvaluationContext ctx) {
        return evaluate(key, FlagValueType.OBJECT, defaultValue, ctx);
    }

    private <T> ProviderEvaluation<T> evaluate(
            String key, FlagValueType type, T defaultValue, @Nullable EvaluationContext ctx) {
        try {
            RemoteAnswer answer = resolve(key, type, ctx == null ? new ImmutableContext() : ctx);
            return ResultMapper.evaluation(key, answer.result(), type, defaultValue, answer.metadata());
        } catch (RuntimeException e) {
            LOG.debug("Evaluation of '{}' failed unexpectedly", key, e);
            EvaluationResult failed =
                    EvaluationResult.error(ErrorKind.GENERAL, "evaluation of '" + key + "' failed: " + e);
            return ResultMapper.evaluation(key, failed, type, defaultValue, ImmutableMetadata.EMPTY);
        }
    }

    private RemoteAnswer resolve(String key, FlagValueType type, EvaluationContext ctx) {
        RemoteAnswer refused = refusal();
        if (refused != null) {
            return refused;
        }
        MappedUser mapped = ContextMapper.map(ctx);
        if (mapped.hasProblems()) {
            return invalid(mapped);
        }
        ResultCache c = cache;
        // The mapped user decides the server's answer, as the request body would; a hit serialises nothing.
        Object user = ContextMapper.namesNoUser(ctx) ? ResultCache.NO_CONTEXT : mapped.user();
        if (c != null) {
            RemoteAnswer hit = c.get(key, type, user);
            if (hit != null) {
                return hit;
            }
        }
        if (health.isRateLimited()) {
            return RemoteAnswer.local(
                    ErrorKind.GENERAL, "rate limited by the server (429); retrying after Retry-After");
        }
        Deadline deadline = deadline(); // writing the request counts too
        Request request = request(ctx, mapped);
        if (request.problem != null) {
            return request.problem;
        }
        RemoteAnswer answer = evaluator.evaluate(key, request.body, deadline);
        health.record(answer);
        if (c != null) {
            c.put(key, type, user, answer);
        }
        return answer;
    }

    private @Nullable RemoteAnswer refusal() {
        if (closed.get()) {
            return RemoteAnswer.local(ErrorKind.PROVIDER_NOT_READY, "the provider is shut down");
        }
        if (health.isFatal()) {
            return RemoteAnswer.local(ErrorKind.PROVIDER_FATAL, "the server refused the SDK key; no requests are sent");
        }
        return null;
    }

    private Request request(EvaluationContext ctx) {
        MappedUser mapped = ContextMapper.map(ctx);
        return mapped.hasProblems() ? Request.failed(invalid(mapped)) : request(ctx, mapped);
    }

    private Request request(EvaluationContext ctx, MappedUser mapped) {
        try {
            return new Request(evaluator.body(ctx, mapped.user()), null);
        } catch (Exception e) {
            return Request.failed(RemoteAnswer.local(
                    ErrorKind.INVALID_CONTEXT, "the context cannot be sent as JSON: " + e.getMessage()));
        }
    }

    private static RemoteAnswer invalid(MappedUser mapped) {
        return RemoteAnswer.local(
                ErrorKind.INVALID_CONTEXT, "invalid context: " + String.join("; ", mapped.problems()));
    }

    private Deadline deadline() {
        return Deadline.after(options.requestTimeout());
    }

    /**
     * Evaluates every flag for a context in one request ({@code /v1/variables}, or OFREP's bulk evaluation with
     * {@code If-None-Match}). Values are the flags' own types ({@code Boolean}, {@code String}, {@code Integer} or
     * {@code Long}, {@code Double}); a flag that failed has a {@code null} value and its error code. Blocks for at
     * most the request timeout; never throws for a server problem.
     *
     * @param ctx the evaluation context
     * @return the evaluations by flag key, in key order, unmodifiable; empty when the request failed (the same shape
     *     as {@code LocalProvider.allFlags})
     */
    public Map<String, FlagEvaluationDetails<Object>> allFlags(EvaluationContext ctx) {
        try {
            if (refusal() != null || health.isRateLimited()) {
                return Collections.emptyMap();
            }
            Deadline deadline = deadline();
            Request request = request(ctx);
            if (request.problem != null) {
                return Collections.emptyMap();
            }
            BulkAnswer bulk = evaluator.evaluateAll(request.body, deadline);
            health.record(bulk.exchange());
            Map<String, FlagEvaluationDetails<Object>> out = new TreeMap<>();
            bulk.flags().forEach((key, answer) -> out.put(key, BulkResults.details(key, answer)));
            return Collections.unmodifiableMap(out);
        } catch (RuntimeException e) {
            LOG.debug("All-flags evaluation failed unexpectedly", e);
            return Collections.emptyMap();
        }
    }

    /**
     * Returns the features of a context ({@code /v1/features} of the Bucketing API: per flag its served variation
     * and reason). Under OFREP the features are derived from the bulk evaluation. Never throws for a server problem.
     *
     * @param ctx the evaluation context
     * @return the features by flag key; empty when the request failed
     */
    public Map<String, Feature> allFeatures(EvaluationContext ctx) {
        try {
            if (refusal() != null || health.isRateLimited()) {
                return Collections.emptyMap();
            }
            Deadline deadline = deadline();
            Request request = request(ctx);
            if (request.problem != null) {
                return Collections.emptyMap();
            }
            Map<String, Feature> features = options.protocol() == Protocol.BUCKETING_V1
                    ? evaluator.features(request.body, deadline)
                    : BulkResults.features(evaluator.evaluateAll(request.body, deadline));
            return features == null ? Collections.emptyMap() : Collections.unmodifiableMap(features);
        } catch (RuntimeException e) {
            LOG.debug("Features request failed unexpectedly", e);
            return Collections.emptyMap();
        }
    }

    /**
     * Queues a custom event for {@code POST /v1/track}; queued events are sent in the background every
     * {@link CloudOptions#trackFlushInterval()} and on {@link #shutdown()}. When the queue is full the event is
     * dropped and counted ({@link #droppedEvents()}). Never blocks, never throws.
     *
     * @param eventName the event type
     * @param context the context of the user the event is about (needs a targeting key)
     * @param details the optional value and attributes
     */
    @Override
    public void track(String eventName, EvaluationContext context, @Nullable TrackingEventDetails details) {
        if (closed.get() || health.isFatal()) {
            return;
        }
        try {
            MappedUser mapped = ContextMapper.map(context);
            trackQueue.offer(eventName, mapped.user(), details);
        } catch (RuntimeException e) {
            LOG.debug("Tracking '{}' failed", eventName, e);
        }
    }

    /**
     * Returns the number of tracked events dropped because the queue was full, the user had no targeting key or
     * the server refused them.
     *
     * @return the count since creation
     */
    public long droppedEvents() {
        return trackQueue.dropped();
    }

    /**
     * Stops the provider: sends queued tracked events (bounded by the request timeout), closes the change stream and
     * the connection pool, stops the provider's own thread. Idempotent.
     */
    @Override
    public void shutdown() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        ChangeStream s = stream;
        if (s != null) {
            s.close();
        }
        trackQueue.close();
        ScheduledExecutorService own = ownScheduler;
        if (own != null) {
            own.shutdownNow();
        }
        evaluator.close();
        super.shutdown();
    }

    @Override
    public String toString() {
        return "CloudProvider{" + options + ", state=" + health.state() + "}";
    }

    /** A request body for a context, or the problem that prevents sending one. */
    private static final class Request {
        final byte[] body;
        final @Nullable RemoteAnswer problem;

        Request(byte[] body, @Nullable RemoteAnswer problem) {
            this.body = body;
            this.problem = problem;
        }

        static Request failed(RemoteAnswer problem) {
            return new Request(new byte[0], problem);
        }
    }
}
