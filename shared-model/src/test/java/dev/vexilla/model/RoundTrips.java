package dev.vexilla.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/** Reads test resources and checks that wire types re-serialise them to the same JSON tree. */
public final class RoundTrips {

    public static final ObjectMapper MAPPER = ObjectMappers.create();

    private RoundTrips() {}

    public static byte[] resource(String path) {
        try (InputStream in = Objects.requireNonNull(
                RoundTrips.class.getResourceAsStream("/" + path), "missing test resource " + path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses {@code json} as {@code type}, writes it back and asserts the JSON trees are equal. */
    public static <T> T assertRoundTrip(byte[] json, Class<T> type) throws Exception {
        T value = ObjectMappers.read(MAPPER, json, type);
        assertSameTree(json, MAPPER.writeValueAsBytes(value));
        return value;
    }

    /** Same as {@link #assertRoundTrip(byte[], Class)} for generic types. */
    public static <T> T assertRoundTrip(byte[] json, TypeReference<T> type) throws Exception {
        T value = ObjectMappers.read(MAPPER, json, type);
        assertSameTree(json, MAPPER.writeValueAsBytes(value));
        return value;
    }

    public static void assertSameTree(byte[] expected, byte[] actual) throws IOException {
        JsonNode e = MAPPER.readTree(expected);
        JsonNode a = MAPPER.readTree(actual);
        assertThat(a).as("re-serialised JSON").isEqualTo(e);
    }
}
