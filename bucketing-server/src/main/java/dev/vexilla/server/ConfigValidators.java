package dev.vexilla.server;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;

/**
 * The built-in {@link ConfigValidator}s.
 *
 * @since 0.1.0
 */
public final class ConfigValidators {
    private static final ConfigValidator<JsonNode> JSON_SHAPE = ConfigValidators::checkShape;

    private ConfigValidators() {}

    /**
     * Returns a validator that accepts any JSON object whose {@code f} member is an object of objects (the flag
     * map of config JSON v6), and whose {@code p} and {@code s} members, when present, are an object and an array.
     * It compiles to the parsed JSON tree. It does not check rules, comparators or references: the evaluation
     * engine's compiler does.
     *
     * @return the shape validator, thread-safe
     */
    public static ConfigValidator<JsonNode> jsonShape() {
        return JSON_SHAPE;
    }

    private static JsonNode checkShape(String configName, byte[] json) throws InvalidConfigException {
        JsonNode root = parse(json);
        if (!root.isObject()) {
            throw new InvalidConfigException("$", "config must be a JSON object, was " + kind(root));
        }
        JsonNode flags = root.get("f");
        if (flags == null || !flags.isObject()) {
            throw new InvalidConfigException("$.f", "the flag map 'f' must be an object, was " + kind(flags));
        }
        for (Map.Entry<String, JsonNode> flag : flags.properties()) {
            if (!flag.getValue().isObject()) {
                throw new InvalidConfigException(
                        "$.f." + flag.getKey(), "a setting must be an object, was " + kind(flag.getValue()));
            }
        }
        JsonNode preferences = root.get("p");
        if (preferences != null && !preferences.isObject()) {
            throw new InvalidConfigException("$.p", "preferences 'p' must be an object, was " + kind(preferences));
        }
        JsonNode segments = root.get("s");
        if (segments != null && !segments.isArray()) {
            throw new InvalidConfigException("$.s", "segments 's' must be an array, was " + kind(segments));
        }
        return root;
    }

    private static JsonNode parse(byte[] json) throws InvalidConfigException {
        ObjectMapper mapper = ServerJson.mapper();
        try (JsonParser parser = mapper.createParser(json)) {
            try {
                JsonNode root = mapper.readTree(parser);
                if (root == null || root.isMissingNode()) {
                    throw new InvalidConfigException("$", "the file is empty");
                }
                if (parser.nextToken() != null) {
                    throw new InvalidConfigException("$", "unexpected content after the JSON document");
                }
                return root;
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
                throw new InvalidConfigException(
                        path(parser.getParsingContext()),
                        "malformed JSON (" + e.getOriginalMessage() + ", line " + at.getLineNr() + ", column "
                                + at.getColumnNr() + ")",
                        e);
            }
        } catch (IOException e) {
            throw new InvalidConfigException("$", "unreadable JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Renders a Jackson parsing context as a JSONPath-style location, e.g. {@code $.f.flag.r[2]}.
     *
     * @param context the context at the point of failure
     * @return the path, {@code $} at the root
     */
    static String path(JsonStreamContext context) {
        StringBuilder reversed = new StringBuilder();
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.inObject() && c.getCurrentName() != null) {
                parts.push("." + c.getCurrentName());
            }
        }
        reversed.append('$');
        parts.forEach(reversed::append);
        return reversed.toString();
    }

    private static String kind(@org.jspecify.annotations.Nullable JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "missing";
        }
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
