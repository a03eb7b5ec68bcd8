package dev.vexilla.model.bucketing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.openfeature.sdk.ImmutableMetadata;
import dev.vexilla.model.ErrorKind;
import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.FlagMetadata;
import dev.vexilla.model.ResultReason;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Vexilla's extension object, sent as {@code "vexilla"} on variables and error bodies so that the cloud provider can
 * reproduce exactly what the local provider returns. DevCycle clients ignore it.
 *
 * <pre>{@code
 * "vexilla": {
 *   "reason": "TARGETING_MATCH",          // ResultReason name (OpenFeature reason)
 *   "variant": "a1b2c3",                  // variation id, absent when none
 *   "errorCode": "PARSE_ERROR",           // ErrorKind name, only on errors
 *   "errorMessage": "...",                // only on errors
 *   "metadata": {"version": "...", "flagSetId": "...", "fetchTime": 1700000000000, "ruleIndex": 0}
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class VexillaDetails {

    private final String reason;
    private final @Nullable String variant;
    private final @Nullable String errorCode;
    private final @Nullable String errorMessage;
    private final Map<String, Object> metadata;

    /**
     * Creates the object.
     *
     * @param reason the OpenFeature reason name
     * @param variant the variation id, or {@code null}
     * @param errorCode the {@link ErrorKind} name on errors, otherwise {@code null}
     * @param errorMessage the error message on errors, otherwise {@code null}
     * @param metadata the flag metadata as JSON-ready values, or {@code null} for none
     */
    @JsonCreator
    public VexillaDetails(
            @JsonProperty("reason") @Nullable String reason,
            @JsonProperty("variant") @Nullable String variant,
            @JsonProperty("errorCode") @Nullable String errorCode,
            @JsonProperty("errorMessage") @Nullable String errorMessage,
            @JsonProperty("metadata") @Nullable Map<String, Object> metadata) {
        this.reason = reason != null ? reason : (errorCode != null ? ResultReason.ERROR.name() : "UNKNOWN");
        this.variant = variant;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
        this.metadata = metadata == null || metadata.isEmpty()
                ? Collections.emptyMap()
                : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /**
     * Describes an evaluation result.
     *
     * @param result the result
     * @param metadata the flag metadata of the result
     * @return the extension object
     */
    public static VexillaDetails of(EvaluationResult result, ImmutableMetadata metadata) {
        ErrorKind kind = result.errorKind();
        return new VexillaDetails(
                result.reason().name(),
                result.variationId(),
                kind == null ? null : kind.name(),
                result.errorMessage(),
                FlagMetadata.toWire(metadata));
    }

    /**
     * Describes an error that has no result, for an error body.
     *
     * @param kind the error kind
     * @param message the message
     * @return the extension object
     */
    public static VexillaDetails error(ErrorKind kind, String message) {
        return new VexillaDetails(ResultReason.ERROR.name(), null, kind.name(), message, null);
    }

    /**
     * Returns the reason.
     *
     * @return the OpenFeature reason name, never null
     */
    @JsonProperty("reason")
    public String reason() {
        return reason;
    }

    /**
     * Returns the variant.
     *
     * @return the variation id, or {@code null}
     */
    @JsonProperty("variant")
    public @Nullable String variant() {
        return variant;
    }

    /**
     * Returns the error code.
     *
     * @return the {@link ErrorKind} name, or {@code null} for a success
     */
    @JsonProperty("errorCode")
    public @Nullable String errorCode() {
        return errorCode;
    }

    /**
     * Returns the error message.
     *
     * @return the message, or {@code null}
     */
    @JsonProperty("errorMessage")
    public @Nullable String errorMessage() {
        return errorMessage;
    }

    /**
     * Returns the flag metadata as sent.
     *
     * @return an unmodifiable map, never null
     */
    @JsonProperty("metadata")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public Map<String, Object> metadata() {
        return metadata;
    }

    /**
     * Returns the flag metadata as OpenFeature metadata (see {@link FlagMetadata#fromWire(Map)}).
     *
     * @return the metadata, never null
     */
    @JsonIgnore
    public ImmutableMetadata flagMetadata() {
        return FlagMetadata.fromWire(metadata);
    }

    /**
     * Returns the error kind named by {@link #errorCode()}.
     *
     * @return the kind; {@link ErrorKind#GENERAL} for an unknown name; {@code null} for a success
     */
    @JsonIgnore
    public @Nullable ErrorKind errorKind() {
        if (errorCode == null) {
            return null;
        }
        try {
            return ErrorKind.valueOf(errorCode);
        } catch (IllegalArgumentException e) {
            return ErrorKind.GENERAL;
        }
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof VexillaDetails)) {
            return false;
        }
        VexillaDetails that = (VexillaDetails) o;
        return reason.equals(that.reason)
                && Objects.equals(variant, that.variant)
                && Objects.equals(errorCode, that.errorCode)
                && Objects.equals(errorMessage, that.errorMessage)
                && metadata.equals(that.metadata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(reason, variant, errorCode, errorMessage, metadata);
    }

    @Override
    public String toString() {
        return "VexillaDetails{reason=" + reason + ", variant=" + variant
                + (errorCode != null ? ", errorCode=" + errorCode + ", errorMessage=" + errorMessage : "")
                + ", metadata=" + metadata + "}";
    }
}
