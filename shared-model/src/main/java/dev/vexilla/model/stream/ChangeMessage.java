package dev.vexilla.model.stream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.vexilla.model.WirePayloadException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * One message of a config change stream: the data of a server-sent event that tells clients a config changed. One
 * type reads and writes both wire forms in use.
 *
 * <p><b>Vexilla's form</b> ({@code GET /v1/stream}): the event data is a JSON object,
 * <pre>{@code
 * id: 5f2a
 * data: {"type":"refetchConfig","etag":"5f2a","lastModified":1700000000000,"flagsChanged":["a","b"]}
 * }</pre>
 * {@code flagsChanged} lists, sorted, the keys whose evaluation may differ; it is absent when the server cannot tell.
 *
 * <p><b>DevCycle's envelope</b>: the event data is an object whose {@code data} member is a JSON <em>string</em>
 * holding the message, as DevCycle's realtime service sends it:
 * <pre>{@code
 * data: {"id":"yAT:0","timestamp":1712853334259,"channel":"dvc_server_…_v1","name":"change",
 *        "data":"{\"etag\":\"\\\"714b\\\"\",\"lastModified\":1712853333000}"}
 * }</pre>
 * The message inside may also come unwrapped, directly as the event data (the flat form).
 *
 * <p><b>Reading rules.</b> Unknown members are skipped. {@code type} is optional: an absent or empty type means
 * "refetch the config", as DevCycle's SDKs read it, and any other type is kept but is no refetch. {@code etag} must
 * be a string and {@code lastModified} a number (epoch milliseconds; a fraction is dropped); {@code flagsChanged} that
 * is not an array of strings counts as absent, so every flag may have changed. Data that is not a JSON object, a
 * {@code type} that is not a string, an envelope {@code data} that is not a string holding a JSON object, and data
 * over {@value #MAX_DATA_LENGTH} characters are errors ({@link #read}) or nothing ({@link #parse}).
 *
 * <p>Deciding what to do with a message (for example skipping the download when the message names the ETag already
 * held) is the consumer's job. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class ChangeMessage {
    /** The message type that asks clients to download the config again. */
    public static final String REFETCH_CONFIG = "refetchConfig";
    /** Largest event data read, in characters; an envelope's inner message counts within it. */
    public static final int MAX_DATA_LENGTH = 64 * 1024;

    private static final int MAX_NESTING_DEPTH = 32;
    /** Beyond this a {@code lastModified} is no epoch-milliseconds time (about the year 287,000,000). */
    private static final double MAX_EPOCH_MILLIS = 9.0e18;

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxDocumentLength(MAX_DATA_LENGTH)
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .build())
            .build();

    private final String type;
    private final @Nullable String etag;
    private final @Nullable Long lastModified;
    private final @Nullable Set<String> flagsChanged;

    private ChangeMessage(
            String type, @Nullable String etag, @Nullable Long lastModified, @Nullable Set<String> flagsChanged) {
        this.type = type;
        this.etag = etag;
        this.lastModified = lastModified;
        this.flagsChanged = flagsChanged;
    }

    /**
     * Creates a {@code refetchConfig} message, as a server announces a new config version.
     *
     * @param etag the new version's ETag (without quotes in Vexilla's stream); it becomes the SSE event id
     * @param lastModified when the version was made, epoch milliseconds
     * @param flagsChanged the keys whose evaluation may differ, or {@code null} when the server cannot tell
     * @return the message
     * @throws IllegalArgumentException if the ETag is empty or holds a CR, LF or NUL (it would break the SSE
     *     framing), or a key is null
     */
    public static ChangeMessage refetchConfig(
            String etag, long lastModified, @Nullable Collection<String> flagsChanged) {
        Objects.requireNonNull(etag, "etag");
        if (etag.isEmpty() || etag.indexOf('\r') >= 0 || etag.indexOf('\n') >= 0 || etag.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("etag must be non-empty and free of CR, LF and NUL");
        }
        Set<String> keys = null;
        if (flagsChanged != null) {
            keys = new TreeSet<>();
            for (String key : flagsChanged) {
                keys.add(Objects.requireNonNull(key, "flagsChanged holds null"));
            }
            keys = Collections.unmodifiableSet(keys);
        }
        return new ChangeMessage(REFETCH_CONFIG, etag, lastModified, keys);
    }

    /**
     * Reads an event's data in either wire form.
     *
     * @param data the event data
     * @return the message; never null
     * @throws WirePayloadException if the data is not a change message; the message names the JSON path (an
     *     envelope's inner message is {@code $.data}) and never contains payload values
     */
    public static ChangeMessage read(String data) throws WirePayloadException {
        Objects.requireNonNull(data, "data");
        if (data.length() > MAX_DATA_LENGTH) {
            throw new WirePayloadException(
                    "$", "longer than " + MAX_DATA_LENGTH + " characters (" + data.length() + ")", null);
        }
        Fields outer = readObject(data, "$");
        if (outer.envelopeData == null) {
            return outer.toMessage();
        }
        Fields inner = readObject(outer.envelopeData, "$.data");
        if (inner.envelopeData != null) {
            throw new WirePayloadException("$.data.data", "an envelope inside an envelope", null);
        }
        return inner.toMessage();
    }

    /**
     * Reads an event's data in either wire form, for callers that only need to know whether it is a message.
     *
     * @param data the event data
     * @return the message, or empty when {@link #read} would throw
     */
    public static Optional<ChangeMessage> parse(String data) {
        try {
            return Optional.of(read(data));
        } catch (WirePayloadException e) {
            return Optional.empty();
        }
    }

    /**
     * Returns the message type.
     *
     * @return the type, such as {@link #REFETCH_CONFIG}; empty when the message named none; never null
     */
    public String type() {
        return type;
    }

    /**
     * Returns whether the message asks for a new config download: its type is {@link #REFETCH_CONFIG}, or absent.
     *
     * @return true for a refetch
     */
    public boolean isRefetchConfig() {
        return type.isEmpty() || REFETCH_CONFIG.equals(type);
    }

    /**
     * Returns the ETag of the new config, if the message names it; a client that already holds this ETag can skip
     * the download.
     *
     * @return the ETag as sent (DevCycle's keeps its quotes), or empty when absent or empty
     */
    public Optional<String> etag() {
        return Optional.ofNullable(etag);
    }

    /**
     * Returns when the new config was made, if the message says.
     *
     * @return epoch milliseconds, or empty
     */
    public OptionalLong lastModified() {
        return lastModified == null ? OptionalLong.empty() : OptionalLong.of(lastModified);
    }

    /**
     * Returns the keys whose evaluation may differ from the previous version, as the server listed them.
     *
     * @return the keys, sorted and unmodifiable (empty when the change altered no flag); empty when the message does
     *     not say, so every flag may have changed
     */
    public Optional<Set<String>> flagsChanged() {
        return Optional.ofNullable(flagsChanged);
    }

    /**
     * Writes the message as Vexilla's event data: one JSON object, members that are absent left out.
     *
     * @return the JSON, on one line
     */
    public String toJson() {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            if (!type.isEmpty()) {
                json.writeStringField("type", type);
            }
            if (etag != null) {
                json.writeStringField("etag", etag);
            }
            if (lastModified != null) {
                json.writeNumberField("lastModified", lastModified);
            }
            if (flagsChanged != null) {
                json.writeArrayFieldStart("flagsChanged");
                for (String key : flagsChanged) {
                    json.writeString(key);
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /**
     * Writes the message as one event of Vexilla's stream: {@code id: <etag>} (when there is an ETag), then
     * {@code data: } {@link #toJson()}, then the blank line that dispatches it.
     *
     * @return the event, ready to write to a {@code text/event-stream} response
     */
    public String toSseEvent() {
        return (etag == null ? "" : "id: " + etag + "\n") + "data: " + toJson() + "\n\n";
    }

    /**
     * Writes the message as DevCycle's envelope, as Vexilla's server sends it: an object with {@code id},
     * {@code timestamp} and {@code data}, the string {@link #toJson()}. DevCycle's realtime service adds
     * {@code channel} and {@code name}; no DevCycle SDK reads them (the Java SDK 2.6.0 ignores unknown members, the
     * Node and Go SDKs read only {@code data}), so this form leaves them out.
     *
     * @param id the envelope's message id
     * @param timestamp when the envelope was sent, epoch milliseconds
     * @return the JSON, on one line
     */
    public String toDevCycleEnvelope(String id, long timestamp) {
        Objects.requireNonNull(id, "id");
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("id", id);
            json.writeNumberField("timestamp", timestamp);
            json.writeStringField("data", toJson());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Writes the message as one event in DevCycle's envelope: {@code id: <etag>} (when there is an ETag, so that a
     * reconnecting client sends it back as {@code Last-Event-ID}), then {@code data: } {@link #toDevCycleEnvelope},
     * then the blank line that dispatches it.
     *
     * @param id the envelope's message id
     * @param timestamp when the envelope was sent, epoch milliseconds
     * @return the event, ready to write to a {@code text/event-stream} response
     */
    public String toDevCycleSseEvent(String id, long timestamp) {
        return (etag == null ? "" : "id: " + etag + "\n") + "data: " + toDevCycleEnvelope(id, timestamp) + "\n\n";
    }

    private static Fields readObject(String text, String path) throws WirePayloadException {
        try (JsonParser parser = JSON.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new WirePayloadException(path, "expected a JSON object", null);
            }
            Fields fields = new Fields();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                fields.read(name, parser, path);
            }
            if (parser.nextToken() != null) {
                throw new WirePayloadException(path, "unexpected content after the object", null);
            }
            return fields;
        } catch (JsonProcessingException e) {
            throw new WirePayloadException(path, "malformed JSON" + where(e.getLocation()), e);
        } catch (IOException e) {
            throw new WirePayloadException(path, "unreadable: " + e.getClass().getSimpleName(), e);
        }
    }

    private static String where(@Nullable JsonLocation location) {
        return location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** The members of one object, as read. */
    private static final class Fields {
        @Nullable
        String type;

        @Nullable
        String etag;

        @Nullable
        Long lastModified;

        @Nullable
        Set<String> flagsChanged;

        @Nullable
        String envelopeData;

        void read(String name, JsonParser parser, String path) throws IOException, WirePayloadException {
            JsonToken value = parser.currentToken();
            switch (name) {
                case "type":
                    type = requireString(parser, path + ".type");
                    break;
                case "etag":
                    etag = requireString(parser, path + ".etag");
                    break;
                case "lastModified":
                    if (value != JsonToken.VALUE_NUMBER_INT && value != JsonToken.VALUE_NUMBER_FLOAT) {
                        throw new WirePayloadException(path + ".lastModified", "expected a number", null);
                    }
                    double millis = parser.getValueAsDouble();
                    if (!(Math.abs(millis) < MAX_EPOCH_MILLIS)) {
                        throw new WirePayloadException(path + ".lastModified", "out of range", null);
                    }
                    lastModified = value == JsonToken.VALUE_NUMBER_INT ? parser.getLongValue() : (long) millis;
                    break;
                case "flagsChanged":
                    flagsChanged = keys(parser);
                    break;
                case "data":
                    envelopeData = requireString(parser, path + ".data");
                    break;
                default:
                    parser.skipChildren();
                    break;
            }
        }

        ChangeMessage toMessage() {
            return new ChangeMessage(
                    type == null ? "" : type, etag == null || etag.isEmpty() ? null : etag, lastModified, flagsChanged);
        }

        private static String requireString(JsonParser parser, String path) throws IOException, WirePayloadException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                throw new WirePayloadException(path, "expected a string", null);
            }
            return parser.getText();
        }

        /** An array of strings as a sorted set; anything else counts as absent (every flag may have changed). */
        private static @Nullable Set<String> keys(JsonParser parser) throws IOException {
            if (parser.currentToken() != JsonToken.START_ARRAY) {
                parser.skipChildren();
                return null;
            }
            List<String> keys = new ArrayList<>();
            boolean allStrings = true;
            for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                if (t == JsonToken.VALUE_STRING) {
                    keys.add(parser.getText());
                } else {
                    allStrings = false;
                    parser.skipChildren();
                }
            }
            return allStrings ? Collections.unmodifiableSet(new TreeSet<>(keys)) : null;
        }
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ChangeMessage)) {
            return false;
        }
        ChangeMessage other = (ChangeMessage) o;
        return type.equals(other.type)
                && Objects.equals(etag, other.etag)
                && Objects.equals(lastModified, other.lastModified)
                && Objects.equals(flagsChanged, other.flagsChanged);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, etag, lastModified, flagsChanged);
    }

    @Override
    public String toString() {
        return "ChangeMessage{type=" + type + ", etag=" + etag + ", lastModified=" + lastModified + ", flagsChanged="
                + (flagsChanged == null ? "unknown" : flagsChanged) + '}';
    }
}
