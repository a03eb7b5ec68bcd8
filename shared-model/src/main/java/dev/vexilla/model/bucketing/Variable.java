package dev.vexilla.model.bucketing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.openfeature.sdk.ImmutableMetadata;
import dev.vexilla.model.ErrorKind;
import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.ResultReason;
import dev.vexilla.model.internal.JsonValues;
import dev.vexilla.model.internal.WireResults;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A variable as the Bucketing API v1 returns it from {@code POST /v1/variables/{key}}, and as the values of the map
 * returned by {@code POST /v1/variables} (read that with {@link #MAP_TYPE}).
 *
 * <pre>{@code
 * {"_id": "…", "_feature": "…", "key": "new-checkout", "type": "Boolean", "value": true,
 *  "isDefaulted": false, "eval": {"reason": "TARGETING_MATCH", "details": "rule 1"},
 *  "vexilla": {"reason": "TARGETING_MATCH", "variant": "v-on", "metadata": {…}}}
 * }</pre>
 *
 * <p>{@code type} is {@value #TYPE_BOOLEAN}, {@value #TYPE_STRING}, {@value #TYPE_NUMBER} or {@value #TYPE_JSON}.
 * The {@code vexilla} field is Vexilla's extension ({@link VexillaDetails}).
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class Variable {

    /** The type of a boolean variable. */
    public static final String TYPE_BOOLEAN = "Boolean";

    /** The type of a string variable. */
    public static final String TYPE_STRING = "String";

    /** The type of a number variable. */
    public static final String TYPE_NUMBER = "Number";

    /** The type of a JSON variable. */
    public static final String TYPE_JSON = "JSON";

    /** The body of {@code POST /v1/variables}: variable key to variable. */
    public static final TypeReference<Map<String, Variable>> MAP_TYPE = new TypeReference<Map<String, Variable>>() {};

    private final @Nullable String id;
    private final @Nullable String featureId;
    private final String key;
    private final @Nullable String type;
    private final @Nullable JsonNode value;
    private final @Nullable JsonNode defaultValue;
    private final @Nullable Boolean isDefaulted;
    private final @Nullable EvalReason eval;
    private final @Nullable VexillaDetails vexilla;

    /**
     * Creates a variable.
     *
     * @param id the variable id ({@code _id}), or {@code null}
     * @param featureId the feature id ({@code _feature}), or {@code null}
     * @param key the variable key
     * @param type the type name, or {@code null}
     * @param value the value, or {@code null} when defaulted
     * @param defaultValue the caller's default as sent back, or {@code null}
     * @param isDefaulted whether the default was served, or {@code null}
     * @param eval DevCycle's evaluation reason, or {@code null}
     * @param vexilla Vexilla's extension, or {@code null}
     * @throws IllegalArgumentException if {@code key} is missing
     */
    @JsonCreator
    public Variable(
            @JsonProperty("_id") @Nullable String id,
            @JsonProperty("_feature") @Nullable String featureId,
            @JsonProperty("key") @Nullable String key,
            @JsonProperty("type") @Nullable String type,
            @JsonProperty("value") @Nullable JsonNode value,
            @JsonProperty("defaultValue") @Nullable JsonNode defaultValue,
            @JsonProperty("isDefaulted") @Nullable Boolean isDefaulted,
            @JsonProperty("eval") @Nullable EvalReason eval,
            @JsonProperty("vexilla") @Nullable VexillaDetails vexilla) {
        if (key == null) {
            throw new IllegalArgumentException("key is required");
        }
        this.id = id;
        this.featureId = featureId;
        this.key = key;
        this.type = type;
        this.value = value;
        this.defaultValue = defaultValue;
        this.isDefaulted = isDefaulted;
        this.eval = eval;
        this.vexilla = vexilla;
    }

    /**
     * Builds the variable a server returns for an evaluation result. Errors give a defaulted variable without value.
     *
     * @param key the flag key (also used as {@code _id})
     * @param result the engine's result
     * @param metadata the result's flag metadata
     * @return the variable
     */
    public static Variable fromResult(String key, EvaluationResult result, ImmutableMetadata metadata) {
        Objects.requireNonNull(key, "key");
        VexillaDetails details = VexillaDetails.of(result, metadata);
        if (result.isError()) {
            return new Variable(
                    key,
                    null,
                    key,
                    null,
                    null,
                    null,
                    true,
                    new EvalReason(ResultReason.ERROR.name(), result.errorMessage(), null),
                    details);
        }
        Object v = Objects.requireNonNull(result.value());
        return new Variable(
                key,
                null,
                key,
                typeOf(v),
                JsonValues.plain(v),
                null,
                false,
                new EvalReason(result.reason().name(), describe(result), null),
                details);
    }

    private static String typeOf(Object v) {
        if (v instanceof Boolean) {
            return TYPE_BOOLEAN;
        }
        return v instanceof Number ? TYPE_NUMBER : TYPE_STRING;
    }

    private static @Nullable String describe(EvaluationResult r) {
        if (r.ruleIndex() != EvaluationResult.NONE && r.optionIndex() != EvaluationResult.NONE) {
            return "targeting rule " + r.ruleIndex() + ", percentage option " + r.optionIndex();
        }
        if (r.ruleIndex() != EvaluationResult.NONE) {
            return "targeting rule " + r.ruleIndex();
        }
        if (r.optionIndex() != EvaluationResult.NONE) {
            return "percentage option " + r.optionIndex();
        }
        return null;
    }

    /**
     * Rebuilds the evaluation result. With the {@code vexilla} extension the result is exactly the server's; without
     * it (a DevCycle server) the reason comes from {@code eval.reason} (unknown reasons become {@code DEFAULT}, a
     * defaulted variable is a {@code FLAG_NOT_FOUND} error) and there is no variant.
     *
     * @return the result, never null
     */
    public EvaluationResult toEvaluationResult() {
        if (vexilla != null && vexilla.errorKind() != null) {
            String message = vexilla.errorMessage();
            return EvaluationResult.error(
                    Objects.requireNonNull(vexilla.errorKind()),
                    message != null ? message : "evaluation of '" + key + "' failed");
        }
        Object engineValue = WireResults.fromJson(value);
        if (engineValue == null) {
            if (Boolean.TRUE.equals(isDefaulted)) {
                return EvaluationResult.error(ErrorKind.FLAG_NOT_FOUND, "variable '" + key + "' was defaulted");
            }
            return EvaluationResult.error(ErrorKind.GENERAL, "variable '" + key + "' has no value");
        }
        if (vexilla != null) {
            ResultReason reason = WireResults.reason(vexilla.reason(), ResultReason.DEFAULT);
            return WireResults.success(engineValue, vexilla.variant(), reason, vexilla.flagMetadata());
        }
        ResultReason reason = WireResults.reason(eval == null ? null : eval.reason(), ResultReason.DEFAULT);
        return WireResults.success(engineValue, null, reason, ImmutableMetadata.EMPTY);
    }

    /**
     * Returns the OpenFeature metadata sent in the extension.
     *
     * @return the metadata; empty without the extension
     */
    public ImmutableMetadata flagMetadata() {
        return vexilla == null ? ImmutableMetadata.EMPTY : vexilla.flagMetadata();
    }

    /**
     * Returns the variable id.
     *
     * @return {@code _id}, or {@code null}
     */
    @JsonProperty("_id")
    public @Nullable String id() {
        return id;
    }

    /**
     * Returns the feature id.
     *
     * @return {@code _feature}, or {@code null}
     */
    @JsonProperty("_feature")
    public @Nullable String featureId() {
        return featureId;
    }

    /**
     * Returns the variable key.
     *
     * @return the key, never null
     */
    @JsonProperty("key")
    public String key() {
        return key;
    }

    /**
     * Returns the type name.
     *
     * @return the type, or {@code null}
     */
    @JsonProperty("type")
    public @Nullable String type() {
        return type;
    }

    /**
     * Returns the value.
     *
     * @return the JSON value, or {@code null} when none was sent
     */
    @JsonProperty("value")
    public @Nullable JsonNode value() {
        return value;
    }

    /**
     * Returns the default value sent back.
     *
     * @return the JSON value, or {@code null}
     */
    @JsonProperty("defaultValue")
    public @Nullable JsonNode defaultValue() {
        return defaultValue;
    }

    /**
     * Tells whether the default was served.
     *
     * @return the flag as sent, or {@code null}
     */
    @JsonProperty("isDefaulted")
    public @Nullable Boolean isDefaulted() {
        return isDefaulted;
    }

    /**
     * Returns DevCycle's evaluation reason.
     *
     * @return the {@code eval} object, or {@code null}
     */
    @JsonProperty("eval")
    public @Nullable EvalReason eval() {
        return eval;
    }

    /**
     * Returns Vexilla's extension.
     *
     * @return the {@code vexilla} object, or {@code null} (for example from a DevCycle server)
     */
    @JsonProperty("vexilla")
    public @Nullable VexillaDetails vexilla() {
        return vexilla;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Variable)) {
            return false;
        }
        Variable that = (Variable) o;
        return Objects.equals(id, that.id)
                && Objects.equals(featureId, that.featureId)
                && key.equals(that.key)
                && Objects.equals(type, that.type)
                && Objects.equals(value, that.value)
                && Objects.equals(defaultValue, that.defaultValue)
                && Objects.equals(isDefaulted, that.isDefaulted)
                && Objects.equals(eval, that.eval)
                && Objects.equals(vexilla, that.vexilla);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, featureId, key, type, value, defaultValue, isDefaulted, eval, vexilla);
    }

    @Override
    public String toString() {
        return "Variable{key=" + key + ", type=" + type + ", value=" + value + ", isDefaulted=" + isDefaulted
                + ", eval=" + eval + ", vexilla=" + vexilla + "}";
    }
}
