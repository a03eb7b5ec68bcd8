package dev.vexilla.engine.devcycle;

import java.util.HashMap;
import java.util.Map;

/**
 * Shares equal strings within one compilation (variation keys and names, filter values, string values, details
 * texts), which configs repeat across features. Not thread-safe: used by the compiler only.
 */
final class Canon {

    private final Map<String, String> strings = new HashMap<>();

    String of(String s) {
        String known = strings.putIfAbsent(s, s);
        return known != null ? known : s;
    }
}
