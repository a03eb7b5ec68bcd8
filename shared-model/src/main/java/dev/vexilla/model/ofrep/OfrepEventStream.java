package dev.vexilla.model.ofrep;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An entry of a bulk response's {@code eventStreams}: {@code {type, url | endpoint{origin?, requestUri},
 * inactivityDelaySec}}. Clients ignore entries whose {@code type} they do not know; only {@value #TYPE_SSE} is
 * defined.
 *
 * <p>The URL may hold credentials in its query, so {@link #toString()} leaves the query out.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class OfrepEventStream {

    /** The one defined stream type: server-sent events. */
    public static final String TYPE_SSE = "sse";

    /** The inactivity delay clients use when none is given, in seconds. */
    public static final int DEFAULT_INACTIVITY_DELAY_SEC = 120;

    private final String type;
    private final @Nullable String url;
    private final @Nullable JsonNode endpoint;
    private final @Nullable Integer inactivityDelaySec;

    /**
     * Creates an entry.
     *
     * @param type the stream type
     * @param url the full URL, or {@code null} when {@code endpoint} is given
     * @param endpoint the {@code {origin?, requestUri}} object, or {@code null} when {@code url} is given
     * @param inactivityDelaySec the inactivity delay in seconds, or {@code null} for the default
     * @throws IllegalArgumentException if {@code type} is missing
     */
    @JsonCreator
    public OfrepEventStream(
            @JsonProperty("type") @Nullable String type,
            @JsonProperty("url") @Nullable String url,
            @JsonProperty("endpoint") @Nullable JsonNode endpoint,
            @JsonProperty("inactivityDelaySec") @Nullable Integer inactivityDelaySec) {
        if (type == null) {
            throw new IllegalArgumentException("type is required");
        }
        this.type = type;
        this.url = url;
        this.endpoint = endpoint == null || endpoint.isNull() ? null : endpoint.deepCopy();
        this.inactivityDelaySec = inactivityDelaySec;
    }

    /**
     * Creates an SSE entry with a full URL.
     *
     * @param url the URL
     * @return the entry
     */
    public static OfrepEventStream sse(String url) {
        return new OfrepEventStream(TYPE_SSE, Objects.requireNonNull(url, "url"), null, null);
    }

    /**
     * Returns the stream type.
     *
     * @return the type, never null
     */
    @JsonProperty("type")
    public String type() {
        return type;
    }

    /**
     * Returns the URL.
     *
     * @return the URL, or {@code null}
     */
    @JsonProperty("url")
    public @Nullable String url() {
        return url;
    }

    /**
     * Returns the structured endpoint.
     *
     * @return a copy of the endpoint object, or {@code null}
     */
    @JsonProperty("endpoint")
    public @Nullable JsonNode endpoint() {
        return endpoint == null ? null : endpoint.deepCopy();
    }

    /**
     * Returns the inactivity delay as sent.
     *
     * @return seconds, or {@code null}
     */
    @JsonProperty("inactivityDelaySec")
    public @Nullable Integer inactivityDelaySec() {
        return inactivityDelaySec;
    }

    /**
     * Returns the inactivity delay to use.
     *
     * @return the delay sent, or {@link #DEFAULT_INACTIVITY_DELAY_SEC}
     */
    public int effectiveInactivityDelaySec() {
        return inactivityDelaySec != null ? inactivityDelaySec : DEFAULT_INACTIVITY_DELAY_SEC;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof OfrepEventStream)) {
            return false;
        }
        OfrepEventStream that = (OfrepEventStream) o;
        return type.equals(that.type)
                && Objects.equals(url, that.url)
                && Objects.equals(endpoint, that.endpoint)
                && Objects.equals(inactivityDelaySec, that.inactivityDelaySec);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, url, endpoint, inactivityDelaySec);
    }

    @Override
    public String toString() {
        String shown = url == null ? null : (url.indexOf('?') >= 0 ? url.substring(0, url.indexOf('?')) + "?…" : url);
        return "OfrepEventStream{type=" + type + ", url=" + shown + ", inactivityDelaySec=" + inactivityDelaySec + "}";
    }
}
