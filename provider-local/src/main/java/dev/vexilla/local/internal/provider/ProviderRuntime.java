package dev.vexilla.local.internal.provider;

import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.FlagValueType;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.TrackingEventDetails;
import dev.openfeature.sdk.exceptions.FatalError;
import dev.openfeature.sdk.exceptions.GeneralError;
import dev.vexilla.engine.FlagConfig;
import dev.vexilla.engine.configcat.ConfigCatConfig;
import dev.vexilla.engine.devcycle.DevCycleConfig;
import dev.vexilla.local.LocalOptions;
import dev.vexilla.local.OverrideBehaviour;
import dev.vexilla.local.PollingMode;
import dev.vexilla.local.RefreshResult;
import dev.vexilla.local.internal.events.EvaluationCountSource;
import dev.vexilla.local.internal.events.EventRecorder;
import dev.vexilla.model.ContextMapper;
import dev.vexilla.model.ErrorKind;
import dev.vexilla.model.FlagSetIds;
import dev.vexilla.model.ResultDetail;
import dev.vexilla.model.ResultMapper;
import dev.vexilla.model.ResultReason;
import dev.vexilla.model.User;
import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything a {@code LocalProvider} runs, wired from its {@link LocalOptions}: the {@link SnapshotHolder} that
 * evaluations read, the override source, the config synchroniser and change stream (absent with
 * {@link OverrideBehaviour#LOCAL_ONLY}), the events recorder, and the background resources ({@link Resources}).
 *
 * <p>Lifecycle: {@link #start()} once, {@link #close()} once (idempotent); a closed runtime cannot start again.
 * Evaluation methods never throw and never block.
 *
 * <p>Thread-safe.
 */
public final class ProviderRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("dev.vexilla.local.LocalProvider");

    private final LocalOptions options;
    private final SnapshotHolder holder;
    private final Resources resources;
    private final @Nullable OverrideSource overrides;
    private final @Nullable ConfigSynchronizer synchronizer;
    private final @Nullable StreamBridge stream;
    private final @Nullable SourceHealth health;
    private final EventRecorder recorder;
    private final boolean lazy;
    private final @Nullable EvaluationContext defaultContext;
    private boolean started;
    private boolean closed;

    /**
     * Wires a runtime; nothing runs until {@link #start()}.
     *
     * @param options the provider options
     * @param signals receives state transitions
     * @param recorders creates the events recorder from the evaluation counters
     */
    public ProviderRuntime(
            LocalOptions options, ProviderSignals signals, Function<EvaluationCountSource, EventRecorder> recorders) {
        this.options = Objects.requireNonNull(options, "options");
        this.defaultContext = options.defaultContext();
        boolean localOnly =
                options.flagOverrides() != null && options.overrideBehaviour() == OverrideBehaviour.LOCAL_ONLY;
        String sdkKey = options.sdkKey();
        this.holder = new SnapshotHolder(
                options.flagOverrides() == null ? null : options.overrideBehaviour(),
                localOnly || sdkKey == null ? SnapshotHolder.OVERRIDES_FLAG_SET_ID : FlagSetIds.of(sdkKey),
                !options.disableAutomaticEventLogging() && EventRecorders.enabled(options, !localOnly),
                defaultContext == null ? null : ContextMapper.toUser(defaultContext),
                options.evaluationLog(),
                options.clock(),
                signals);
        holder.setClientData(normalise(options.clientCustomData()));
        this.resources = new Resources(options, !localOnly);
        this.overrides = options.flagOverrides() == null ? null : new OverrideSource(options.flagOverrides(), holder);
        this.lazy = !localOnly && options.pollingMode().kind() == PollingMode.Kind.LAZY_LOAD;
        if (localOnly || sdkKey == null) {
            this.synchronizer = null;
            this.stream = null;
            this.health = null;
        } else {
            this.health = new SourceHealth(options.clock(), options.errorGracePeriod(), signals);
            this.synchronizer = resources.synchronizer(sdkKey, holder, health);
            this.stream = options.realtimeUpdates() ? resources.stream(sdkKey, synchronizer) : null;
        }
        this.recorder = recorders != null
                ? Objects.requireNonNull(recorders.apply(holder), "recorder")
                : EventRecorders.create(options, holder, resources.http(), resources.scheduler());
    }

    /**
     * Starts the runtime and waits, bounded, until it can serve flags.
     *
     * @throws GeneralError if the overrides cannot be loaded, or no config could be obtained within the wait
     *     (the runtime keeps trying in the background)
     * @throws FatalError if the config source refused the SDK key
     * @throws InterruptedException if interrupted while waiting
     */
    public synchronized void start() throws InterruptedException {
        if (closed) {
            throw new GeneralError("This LocalProvider was shut down and cannot be initialised again;"
                    + " create a new LocalProvider");
        }
        if (started) {
            return;
        }
        started = true;
        warnIfEvaluationLogIsOn(options.evaluationLog());
        loadOverrides();
        ConfigSynchronizer sync = synchronizer;
        if (sync == null) {
            LOG.info("LocalProvider serving local flag overrides only ({}); no network", options.flagOverrides());
            return;
        }
        sync.loadCache();
        sync.start();
        if (stream != null && !sync.isOffline()) {
            stream.start();
        }
        if (holder.remote() != null) {
            return;
        }
        boolean answered = sync.awaitFirstOutcome(initWait());
        String fatal = sync.fatalMessage();
        if (fatal != null) {
            throw new FatalError("The config source refused the SDK key: " + fatal);
        }
        if (holder.hasConfig()) {
            return;
        }
        Objects.requireNonNull(health).initialisationFailed();
        if (!answered) {
            throw new GeneralError("No config within " + initWait() + "; still trying in the background");
        }
        String cause = sync.isOffline() ? "the provider is offline and the cache holds no config" : sync.lastFailure();
        throw new GeneralError("No config available: " + cause + "; still trying in the background");
    }

    private void loadOverrides() {
        OverrideSource source = overrides;
        if (source == null) {
            return;
        }
        try {
            source.load();
        } catch (IOException | RuntimeException e) {
            throw new GeneralError(e.getMessage(), e);
        }
        source.watch(resources.scheduler());
    }

    private Duration initWait() {
        PollingMode mode = options.pollingMode();
        return mode.kind() == PollingMode.Kind.AUTO_POLL
                ? mode.maxInitWait()
                : options.connectTimeout().plus(options.readTimeout());
    }

    /**
     * The evaluation log is ConfigCat's debugging aid: a multi-line entry per evaluation, tens of microseconds each.
     * When the options turn it on and its logger takes INFO entries, say once that it is on and how to turn it off.
     */
    private static void warnIfEvaluationLogIsOn(boolean evaluationLog) {
        if (evaluationLog
                && LoggerFactory.getLogger(ConfigCatConfig.EVALUATION_LOGGER).isInfoEnabled()) {
            LOG.warn(
                    "The evaluation log is on (LocalOptions.evaluationLog, logger '{}' at INFO): every evaluation"
                            + " writes a multi-line entry and costs tens of microseconds. Turn it off outside"
                            + " debugging.",
                    ConfigCatConfig.EVALUATION_LOGGER);
        }
    }

    /**
     * Evaluates a flag: one volatile read of the snapshot, then the snapshot's evaluation. Never throws or blocks.
     *
     * @param <T> the value type
     * @param key the flag key
     * @param type the requested type
     * @param defaultValue the caller's default
     * @param ctx the evaluation context
     * @return the evaluation
     */
    public <T> ProviderEvaluation<T> evaluate(String key, FlagValueType type, T defaultValue, EvaluationContext ctx) {
        Snapshot snapshot = holder.current();
        if (lazy) {
            Objects.requireNonNull(synchronizer).onEvaluation();
        }
        return snapshot.evaluate(key, type, defaultValue, ctx);
    }

    /**
     * Evaluates every flag for one context in one engine pass.
     *
     * @param ctx the evaluation context
     * @return flag key to details, in key order; empty when there is no config
     */
    public Map<String, FlagEvaluationDetails<Object>> allFlags(@Nullable EvaluationContext ctx) {
        Snapshot snapshot = holder.current();
        FlagConfig config = snapshot.config();
        if (config == null) {
            return Collections.emptyMap();
        }
        Map<String, FlagEvaluationDetails<Object>> all = new LinkedHashMap<>();
        config.evaluateAll(
                snapshot.user(ctx),
                (key, result) -> all.put(
                        key,
                        new FlagEvaluationDetails<>(
                                key,
                                result.value(),
                                result.variationId(),
                                result.isError()
                                        ? ResultReason.ERROR.name()
                                        : result.reason().name(),
                                errorCode(result.errorKind()),
                                result.errorMessage(),
                                snapshot.metadataFor(result))));
        return Collections.unmodifiableMap(all);
    }

    /**
     * Returns the keys of the flags served now.
     *
     * @return an unmodifiable sorted set; empty when there is no config
     */
    public Set<String> keys() {
        FlagConfig config = holder.current().config();
        return config == null ? Collections.emptySet() : config.keys();
    }

    /**
     * Evaluates every DevCycle feature for one context: the variation each feature the user is bucketed into serves.
     *
     * @param ctx the evaluation context
     * @return feature key to its detail, in key order; empty when there is no config or it is not DevCycle's
     */
    public Map<String, ResultDetail> allFeatures(@Nullable EvaluationContext ctx) {
        Snapshot snapshot = holder.current();
        FlagConfig config = snapshot.config();
        if (!(config instanceof DevCycleConfig)) {
            return Collections.emptyMap();
        }
        Map<String, ResultDetail> all = new LinkedHashMap<>();
        ((DevCycleConfig) config).evaluateFeatures(snapshot.user(ctx), all::put);
        return Collections.unmodifiableMap(all);
    }

    /**
     * Records a custom event, unless custom events are turned off.
     *
     * @param eventName the event name
     * @param ctx the context of the event
     * @param details the value and fields, or {@code null}
     */
    public void track(String eventName, @Nullable EvaluationContext ctx, @Nullable TrackingEventDetails details) {
        if (options.disableCustomEventLogging()) {
            return;
        }
        boolean empty = ContextMapper.namesNoUser(ctx);
        User user = ContextMapper.toUser(empty ? defaultContext : ctx);
        Double value = null;
        Map<String, Object> fields = Collections.emptyMap();
        if (details != null) {
            value = details.getValue().map(Number::doubleValue).orElse(null);
            fields = details.asObjectMap();
        }
        recorder.track(eventName, user, value, fields);
    }

    /**
     * Downloads the config now.
     *
     * @return success or the error
     */
    public RefreshResult forceRefresh() {
        ConfigSynchronizer sync = synchronizer;
        if (sync == null) {
            return RefreshResult.failure("the provider serves LOCAL_ONLY flag overrides; there is nothing to download");
        }
        if (!started) {
            return RefreshResult.failure("the provider is not initialised yet");
        }
        return sync.refresh();
    }

    /**
     * Goes offline (no network; the config held keeps serving) or back online (download at once, stream again).
     *
     * @param offline whether to be offline
     */
    public synchronized void setOffline(boolean offline) {
        ConfigSynchronizer sync = synchronizer;
        if (sync == null || closed || sync.isOffline() == offline) {
            return;
        }
        if (!started) {
            sync.presetOffline(offline);
            return;
        }
        sync.setOffline(offline);
        if (stream != null) {
            if (offline) {
                stream.stop();
            } else {
                stream.start();
            }
        }
        LOG.info("LocalProvider is now {}", offline ? "offline" : "online");
    }

    /**
     * Tells whether the provider makes no network calls now.
     *
     * @return {@code true} when offline or serving LOCAL_ONLY overrides
     */
    public boolean isOffline() {
        ConfigSynchronizer sync = synchronizer;
        return sync == null || sync.isOffline();
    }

    /**
     * Replaces the client custom data that completes every evaluation's attributes.
     *
     * @param data attribute name to value
     */
    public void setClientCustomData(Map<String, ?> data) {
        holder.setClientData(normalise(data));
        recorder.clientCustomData(data);
    }

    private static @Nullable ErrorCode errorCode(@Nullable ErrorKind kind) {
        return kind == null ? null : ResultMapper.errorCode(kind);
    }

    private static Map<String, Object> normalise(Map<String, ?> data) {
        Objects.requireNonNull(data, "data");
        if (data.isEmpty()) {
            return Collections.emptyMap();
        }
        User.Builder b = User.builder();
        for (Map.Entry<String, ?> e : data.entrySet()) {
            b.attribute(Objects.requireNonNull(e.getKey(), "attribute name"), e.getValue());
        }
        return Collections.unmodifiableMap(new HashMap<>(b.build().customAttributes()));
    }

    /** Flushes events, stops every thread started and closes the HTTP client; idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        if (stream != null) {
            stream.close();
        }
        if (synchronizer != null) {
            synchronizer.close();
        }
        if (overrides != null) {
            overrides.close();
        }
        try {
            recorder.close();
        } catch (RuntimeException e) {
            LOG.warn("Events recorder failed to close: {}", e.toString());
        }
        holder.guard(ErrorKind.PROVIDER_NOT_READY, "The provider is shut down.");
        resources.close();
    }
}
