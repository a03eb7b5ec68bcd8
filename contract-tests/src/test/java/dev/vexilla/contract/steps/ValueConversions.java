package dev.vexilla.contract.steps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openfeature.sdk.MutableStructure;
import dev.openfeature.sdk.Value;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Conversions between the text of the feature files, JSON and OpenFeature {@link Value}s. */
public final class ValueConversions {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Compares JSON trees with numbers equal by value, so {@code 100}, {@code 100.0} and {@code 100L} match. */
    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private ValueConversions() {}

    /**
     * Reads {@code "true"} or {@code "false"}, nothing else.
     *
     * @param text the text
     * @return the boolean
     * @throws IllegalArgumentException for any other text
     */
    static Boolean parseBoolean(String text) {
        if ("true".equals(text)) {
            return Boolean.TRUE;
        }
        if ("false".equals(text)) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException("expected true or false, was \"" + text + "\"");
    }

    /**
     * Reads a JSON document into a {@link Value}.
     *
     * @param json the document
     * @return the value
     * @throws IllegalArgumentException if the text is not JSON
     */
    public static Value parseJson(String json) {
        try {
            return toValue(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }

    /**
     * Converts a JSON tree into a {@link Value}: objects become structures, arrays lists, whole numbers that fit
     * {@code Integer}s, other numbers {@code Double}s.
     *
     * @param node the tree
     * @return the value
     */
    public static Value toValue(JsonNode node) {
        if (node.isObject()) {
            MutableStructure structure = new MutableStructure();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                structure.add(field.getKey(), toValue(field.getValue()));
            }
            return new Value(structure);
        }
        if (node.isArray()) {
            List<Value> items = new ArrayList<>();
            node.forEach(item -> items.add(toValue(item)));
            return new Value(items);
        }
        if (node.isBoolean()) {
            return new Value(node.booleanValue());
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return new Value(node.intValue());
        }
        if (node.isNumber()) {
            return new Value(node.doubleValue());
        }
        if (node.isNull()) {
            return new Value();
        }
        return new Value(node.asText());
    }

    /**
     * Tells whether two values are the same JSON value, with numbers compared by value.
     *
     * @param expected the expected value
     * @param actual the value a provider returned
     * @return whether they are equal
     */
    static boolean sameJson(Value expected, @Nullable Value actual) {
        return actual != null && toJson(expected).equals(NUMBERS_BY_VALUE, toJson(actual));
    }

    /**
     * Converts a {@link Value} into a JSON tree (instants as ISO-8601 text).
     *
     * @param value the value
     * @return the tree
     */
    static JsonNode toJson(Value value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (value.isStructure()) {
            ObjectNode object = nodes.objectNode();
            value.asStructure().asUnmodifiableMap().forEach((k, v) -> object.set(k, toJson(v)));
            return object;
        }
        if (value.isList()) {
            ArrayNode array = nodes.arrayNode();
            value.asList().forEach(item -> array.add(toJson(item)));
            return array;
        }
        if (value.isBoolean()) {
            return nodes.booleanNode(value.asBoolean());
        }
        if (value.isNumber()) {
            Object number = value.asObject();
            return number instanceof Double ? nodes.numberNode((Double) number) : nodes.numberNode(value.asLong());
        }
        if (value.isString()) {
            return nodes.textNode(value.asString());
        }
        if (value.isInstant()) {
            return nodes.textNode(value.asInstant().toString());
        }
        return nodes.nullNode();
    }
}
