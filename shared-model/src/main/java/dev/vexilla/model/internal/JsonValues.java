package dev.vexilla.model.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openfeature.sdk.ImmutableStructure;
import dev.openfeature.sdk.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Converts between Jackson trees and OpenFeature {@link Value}s.
 *
 * <p>Not API, may change without notice. Thread-safe.
 */
public final class JsonValues {

    private JsonValues() {}

    /**
     * Converts a JSON tree into a value: objects become {@link ImmutableStructure}s, arrays lists, whole numbers
     * {@code Integer} or {@code Long} by size (larger ones {@code Double}), other numbers {@code Double}.
     *
     * @param node the tree
     * @return the value; a null value for JSON {@code null}
     */
    public static Value toValue(@Nullable JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return new Value();
        }
        if (node.isObject()) {
            Map<String, Value> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                map.put(e.getKey(), toValue(e.getValue()));
            }
            return new Value(new ImmutableStructure(map));
        }
        if (node.isArray()) {
            List<Value> list = new ArrayList<>(node.size());
            for (JsonNode item : node) {
                list.add(toValue(item));
            }
            return new Value(list);
        }
        if (node.isBoolean()) {
            return new Value(node.booleanValue());
        }
        if (node.isInt()) {
            return new Value(node.intValue());
        }
        if (node.isLong()) {
            return new Value(node.longValue());
        }
        if (node.isNumber()) {
            return new Value(node.doubleValue());
        }
        return new Value(node.asText());
    }

    /**
     * Converts a value into a JSON tree for the wire; {@code Instant}s become unix seconds (see
     * {@link AttributeValues#epochSeconds(java.time.Instant)}), so that a server evaluates them as the local engine
     * does.
     *
     * @param value the value, may be {@code null}
     * @return the tree
     */
    public static JsonNode toJson(@Nullable Value value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (value == null || value.isNull()) {
            return f.nullNode();
        }
        if (value.isStructure()) {
            ObjectNode obj = f.objectNode();
            for (Map.Entry<String, Value> e :
                    value.asStructure().asUnmodifiableMap().entrySet()) {
                obj.set(e.getKey(), toJson(e.getValue()));
            }
            return obj;
        }
        if (value.isList()) {
            ArrayNode arr = f.arrayNode();
            for (Value item : value.asList()) {
                arr.add(toJson(item));
            }
            return arr;
        }
        if (value.isInstant()) {
            return plain(AttributeValues.epochSeconds(value.asInstant()));
        }
        return plain(value.asObject());
    }

    /**
     * Converts a plain Java value, as the engines serve it, into a JSON node: a {@code String}, {@code Boolean},
     * {@code Integer}, {@code Long}, {@code BigInteger} or {@code BigDecimal} as itself, another {@code Number} as a
     * double, a {@code Map} (a DevCycle JSON variable's object; keys by {@code String.valueOf}) as an object and a
     * {@code List} as an array, converted member by member.
     *
     * @param raw the value
     * @return the node; JSON {@code null} for {@code null} and for anything else
     */
    public static JsonNode plain(@Nullable Object raw) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (raw instanceof String) {
            return f.textNode((String) raw);
        }
        if (raw instanceof Boolean) {
            return f.booleanNode((Boolean) raw);
        }
        if (raw instanceof Number) {
            return number(f, (Number) raw);
        }
        if (raw instanceof Map) {
            ObjectNode obj = f.objectNode();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) raw).entrySet()) {
                obj.set(String.valueOf(e.getKey()), plain(e.getValue()));
            }
            return obj;
        }
        if (raw instanceof List) {
            ArrayNode arr = f.arrayNode();
            for (Object item : (List<?>) raw) {
                arr.add(plain(item));
            }
            return arr;
        }
        return f.nullNode();
    }

    private static JsonNode number(JsonNodeFactory f, Number n) {
        if (n instanceof Integer) {
            return f.numberNode((Integer) n);
        }
        if (n instanceof Long) {
            return f.numberNode((Long) n);
        }
        if (n instanceof BigInteger) {
            return f.numberNode((BigInteger) n);
        }
        if (n instanceof BigDecimal) {
            return f.numberNode((BigDecimal) n);
        }
        return f.numberNode(n.doubleValue());
    }
}
