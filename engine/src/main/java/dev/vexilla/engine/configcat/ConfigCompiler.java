package dev.vexilla.engine.configcat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vexilla.engine.ConfigParseException;
import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.ResultReason;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Turns a config JSON document (full v6 or the simplified {@code {"flags":{key:value}}} form) or a value map into
 * compiled flags. Document-level problems (not JSON, limits exceeded, wrong top-level types) raise
 * {@link ConfigParseException}; problems inside a flag break only that flag (see {@link #problems()}).
 */
final class ConfigCompiler {

    private final Preferences preferences;
    private final Map<String, Flag> flags;
    private final Map<String, String> problems;

    private ConfigCompiler(Preferences preferences, Map<String, Flag> flags, Map<String, String> problems) {
        this.preferences = preferences;
        this.flags = flags;
        this.problems = problems;
    }

    /**
     * Parses and compiles a config JSON document.
     *
     * @param json the document
     * @return the compiled parts
     * @throws ConfigParseException if the document cannot be used at all
     */
    static ConfigCompiler compile(String json) throws ConfigParseException {
        Objects.requireNonNull(json, "json");
        JsonNode root = readTree(json);
        if (!root.isObject()) {
            throw new ConfigParseException("", "config JSON must be an object, was " + root.getNodeType());
        }
        JsonNode simple = root.get("flags");
        if (simple != null && root.get("f") == null) {
            return fromSimple(simple);
        }
        CompileContext context = new CompileContext();
        String salt = null;
        Preferences preferences = Preferences.NONE;
        JsonNode p = root.get("p");
        if (p != null && !p.isNull()) {
            if (!p.isObject()) {
                throw new ConfigParseException("p", "object expected, was " + p.getNodeType());
            }
            salt = p.path("s").isTextual() ? p.get("s").textValue() : null;
            preferences = preferences(p);
        }
        Segment[] segments = SegmentCompiler.compile(root.get("s"), salt, context);
        JsonNode f = root.get("f");
        Map<String, Flag> flags = new TreeMap<>();
        if (f != null && !f.isNull()) {
            if (!f.isObject()) {
                throw new ConfigParseException("f", "object expected, was " + f.getNodeType());
            }
            FlagCompiler compiler = new FlagCompiler(salt, segments, context);
            long shared = DefinitionHash.shared(salt, root.get("s"));
            for (Map.Entry<String, JsonNode> e : f.properties()) {
                long hash = DefinitionHash.of(e.getValue(), shared);
                // Shared with the prerequisite conditions that name the flag (see FlagCompiler); canonical, so that
                // a lookup by a literal key matches on identity.
                String key = context.canonical(e.getKey());
                flags.put(key, compiler.compile(key, e.getValue(), hash));
            }
        }
        return new ConfigCompiler(preferences, flags, context.byFlag());
    }

    private static JsonNode readTree(String json) throws ConfigParseException {
        try {
            JsonNode root = EngineJson.mapper().readTree(json);
            if (root == null || root.isMissingNode()) {
                throw new ConfigParseException("", "config JSON is empty");
            }
            return root;
        } catch (StreamConstraintsException e) {
            throw new ConfigParseException("", "config JSON exceeds the read limits: " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            throw new ConfigParseException("", "invalid JSON" + where + ": " + e.getOriginalMessage(), e);
        }
    }

    private static Preferences preferences(JsonNode p) throws ConfigParseException {
        JsonNode u = p.get("u");
        if (u != null && !u.isNull() && !u.isTextual()) {
            throw new ConfigParseException("p.u", "string expected, was " + u.getNodeType());
        }
        JsonNode r = p.get("r");
        Preferences.RedirectMode mode = Preferences.RedirectMode.NO_REDIRECT;
        if (r != null && !r.isNull()) {
            if (!r.isInt() || r.intValue() < 0 || r.intValue() > 2) {
                throw new ConfigParseException("p.r", "redirect mode must be 0, 1 or 2, was " + r);
            }
            mode = Preferences.RedirectMode.values()[r.intValue()];
        }
        return Preferences.of(u == null || u.isNull() ? null : u.textValue(), mode);
    }

    private static ConfigCompiler fromSimple(JsonNode flagsNode) throws ConfigParseException {
        if (!flagsNode.isObject()) {
            throw new ConfigParseException("flags", "object expected, was " + flagsNode.getNodeType());
        }
        Map<String, Flag> flags = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : flagsNode.properties()) {
            JsonNode v = e.getValue();
            Object value;
            if (v.isBoolean()) {
                value = v.booleanValue();
            } else if (v.isTextual()) {
                value = v.textValue();
            } else if (v.isIntegralNumber() && v.canConvertToInt()) {
                value = v.intValue();
            } else if (v.isNumber()) {
                value = v.doubleValue();
            } else {
                throw new ConfigParseException(
                        "flags." + e.getKey(), "boolean, string or number expected, was " + v.getNodeType());
            }
            flags.put(e.getKey(), valueFlag(e.getKey(), value));
        }
        return new ConfigCompiler(Preferences.NONE, flags, Collections.emptyMap());
    }

    /**
     * Builds compiled flags from plain values.
     *
     * @param values values by key: {@link Boolean}, {@link String}, {@link Integer}, {@link Long} or {@link Double}
     * @return the compiled parts
     * @throws IllegalArgumentException if a key is null or a value has another type
     */
    static ConfigCompiler fromValues(Map<String, ?> values) {
        Map<String, Flag> flags = new TreeMap<>();
        values.forEach((key, value) -> {
            if (key == null) {
                throw new IllegalArgumentException("flag keys must not be null");
            }
            flags.put(key, valueFlag(key, value));
        });
        return new ConfigCompiler(Preferences.NONE, flags, Collections.emptyMap());
    }

    static Flag valueFlag(String key, @Nullable Object value) {
        SettingType type;
        Object v = value;
        if (value instanceof Boolean) {
            type = SettingType.BOOLEAN;
        } else if (value instanceof String) {
            type = SettingType.STRING;
        } else if (value instanceof Integer || value instanceof Long) {
            type = SettingType.INT;
            long l = ((Number) value).longValue();
            v = l == (int) l ? (Object) (int) l : (Object) l;
        } else if (value instanceof Double) {
            type = SettingType.DOUBLE;
        } else {
            throw new IllegalArgumentException(
                    "flag '" + key + "': value must be a Boolean, String, Integer, Long or" + " Double, was "
                            + (value == null ? "null" : value.getClass().getName()));
        }
        EvaluationResult result =
                EvaluationResult.success(v, null, ResultReason.STATIC, EvaluationResult.NONE, EvaluationResult.NONE);
        long hash = DefinitionHash.ofValue(type, v);
        return new Flag(key, type, FlagCompiler.NO_RULES, FlagCompiler.NO_OPTIONS, null, result, null, hash, List.of());
    }

    /**
     * Returns the config's preferences.
     *
     * @return the preferences, never null
     */
    Preferences preferences() {
        return preferences;
    }

    /**
     * Returns the compiled flags in key order.
     *
     * @return a sorted mutable map owned by the caller
     */
    Map<String, Flag> flags() {
        return flags;
    }

    /**
     * Returns the first problem of each broken flag ({@code "f.key.r[0].c[0].u.c: unknown comparator 99"}).
     *
     * @return problems by flag key (segment problems under {@code s[i]}), never null
     */
    Map<String, String> problems() {
        return problems;
    }
}
