package dev.vexilla.local.engine.internal;

import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Collects the problems found while compiling one flag: the first one is the flag's reported problem
 * ({@code path: detail}). Each problem also yields the message an evaluation that reaches it fails with: ConfigCat's
 * text followed by where and why. Not thread-safe; used by one compilation.
 */
final class Problems {

    private final Map<String, String> byFlag = new TreeMap<>();
    private @Nullable String currentFlag;

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
