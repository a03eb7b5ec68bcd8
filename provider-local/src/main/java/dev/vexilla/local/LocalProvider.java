package dev.vexilla.local;

import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.EventProvider;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.FlagValueType;
import dev.openfeature.sdk.Hook;
import dev.openfeature.sdk.Metadata;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.ProviderEventDetails;
import dev.openfeature.sdk.TrackingEventDetails;
import dev.openfeature.sdk.Value;
import dev.vexilla.local.internal.events.EvaluationCountSource;
import dev.vexilla.local.internal.events.EventRecorder;
import dev.vexilla.local.internal.provider.ProviderRuntime;
import dev.vexilla.local.internal.provider.ProviderSignals;
import dev.vexilla.model.ResultDetail;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * An OpenFeature provider that evaluates ConfigCat config JSON v6 and DevCycle config v2 in-process: flags are
 * downloaded (or read from a cache, a file, the classpath or a map), compiled once into an immutable snapshot and
 * evaluated lock-free. The download speaks ConfigCat's or DevCycle's protocol ({@link ConfigProtocol}, chosen by the
 * SDK key unless set); {@link DevCycleOptions} maps DevCycle's SDK options onto {@link LocalOptions}.
 *
 * <pre>{@code
 * LocalProvider provider = new LocalProvider(LocalOptions.builder()
 *         .sdkKey(System.getenv("VEXILLA_SDK_KEY"))
 *         .baseUrl(URI.create("https://flags.example.com"))
 *         .realtimeUpdates(true)
 *         .build());
 * OpenFeatureAPI.getInstance().setProviderAndWait(provider);
 * Client client = OpenFeatureAPI.getInstance().getClient();
 * boolean on = client.getBooleanValue("newCheckout", false, new ImmutableContext("user-42"));
 * }</pre>
 *
 * <p><b>Lifecycle and events.</b> {@link #initialize(EvaluationContext)} loads overrides and the cached config, starts
 * downloading and waits, for auto polling at most {@link PollingMode#maxInitWait()}, until a config can be served;
 * the SDK then emits READY (the provider never emits a second READY during initialisation). Afterwards the provider
 * emits CONFIGURATION_CHANGED with the keys whose evaluation really changed, STALE when downloads fail while a config
 * is served, ERROR when they have failed for longer than {@link LocalOptions#errorGracePeriod()} (or when there is no
 * config at all), ERROR with {@code PROVIDER_FATAL} when the server refuses the SDK key, and READY again on
 * recovery. With {@link OverrideBehaviour#LOCAL_ONLY} overrides it makes no network call and is ready at once.
 *
 * <p><b>Failure policy.</b> 401, 403 and 404 are permanent: one ERROR log line, no more downloads, every evaluation
 * answers {@code PROVIDER_FATAL}. Other statuses (400, 429, 5xx), I/O errors, timeouts and malformed or truncated
 * bodies are transient: the last good config keeps serving and downloads are retried with jittered exponential
 * backoff (at most {@link LocalOptions#maxBackoff()}). A downloaded config that does not compile is ignored (logged
 * once with its JSON path) and the last good one keeps serving; a broken flag inside a good config answers
 * {@code PARSE_ERROR} for that flag only. Before the first config every evaluation answers
 * {@code PROVIDER_NOT_READY}. No exception escapes an evaluation.
 *
 * <p><b>Threads and blocking.</b> Evaluations never block and never lock: one volatile read of the snapshot, one map
 * lookup, the engine, cached metadata. Background work runs on the scheduler from the options or on the provider's
 * own daemon threads ({@code vexilla-local-scheduler-N}); the change stream has its own daemon threads, and one
 * daemon thread ({@code vexilla-local-deadline}) aborts config downloads that outlast their deadline.
 * {@link #initialize}, {@link #forceRefresh()} and {@link #shutdown()} block (bounded by the configured timeouts).
 * One config download as a whole, redirects included, ends by {@link LocalOptions#connectTimeout()} +
 * {@link LocalOptions#readTimeout()}, however slowly the server sends it.
 * {@link #shutdown()} is idempotent: it flushes events, stops every thread the provider started, closes the HTTP
 * client and the SDK's event executor. A provider that was shut down cannot be initialised again: its
 * {@code initialize} fails with a {@code GeneralError} saying so; create a new provider instead.
 *
 * <p>Thread-safe.
 *
 * @since 0.1.0
 */
public final class LocalProvider extends EventProvider {

    /** The provider name reported in {@link #getMetadata()}. */
    public static final String NAME = "Vexilla Local";

    private static final Metadata METADATA = () -> NAME;
    private static final List<Hook> NO_HOOKS = Collections.emptyList();

    private final ProviderRuntime runtime;
    private final AtomicBoolean shutDown = new AtomicBoolean();
    private volatile boolean initializing;

    /**
     * Creates a provider; nothing runs until {@link #initialize(EvaluationContext)}.
     *
     * @param options the options
     */
    public LocalProvider(LocalOptions options) {
        this(options, null);
    }

    LocalProvider(LocalOptions options, @Nullable Function<EvaluationCountSource, EventRecorder> recorders) {
        this.runtime = new ProviderRuntime(Objects.requireNonNull(options, "options"), new Signals(), recorders);
    }

    /**
     * Returns the provider metadata, a constant named {@value #NAME}.
     *
     * @return the metadata
     */
    @Override
    public Metadata getMetadata() {
        return METADATA;
    }

    /**
     * Returns the provider hooks: none, as a constant empty list.
     *
     * @return an empty list
     */
    @Override
    public List<Hook> getProviderHooks() {
        return NO_HOOKS;
    }

    /**
     * Starts the provider and waits, bounded, until it serves a config. Called by the OpenFeature SDK.
     *
     * @param evaluationContext the global context (not used)
     * @throws dev.openfeature.sdk.exceptions.FatalError if the server refused the SDK key
     * @throws dev.openfeature.sdk.exceptions.GeneralError if no config could be obtained in time (the provider keeps
     *     trying and emits READY when it succeeds), the overrides cannot be loaded, or the provider was shut down
     * @throws InterruptedException if interrupted while waiting
     */
    @Override
    public void initialize(EvaluationContext evaluationContext) throws Exception {
        initializing = true;
        try {
            runtime.start();
        } finally {
            initializing = false;
        }
    }

    /**
     * Stops the provider: flushes events, stops its threads, closes its HTTP client. Idempotent.
     */
    @Override
    public void shutdown() {
        if (shutDown.compareAndSet(false, true)) {
            runtime.close();
            super.shutdown();
        }
    }

    /**
     * Evaluates a boolean flag.
     *
     * @param key the flag key
     * @param defaultValue returned on any error
     * @param ctx the evaluation context
     * @return the evaluation
     */
    @Override
    public ProviderEvaluation<Boolean> getBooleanEvaluation(String key, Boolean defaultValue, EvaluationContext ctx) {
        return runtime.evaluate(key, FlagValueType.BOOLEAN, defaultValue, ctx);
    }

    /**
     * Evaluates a text flag.
     *
     * @param key the flag key
     * @param defaultValue returned on any error
     * @param ctx the evaluation context
     * @return the evaluation
     */
    @Override
    public ProviderEvaluation<String> getStringEvaluation(String key, String defaultValue, EvaluationContext ctx) {
        return runtime.evaluate(key, FlagValueType.STRING, defaultValue, ctx);
    }

    /**
     * Evaluates a whole-number flag whose value fits in 32 bits.
     *
     * @param key the flag key
     * @param defaultValue returned on any error
     * @param ctx the evaluation context
     * @return the evaluation
     */
    @Override
    public ProviderEvaluation<Integer> getIntegerEvaluation(String key, Integer defaultValue, EvaluationContext ctx) {
        return runtime.evaluate(key, FlagValueType.INTEGER, defaultValue, ctx);
    }

    /**
     * Evaluates a whole-number flag as a native 64-bit value (never through {@code double}).
     *
     * @param key the flag key
     * @param defaultValue returned on any error
     * @param ctx the evaluation context
     * @return the evaluation
     */
    @Override
    public ProviderEvaluation<Long> getLongEvaluation(String key, Long defaultValue, EvaluationContext ctx) {
        return runtime.evaluate(key, FlagValueType.LONG, defaultValue, ctx);
    }

    /**
     * Evaluates a decimal-number flag.
     *
     * @param key the flag key
     * @param defaultValue returned on any error
     * @param ctx the evaluation context
     * @return the evaluation
     */
    @Override
    public ProviderEvaluation<Double> getDoubleEvaluation(String key, Double defaultValue, EvaluationContext ctx) {
        return runtime.evaluate(key, FlagValueType.DOUBLE, defaultValue, ctx);
    }

    /**
     * Evaluates a text flag holding a JSON object or array, returned as a structure or list.
     *
     * @param key the flag key
     * @param defaultValue returned on any error
     * @param ctx the evaluation context
     * @return the evaluation; {@code TYPE_MISMATCH} when the text is not a JSON object or array
     */
    @Override
    public ProviderEvaluation<Value> getObjectEvaluation(String key, Value defaultValue, EvaluationContext ctx) {
        return runtime.evaluate(key, FlagValueType.OBJECT, defaultValue, ctx);
    }

    /**
     * Records a custom event (sent with the next events flush), unless custom events are turned off.
     *
     * @param eventName the event name
     * @param context the context of the event; private attributes are never sent
     * @param details the value and fields of the event, or {@code null}
     */
    @Override
    public void track(String eventName, EvaluationContext context, @Nullable TrackingEventDetails details) {
        Objects.requireNonNull(eventName, "eventName");
        runtime.track(eventName, context, details);
    }

    /**
     * Downloads the config now and waits for the outcome. The download ends by the connect timeout plus the read
     * timeout, however slowly the server answers; a scheduled download already running is waited for first.
     *
     * @return success, or why the download failed (offline, shut down, LOCAL_ONLY overrides, HTTP or parse error)
     */
    public RefreshResult forceRefresh() {
        return runtime.forceRefresh();
    }

    /** Goes online: downloads at once and resumes polling (and the change stream). */
    public void setOnline() {
        runtime.setOffline(false);
    }

    /** Goes offline: no more network calls; the config held (and overrides) keep serving. */
    public void setOffline() {
        runtime.setOffline(true);
    }

    /**
     * Tells whether the provider makes no network calls.
     *
     * @return {@code true} when offline or serving LOCAL_ONLY overrides
     */
    public boolean isOffline() {
        return runtime.isOffline();
    }

    /**
     * Replaces the client custom data: attributes added to every evaluation's user, below the context's own
     * attributes of the same name (DevCycle's {@code setClientCustomData}). The event batches flushed from now on carry
     * it as their SDK user's {@code customData}.
     *
     * @param data attribute name to value (strings, numbers, booleans, {@code Instant}s, lists of strings)
     */
    public void setClientCustomData(Map<String, ?> data) {
        runtime.setClientCustomData(data);
    }

    /**
     * Evaluates every flag for one context in one engine pass. The values are the flags' own types
     * ({@code Boolean}, {@code String}, {@code Integer} or {@code Long}, {@code Double}; for a DevCycle config
     * {@code Boolean}, {@code String}, {@code Double} and, for a JSON variable, a {@code Map} or {@code List}); these
     * evaluations are not counted in the evaluation events. For a DevCycle config these are the variables the user
     * gets, as DevCycle's {@code allVariables} computes them.
     *
     * @param ctx the evaluation context, may be empty
     * @return flag key to details, in key order, unmodifiable; empty before the first config
     */
    public Map<String, FlagEvaluationDetails<Object>> allFlags(EvaluationContext ctx) {
        return runtime.allFlags(ctx);
    }

    /**
     * Evaluates every feature of a DevCycle config for one context, as DevCycle's {@code allFeatures} does: for each
     * feature the user is bucketed into, the variation it serves (feature id, key and type; variation id, key and
     * name; the target and DevCycle's evaluation reason). Not counted in the evaluation events.
     *
     * @param ctx the evaluation context, may be empty
     * @return feature key to its detail, in key order, unmodifiable; empty before the first config and for a ConfigCat
     *     config
     * @since 0.2.0
     */
    public Map<String, ResultDetail> allFeatures(EvaluationContext ctx) {
        return runtime.allFeatures(ctx);
    }

    /**
     * Returns the keys of the flags served now.
     *
     * @return an unmodifiable sorted set; empty before the first config
     */
    public Set<String> keys() {
        return runtime.keys();
    }

    /** Turns the runtime's signals into provider events, holding them back while the SDK runs initialize. */
    private final class Signals implements ProviderSignals {
        @Override
        public void ready() {
            if (!initializing) {
                emitProviderReady(ProviderEventDetails.builder().build());
            }
        }

        @Override
        public void configurationChanged(Set<String> flagsChanged) {
            if (!initializing) {
                emitProviderConfigurationChanged(ProviderEventDetails.builder()
                        .flagsChanged(new ArrayList<>(flagsChanged))
                        .message("config changed")
                        .build());
            }
        }

        @Override
        public void stale(String message) {
            if (!initializing) {
                emitProviderStale(
                        ProviderEventDetails.builder().message(message).build());
            }
        }

        @Override
        public void error(String message, boolean fatal) {
            if (!initializing) {
                emitProviderError(ProviderEventDetails.builder()
                        .message(message)
                        .errorCode(fatal ? ErrorCode.PROVIDER_FATAL : ErrorCode.GENERAL)
                        .build());
            }
        }
    }
}
