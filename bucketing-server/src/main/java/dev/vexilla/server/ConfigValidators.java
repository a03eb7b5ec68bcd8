package dev.vexilla.server;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vexilla.engine.ConfigParseException;
import dev.vexilla.engine.FlagConfig;
import dev.vexilla.engine.FlagConfigs;
import dev.vexilla.engine.FlagModel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in {@link ConfigValidator}s.
 *
 * @since 0.1.0
 */
public final class ConfigValidators {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigValidators.class);
    private static final ConfigValidator<JsonNode> JSON_SHAPE = ConfigValidators::checkShape;
    private static final ConfigValidator<FlagConfig> ENGINE = ConfigValidators::compile;

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

    /**
     * Returns the validator the server runs with: the evaluation engine's compiler ({@link FlagConfigs#parse(String)}),
     * which tells ConfigCat's config JSON v6 from DevCycle's config v2 per file. A file that is not UTF-8 JSON or whose
     * top-level structure is wrong is rejected with the JSON path of the problem. A problem inside one ConfigCat flag
     * or segment (an unknown comparator, a prerequisite cycle, percentages that do not add up to 100, ...) or inside
     * one DevCycle feature (a missing field, an unknown rollout type, ...) does not reject the file: that flag, or the
     * feature's variables, evaluate to {@code PARSE_ERROR}, as in ConfigCat's SDKs and the engine, and one WARN line
     * per broken flag or feature names it and its JSON path.
     *
     * @return the engine validator, thread-safe
     */
    public static ConfigValidator<FlagConfig> engine() {
        return ENGINE;
    }

    private static FlagConfig compile(String configName, byte[] json) throws InvalidConfigException {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(json))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidConfigException("$", "the file is not valid UTF-8", e);
        }
        FlagConfig config;
        try {
            config = FlagConfigs.parse(text);
        } catch (ConfigParseException e) {
            String reason = e.getMessage() == null ? "invalid config" : e.getMessage();
            if (!e.path().isEmpty() && reason.startsWith(e.path() + ": ")) {
                reason = reason.substring(e.path().length() + 2);
            }
            throw new InvalidConfigException(dollarPath(e.path()), reason, e);
        }
        if (config.model() == FlagModel.DEVCYCLE_V2) {
            brokenFeatures(config.problems())
                    .forEach((problem, variables) -> LOG.warn(
                            "Config '{}': a feature is broken and its variables {} evaluate to PARSE_ERROR: {}",
                            configName,
                            variables,
                            problem));
        } else {
            config.problems()
                    .forEach((flag, problem) -> LOG.warn(
                            "Config '{}': flag '{}' is broken and evaluates to PARSE_ERROR: {}",
                            configName,
                            flag,
                            problem));
        }
        return config;
    }

    /**
     * Groups a DevCycle config's problems by feature: the engine lists each variable of a broken feature with the
     * feature's one problem ({@code features[2].configuration...: reason}), so the distinct problems are the broken
     * features.
     *
     * @param problems variable key to problem, as {@link FlagConfig#problems()} gives them
     * @return problem to the sorted variable keys it breaks, in problem order
     */
    static Map<String, List<String>> brokenFeatures(Map<String, String> problems) {
        Map<String, List<String>> byProblem = new TreeMap<>();
        problems.forEach((variable, problem) ->
                byProblem.computeIfAbsent(problem, p -> new ArrayList<>()).add(variable));
        byProblem.values().forEach(Collections::sort);
        return byProblem;
    }

    /**
     * Turns the engine's path ({@code f.flag.r[0]}, empty for the document) into the server's ({@code $.f.flag.r[0]}).
     *
     * @param enginePath the path as the engine reports it
     * @return the path starting with {@code $}
     */
    static String dollarPath(String enginePath) {
        if (enginePath.isEmpty() || enginePath.equals("$")) {
            return "$";
        }
        if (enginePath.startsWith("$")) {
            return enginePath;
        }
        return enginePath.startsWith("[") ? "$" + enginePath : "$." + enginePath;
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
                JsonNode root = mapper.reader()
                        .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                        .readTree(parser);
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
