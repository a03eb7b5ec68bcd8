package dev.vexilla.model.bucketing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vexilla.model.ErrorKind;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The error body of the Bucketing API v1: {@code {statusCode, message, data}}, plus Vexilla's {@code vexilla}
 * extension carrying the {@link ErrorKind} (for example {@code FLAG_NOT_FOUND} with status 404).
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class ErrorBody {

    private final int statusCode;
    private final String message;
    private final @Nullable JsonNode data;
    private final @Nullable VexillaDetails vexilla;

    /**
     * Creates an error body.
     *
     * @param statusCode the HTTP status
     * @param message the message, never containing secrets; {@code null} becomes empty
     * @param data extra data, or {@code null}
     * @param vexilla Vexilla's extension, or {@code null}
     */
    @JsonCreator
    public ErrorBody(
            @JsonProperty("statusCode") int statusCode,
            @JsonProperty("message") @Nullable String message,
            @JsonProperty("data") @Nullable JsonNode data,
            @JsonProperty("vexilla") @Nullable VexillaDetails vexilla) {
        this.statusCode = statusCode;
        this.message = message == null ? "" : message;
        this.data = data;
        this.vexilla = vexilla;
    }

    /**
     * Creates an error body for an error kind.
     *
     * @param statusCode the HTTP status
     * @param kind the error kind
     * @param message the message
     * @return the body
     */
    public static ErrorBody of(int statusCode, ErrorKind kind, String message) {
        return new ErrorBody(statusCode, message, null, VexillaDetails.error(kind, message));
    }

    /**
     * Returns the error kind: the one in the extension, otherwise derived from the status (404 →
     * {@code FLAG_NOT_FOUND}, 400 → {@code INVALID_CONTEXT}, 401/403 → {@code PROVIDER_FATAL}, else
     * {@code GENERAL}).
     *
     * @return the kind, never null
     */
    public ErrorKind errorKind() {
        if (vexilla != null && vexilla.errorKind() != null) {
            return Objects.requireNonNull(vexilla.errorKind());
        }
        switch (statusCode) {
            case 404:
                return ErrorKind.FLAG_NOT_FOUND;
            case 400:
                return ErrorKind.INVALID_CONTEXT;
            case 401:
            case 403:
                return ErrorKind.PROVIDER_FATAL;
            default:
                return ErrorKind.GENERAL;
        }
    }

    /**
     * Returns the HTTP status.
     *
     * @return the status code
     */
    @JsonProperty("statusCode")
    public int statusCode() {
        return statusCode;
    }

    /**
     * Returns the message.
     *
     * @return the message, never null
     */
    @JsonProperty("message")
    public String message() {
        return message;
    }

    /**
     * Returns the extra data.
     *
     * @return the data, or {@code null}
     */
    @JsonProperty("data")
    public @Nullable JsonNode data() {
        return data;
    }

    /**
     * Returns Vexilla's extension.
     *
     * @return the extension, or {@code null}
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
        if (!(o instanceof ErrorBody)) {
            return false;
        }
        ErrorBody that = (ErrorBody) o;
        return statusCode == that.statusCode
                && message.equals(that.message)
                && Objects.equals(data, that.data)
                && Objects.equals(vexilla, that.vexilla);
    }

    @Override
    public int hashCode() {
        return Objects.hash(statusCode, message, data, vexilla);
    }

    @Override
    public String toString() {
        return "ErrorBody{statusCode=" + statusCode + ", message=" + message + ", vexilla=" + vexilla + "}";
    }
}
