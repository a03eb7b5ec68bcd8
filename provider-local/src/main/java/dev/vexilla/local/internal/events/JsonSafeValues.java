package dev.vexilla.local.internal.events;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Copies event metadata into values that always serialise to JSON, so that one odd value cannot make a whole
 * batch unsendable: strings, booleans, null and finite numbers are kept; maps, collections and arrays are copied
 * recursively up to {@value #MAX_DEPTH} levels; dates and times become their ISO text; anything else (and anything
 * deeper) becomes its {@code String.valueOf} text; non-finite numbers become {@code null}. Static functions only.
 */
final class JsonSafeValues {
    /** Deepest nesting copied as structure. */
    static final int MAX_DEPTH = 8;

    private JsonSafeValues() {}

    /**
     * Copies a metadata map.
     *
     * @param metaData the caller's map
     * @return a new map with JSON-safe values and string keys, in the same order
     */
    static Map<String, Object> copyOf(Map<String, ?> metaData) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : metaData.entrySet()) {
            copy.put(String.valueOf(e.getKey()), safe(e.getValue(), 1));
        }
        return copy;
    }

    /**
     * Returns a number fit for JSON.
     *
     * @param value a number or null
     * @return the value when finite, otherwise {@code null}
     */
    static @Nullable Double finiteOrNull(@Nullable Double value) {
        return value == null || value.isNaN() || value.isInfinite() ? null : value;
    }

    private static @Nullable Object safe(@Nullable Object value, int depth) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number) {
            return number((Number) value);
        }
        if (value instanceof TemporalAccessor || value instanceof Character || value instanceof Enum) {
            return value.toString();
        }
        if (depth > MAX_DEPTH) {
            return String.valueOf(value);
        }
        if (value instanceof Map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                copy.put(String.valueOf(e.getKey()), safe(e.getValue(), depth + 1));
            }
            return copy;
        }
        if (value instanceof Collection) {
            List<Object> copy = new ArrayList<>();
            for (Object item : (Collection<?>) value) {
                copy.add(safe(item, depth + 1));
            }
            return copy;
        }
        if (value.getClass().isArray()) {
            List<Object> copy = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                copy.add(safe(Array.get(value, i), depth + 1));
            }
            return copy;
        }
        return String.valueOf(value);
    }

    private static @Nullable Object number(Number n) {
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            return Double.isNaN(d) || Double.isInfinite(d) ? null : n;
        }
        if (n instanceof Integer
                || n instanceof Long
                || n instanceof Short
                || n instanceof Byte
                || n instanceof BigInteger
                || n instanceof BigDecimal) {
            return n;
        }
        return n.toString();
    }
}
