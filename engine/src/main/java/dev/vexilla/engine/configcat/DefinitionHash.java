package dev.vexilla.engine.configcat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A 64-bit FNV-1a hash of a flag's definition, used to tell which flags changed between two configs. The config
 * salt and the segment list are mixed into every flag's hash, so changing them reports every flag as changed (never
 * too few).
 */
final class DefinitionHash {

    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private DefinitionHash() {}

    static long shared(@Nullable String salt, @Nullable JsonNode segments) {
        long h = text(OFFSET, salt == null ? "" : salt);
        return segments == null ? h : node(h, segments);
    }

    static long of(JsonNode setting, long shared) {
        return node(shared, setting);
    }

    /** Hashes a JSON tree without serializing it: structure, field names and scalar values in document order. */
    private static long node(long seed, JsonNode n) {
        long h = mix(seed, n.getNodeType().ordinal());
        if (n.isObject()) {
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                h = node(text(h, e.getKey()), e.getValue());
            }
            return mix(h, '}');
        }
        if (n.isArray()) {
            for (JsonNode item : n) {
                h = node(h, item);
            }
            return mix(h, ']');
        }
        if (n.isNumber()) {
            return mix(h, Double.doubleToLongBits(n.doubleValue())) ^ (n.isIntegralNumber() ? 1 : 0);
        }
        if (n.isBoolean()) {
            return mix(h, n.booleanValue() ? 1 : 0);
        }
        return n.isTextual() ? text(h, n.textValue()) : h;
    }

    private static long mix(long h, long v) {
        return (h ^ v) * PRIME;
    }

    static long ofValue(SettingType type, Object value) {
        return text(text(OFFSET, type.name()), value.toString());
    }

    private static long text(long seed, String s) {
        long h = seed;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= PRIME;
        }
        h ^= 0xff;
        return h * PRIME;
    }
}
