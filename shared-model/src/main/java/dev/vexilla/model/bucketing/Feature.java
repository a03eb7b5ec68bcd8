package dev.vexilla.model.bucketing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A feature as the values of the map returned by {@code POST /v1/features} (read that with {@link #MAP_TYPE}):
 * {@code {_id, key, type, _variation, variationKey, variationName, eval}}. {@code type} is one of
 * {@code release}, {@code experiment}, {@code permission} or {@code ops}.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class Feature {

    /** The body of {@code POST /v1/features}: feature key to feature. */
    public static final TypeReference<Map<String, Feature>> MAP_TYPE = new TypeReference<Map<String, Feature>>() {};

    private final @Nullable String id;
    private final String key;
    private final @Nullable String type;
    private final @Nullable String variationId;
    private final @Nullable String variationKey;
    private final @Nullable String variationName;
    private final @Nullable EvalReason eval;

    /**
     * Creates a feature.
     *
     * @param id the feature id ({@code _id}), or {@code null}
     * @param key the feature key
     * @param type the feature type, or {@code null}
     * @param variationId the served variation's id ({@code _variation}), or {@code null}
     * @param variationKey the served variation's key, or {@code null}
     * @param variationName the served variation's name, or {@code null}
     * @param eval the evaluation reason, or {@code null}
     * @throws IllegalArgumentException if {@code key} is missing
     */
    @JsonCreator
    public Feature(
            @JsonProperty("_id") @Nullable String id,
            @JsonProperty("key") @Nullable String key,
            @JsonProperty("type") @Nullable String type,
            @JsonProperty("_variation") @Nullable String variationId,
            @JsonProperty("variationKey") @Nullable String variationKey,
            @JsonProperty("variationName") @Nullable String variationName,
            @JsonProperty("eval") @Nullable EvalReason eval) {
        if (key == null) {
            throw new IllegalArgumentException("key is required");
        }
        this.id = id;
        this.key = key;
        this.type = type;
        this.variationId = variationId;
        this.variationKey = variationKey;
        this.variationName = variationName;
        this.eval = eval;
    }

    /**
     * Returns the feature id.
     *
     * @return {@code _id}, or {@code null}
     */
    @JsonProperty("_id")
    public @Nullable String id() {
        return id;
    }

    /**
     * Returns the feature key.
     *
     * @return the key, never null
     */
    @JsonProperty("key")
    public String key() {
        return key;
    }

    /**
     * Returns the feature type.
     *
     * @return the type, or {@code null}
     */
    @JsonProperty("type")
    public @Nullable String type() {
        return type;
    }

    /**
     * Returns the served variation's id.
     *
     * @return {@code _variation}, or {@code null}
     */
    @JsonProperty("_variation")
    public @Nullable String variationId() {
        return variationId;
    }

    /**
     * Returns the served variation's key.
     *
     * @return the key, or {@code null}
     */
    @JsonProperty("variationKey")
    public @Nullable String variationKey() {
        return variationKey;
    }

    /**
     * Returns the served variation's name.
     *
     * @return the name, or {@code null}
     */
    @JsonProperty("variationName")
    public @Nullable String variationName() {
        return variationName;
    }

    /**
     * Returns the evaluation reason.
     *
     * @return the {@code eval} object, or {@code null}
     */
    @JsonProperty("eval")
    public @Nullable EvalReason eval() {
        return eval;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Feature)) {
            return false;
        }
        Feature that = (Feature) o;
        return Objects.equals(id, that.id)
                && key.equals(that.key)
                && Objects.equals(type, that.type)
                && Objects.equals(variationId, that.variationId)
                && Objects.equals(variationKey, that.variationKey)
                && Objects.equals(variationName, that.variationName)
                && Objects.equals(eval, that.eval);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, key, type, variationId, variationKey, variationName, eval);
    }

    @Override
    public String toString() {
        return "Feature{key=" + key + ", type=" + type + ", _variation=" + variationId + ", variationKey="
                + variationKey + ", eval=" + eval + "}";
    }
}
