package dev.vexilla.model.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.openfeature.sdk.Structure;
import dev.openfeature.sdk.Value;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Converts OpenFeature {@link Value}s into user attribute values (see {@code dev.vexilla.model.UserAttributes}).
 *
 * <p>Strings, booleans, numbers ({@code Integer}, {@code Long}, {@code Double} as held) and {@code Instant}s are kept;
 * a list whose items are all strings becomes an unmodifiable {@code List<String>}; any other list or structure
 * becomes JSON text with object keys in sorted order and date-times as unix seconds (as on the wire, so that a
 * server renders the same text). Conversion never throws: a value that cannot be converted
 * yields {@code null} and, when a problem list is given, a message naming the attribute.
 *
 * <p>Not API, may change without notice. Thread-safe.
 */
public final class AttributeValues {

    /** Structures nested deeper than this are not converted. */
    public static final int MAX_JSON_DEPTH = 32;

    private static final JsonFactory JSON = new JsonFactory();

    private AttributeValues() {}

    /**
     * Converts the value of a custom attribute.
     *
     * @param value the value, may be {@code null}
     * @param name the attribute name, for problem messages
     * @param problems where to report problems, or {@code null} to stay silent
     * @return the attribute value, or {@code null} when absent or not convertible
     */
    public static @Nullable Object customValue(@Nullable Value value, String name, @Nullable List<String> problems) {
        if (value == null || value.isNull()) {
            return null;
        }
        Object raw = value.asObject();
        if (raw instanceof String || raw instanceof Boolean || raw instanceof Number) {
            return raw;
        }
        if (value.isInstant()) {
            return value.asInstant();
        }
        if (value.isList()) {
            List<String> strings = stringList(value.asList());
            if (strings != null) {
                return strings;
            }
        }
        return jsonTextOrNull(value, name, problems);
    }

    /**
     * Converts the value of a well-known text attribute (identifier, e-mail, country). Numbers and booleans become
     * text, anything else is dropped; both are reported.
     *
     * @param value the value, may be {@code null}
     * @param name the attribute name as given in the context, for problem messages
     * @param problems where to report problems, or {@code null} to stay silent
     * @return the text, or {@code null} when absent or dropped
     */
    public static @Nullable String textValue(@Nullable Value value, String name, @Nullable List<String> problems) {
        if (value == null || value.isNull()) {
            return null;
        }
        Object raw = value.asObject();
        if (raw instanceof String) {
            return (String) raw;
        }
        if (raw instanceof Number || raw instanceof Boolean) {
            String text = raw instanceof Number ? numberText((Number) raw) : raw.toString();
            report(
                    problems,
                    "attribute '" + name + "' should be a string, was a " + kind(value) + "; converted to text");
            return text;
        }
        report(problems, "attribute '" + name + "' must be a string, was " + article(kind(value)) + "; dropped");
        return null;
    }

    /**
     * Renders a number as text without exponent for ordinary magnitudes ({@code 42}, {@code 1.5}).
     *
     * @param n the number
     * @return the text
     */
    public static String numberText(Number n) {
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return Double.toString(d);
            }
            if (Math.abs(d) < 1e15 && Math.abs(d) >= 1e-6 || d == 0.0) {
                return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
            }
            return Double.toString(d);
        }
        return n.toString();
    }

    /**
     * Encodes a date-time for the wire as unix seconds, the way ConfigCat's comparators read date-times: a whole
     * number of seconds as a {@code Long}, otherwise a {@code Double} with millisecond precision.
     *
     * @param instant the date-time
     * @return the seconds since the epoch
     */
    public static Number epochSeconds(java.time.Instant instant) {
        long millis = instant.toEpochMilli();
        if (millis % 1000 == 0) {
            return millis / 1000;
        }
        return millis / 1000.0;
    }

    /**
     * Names the kind of a value for messages.
     *
     * @param value the value
     * @return one of {@code string, number, boolean, date-time, list, structure, null}
     */
    public static String kind(Value value) {
        if (value.isString()) {
            return "string";
        }
        if (value.isNumber()) {
            return "number";
        }
        if (value.isBoolean()) {
            return "boolean";
        }
        if (value.isInstant()) {
            return "date-time";
        }
        if (value.isList()) {
            return "list";
        }
        if (value.isStructure()) {
            return "structure";
        }
        return "null";
    }

    /**
     * Returns the list as strings when every item is a string.
     *
     * @param items the list items
     * @return an unmodifiable copy, or {@code null} when an item is not a string
     */
    public static @Nullable List<String> stringList(@Nullable List<Value> items) {
        if (items == null) {
            return null;
        }
        List<String> out = new ArrayList<>(items.size());
        for (Value item : items) {
            if (item == null || !item.isString()) {
                return null;
            }
            out.add(item.asString());
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Renders a value as JSON text with sorted object keys; {@code Instant}s become unix seconds, exactly as
     * {@link JsonValues#toJson(Value)} sends them, so a server that reads the wire form renders the same text.
     *
     * @param value the value
     * @return the JSON text
     * @throws IllegalArgumentException if the value is nested deeper than {@link #MAX_JSON_DEPTH}
     */
    public static String jsonText(Value value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            write(g, value, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static @Nullable String jsonTextOrNull(Value value, String name, @Nullable List<String> problems) {
        try {
            return jsonText(value);
        } catch (RuntimeException e) {
            report(
                    problems,
                    "attribute '" + name + "' could not be converted to JSON text (" + e.getMessage() + "); dropped");
            return null;
        }
    }

    private static void write(JsonGenerator g, @Nullable Value value, int depth) throws IOException {
        if (depth > MAX_JSON_DEPTH) {
            throw new IllegalArgumentException("nested deeper than " + MAX_JSON_DEPTH + " levels");
        }
        if (value == null || value.isNull()) {
            g.writeNull();
        } else if (value.isStructure()) {
            writeStructure(g, value.asStructure(), depth);
        } else if (value.isList()) {
            g.writeStartArray();
            for (Value item : value.asList()) {
                write(g, item, depth + 1);
            }
            g.writeEndArray();
        } else if (value.isInstant()) {
            writeScalar(g, epochSeconds(value.asInstant()));
        } else {
            writeScalar(g, value.asObject());
        }
    }

    private static void writeStructure(JsonGenerator g, Structure structure, int depth) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, Value> e : new TreeMap<>(structure.asUnmodifiableMap()).entrySet()) {
            g.writeFieldName(e.getKey());
            write(g, e.getValue(), depth + 1);
        }
        g.writeEndObject();
    }

    private static void writeScalar(JsonGenerator g, @Nullable Object raw) throws IOException {
        if (raw instanceof String) {
            g.writeString((String) raw);
        } else if (raw instanceof Boolean) {
            g.writeBoolean((Boolean) raw);
        } else if (raw instanceof Integer) {
            g.writeNumber((Integer) raw);
        } else if (raw instanceof Long) {
            g.writeNumber((Long) raw);
        } else if (raw instanceof Number) {
            g.writeNumber(((Number) raw).doubleValue());
        } else {
            g.writeNull();
        }
    }

    private static void report(@Nullable List<String> problems, String message) {
        if (problems != null) {
            problems.add(message);
        }
    }

    private static String article(String kind) {
        return kind.equals("null") ? "null" : (startsWithVowel(kind) ? "an " : "a ") + kind;
    }

    private static boolean startsWithVowel(String s) {
        return !s.isEmpty() && "aeiou".indexOf(s.charAt(0)) >= 0;
    }
}
