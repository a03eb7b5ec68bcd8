package dev.vexilla.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openfeature.sdk.ImmutableMetadata;
import dev.vexilla.engine.FlagConfig;
import dev.vexilla.model.ErrorKind;
import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.ResultDetail;
import dev.vexilla.model.UserAttributes;
import dev.vexilla.model.bucketing.ErrorBody;
import dev.vexilla.model.bucketing.EvalReason;
import dev.vexilla.model.bucketing.Feature;
import dev.vexilla.model.bucketing.Variable;
import dev.vexilla.model.bucketing.VexillaDetails;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The Bucketing API v1 answers for a DevCycle config v2, with DevCycle's semantics (the ConfigCat answers stay in
 * {@link BucketingRoutes}).
 *
 * <ul>
 *   <li>A variable the user gets: {@code _id} (the variable's id in the config), {@code key}, {@code type}
 *       ({@code Boolean}, {@code String}, {@code Number}, {@code JSON}), {@code value}, {@code _feature} (the serving
 *       feature's id), {@code isDefaulted: false} and {@code eval {reason, details, target_id}} (TARGETING_MATCH or
 *       SPLIT with DevCycle's details text), plus the {@code vexilla} extension (reason, variant = the variation key,
 *       flag metadata) that {@code CloudProvider} rebuilds its result from.
 *   <li>A variable the user gets from no feature ("User Not Targeted"): on {@code /v1/variables/{key}} 404 with
 *       DevCycle's body {@code {"statusCode":404,"message":"Variable not found for key: …"}} (plus the {@code vexilla}
 *       extension with reason {@code DEFAULT}); left out of {@code /v1/variables}. An unknown key is the same 404 with
 *       {@code FLAG_NOT_FOUND} in the extension.
 *   <li>A broken variable or a user without {@code user_id}: 200 with a defaulted variable whose extension carries
 *       the error, as for a broken ConfigCat flag.
 *   <li>{@code /v1/features}: each feature the user is bucketed into: {@code _id}, {@code key}, {@code type},
 *       {@code _variation} (the variation id), {@code variationKey}, {@code variationName}, {@code eval}.
 * </ul>
 *
 * <p>Variable ids are read from the served bytes once per config version. Thread-safe.
 */
final class DevCycleBucketing {
    private record VariableIds(ServedConfig<?> served, Map<String, String> byKey) {}

    private final FlagEvaluations evaluations;
    /** Variable key to id, per config name, for its current version. */
    private final Map<String, VariableIds> ids = new ConcurrentHashMap<>();

    /**
     * Creates the answers.
     *
     * @param evaluations evaluates and counts
     */
    DevCycleBucketing(FlagEvaluations evaluations) {
        this.evaluations = Objects.requireNonNull(evaluations, "evaluations");
    }

    /**
     * Evaluates one variable.
     *
     * @param config the served config and the key's flag set id
     * @param key the variable key
     * @param user the user
     * @param mapper writes the 404 body
     * @return the variable
     * @throws HttpError 404 when the user gets the variable from no feature, or the config has no such variable
     */
    Variable variable(KeyedConfig<FlagConfig> config, String key, @Nullable UserAttributes user, ObjectMapper mapper) {
        EvaluationResult result = evaluations.evaluate(config.served(), key, user);
        ImmutableMetadata metadata = evaluations.metadataFor(config, result);
        if (result.errorKind() == ErrorKind.FLAG_NOT_FOUND || (result.isDefaulted() && !result.isError())) {
            String message = "Variable not found for key: " + key;
            try {
                byte[] body = mapper.writeValueAsBytes(
                        new ErrorBody(404, message, null, VexillaDetails.of(result, metadata)));
                throw new HttpError(404, message, body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write an error body", e);
            }
        }
        return toVariable(config, key, result, metadata);
    }

    /**
     * Evaluates every variable the user gets, as DevCycle's {@code allVariables}.
     *
     * @param config the served config and the key's flag set id
     * @param user the user
     * @return variable key to variable, in key order
     */
    Map<String, Variable> variables(KeyedConfig<FlagConfig> config, @Nullable UserAttributes user) {
        Map<String, Variable> body = new LinkedHashMap<>();
        evaluations.evaluateAll(config.served(), user, (key, result) -> {
            if (!result.isDefaulted() || result.isError()) {
                body.put(key, toVariable(config, key, result, evaluations.metadataFor(config, result)));
            }
        });
        return body;
    }

    /**
     * Evaluates every feature the user is bucketed into, as DevCycle's {@code allFeatures}.
     *
     * @param config the served config and the key's flag set id
     * @param user the user
     * @return feature key to feature, in key order
     */
    Map<String, Feature> features(KeyedConfig<FlagConfig> config, @Nullable UserAttributes user) {
        Map<String, Feature> body = new LinkedHashMap<>();
        evaluations.evaluateFeatures(
                config.served(),
                user,
                (key, detail) -> body.put(
                        key,
                        new Feature(
                                detail.featureId(),
                                key,
                                detail.featureType(),
                                detail.variationId(),
                                detail.variationKey(),
                                detail.variationName(),
                                eval(detail))));
        return body;
    }

    private Variable toVariable(
            KeyedConfig<FlagConfig> config, String key, EvaluationResult result, ImmutableMetadata metadata) {
        ResultDetail detail = result.detail();
        Object value = result.value();
        if (result.isError() || value == null || detail == null) {
            return Variable.fromResult(key, result, metadata);
        }
        return new Variable(
                variableIds(config.served()).getOrDefault(key, key),
                detail.featureId(),
                key,
                typeOf(value),
                ServerJson.mapper().valueToTree(value),
                null,
                false,
                eval(detail),
                VexillaDetails.of(result, metadata));
    }

    private static EvalReason eval(ResultDetail detail) {
        return new EvalReason(detail.reason().name(), detail.reasonDetails(), detail.targetId());
    }

    /**
     * Names a DevCycle variable type from a value the engine serves.
     *
     * @param value a {@code Boolean}, {@code String}, {@code Number}, {@code Map} or {@code List}
     * @return {@code Boolean}, {@code String}, {@code Number} or {@code JSON}
     */
    static String typeOf(Object value) {
        if (value instanceof Boolean) {
            return Variable.TYPE_BOOLEAN;
        }
        if (value instanceof Number) {
            return Variable.TYPE_NUMBER;
        }
        if (value instanceof Map || value instanceof List) {
            return Variable.TYPE_JSON;
        }
        return Variable.TYPE_STRING;
    }

    private Map<String, String> variableIds(ServedConfig<FlagConfig> served) {
        VariableIds known = ids.get(served.name());
        if (known != null && known.served() == served) {
            return known.byKey();
        }
        Map<String, String> byKey = new HashMap<>();
        try {
            for (JsonNode variable :
                    ServerJson.mapper().readTree(served.bytes()).path("variables")) {
                JsonNode id = variable.get("_id");
                JsonNode key = variable.get("key");
                if (id != null && id.isTextual() && key != null && key.isTextual()) {
                    byKey.put(key.asText(), id.asText());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("an accepted DevCycle config cannot be read again", e);
        }
        Map<String, String> frozen = Map.copyOf(byKey);
        ids.put(served.name(), new VariableIds(served, frozen));
        return frozen;
    }
}
