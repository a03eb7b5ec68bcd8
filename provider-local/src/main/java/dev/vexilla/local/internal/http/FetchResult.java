package dev.vexilla.local.internal.http;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of one config download: {@link Kind#FETCHED} (a new config JSON and its ETag),
 * {@link Kind#NOT_MODIFIED} (the server answered 304 to our ETag) or {@link Kind#FAILED} (with a
 * {@link FailureKind}, the HTTP status if there was one, and a message that never contains the SDK key).
 *
 * <p>Accessors that do not apply to the kind throw {@link IllegalStateException}. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class FetchResult {
    /**
     * What happened.
     *
     * @since 0.1.0
     */
    public enum Kind {
        /** A new config JSON was downloaded. */
        FETCHED,
        /** The server confirmed that the config of our ETag is still current (HTTP 304). */
        NOT_MODIFIED,
        /** The download failed. */
        FAILED
    }

    /**
     * Whether a failure is worth retrying.
     *
     * @since 0.1.0
     */
    public enum FailureKind {
        /** The SDK key is wrong or unknown (HTTP 401, 403, 404): retrying cannot help. */
        PERMANENT,
        /** Anything else (other statuses, I/O errors, timeouts, malformed bodies, a redirect loop). */
        TRANSIENT
    }

    private final Kind kind;
    private final Instant fetchTime;
    private final @Nullable String json;
    private final @Nullable String etag;
    private final @Nullable String lastModified;
    private final @Nullable FailureKind failureKind;
    private final int httpStatus;
    private final @Nullable String message;

    private FetchResult(
            Kind kind,
            Instant fetchTime,
            @Nullable String json,
            @Nullable String etag,
            @Nullable String lastModified,
            @Nullable FailureKind failureKind,
            int httpStatus,
            @Nullable String message) {
        this.kind = kind;
        this.fetchTime = Objects.requireNonNull(fetchTime, "fetchTime");
        this.json = json;
        this.etag = etag;
        this.lastModified = lastModified;
        this.failureKind = failureKind;
        this.httpStatus = httpStatus;
        this.message = message;
    }

    /**
     * Creates a result for a downloaded config.
     *
     * @param json the config JSON, checked to be a JSON object
     * @param etag the response's ETag, or null when the server sent none
     * @param fetchTime when the response arrived
     * @return the result
     */
    public static FetchResult fetched(String json, @Nullable String etag, Instant fetchTime) {
        return fetched(json, etag, null, fetchTime);
    }

    /**
     * Creates a result for a downloaded config with its {@code Last-Modified} header (DevCycle's CDN).
     *
     * @param json the config JSON, checked to be a JSON object
     * @param etag the response's ETag, or null when the server sent none
     * @param lastModified the response's {@code Last-Modified} header, or null when the server sent none
     * @param fetchTime when the response arrived
     * @return the result
     */
    public static FetchResult fetched(
            String json, @Nullable String etag, @Nullable String lastModified, Instant fetchTime) {
        Objects.requireNonNull(json, "json");
        String tag = etag == null || etag.isEmpty() ? null : etag;
        String modified = lastModified == null || lastModified.isEmpty() ? null : lastModified;
        return new FetchResult(Kind.FETCHED, fetchTime, json, tag, modified, null, 200, null);
    }

    /**
     * Creates a result for a 304 Not Modified.
     *
     * @param fetchTime when the response arrived
     * @return the result
     */
    public static FetchResult notModified(Instant fetchTime) {
        return new FetchResult(Kind.NOT_MODIFIED, fetchTime, null, null, null, null, 304, null);
    }

    /**
     * Creates a result for a failed download.
     *
     * @param failureKind whether retrying can help
     * @param httpStatus the HTTP status, or 0 when no response arrived
     * @param message what went wrong; must not contain the SDK key
     * @param fetchTime when the failure happened
     * @return the result
     */
    public static FetchResult failed(FailureKind failureKind, int httpStatus, String message, Instant fetchTime) {
        Objects.requireNonNull(failureKind, "failureKind");
        Objects.requireNonNull(message, "message");
        return new FetchResult(Kind.FAILED, fetchTime, null, null, null, failureKind, httpStatus, message);
    }

    /**
     * Returns what happened.
     *
     * @return the kind; never null
     */
    public Kind kind() {
        return kind;
    }

    /**
     * Returns when the response (or failure) happened, by the fetcher's clock.
     *
     * @return the fetch time; never null
     */
    public Instant fetchTime() {
        return fetchTime;
    }

    /**
     * Returns the downloaded config JSON.
     *
     * @return the JSON text of a JSON object
     * @throws IllegalStateException if the kind is not {@link Kind#FETCHED}
     */
    public String json() {
        return require(json, Kind.FETCHED);
    }

    /**
     * Returns the ETag of the downloaded config.
     *
     * @return the ETag, or empty when the server sent none
     * @throws IllegalStateException if the kind is not {@link Kind#FETCHED}
     */
    public Optional<String> etag() {
        require(json, Kind.FETCHED);
        return Optional.ofNullable(etag);
    }

    /**
     * Returns the {@code Last-Modified} header of the downloaded config, as sent.
     *
     * @return the header value, or empty when the server sent none
     * @throws IllegalStateException if the kind is not {@link Kind#FETCHED}
     */
    public Optional<String> lastModified() {
        require(json, Kind.FETCHED);
        return Optional.ofNullable(lastModified);
    }

    /**
     * Returns whether the failure is worth retrying.
     *
     * @return the failure kind
     * @throws IllegalStateException if the kind is not {@link Kind#FAILED}
     */
    public FailureKind failureKind() {
        return require(failureKind, Kind.FAILED);
    }

    /**
     * Returns the HTTP status of the response, if one arrived.
     *
     * @return the status; empty when no response arrived (I/O error, timeout)
     */
    public OptionalInt httpStatus() {
        return httpStatus == 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }

    /**
     * Returns what went wrong, for a log line. It never contains the SDK key.
     *
     * @return the message
     * @throws IllegalStateException if the kind is not {@link Kind#FAILED}
     */
    public String message() {
        return require(message, Kind.FAILED);
    }

    private <T> T require(@Nullable T value, Kind expected) {
        if (kind != expected || value == null) {
            throw new IllegalStateException("only a " + expected + " result has this, this one is " + kind);
        }
        return value;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof FetchResult)) {
            return false;
        }
        FetchResult other = (FetchResult) o;
        return kind == other.kind
                && httpStatus == other.httpStatus
                && fetchTime.equals(other.fetchTime)
                && Objects.equals(json, other.json)
                && Objects.equals(etag, other.etag)
                && Objects.equals(lastModified, other.lastModified)
                && failureKind == other.failureKind
                && Objects.equals(message, other.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, fetchTime, json, etag, lastModified, failureKind, httpStatus, message);
    }

    @Override
    public String toString() {
        switch (kind) {
            case FETCHED:
                return "FetchResult{FETCHED, etag=" + etag
                        + (lastModified != null ? ", lastModified=" + lastModified : "")
                        + ", fetchTime=" + fetchTime + ", jsonLength="
                        + Objects.requireNonNull(json).length() + '}';
            case NOT_MODIFIED:
                return "FetchResult{NOT_MODIFIED, fetchTime=" + fetchTime + '}';
            default:
                return "FetchResult{FAILED, " + failureKind + ", status=" + httpStatus + ", message=" + message
                        + ", fetchTime=" + fetchTime + '}';
        }
    }
}
