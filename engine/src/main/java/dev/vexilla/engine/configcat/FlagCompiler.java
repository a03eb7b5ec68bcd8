package dev.vexilla.engine.configcat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vexilla.model.ErrorKind;
import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.ResultReason;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Compiles one setting of a config v6 document into a {@link Flag}: typed values checked, results precomputed,
 * conditions compiled with the config's salt and segments. Problems never escape: they break only this flag (or only
 * the rule, condition or value evaluation reaches), with a message naming the JSON path.
 */
final class FlagCompiler {

    static final Rule[] NO_RULES = new Rule[0];
    static final Option[] NO_OPTIONS = new Option[0];
    static final Condition[] NO_CONDITIONS = new Condition[0];

    private final @Nullable String salt;
    private final Segment @Nullable [] segments;
    private final CompileContext context;
    /**
     * The valid segment conditions met so far, at {@code 2 * segment index + (negated ? 1 : 0)}: a valid segment
     * condition depends only on its segment and comparator, so every rule naming the same pair shares one.
     */
    private final SegmentCondition @Nullable [] segmentConditions;

    FlagCompiler(@Nullable String salt, Segment @Nullable [] segments, CompileContext context) {
        this.salt = salt;
        this.segments = segments;
        this.context = context;
        this.segmentConditions = segments == null ? null : new SegmentCondition[2 * segments.length];
    }

    Flag compile(String key, JsonNode node, long definitionHash) {
        context.startFlag(key);
        String path = "f." + key;
        if (!node.isObject()) {
            return broken(key, context.lazy(path, "setting must be an object", "Setting is invalid."), definitionHash);
        }
        JsonNode t = node.get("t");
        SettingType type = t == null || t.isNull() ? SettingType.BOOLEAN : typeOf(t);
        if (type == null) {
            return broken(
                    key,
                    context.lazy(path + ".t", "unknown setting type " + t, "Setting type is invalid."),
                    definitionHash);
        }
        JsonNode a = node.get("a");
        if (a != null && !a.isNull() && !a.isTextual()) {
            return broken(
                    key,
                    context.lazy(path + ".a", "string expected", "Percentage attribute is invalid."),
                    definitionHash);
        }
        List<String> prerequisites = new ArrayList<>();
        Rule[] rules = rules(key, type, node.get("r"), path + ".r", prerequisites);
        Option[] options = options(type, node.get("p"), path + ".p", EvaluationResult.NONE);
        ResultReason reason = rules.length == 0 && options.length == 0 ? ResultReason.STATIC : ResultReason.DEFAULT;
        Object value = value(node.get("v"), type);
        EvaluationResult valueResult = value != null
                ? EvaluationResult.success(
                        value, variationId(node), reason, EvaluationResult.NONE, EvaluationResult.NONE)
                : invalidValue(path + ".v", type);
        String percentageAttribute = a == null || a.isNull() ? null : context.canonical(a.textValue());
        return new Flag(
                key, type, rules, options, percentageAttribute, valueResult, null, definitionHash, prerequisites);
    }

    private static Flag broken(String key, String message, long hash) {
        EvaluationResult error = EvaluationResult.error(ErrorKind.PARSE_ERROR, message);
        return new Flag(key, SettingType.BOOLEAN, NO_RULES, NO_OPTIONS, null, error, message, hash, List.of());
    }

    static @Nullable SettingType typeOf(JsonNode t) {
        if (!t.isInt()) {
            return null;
        }
        switch (t.intValue()) {
            case 0:
                return SettingType.BOOLEAN;
            case 1:
                return SettingType.STRING;
            case 2:
                return SettingType.INT;
            case 3:
                return SettingType.DOUBLE;
            default:
                return null;
        }
    }

    private Rule[] rules(String key, SettingType type, @Nullable JsonNode r, String path, List<String> prerequisites) {
        if (r == null || r.isNull()) {
            return NO_RULES;
        }
        if (!r.isArray()) {
            return new Rule[] {brokenRule(context.lazy(path, "array expected", "Targeting rules are invalid."))};
        }
        if (r.size() == 0) {
            return NO_RULES; // empty arrays are shared, as the omitted field's
        }
        Rule[] rules = new Rule[r.size()];
        for (int i = 0; i < rules.length; i++) {
            rules[i] = rule(key, type, r.get(i), path + "[" + i + "]", i, prerequisites);
        }
        return rules;
    }

    private static Rule brokenRule(String message) {
        return new Rule(new Condition[] {new BrokenCondition(message)}, null, null, message);
    }

    private Rule rule(String key, SettingType type, JsonNode node, String path, int index, List<String> prerequisites) {
        if (!node.isObject()) {
            return brokenRule(context.lazy(path, "object expected", "Targeting rule is invalid."));
        }
        Condition[] conditions = conditions(key, node.get("c"), path + ".c", prerequisites);
        JsonNode s = node.get("s");
        JsonNode p = node.get("p");
        if (s != null && s.isObject()) {
            Object value = value(s.get("v"), type);
            EvaluationResult result = value != null
                    ? EvaluationResult.success(
                            value, variationId(s), ResultReason.TARGETING_MATCH, index, EvaluationResult.NONE)
                    : invalidValue(path + ".s.v", type);
            return new Rule(conditions, result, null, null);
        }
        if (p != null && p.isArray() && p.size() > 0) {
            return new Rule(conditions, null, options(type, p, path + ".p", index), null);
        }
        String message = context.lazy(path, "neither 's' nor 'p'", "Targeting rule THEN part is missing or invalid.");
        return new Rule(conditions, null, null, message);
    }

    private Condition[] conditions(String key, @Nullable JsonNode c, String path, List<String> prerequisites) {
        if (c == null || c.isNull()) {
            return NO_CONDITIONS;
        }
        if (!c.isArray()) {
            return new Condition[] {context.broken(path, "array expected", "Condition is missing or invalid.")};
        }
        Condition[] out = new Condition[c.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = condition(key, c.get(i), path + "[" + i + "]", prerequisites);
        }
        return context.conditions(out);
    }

    private Condition condition(String key, JsonNode node, String path, List<String> prerequisites) {
        JsonNode u = node.get("u");
        if (u != null && !u.isNull()) {
            return context.condition(u, path + ".u", salt, key);
        }
        JsonNode s = node.get("s");
        if (s != null && !s.isNull()) {
            return segmentCondition(s, path + ".s");
        }
        JsonNode p = node.get("p");
        if (p != null && p.isObject()) {
            return prerequisite(p, path + ".p", prerequisites);
        }
        return context.broken(path, "none of 'u', 's', 'p'", "Condition is missing or invalid.");
    }

    private Condition segmentCondition(JsonNode s, String path) {
        JsonNode index = s.get("s");
        JsonNode c = s.get("c");
        boolean comparatorValid = c != null && c.isInt() && (c.intValue() == 0 || c.intValue() == 1);
        String comparatorMessage = comparatorValid
                ? null
                : context.lazy(
                        path + ".c", "unknown segment comparator " + c, "Segment comparison operator is invalid.");
        Segment segment = null;
        String referenceMessage = null;
        if (index != null
                && index.isInt()
                && segments != null
                && index.intValue() >= 0
                && index.intValue() < segments.length) {
            segment = segments[index.intValue()];
        } else {
            referenceMessage = context.lazy(path + ".s", "no segment " + index, "Segment reference is invalid.");
        }
        boolean negated = comparatorValid && c.intValue() == 1;
        if (segment == null || comparatorMessage != null || segmentConditions == null) {
            return new SegmentCondition(segment, negated, comparatorMessage, referenceMessage);
        }
        int slot = 2 * index.intValue() + (negated ? 1 : 0);
        SegmentCondition known = segmentConditions[slot];
        if (known == null) {
            known = new SegmentCondition(segment, negated, null, null);
            segmentConditions[slot] = known;
        }
        return known;
    }

    private Condition prerequisite(JsonNode p, String path, List<String> prerequisites) {
        JsonNode f = p.get("f");
        JsonNode c = p.get("c");
        JsonNode v = p.get("v");
        boolean comparatorValid = c != null && c.isInt() && (c.intValue() == 0 || c.intValue() == 1);
        String comparatorMessage = comparatorValid
                ? null
                : context.lazy(
                        path + ".c",
                        "unknown prerequisite comparator " + c,
                        "Prerequisite Flag comparison operator is invalid.");
        // The same instance as the prerequisite flag's own key (ConfigCompiler shares flag keys too).
        String key = f != null && f.isTextual() ? context.canonical(f.textValue()) : "";
        if (!key.isEmpty()) {
            prerequisites.add(key);
        }
        boolean hasValue = v != null && v.isObject();
        return new PrerequisiteCondition(
                key,
                comparatorValid && c.intValue() == 1,
                comparatorMessage,
                hasValue && v.path("b").isBoolean() ? v.get("b").booleanValue() : null,
                hasValue && v.path("s").isTextual() ? context.intern(v.get("s").textValue()) : null,
                hasValue && v.path("i").canConvertToLong() && v.path("i").isIntegralNumber()
                        ? context.share(v.get("i").longValue())
                        : null,
                hasValue && v.path("d").isNumber() ? context.share(v.get("d").doubleValue()) : null);
    }

    private Option[] options(SettingType type, @Nullable JsonNode p, String path, int ruleIndex) {
        if (p == null || p.isNull()) {
            return NO_OPTIONS;
        }
        if (!p.isArray()) {
            String message = context.lazy(path, "array expected", "Percentage options are invalid.");
            return new Option[] {new Option(0, EvaluationResult.error(ErrorKind.PARSE_ERROR, message))};
        }
        if (p.size() == 0) {
            return NO_OPTIONS;
        }
        Option[] out = new Option[p.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode o = p.get(i);
            String at = path + "[" + i + "]";
            JsonNode percent = o.get("p");
            int share = percent != null && percent.isInt() ? percent.intValue() : 0;
            if (percent == null || !percent.isInt() || share < 0) {
                context.lazy(at + ".p", "percentage must be a whole number >= 0", "Percentage option is invalid.");
                share = Math.max(share, 0);
            }
            Object value = value(o.get("v"), type);
            EvaluationResult result = value != null
                    ? EvaluationResult.success(value, variationId(o), ResultReason.SPLIT, ruleIndex, i)
                    : invalidValue(at + ".v", type);
            out[i] = new Option(share, result);
        }
        return out;
    }

    private EvaluationResult invalidValue(String path, SettingType type) {
        String message =
                context.lazy(path, "no " + type + " value", "Setting value is not of the expected type " + type + ".");
        return EvaluationResult.error(ErrorKind.PARSE_ERROR, message);
    }

    private static @Nullable String variationId(JsonNode node) {
        JsonNode i = node.get("i");
        return i != null && i.isTextual() ? i.textValue() : null;
    }

    /** Reads the field of {@code v} that matches the type; {@code null} when absent or of the wrong JSON type. */
    @Nullable
    Object value(@Nullable JsonNode v, SettingType type) {
        if (v == null || !v.isObject()) {
            return null;
        }
        switch (type) {
            case BOOLEAN:
                JsonNode b = v.get("b");
                return b != null && b.isBoolean() ? Boolean.valueOf(b.booleanValue()) : null;
            case STRING:
                JsonNode s = v.get("s");
                return s != null && s.isTextual() ? context.intern(s.textValue()) : null;
            case INT:
                JsonNode i = v.get("i");
                if (i == null || !i.isIntegralNumber() || !i.canConvertToLong()) {
                    return null;
                }
                return context.share(i.canConvertToInt() ? (Object) i.intValue() : (Object) i.longValue());
            default:
                JsonNode d = v.get("d");
                return d != null && d.isNumber() ? context.share(d.doubleValue()) : null;
        }
    }
}
