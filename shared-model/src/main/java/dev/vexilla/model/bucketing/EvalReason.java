package dev.vexilla.model.bucketing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * DevCycle's {@code eval} object on a variable or feature: why it was served ({@code reason}), a human-readable
 * {@code details} text and the id of the target that matched ({@code target_id}).
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class EvalReason {

    private final @Nullable String reason;
    private final @Nullable String details;
    private final @Nullable String targetId;

    /**
     * Creates the object.
     *
     * @param reason the reason, for example {@code "TARGETING_MATCH"}
     * @param details details for humans, or {@code null}
     * @param targetId the matched target id, or {@code null}
     */
    @JsonCreator
    public EvalReason(
            @JsonProperty("reason") @Nullable String reason,
            @JsonProperty("details") @Nullable String details,
            @JsonProperty("target_id") @Nullable String targetId) {
        this.reason = reason;
        this.details = details;
        this.targetId = targetId;
    }

    /**
     * Returns the reason.
     *
     * @return the reason, or {@code null}
     */
    @JsonProperty("reason")
    public @Nullable String reason() {
        return reason;
    }

    /**
     * Returns the details.
     *
     * @return the details, or {@code null}
     */
    @JsonProperty("details")
    public @Nullable String details() {
        return details;
    }

    /**
     * Returns the matched target id.
     *
     * @return the id, or {@code null}
     */
    @JsonProperty("target_id")
    public @Nullable String targetId() {
        return targetId;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof EvalReason)) {
            return false;
        }
        EvalReason that = (EvalReason) o;
        return Objects.equals(reason, that.reason)
                && Objects.equals(details, that.details)
                && Objects.equals(targetId, that.targetId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(reason, details, targetId);
    }

    @Override
    public String toString() {
        return "EvalReason{reason=" + reason + ", details=" + details + ", target_id=" + targetId + "}";
    }
}
