package dev.vexilla.local.internal.provider;

import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FlagValueType;
import dev.openfeature.sdk.ImmutableMetadata;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.vexilla.engine.FlagConfig;
import dev.vexilla.engine.FlagModel;
import dev.vexilla.engine.configcat.CompiledFlag;
import dev.vexilla.engine.configcat.ConfigCatConfig;
import dev.vexilla.local.internal.events.EvaluationCountSink;
import dev.vexilla.model.ContextMapper;
import dev.vexilla.model.ErrorKind;
import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.FlagMetadata;
import dev.vexilla.model.ResultMapper;
import dev.vexilla.model.ResultReason;
import dev.vexilla.model.UserAttributes;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * One immutable state of the provider, swapped atomically: the effective compiled config, its flag metadata, a slot
 * (engine handle plus counters) per flag, the default user and the client custom data; or, before the first config
 * and after a fatal failure or shutdown, a guard error that every evaluation returns.
 *
 * <p><b>Evaluation cost</b>: one map lookup, a lazy context view (or the precomputed default user), the engine
 * evaluation, cached metadata, one {@code ProviderEvaluation} and one counter bump. No locks, no lambdas, no string
 * building on success. Never throws.
 *
 * <p>Immutable apart from its counters; thread-safe.
 */
public final class Snapshot {

    /** Most distinct unknown keys whose lookups are counted; further ones are not counted. */
    static final int MAX_UNKNOWN_KEYS = 1_000;

    private final @Nullable FlagConfig config;
    private final @Nullable ErrorKind guard;
    private final String guardMessage;
    private final FlagMetadata metadata;
    private final Map<String, FlagSlot> slots;
    private final @Nullable UserAttributes defaultUser;
    private final Map<String, Object> clientData;
    private final boolean counting;
    private final ConcurrentHashMap<String, LongAdder> unknownKeys = new ConcurrentHashMap<>();

    private Snapshot(
            @Nullable FlagConfig config,
            @Nullable ErrorKind guard,
            String guardMessage,
            FlagMetadata metadata,
            @Nullable UserAttributes defaultUser,
            Map<String, Object> clientData,
            boolean counting) {
        this.config = config;
        this.guard = guard;
        this.guardMessage = guardMessage;
        this.metadata = metadata;
        this.defaultUser = defaultUser;
        this.clientData = clientData;
        this.counting = counting;
        this.slots = config == null ? Collections.emptyMap() : slots(config, metadata);
    }

    private static Map<String, FlagSlot> slots(FlagConfig config, FlagMetadata metadata) {
        Map<String, FlagSlot> map = new HashMap<>();
        for (String key : config.keys()) {
            if (config instanceof ConfigCatConfig) {
                CompiledFlag flag = ((ConfigCatConfig) config).flag(key);
                if (flag != null) {
                    map.put(key, new FlagSlot(key, flag::evaluate, flag.successResults()));
                    for (EvaluationResult result : flag.successResults()) {
                        metadata.metadataFor(result); // warm the metadata cache: no allocation on first use
                    }
                }
            } else {
                map.put(key, new FlagSlot(key, user -> config.evaluate(key, user), List.of()));
            }
        }
        return map;
    }

    /**
     * Creates a snapshot that serves a config.
     *
     * @param config the effective config
     * @param metadata its flag metadata
     * @param defaultUser the user used for empty contexts, or {@code null}
     * @param clientData client custom data, normalised; may be empty
     * @param counting whether evaluations are counted for the events pipeline
     * @return the snapshot
     */
    static Snapshot serving(
            FlagConfig config,
            FlagMetadata metadata,
            @Nullable UserAttributes defaultUser,
            Map<String, Object> clientData,
            boolean counting) {
        return new Snapshot(config, null, "", metadata, defaultUser, clientData, counting);
    }

    /**
     * Creates a snapshot that answers every evaluation with an error.
     *
     * @param guard {@code PROVIDER_NOT_READY} or {@code PROVIDER_FATAL}
     * @param message the error message
     * @param metadata the metadata to attach
     * @return the snapshot
     */
    static Snapshot guarded(ErrorKind guard, String message, FlagMetadata metadata) {
        return new Snapshot(null, guard, message, metadata, null, Collections.emptyMap(), false);
    }

    /**
     * Evaluates a flag. Never throws.
     *
     * @param <T> the requested value type
     * @param key the flag key
     * @param type the requested type
     * @param defaultValue the caller's default value
     * @param ctx the evaluation context
     * @return the evaluation, never null
     */
    public <T> ProviderEvaluation<T> evaluate(String key, FlagValueType type, T defaultValue, EvaluationContext ctx) {
        try {
            if (guard != null) {
                return error(defaultValue, guard, guardMessage);
            }
            FlagSlot slot = slots.get(key);
            if (slot == null) {
                countUnknown(key);
                return error(defaultValue, ErrorKind.FLAG_NOT_FOUND, notFoundMessage(key));
            }
            EvaluationResult result = slot.flag.evaluate(user(ctx));
            ProviderEvaluation<T> evaluation =
                    ResultMapper.evaluation(key, result, type, defaultValue, metadata.metadataFor(result));
            if (counting) {
                slot.count(result, evaluation.getErrorCode() != null && !result.isError());
            }
            return evaluation;
        } catch (RuntimeException e) {
            return error(defaultValue, ErrorKind.GENERAL, "evaluation of '" + key + "' failed: " + e);
        }
    }

    /**
     * Maps an evaluation context to the user the engine sees: a lazy view of a non-empty context, else the default
     * user (or none: ConfigCat's "User Object is missing"), completed by the client custom data.
     *
     * @param ctx the context, may be null
     * @return the user, or {@code null} for none
     */
    @Nullable
    UserAttributes user(@Nullable EvaluationContext ctx) {
        UserAttributes user = ContextMapper.namesNoUser(ctx) ? defaultUser : ContextMapper.view(ctx);
        if (user == null || clientData.isEmpty() || config == null || config.model() == FlagModel.DEVCYCLE_V2) {
            return user; // a DevCycle config reads client custom data from its environment, as a fallback only
        }
        return new ClientDataUser(user, clientData);
    }

    /** The engine's words for an unknown key, so that the server (and so the cloud provider) says the same. */
    private String notFoundMessage(String key) {
        return config != null && config.model() == FlagModel.DEVCYCLE_V2
                ? "variable '" + key + "' is not in the config"
                : "Flag '" + key + "' is not in the config.";
    }

    private <T> ProviderEvaluation<T> error(T defaultValue, ErrorKind kind, String message) {
        return new ProviderEvaluation<>(
                defaultValue,
                null,
                ResultReason.ERROR.name(),
                ResultMapper.errorCode(kind),
                message,
                metadata.metadata());
    }

    private void countUnknown(String key) {
        if (!counting || key == null) {
            return;
        }
        LongAdder adder = unknownKeys.get(key);
        if (adder == null && unknownKeys.size() < MAX_UNKNOWN_KEYS) {
            adder = unknownKeys.computeIfAbsent(key, k -> new LongAdder());
        }
        if (adder != null) {
            adder.increment();
        }
    }

    /**
     * Reports and resets this snapshot's counters.
     *
     * @param sink receives the counts
     */
    void drainTo(EvaluationCountSink sink) {
        for (FlagSlot slot : slots.values()) {
            slot.drainTo(sink);
        }
        for (Map.Entry<String, LongAdder> e : unknownKeys.entrySet()) {
            long n = e.getValue().sumThenReset();
            if (n > 0) {
                sink.accept(e.getKey(), null, ResultReason.ERROR, ErrorKind.FLAG_NOT_FOUND, n);
            }
        }
    }

    /**
     * Returns the effective config.
     *
     * @return the config, or {@code null} when the snapshot is guarded
     */
    public @Nullable FlagConfig config() {
        return config;
    }

    /**
     * Returns the guard error.
     *
     * @return the error every evaluation returns, or {@code null} when the snapshot serves a config
     */
    public @Nullable ErrorKind guard() {
        return guard;
    }

    /**
     * Returns the flag metadata.
     *
     * @return the metadata, never null
     */
    public FlagMetadata metadata() {
        return metadata;
    }

    /**
     * Returns the metadata attached to a result.
     *
     * @param result a result of this snapshot's config
     * @return the cached metadata
     */
    public ImmutableMetadata metadataFor(EvaluationResult result) {
        return metadata.metadataFor(result);
    }

    @Override
    public String toString() {
        return guard != null ? "Snapshot{" + guard + "}" : "Snapshot{" + config + ", " + metadata + "}";
    }
}
