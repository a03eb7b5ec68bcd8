package dev.vexilla.model.ofrep;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An OFREP error body without a flag key: the bulk endpoint's 400 ({@code bulkEvaluationFailure}, with
 * {@code errorCode}) and the general 500 ({@code generalErrorResponse}, {@code errorDetails} only).
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class OfrepErrorResponse {

    private final @Nullable String errorCode;
    private final @Nullable String errorDetails;

    /**
     * Creates the body.
     *
     * @param errorCode the error code, or {@code null} for a general error
     * @param errorDetails the details, never containing secrets, or {@code null}
     */
    @JsonCreator
    public OfrepErrorResponse(
            @JsonProperty("errorCode") @Nullable String errorCode,
            @JsonProperty("errorDetails") @Nullable String errorDetails) {
        this.errorCode = errorCode;
        this.errorDetails = errorDetails;
    }

    /**
     * Returns the error code.
     *
     * @return the code, or {@code null}
     */
    @JsonProperty("errorCode")
    public @Nullable String errorCode() {
        return errorCode;
    }

    /**
     * Returns the details.
     *
     * @return the details, or {@code null}
     */
    @JsonProperty("errorDetails")
    public @Nullable String errorDetails() {
        return errorDetails;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof OfrepErrorResponse)) {
            return false;
        }
        OfrepErrorResponse that = (OfrepErrorResponse) o;
        return Objects.equals(errorCode, that.errorCode) && Objects.equals(errorDetails, that.errorDetails);
    }

    @Override
    public int hashCode() {
        return Objects.hash(errorCode, errorDetails);
    }

    @Override
    public String toString() {
        return "OfrepErrorResponse{errorCode=" + errorCode + ", errorDetails=" + errorDetails + "}";
    }
}
