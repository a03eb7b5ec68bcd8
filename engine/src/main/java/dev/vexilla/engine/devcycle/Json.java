package dev.vexilla.engine.devcycle;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * Reads the required and optional parts of a config node as DevCycle's engine does, throwing a {@link ConfigProblem}
 * with the JSON path of what is missing or wrongly typed.
 */
final class Json {

    private Json() {}

    static JsonNode object(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isObject()) {
            throw new ConfigProblem(join(path, field), node == null ? "required object missing" : "must be an object");
        }
        return node;
    }

    static JsonNode array(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isArray()) {
            throw new ConfigProblem(join(path, field), node == null ? "required array missing" : "must be an array");
        }
        return node;
    }

    static String string(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isTextual()) {
            throw new ConfigProblem(join(path, field), node == null ? "required string missing" : "must be a string");
        }
        return node.textValue();
    }

    static @Nullable String optionalString(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        return node != null && node.isTextual() ? node.textValue() : null;
    }

    static String oneOf(JsonNode parent, String field, String path, String... allowed) {
        String value = string(parent, field, path);
        for (String a : allowed) {
            if (a.equals(value)) {
                return value;
            }
        }
        throw new ConfigProblem(
                join(path, field), "must be one of " + String.join(", ", allowed) + ", was '" + value + "'");
    }

    static double number(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isNumber()) {
            throw new ConfigProblem(join(path, field), node == null ? "required number missing" : "must be a number");
        }
        return node.doubleValue();
    }

    static long date(JsonNode parent, String field, String path) {
        String text = string(parent, field, path);
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException e) {
            // try the other ISO 8601 forms below
        }
        try {
            return OffsetDateTime.parse(text).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            // try the other ISO 8601 forms below
        }
        try {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            // try a plain date below
        }
        try {
            return LocalDate.parse(text)
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant()
                    .toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new ConfigProblem(join(path, field), "not an ISO 8601 date: '" + text + "'");
        }
    }

    static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    static String index(String path, int i) {
        return path + "[" + i + "]";
    }

    /**
     * A 64-bit hash of a node's content (field names, values, order), walked without building its text: a fingerprint
     * to tell changed parts apart.
     */
    static long fingerprint(@Nullable JsonNode node) {
        if (node == null) {
            return 0;
        }
        long h = 0xcbf29ce484222325L ^ node.getNodeType().ordinal();
        if (node.isObject()) {
            for (java.util.Map.Entry<String, JsonNode> e : node.properties()) {
                h = mix(h, e.getKey().hashCode());
                h = mix(h, fingerprint(e.getValue()));
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                h = mix(h, fingerprint(item));
            }
        } else if (node.isNumber()) {
            h = mix(h, Double.doubleToLongBits(node.doubleValue()));
        } else if (node.isTextual()) {
            h = mix(h, node.textValue().hashCode());
            h = mix(h, node.textValue().length());
        } else if (node.isBoolean()) {
            h = mix(h, node.booleanValue() ? 1 : 2);
        }
        return h;
    }

    private static long mix(long h, long v) {
        long x = (h ^ v) * 0x9e3779b97f4a7c15L;
        return x ^ (x >>> 31);
    }
}
