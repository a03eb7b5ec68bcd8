package dev.vexilla.model.ofrep;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.openfeature.sdk.ImmutableMetadata;
import dev.vexilla.model.ErrorKind;
import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.FlagMetadata;
import dev.vexilla.model.ResultReason;
import dev.vexilla.model.internal.JsonValues;
import dev.vexilla.model.internal.WireResults;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One OFREP flag evaluation: a success {@code {key, value, reason, variant, metadata}} (OFREP's
 * {@code evaluationSuccess}; without {@code value} it is a "use the code default" answer) or a failure
 * {@code {key, errorCode, errorDetails, metadata}} (OFREP's {@code evaluationFailure} and {@code flagNotFound}). It
 * is the body of the single-flag endpoint and an item of a bulk response's {@code flags}.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class OfrepEvaluation {

    private final String key;
    private final @Nullable JsonNode value;
    private final @Nullable String reason;
    private final @Nullable String variant;
    private final @Nullable String errorCode;
    private final @Nullable String errorDetails;
    private final Map<String, Object> metadata;

    /**
     * Creates an evaluation.
     *
     * @param key the flag key
     * @param value the value; {@code null} for a failure or a code-default answer
     * @param reason the reason of a success
     * @param variant the variant, or {@code null}
     * @param errorCode the error code of a failure
     * @param errorDetails the failure details, or {@code null}
     * @param metadata JSON-ready flag metadata (string, number, boolean values), or {@code null}
     * @throws IllegalArgumentException if {@code key} is missing, or neither {@code reason} nor {@code errorCode}
     */
    @JsonCreator
    public OfrepEvaluation(
            @JsonProperty("key") @Nullable String key,
            @JsonProperty("value") @Nullable JsonNode value,
            @JsonProperty("reason") @Nullable String reason,
            @JsonProperty("variant") @Nullable String variant,
            @JsonProperty("errorCode") @Nullable String errorCode,
            @JsonProperty("errorDetails") @Nullable String errorDetails,
            @JsonProperty("metadata") @Nullable Map<String, Object> metadata) {
        if (key == null) {
            throw new IllegalArgumentException("key is required");
        }
        if (reason == null && errorCode == null) {
            throw new IllegalArgumentException("reason or errorCode is required");
        }
        this.key = key;
        this.value = value == null || value.isNull() || value.isMissingNode() ? null : value;
        this.reason = reason;
        this.variant = variant;
        this.errorCode = errorCode;
        this.errorDetails = errorDetails;
        this.metadata = metadata == null || metadata.isEmpty()
                ? Collections.emptyMap()
                : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /**
     * Builds the evaluation a server returns for an engine result.
     *
     * @param key the flag key
     * @param result the result
     * @param metadata the result's flag metadata
     * @return a success, or a failure for an error result
     */
    public static OfrepEvaluation fromResult(String key, EvaluationResult result, ImmutableMetadata metadata) {
        Map<String, Object> wireMetadata = FlagMetadata.toWire(metadata);
        ErrorKind kind = result.errorKind();
        if (kind != null) {
            return new OfrepEvaluation(key, null, null, null, kind.name(), result.errorMessage(), wireMetadata);
        }
        return new OfrepEvaluation(
                key,
                JsonValues.plain(result.value()),
                result.reason().name(),
                result.variationId(),
                null,
                null,
                wireMetadata);
    }

    /**
     * Builds a failure.
     *
     * @param key the flag key
     * @param kind the error kind, sent as its name
     * @param details the details, never containing secrets
     * @return the failure
     */
    public static OfrepEvaluation failure(String key, ErrorKind kind, String details) {
        return new OfrepEvaluation(key, null, null, null, kind.name(), details, null);
    }

    /**
     * Rebuilds the engine result. A JSON object or array value becomes JSON text (a JSON flag, as in ConfigCat);
     * an unknown reason ({@code DISABLED}, {@code UNKNOWN}) becomes {@code DEFAULT}; indexes come from
     * {@code metadata}.
     *
     * @return the result; empty for a success without value, which means "use the code default"
     */
    public Optional<EvaluationResult> toEvaluationResult() {
        if (errorCode != null) {
            String details = errorDetails != null ? errorDetails : "evaluation of '" + key + "' failed: " + errorCode;
            return Optional.of(EvaluationResult.error(OfrepErrorCodes.toErrorKind(errorCode), details));
        }
        Object engineValue = WireResults.fromJson(value);
        if (engineValue == null) {
            return Optional.empty();
        }
        ResultReason r = WireResults.reason(reason, ResultReason.DEFAULT);
        return Optional.of(WireResults.success(engineValue, variant, r, flagMetadata()));
    }

    /**
     * Returns the metadata as OpenFeature metadata (see {@link FlagMetadata#fromWire(Map)}).
     *
     * @return the metadata, never null
     */
    public ImmutableMetadata flagMetadata() {
        return FlagMetadata.fromWire(metadata);
    }

    /**
     * Tells whether this is a failure.
     *
     * @return {@code true} when an error code is present
     */
    @JsonIgnore
    public boolean isError() {
        return errorCode != null;
    }

    /**
     * Returns the flag key.
     *
     * @return the key, never null
     */
    @JsonProperty("key")
    public String key() {
        return key;
    }

    /**
     * Returns the value.
     *
     * @return the JSON value, or {@code null} for a failure or a code-default answer
     */
    @JsonProperty("value")
    public @Nullable JsonNode value() {
        return value;
    }

    /**
     * Returns the reason.
     *
     * @return the reason, or {@code null} for a failure
     */
    @JsonProperty("reason")
    public @Nullable String reason() {
        return reason;
    }

    /**
     * Returns the variant.
     *
     * @return the variant, or {@code null}
     */
    @JsonProperty("variant")
    public @Nullable String variant() {
        return variant;
    }

    /**
     * Returns the error code.
     *
     * @return the code, or {@code null} for a success
     */
    @JsonProperty("errorCode")
    public @Nullable String errorCode() {
        return errorCode;
    }

    /**
     * Returns the error details.
     *
     * @return the details, or {@code null}
     */
    @JsonProperty("errorDetails")
    public @Nullable String errorDetails() {
        return errorDetails;
    }

    /**
     * Returns the metadata as sent.
     *
     * @return an unmodifiable map, never null
     */
    @JsonProperty("metadata")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public Map<String, Object> metadata() {
        return metadata;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof OfrepEvaluation)) {
            return false;
        }
        OfrepEvaluation that = (OfrepEvaluation) o;
        return key.equals(that.key)
                && Objects.equals(value, that.value)
                && Objects.equals(reason, that.reason)
                && Objects.equals(variant, that.variant)
                && Objects.equals(errorCode, that.errorCode)
                && Objects.equals(errorDetails, that.errorDetails)
                && metadata.equals(that.metadata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, value, reason, variant, errorCode, errorDetails, metadata);
    }

    @Override
    public String toString() {
        if (errorCode != null) {
            return "OfrepEvaluation{key=" + key + ", errorCode=" + errorCode + ", errorDetails=" + errorDetails + "}";
        }
        return "OfrepEvaluation{key=" + key + ", value=" + value + ", reason=" + reason + ", variant=" + variant
                + ", metadata=" + metadata + "}";
    }
}
