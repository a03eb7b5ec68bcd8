package dev.vexilla.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vexilla.model.internal.JacksonFailures;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * The one place where Vexilla's Jackson {@link ObjectMapper}s are configured, and safe reading of untrusted JSON.
 *
 * <p>Every mapper built here has:
 *
 * <ul>
 *   <li>{@link StreamReadConstraints} from {@link JsonReadLimits}: an explicit {@code maxDocumentLength} (default
 *       {@link JsonReadLimits#DEFAULT_MAX_DOCUMENT_LENGTH}, 8 MiB), {@code maxNestingDepth} and
 *       {@code maxStringLength};
 *   <li>{@code FAIL_ON_UNKNOWN_PROPERTIES} off, so newer peers can add fields;
 *   <li>{@code FAIL_ON_TRAILING_TOKENS} on and {@code ACCEPT_FLOAT_AS_INT} off, so a payload means one thing;
 *   <li>no default typing (never polymorphic deserialisation from payload type ids);
 *   <li>source excluded from error locations, and {@code null} fields left out when writing.
 * </ul>
 *
 * <p>{@link #createStrict(JsonReadLimits)} adds strict scalar types for servers reading requests: no coercion between
 * strings, numbers and booleans, and no numbers beyond the range of a {@code double}.
 *
 * <p>The {@code read} methods turn every Jackson failure into a {@link WirePayloadException} whose message names the
 * JSON path ({@code "$.user.customData: expected an object"}) and never contains payload text.
 *
 * <pre>{@code
 * ObjectMapper mapper = ObjectMappers.create();          // keep one per component
 * DevCycleUser user = ObjectMappers.read(mapper, body, DevCycleUser.class);
 * }</pre>
 *
 * <p>Thread-safe. Mappers returned here are thread-safe for reading and writing once configured; do not reconfigure
 * the {@link #shared()} instance.
 *
 * @since 0.1.0
 */
public final class ObjectMappers {

    private static final ObjectMapper SHARED = create();

    private ObjectMappers() {}

    /**
     * Returns a process-wide mapper with {@link JsonReadLimits#defaults() default limits}. Callers must not change
     * its configuration; build an own mapper with {@link #create(JsonReadLimits)} for other settings.
     *
     * @return the shared mapper
     */
    public static ObjectMapper shared() {
        return SHARED;
    }

    /**
     * Creates a mapper with the default limits.
     *
     * @return a new configured mapper
     */
    public static ObjectMapper create() {
        return create(JsonReadLimits.defaults());
    }

    /**
     * Creates a mapper with the given read limits.
     *
     * @param limits the limits for every document read through the mapper
     * @return a new configured mapper
     */
    public static ObjectMapper create(JsonReadLimits limits) {
        return builder(limits).build();
    }

    /**
     * Creates a mapper for requests from untrusted peers (a server reading request bodies): the settings of
     * {@link #create(JsonReadLimits)}, and a JSON value is read only into a field of its type. A number or boolean
     * where a string is expected ({@code {"user_id": 123}}), text where a number or boolean is expected
     * ({@code "5"}, {@code "true"}), and a number beyond the range of a {@code double} ({@code 1e999999}, which would
     * otherwise be read as infinity) fail with a {@link WirePayloadException} naming the JSON path
     * ({@code "$.user_id: expected a string"}).
     *
     * <p>Clients keep {@link #create(JsonReadLimits)} for responses, so a newer server that widens a type does not
     * break them; the strictness belongs to the party that validates input.
     *
     * @param limits the limits for every document read through the mapper
     * @return a new configured mapper
     */
    public static ObjectMapper createStrict(JsonReadLimits limits) {
        return StrictScalars.apply(builder(limits)).build();
    }

    private static JsonMapper.Builder builder(JsonReadLimits limits) {
        Objects.requireNonNull(limits, "limits");
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxDocumentLength(limits.maxDocumentLength())
                .maxNestingDepth(limits.maxNestingDepth())
                .maxStringLength(limits.maxStringLength())
                .build();
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(constraints)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
        return JsonMapper.builder(factory)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .defaultPropertyInclusion(
                        JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.USE_DEFAULTS));
    }

    /**
     * Reads a JSON document.
     *
     * @param <T> the target type
     * @param mapper a mapper from this class
     * @param json the UTF-8 encoded document
     * @param type the target class
     * @return the value, never null
     * @throws WirePayloadException if the document is malformed, empty, too large or does not fit {@code type}
     */
    public static <T> T read(ObjectMapper mapper, byte[] json, Class<T> type) throws WirePayloadException {
        checkLength(mapper, json.length);
        try {
            return nonNull(mapper.readValue(json, type));
        } catch (IOException e) {
            throw JacksonFailures.toWirePayloadException(mapper, e);
        }
    }

    /**
     * Reads a JSON document into a generic type.
     *
     * @param <T> the target type
     * @param mapper a mapper from this class
     * @param json the UTF-8 encoded document
     * @param type the target type
     * @return the value, never null
     * @throws WirePayloadException if the document is malformed, empty, too large or does not fit {@code type}
     */
    public static <T> T read(ObjectMapper mapper, byte[] json, TypeReference<T> type) throws WirePayloadException {
        checkLength(mapper, json.length);
        try {
            return nonNull(mapper.readValue(json, type));
        } catch (IOException e) {
            throw JacksonFailures.toWirePayloadException(mapper, e);
        }
    }

    /**
     * Reads a JSON document from text.
     *
     * @param <T> the target type
     * @param mapper a mapper from this class
     * @param json the document
     * @param type the target class
     * @return the value, never null
     * @throws WirePayloadException if the document is malformed, empty, too large or does not fit {@code type}
     */
    public static <T> T read(ObjectMapper mapper, String json, Class<T> type) throws WirePayloadException {
        checkLength(mapper, json.length());
        try {
            return nonNull(mapper.readValue(json, type));
        } catch (JsonProcessingException e) {
            throw JacksonFailures.toWirePayloadException(mapper, e);
        }
    }

    /**
     * Reads a JSON document from text into a generic type.
     *
     * @param <T> the target type
     * @param mapper a mapper from this class
     * @param json the document
     * @param type the target type
     * @return the value, never null
     * @throws WirePayloadException if the document is malformed, empty, too large or does not fit {@code type}
     */
    public static <T> T read(ObjectMapper mapper, String json, TypeReference<T> type) throws WirePayloadException {
        checkLength(mapper, json.length());
        try {
            return nonNull(mapper.readValue(json, type));
        } catch (JsonProcessingException e) {
            throw JacksonFailures.toWirePayloadException(mapper, e);
        }
    }

    /**
     * Reads a JSON document from a stream into a generic type; the stream is not closed.
     *
     * @param <T> the target type
     * @param mapper a mapper from this class
     * @param json the UTF-8 encoded document
     * @param type the target type
     * @return the value, never null
     * @throws WirePayloadException if the document is malformed, empty, too large or does not fit {@code type}
     * @throws IOException if reading the stream itself fails
     */
    public static <T> T read(ObjectMapper mapper, InputStream json, TypeReference<T> type)
            throws WirePayloadException, IOException {
        try {
            return nonNull(mapper.readerFor(type)
                    .without(com.fasterxml.jackson.core.JsonParser.Feature.AUTO_CLOSE_SOURCE)
                    .readValue(json));
        } catch (JsonProcessingException e) {
            throw JacksonFailures.toWirePayloadException(mapper, e);
        }
    }

    /**
     * Reads a JSON document from a stream, which is not closed.
     *
     * @param <T> the target type
     * @param mapper a mapper from this class
     * @param json the UTF-8 encoded document
     * @param type the target class
     * @return the value, never null
     * @throws WirePayloadException if the document is malformed, empty, too large or does not fit {@code type}
     * @throws IOException if reading the stream itself fails
     */
    public static <T> T read(ObjectMapper mapper, InputStream json, Class<T> type)
            throws WirePayloadException, IOException {
        try {
            return nonNull(mapper.readerFor(type)
                    .without(com.fasterxml.jackson.core.JsonParser.Feature.AUTO_CLOSE_SOURCE)
                    .readValue(json));
        } catch (JsonProcessingException e) {
            throw JacksonFailures.toWirePayloadException(mapper, e);
        }
    }

    /**
     * Jackson enforces {@code maxDocumentLength} only while it streams input in; a document handed over whole is
     * checked here.
     */
    private static void checkLength(ObjectMapper mapper, long length) throws WirePayloadException {
        if (length > mapper.getFactory().streamReadConstraints().getMaxDocumentLength()) {
            throw JacksonFailures.documentTooLong(mapper);
        }
    }

    private static <T> T nonNull(T value) throws WirePayloadException {
        if (value == null) {
            throw new WirePayloadException("$", "expected a JSON value, was null", null);
        }
        return value;
    }
}
