package dev.vexilla.engine.configcat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The state of one compilation: shares equal strings and boxed values (attribute names, comparison and setting values
 * repeat across flags), equal user conditions and equal condition lists, and collects the problems found while
 * compiling each flag: the first one is the flag's reported problem ({@code path: detail}). Each problem also yields the message an evaluation that reaches it fails with: ConfigCat's
 * text followed by where and why. Not thread-safe; used by one compilation.
 */
final class CompileContext {

    private final Map<String, String> byFlag = new TreeMap<>();
    private final Map<Object, Object> shared = new HashMap<>();
    private final Map<String, byte[]> saltSuffixes = new HashMap<>();
    /** Compiled user conditions that mean the same wherever they appear, by their JSON (see {@link #condition}). */
    private final Map<JsonNode, UserCondition> conditions = new HashMap<>();
    /** Condition arrays by their elements; {@code Condition} has identity equality, so equal lists hold the same. */
    private final Map<List<Condition>, Condition[]> conditionArrays = new HashMap<>();

    private @Nullable String currentFlag;

    /** Returns a shared instance equal to {@code s}. */
    String intern(String s) {
        return share(s);
    }

    /**
     * Returns the JVM-wide canonical instance of a name ({@link String#intern()}): attribute names and flag keys.
     * Names written as literals in application code are canonical too, so looking an attribute up in a user's
     * attributes (a string switch or a hash map) or a flag up in the flag table succeeds on the identity check
     * instead of comparing characters.
     */
    String canonical(String name) {
        String shared = intern(name);
        String canonical = shared.intern();
        if (canonical != shared) {
            this.shared.put(canonical, canonical);
        }
        return canonical;
    }

    /**
     * Returns a shared instance equal to {@code value}: a string or a boxed setting value ({@code equals} tells
     * {@code Integer} 1 from {@code Long} 1 and {@code Double} 1.0, so shared values keep their type).
     */
    @SuppressWarnings("unchecked")
    <T> T share(T value) {
        Object existing = shared.putIfAbsent(value, value);
        return existing != null ? (T) existing : value;
    }

    /** Returns the shared UTF-8 bytes of {@code salt + contextSalt} (one array per flag or segment). */
    byte[] saltSuffix(String salt, String contextSalt) {
        return saltSuffixes.computeIfAbsent(contextSalt, k -> (salt + k).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Compiles a user condition ({@code u}), or returns an earlier compilation of an equal JSON object. Shared
     * conditions are those whose compiled form depends on their JSON alone: valid and not hashed (a hashed condition
     * is salted with the flag key or segment name; a broken one records its problem under its own flag and path).
     * Configs repeat conditions across flags ({@code Email ENDS WITH @company.com}, a version threshold), and a user
     * condition with its precompiled operand is one of the larger compiled objects.
     */
    Condition condition(JsonNode u, String path, @Nullable String salt, String contextSalt) {
        UserCondition known = conditions.get(u);
        if (known != null) {
            return known;
        }
        Condition compiled = ConditionCompiler.compile(u, path, salt, contextSalt, this);
        if (compiled instanceof UserCondition) {
            UserCondition uc = (UserCondition) compiled;
            if (uc.brokenMessage == null && !uc.comparator.hashed) {
                conditions.put(u, uc);
            }
        }
        return compiled;
    }

    /**
     * Returns a shared array equal to {@code conditions} (same elements in the same order): rules built from shared
     * conditions then share their array too. The arrays are never written after compilation.
     */
    Condition[] conditions(Condition[] conditions) {
        return conditionArrays.computeIfAbsent(Arrays.asList(conditions), k -> conditions);
    }

    void startFlag(String key) {
        currentFlag = key;
    }

    /** Records a problem and returns the message evaluations reaching it fail with. */
    String lazy(String path, String detail, String configCatText) {
        if (currentFlag != null) {
            byFlag.putIfAbsent(currentFlag, path + ": " + detail);
        }
        return configCatText + " (" + path + ": " + detail + ")";
    }

    /** Records a problem and returns a condition that fails evaluations reaching it. */
    BrokenCondition broken(String path, String detail, String configCatText) {
        return new BrokenCondition(lazy(path, detail, configCatText));
    }

    Map<String, String> byFlag() {
        return byFlag;
    }
}
