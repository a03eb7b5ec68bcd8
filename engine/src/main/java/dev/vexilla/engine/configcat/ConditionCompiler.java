package dev.vexilla.engine.configcat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Compiles one user condition ({@code {"a":…,"c":…,"s"|"d"|"l":…}}) into the {@link UserCondition} of its comparator,
 * with the comparison values pre-parsed for that comparator: hash sets, SHA-256 digests, semantic versions, numbers.
 * A condition that cannot be compiled at all (unknown comparator, no attribute) becomes a {@link BrokenCondition}; a
 * missing comparison value or config salt becomes the condition's broken message, raised where ConfigCat raises it.
 */
final class ConditionCompiler {

    /** Lists longer than this are matched through a hash set. */
    static final int SET_THRESHOLD = 8;

    private static final byte[] NO_SALT = new byte[0];

    private final JsonNode u;
    private final String path;
    private final CompileContext context;
    private final String attribute;
    private final Comparator comparator;

    private ConditionCompiler(
            JsonNode u, String path, CompileContext context, String attribute, Comparator comparator) {
        this.u = u;
        this.path = path;
        this.context = context;
        this.attribute = attribute;
        this.comparator = comparator;
    }

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
        ConditionCompiler compiler =
                new ConditionCompiler(u, path, context, context.canonical(a.textValue()), comparator);
        switch (comparator.operand) {
            case TEXT_LIST:
            case TEXT:
                return comparator.hashed ? compiler.hashedText(salt, contextSalt) : compiler.text();
            case ARRAY:
                return compiler.array(salt, contextSalt);
            case SEMVER_LIST:
            case SEMVER:
                return compiler.version();
            default:
                return compiler.number();
        }
    }

    private TextCondition text() {
        if (comparator.operand == Comparator.Operand.TEXT) {
            String text = string();
            return new TextCondition(attribute, comparator, text == null ? missingString() : null, null, null, text);
        }
        String[] items = list();
        Set<String> set =
                comparator.comparison == Comparator.Comparison.ONE_OF && items != null && items.length > SET_THRESHOLD
                        ? new HashSet<>(Arrays.asList(items))
                        : null;
        return new TextCondition(attribute, comparator, items == null ? missingList() : null, items, set, null);
    }

    private HashedTextCondition hashedText(@Nullable String salt, String contextSalt) {
        boolean single = comparator.operand == Comparator.Operand.TEXT;
        String text = single ? string() : null;
        String[] items = single ? null : list();
        String broken = single ? (text == null ? missingString() : null) : (items == null ? missingList() : null);
        int listSize = items == null ? 0 : items.length;
        if (broken == null && salt == null) {
            broken = missingSalt();
        }
        if (broken != null) {
            return new HashedTextCondition(attribute, comparator, broken, NO_SALT, null, null, listSize);
        }
        byte[] saltSuffix = context.saltSuffix(salt, contextSalt);
        if (single) {
            int[][] digests = {Sha256.parseHex(text)};
            return new HashedTextCondition(attribute, comparator, null, saltSuffix, digests, null, listSize);
        }
        if (comparator.comparison == Comparator.Comparison.ONE_OF) {
            return new HashedTextCondition(attribute, comparator, null, saltSuffix, digests(items), null, listSize);
        }
        return new HashedTextCondition(attribute, comparator, null, saltSuffix, null, slices(items), listSize);
    }

    private ArrayCondition array(@Nullable String salt, String contextSalt) {
        String[] items = list();
        int listSize = items == null ? 0 : items.length;
        String broken = items == null ? missingList() : null;
        if (!comparator.hashed) {
            return new ArrayCondition(attribute, comparator, broken, items, NO_SALT, null, listSize);
        }
        if (broken == null && salt == null) {
            broken = missingSalt();
        }
        if (broken != null) {
            return new ArrayCondition(attribute, comparator, broken, null, NO_SALT, null, listSize);
        }
        byte[] saltSuffix = context.saltSuffix(salt, contextSalt);
        return new ArrayCondition(attribute, comparator, null, null, saltSuffix, digests(items), listSize);
    }

    private VersionCondition version() {
        if (comparator.operand == Comparator.Operand.SEMVER) {
            String text = string();
            SemVer version = text == null ? null : SemVer.parse(text.trim());
            return new VersionCondition(
                    attribute, comparator, text == null ? missingString() : null, null, text, null, version);
        }
        String[] items = list();
        return new VersionCondition(
                attribute, comparator, items == null ? missingList() : null, items, null, versions(items), null);
    }

    private NumberCondition number() {
        JsonNode d = u.get("d");
        if (d == null || !d.isNumber()) {
            String broken = context.lazy(path + ".d", "number expected", UserCondition.VALUE_MISSING);
            return new NumberCondition(attribute, comparator, broken, Double.NaN);
        }
        return new NumberCondition(attribute, comparator, null, d.doubleValue());
    }

    /** The comparison string {@code s}, shared; {@code null} when it is missing or not a string. */
    private @Nullable String string() {
        JsonNode s = u.get("s");
        return s != null && s.isTextual() ? context.intern(s.textValue()) : null;
    }

    /** The comparison list {@code l}, its items shared; {@code null} when it is missing or not a string list. */
    private String @Nullable [] list() {
        JsonNode l = u.get("l");
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

    private String missingString() {
        return context.lazy(path + ".s", "string expected", UserCondition.VALUE_MISSING);
    }

    private String missingList() {
        return context.lazy(path + ".l", "string list expected", UserCondition.VALUE_MISSING);
    }

    private String missingSalt() {
        return context.lazy("p.s", "config salt missing", "Config JSON salt is missing.");
    }

    private static int @Nullable [] @Nullable [] digests(String[] items) {
        int[][] out = new int[items.length][];
        for (int i = 0; i < items.length; i++) {
            out[i] = Sha256.parseHex(items[i]);
        }
        return out;
    }

    private static HashedTextCondition.Slice[] slices(String[] items) {
        HashedTextCondition.Slice[] out = new HashedTextCondition.Slice[items.length];
        for (int i = 0; i < items.length; i++) {
            String item = items[i];
            int underscore = item.indexOf('_');
            out[i] = underscore <= 0
                    ? new HashedTextCondition.Slice(-1, null, false)
                    : new HashedTextCondition.Slice(
                            parseLength(item.substring(0, underscore).trim()),
                            Sha256.parseHex(item.substring(underscore + 1)),
                            underscore == item.length() - 1);
        }
        return out;
    }

    private static int parseLength(String s) {
        try {
            int n = Integer.parseInt(s);
            return n < 0 ? -1 : n;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The versions of a list, empty items skipped; {@code null} when an item is not a valid version (no match). */
    private static SemVer @Nullable [] versions(String @Nullable [] items) {
        if (items == null) {
            return null;
        }
        SemVer[] versions = new SemVer[items.length];
        int n = 0;
        for (String item : items) {
            if (item.isEmpty()) {
                continue;
            }
            SemVer v = SemVer.parse(item.trim());
            if (v == null) {
                return null;
            }
            versions[n++] = v;
        }
        return Arrays.copyOf(versions, n);
    }
}
