package dev.vexilla.engine.configcat;

import org.jspecify.annotations.Nullable;

/** The chain of flags being evaluated through prerequisites, innermost last; detects cycles and runaway depth. */
final class PrerequisitePath {

    final String key;
    final @Nullable PrerequisitePath parent;
    final int depth;

    PrerequisitePath(String key, @Nullable PrerequisitePath parent) {
        this.key = key;
        this.parent = parent;
        this.depth = parent == null ? 1 : parent.depth + 1;
    }

    boolean contains(String k) {
        for (PrerequisitePath v = this; v != null; v = v.parent) {
            if (v.key.equals(k)) {
                return true;
            }
        }
        return false;
    }

    String describe(String last) {
        StringBuilder sb = new StringBuilder("'").append(last).append("'");
        for (PrerequisitePath v = this; v != null; v = v.parent) {
            sb.insert(0, "'" + v.key + "' -> ");
        }
        return sb.toString();
    }
}
