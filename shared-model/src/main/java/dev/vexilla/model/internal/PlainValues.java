package dev.vexilla.model.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Converts plain Java values as Jackson reads them from JSON ({@code String}, {@code Boolean}, numbers,
 * {@code List}, {@code Map}) into user attribute values, and attribute values back into JSON-ready values.
 *
 * <p>Not API, may change without notice. Thread-safe.
 */
public final class PlainValues {

    private static final ObjectMapper SORTED = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private PlainValues() {}

    /**
     * Converts a JSON-read value into an attribute value: scalars kept (big numbers as {@code Double}), lists of
     * strings as {@code List<String>}, other lists and maps as JSON text with sorted keys.
     *
     * @param value the value
     * @return the attribute value, or {@code null} for {@code null}
     */
    public static @Nullable Object toAttribute(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String || value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            return value;
        }
        if (value instanceof BigInteger || value instanceof BigDecimal || value instanceof Number) {
            if (value instanceof Double) {
                return value;
            }
            return ((Number) value).doubleValue();
        }
        if (value instanceof List) {
            List<?> list = (List<?>) value;
            List<String> strings = new ArrayList<>(list.size());
            for (Object item : list) {
                if (!(item instanceof String)) {
                    return jsonText(value);
                }
                strings.add((String) item);
            }
            return Collections.unmodifiableList(strings);
        }
        return jsonText(value);
    }

    /**
     * Converts an attribute value into a JSON-ready value; {@code Instant}s become unix seconds.
     *
     * @param value the attribute value
     * @return the value to serialise
     */
    public static Object toWire(Object value) {
        if (value instanceof Instant) {
            return AttributeValues.epochSeconds((Instant) value);
        }
        return value;
    }

    private static String jsonText(Object value) {
        try {
            return SORTED.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }
}
