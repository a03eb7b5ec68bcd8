package dev.vexilla.engine.configcat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.HashSet;
import org.jspecify.annotations.Nullable;

/**
 * Compiles one user condition ({@code {"a":…,"c":…,"s"|"d"|"l":…}}) into a {@link UserCondition}, pre-parsing the
 * comparison values for its comparator. CompileContext become a {@link BrokenCondition} (unknown comparator, no attribute)
 * or a lazy broken message (missing comparison value, missing salt), as ConfigCat reports them.
 */
final class ConditionCompiler {

    /** Lists longer than this are matched through a hash set. */
    static final int SET_THRESHOLD = 8;

    private ConditionCompiler() {}

    static Condition compile(
            JsonNode u, String path, @Nullable String salt, String contextSalt, CompileContext context) {
        if (!u.isObject()) {
            return context.broken(path, "user condition must be an object", "Condition is missing or invalid.");
        }
        JsonNode a = u.get("a");
        if (a == null || !a.isTextual() || a.asText().isEmpty()) {
            return context.broken(path + ".a", "attribute name missing", "Comparison attribute name is missing.");
        }
        JsonNode c = u.get("c");
        Comparator comparator = c != null && c.isInt() ? Comparator.fromId(c.intValue()) : null;
        if (comparator == null) {
            return context.broken(
                    path + ".c",
                    "unknown comparator " + (c == null ? "(missing)" : c),
                    "Comparison operator is invalid.");
        }
        String[] list = null;
        String text = null;
        Double number = null;
        String broken = null;
        if (comparator.usesList()) {
            list = stringList(u.get("l"), context);
            if (list == null) {
                broken = context.lazy(path + ".l", "string list expected", UserCondition.VALUE_MISSING);
            }
        } else if (comparator.usesString()) {
            JsonNode s = u.get("s");
            text = s != null && s.isTextual() ? context.intern(s.textValue()) : null;
            if (text == null) {
                broken = context.lazy(path + ".s", "string expected", UserCondition.VALUE_MISSING);
            }
        } else {
            JsonNode d = u.get("d");
            number = d != null && d.isNumber() ? d.doubleValue() : null;
            if (number == null) {
                broken = context.lazy(path + ".d", "number expected", UserCondition.VALUE_MISSING);
            }
        }
        if (broken == null && comparator.hashed && salt == null) {
            broken = context.lazy("p.s", "config salt missing", "Config JSON salt is missing.");
        }
        UserCondition uc = new UserCondition(context.canonical(a.textValue()), comparator, broken, list, text, number);
        if (broken == null) {
            prepare(uc, salt == null ? "" : salt, contextSalt, context);
        }
        return uc;
    }

    private static String @Nullable [] stringList(@Nullable JsonNode l, CompileContext context) {
        if (l == null || !l.isArray()) {
            return null;
        }
        String[] out = new String[l.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode item = l.get(i);
            if (!item.isTextual()) {
                return null;
            }
            out[i] = context.intern(item.textValue());
        }
        return out;
    }

    private static void prepare(UserCondition uc, String salt, String contextSalt, CompileContext context) {
        Comparator cmp = uc.comparator;
        if (cmp.hashed) {
            uc.saltSuffix = context.saltSuffix(salt, contextSalt);
        }
        String[] list = uc.list;
        switch (cmp) {
            case IS_ONE_OF:
            case IS_NOT_ONE_OF:
                if (list != null && list.length > SET_THRESHOLD) {
                    uc.prepared = new HashSet<>(Arrays.asList(list));
                }
                break;
            case SENSITIVE_IS_ONE_OF:
            case SENSITIVE_IS_NOT_ONE_OF:
            case HASHED_ARRAY_CONTAINS:
            case HASHED_ARRAY_NOT_CONTAINS:
                uc.hashes = digests(list);
                uc.list = null; // only the digests and the count are needed from here on
                break;
            case HASHED_EQUALS:
            case HASHED_NOT_EQUALS:
                uc.prepared = uc.text == null ? null : Sha256.parseHex(uc.text);
                break;
            case HASHED_STARTS_WITH:
            case HASHED_NOT_STARTS_WITH:
            case HASHED_ENDS_WITH:
            case HASHED_NOT_ENDS_WITH:
                prepareSlices(uc, list == null ? new String[0] : list);
                break;
            case SEMVER_IS_ONE_OF:
            case SEMVER_IS_NOT_ONE_OF:
                prepareVersions(uc, list == null ? new String[0] : list);
                break;
            case SEMVER_LESS:
            case SEMVER_LESS_EQUALS:
            case SEMVER_GREATER:
            case SEMVER_GREATER_EQUALS:
                uc.prepared = uc.text == null ? null : SemVer.parse(uc.text.trim());
                break;
            default:
                break;
        }
    }

    private static int @Nullable [] @Nullable [] digests(String @Nullable [] list) {
        if (list == null) {
            return null;
        }
        int[][] out = new int[list.length][];
        for (int i = 0; i < list.length; i++) {
            out[i] = Sha256.parseHex(list[i]);
        }
        return out;
    }

    private static void prepareSlices(UserCondition uc, String[] list) {
        int[] lengths = new int[list.length];
        int[][] hashes = new int[list.length][];
        for (int i = 0; i < list.length; i++) {
            String item = list[i];
            int underscore = item.indexOf('_');
            lengths[i] = underscore <= 0
                    ? -1
                    : parseLength(item.substring(0, underscore).trim());
            hashes[i] = underscore <= 0 ? null : Sha256.parseHex(item.substring(underscore + 1));
        }
        uc.prepared = lengths;
        uc.hashes = hashes;
    }

    private static int parseLength(String s) {
        try {
            int n = Integer.parseInt(s);
            return n < 0 ? -1 : n;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void prepareVersions(UserCondition uc, String[] list) {
        SemVer[] versions = new SemVer[list.length];
        int n = 0;
        for (String item : list) {
            if (item.isEmpty()) {
                continue;
            }
            SemVer v = SemVer.parse(item.trim());
            if (v == null) {
                return; // an invalid item: the condition never matches (prepared stays null)
            }
            versions[n++] = v;
        }
        uc.prepared = Arrays.copyOf(versions, n);
    }
}
