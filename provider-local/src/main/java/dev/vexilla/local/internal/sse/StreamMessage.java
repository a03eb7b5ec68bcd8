package dev.vexilla.local.internal.sse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A message of Vexilla's change stream ({@code GET /v1/stream}): the data of an event, a JSON object such as
 * {@code {"type":"refetchConfig","etag":"\"abc\""}}. Only {@code type} and {@code etag} are read; other members
 * are skipped for forward compatibility. DevCycle's stream wraps the message in an envelope whose {@code data} member
 * is the message as a JSON string ({@code {"data":"{\"type\":\"refetchConfig\",\"etag\":\"...\"}"}}); that
 * inner message is read instead, and an inner message without a type counts as a refetch, as DevCycle's SDKs do.
 *
 * <p>A listener that gets an event whose data does not parse should treat it as a refetch signal: a missed update
 * costs more than one extra conditional download. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class StreamMessage {
    /** The message type that asks clients to download the config again. */
    public static final String REFETCH_CONFIG = "refetchConfig";
    /** Largest event data parsed, in characters. */
    static final int MAX_DATA_LENGTH = 64 * 1024;

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxDocumentLength(MAX_DATA_LENGTH)
                    .maxNestingDepth(32)
                    .build())
            .build();

    private final String type;
    private final @Nullable String etag;

    private StreamMessage(String type, @Nullable String etag) {
        this.type = type;
        this.etag = etag;
    }

    /**
     * Parses an event's data.
     *
     * @param data the event data
     * @return the message, or empty if the data is not a JSON object with a string {@code type}
     */
    public static Optional<StreamMessage> parse(String data) {
        return parse(data, false);
    }

    /** In DevCycle's envelope the message is the JSON string member {@code data}; there a missing type is "". */
    private static Optional<StreamMessage> parse(String data, boolean enveloped) {
        Objects.requireNonNull(data, "data");
        if (data.length() > MAX_DATA_LENGTH) {
            return Optional.empty();
        }
        try (JsonParser parser = JSON.createParser(data)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            String type = null;
            String etag = null;
            String inner = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("type".equals(name) && value == JsonToken.VALUE_STRING) {
                    type = parser.getText();
                } else if ("etag".equals(name) && value == JsonToken.VALUE_STRING) {
                    etag = parser.getText();
                } else if ("data".equals(name) && value == JsonToken.VALUE_STRING && !enveloped) {
                    inner = parser.getText();
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                return Optional.empty();
            }
            if (type == null && inner != null) {
                return parse(inner, true);
            }
            type = type == null && enveloped ? "" : type;
            if (type == null) {
                return Optional.empty();
            }
            return Optional.of(new StreamMessage(type, etag == null || etag.isEmpty() ? null : etag));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Returns the message type.
     *
     * @return the type, such as {@link #REFETCH_CONFIG}; never null
     */
    public String type() {
        return type;
    }

    /**
     * Returns whether the message asks for a new config download.
     *
     * @return true for {@link #REFETCH_CONFIG}, and for an empty type (DevCycle's SDKs refetch on those too)
     */
    public boolean isRefetchConfig() {
        return REFETCH_CONFIG.equals(type) || type.isEmpty();
    }

    /**
     * Returns the ETag of the new config, if the server sent it; a client that already has this ETag can skip the
     * download.
     *
     * @return the ETag, or empty
     */
    public Optional<String> etag() {
        return Optional.ofNullable(etag);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof StreamMessage)) {
            return false;
        }
        StreamMessage other = (StreamMessage) o;
        return type.equals(other.type) && Objects.equals(etag, other.etag);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, etag);
    }

    @Override
    public String toString() {
        return "StreamMessage{type=" + type + ", etag=" + etag + '}';
    }
}
