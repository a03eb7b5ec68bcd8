package dev.vexilla.bench.scenario;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Builds the nodes of a ConfigCat config JSON v6 (short field names: {@code t} type, {@code v} value, {@code i}
 * variation id, {@code r} rules, {@code p} percentage options, {@code c} conditions).
 */
final class V6Json {

    /** Comparator 0: IS ONE OF (cleartext). */
    static final int IS_ONE_OF = 0;
    /** Comparator 2: CONTAINS ANY OF (cleartext). */
    static final int CONTAINS_ANY_OF = 2;
    /** Comparator 4: SEMVER IS ONE OF. */
    static final int SEMVER_IS_ONE_OF = 4;
    /** Comparator 6: SEMVER &lt;. */
    static final int SEMVER_LESS = 6;
    /** Comparator 9: SEMVER &gt;=. */
    static final int SEMVER_GREATER_EQUALS = 9;
    /** Comparator 13: NUMBER &lt;=. */
    static final int NUMBER_LESS_EQUALS = 13;
    /** Comparator 14: NUMBER &gt;. */
    static final int NUMBER_GREATER = 14;
    /** Comparator 15: NUMBER &gt;=. */
    static final int NUMBER_GREATER_EQUALS = 15;
    /** Comparator 28: EQUALS (cleartext). */
    static final int TEXT_EQUALS = 28;
    /** Comparator 30: STARTS WITH ANY OF (cleartext). */
    static final int STARTS_WITH_ANY_OF = 30;
    /** Comparator 32: ENDS WITH ANY OF (cleartext). */
    static final int ENDS_WITH_ANY_OF = 32;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private V6Json() {}

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** The setting type code of a Java value: 0 boolean, 1 string, 2 int, 3 double. */
    static int typeOf(Object value) {
        if (value instanceof Boolean) {
            return 0;
        } else if (value instanceof String) {
            return 1;
        } else if (value instanceof Integer) {
            return 2;
        } else if (value instanceof Double) {
            return 3;
        }
        throw new IllegalArgumentException(
                "not a setting value type: " + value.getClass().getName());
    }

    /** A settingValue object: {@code {"b": true}}, {@code {"s": "x"}}, {@code {"i": 1}} or {@code {"d": 1.5}}. */
    static ObjectNode value(Object value) {
        ObjectNode node = object();
        switch (typeOf(value)) {
            case 0 -> node.put("b", (Boolean) value);
            case 1 -> node.put("s", (String) value);
            case 2 -> node.put("i", (Integer) value);
            default -> node.put("d", (Double) value);
        }
        return node;
    }

    /** A setting with only a value. */
    static ObjectNode setting(Object value, String variationId) {
        ObjectNode node = object();
        node.put("t", typeOf(value));
        node.set("v", value(value));
        node.put("i", variationId);
        return node;
    }

    /** A user condition; the comparison value is a String ({@code s}), a Number ({@code d}) or a list ({@code l}). */
    static ObjectNode userCondition(String attribute, int comparator, Object comparison) {
        ObjectNode u = object();
        u.put("a", attribute);
        u.put("c", comparator);
        if (comparison instanceof String s) {
            u.put("s", s);
        } else if (comparison instanceof Number n) {
            u.put("d", n.doubleValue());
        } else if (comparison instanceof List<?> list) {
            ArrayNode l = u.putArray("l");
            list.forEach(item -> l.add((String) item));
        } else {
            throw new IllegalArgumentException(
                    "comparison value type: " + comparison.getClass().getName());
        }
        ObjectNode condition = object();
        condition.set("u", u);
        return condition;
    }

    /** A segment condition: {@code IS IN} (0) or {@code IS NOT IN} (1) the segment at {@code index}. */
    static ObjectNode segmentCondition(int index, int comparator) {
        ObjectNode s = object();
        s.put("s", index);
        s.put("c", comparator);
        ObjectNode condition = object();
        condition.set("s", s);
        return condition;
    }

    /** A prerequisite condition: {@code EQUALS} (0) or {@code NOT EQUALS} (1) the flag's value. */
    static ObjectNode prerequisiteCondition(String flagKey, int comparator, Object value) {
        ObjectNode p = object();
        p.put("f", flagKey);
        p.put("c", comparator);
        p.set("v", value(value));
        ObjectNode condition = object();
        condition.set("p", p);
        return condition;
    }

    /** A targeting rule serving a simple value when all conditions hold. */
    static ObjectNode rule(List<ObjectNode> conditions, Object served, String variationId) {
        ObjectNode rule = object();
        ArrayNode c = rule.putArray("c");
        conditions.forEach(c::add);
        ObjectNode s = rule.putObject("s");
        s.set("v", value(served));
        s.put("i", variationId);
        return rule;
    }

    /** A targeting rule serving percentage options when all conditions hold. */
    static ObjectNode ruleWithOptions(List<ObjectNode> conditions, ArrayNode options) {
        ObjectNode rule = object();
        ArrayNode c = rule.putArray("c");
        conditions.forEach(c::add);
        rule.set("p", options);
        return rule;
    }

    /** Percentage options: {@code percentages[i]} percent get {@code values[i]}. */
    static ArrayNode options(String flagKey, int[] percentages, Object[] values) {
        ArrayNode options = array();
        for (int i = 0; i < percentages.length; i++) {
            ObjectNode option = options.addObject();
            option.put("p", percentages[i]);
            option.set("v", value(values[i]));
            option.put("i", variationId(flagKey, "p" + i));
        }
        return options;
    }

    /** A deterministic 8-hex-digit variation id. */
    static String variationId(String flagKey, String slot) {
        return String.format("%08x", (flagKey + "#" + slot).hashCode());
    }
}
