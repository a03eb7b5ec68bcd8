package dev.vexilla.server;

import dev.openfeature.sdk.ImmutableMetadata;
import dev.vexilla.engine.FlagConfig;
import dev.vexilla.engine.devcycle.DevCycleConfig;
import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.FlagMetadata;
import dev.vexilla.model.ResultDetail;
import dev.vexilla.model.UserAttributes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates flags of a served config for the evaluation routes, and counts every evaluation in
 * {@code vexilla_evaluations_total{config,flag,reason}}.
 *
 * <p>Each served config version gets one {@link FlagMetadata} per SDK key that reads it: {@code version} is the served
 * ETag (the same tag the CDN route sends, so a {@code LocalProvider} reading that route reports the same version),
 * {@code flagSetId} the key's id ({@link dev.vexilla.model.FlagSetIds#of(String)}, computed when the keys file was
 * read; never the key) and {@code fetchTime} the moment the server accepted that version. A client can thus rebuild
 * exactly the result a {@code LocalProvider} downloading the same bytes with the same key would give.
 *
 * <p>Unknown flag keys are counted under the flag label {@value #UNKNOWN_FLAG_LABEL}, so a client cannot grow the
 * metrics with made-up keys. Thread-safe and lock-free on the evaluation path.
 */
final class FlagEvaluations {
    /** The flag label of evaluations of keys the config does not have. */
    static final String UNKNOWN_FLAG_LABEL = "(unknown)";

    private record Versioned(ServedConfig<FlagConfig> served, FlagMetadata metadata) {}

    /** The metadata of the latest version each key has read, by flag set id (one entry per key of the keys file). */
    private final Map<String, Versioned> metadata = new ConcurrentHashMap<>();

    private final MetricsRegistry.Counter evaluations;

    /**
     * Creates the evaluator.
     *
     * @param metrics where evaluation counts go
     */
    FlagEvaluations(MetricsRegistry metrics) {
        this.evaluations = metrics.counter(
                "vexilla_evaluations_total",
                "Flag evaluations by config, flag and reason.",
                "config",
                "flag",
                "reason");
    }

    /**
     * Evaluates one flag.
     *
     * @param config the served config
     * @param key the flag key
     * @param user the user
     * @return the result, never null; {@code FLAG_NOT_FOUND} for an unknown key
     */
    EvaluationResult evaluate(ServedConfig<FlagConfig> config, String key, @Nullable UserAttributes user) {
        EvaluationResult result = config.compiled().evaluate(key, user);
        count(config, key, result);
        return result;
    }

    /**
     * Evaluates every flag of a config, in key order.
     *
     * @param config the served config
     * @param user the user
     * @param sink receives each key and result on this thread
     */
    void evaluateAll(
            ServedConfig<FlagConfig> config, @Nullable UserAttributes user, BiConsumer<String, EvaluationResult> sink) {
        config.compiled().evaluateAll(user, (key, result) -> {
            count(config, key, result);
            sink.accept(key, result);
        });
    }

    /**
     * Evaluates every feature of a DevCycle config, in key order, as DevCycle's {@code allFeatures} does, counting each
     * feature the user is bucketed into under its feature key (a key of the config) and reason.
     *
     * @param config the served config, a DevCycle config v2
     * @param user the user
     * @param sink receives each feature key and its detail on this thread
     */
    void evaluateFeatures(
            ServedConfig<FlagConfig> config, @Nullable UserAttributes user, BiConsumer<String, ResultDetail> sink) {
        if (!(config.compiled() instanceof DevCycleConfig devCycle)) {
            return;
        }
        devCycle.evaluateFeatures(user, (key, detail) -> {
            evaluations.inc(config.name(), key, detail.reason().name());
            sink.accept(key, detail);
        });
    }

    /**
     * Returns the OpenFeature metadata for a result of a config read with a key.
     *
     * @param config the served config and the key's flag set id
     * @param result a result of that config
     * @return the cached metadata for the result's rule and option indexes
     */
    ImmutableMetadata metadataFor(KeyedConfig<FlagConfig> config, EvaluationResult result) {
        return flagMetadata(config).metadataFor(result);
    }

    /**
     * Returns the flag metadata of a served config version read with a key, built once per version and key.
     *
     * @param config the served config and the key's flag set id
     * @return its metadata
     */
    FlagMetadata flagMetadata(KeyedConfig<FlagConfig> config) {
        ServedConfig<FlagConfig> served = config.served();
        Versioned known = metadata.get(config.flagSetId());
        if (known != null && known.served() == served) {
            return known.metadata();
        }
        FlagMetadata fresh = FlagMetadata.of(served.etag(), config.flagSetId(), served.loadedAt());
        metadata.put(config.flagSetId(), new Versioned(served, fresh));
        return fresh;
    }

    private void count(ServedConfig<FlagConfig> config, String key, EvaluationResult result) {
        String flag = config.compiled().keys().contains(key) ? key : UNKNOWN_FLAG_LABEL;
        evaluations.inc(config.name(), flag, result.reason().name());
    }

    @Override
    public String toString() {
        return "FlagEvaluations{configs=" + metadata.keySet() + "}";
    }
}
