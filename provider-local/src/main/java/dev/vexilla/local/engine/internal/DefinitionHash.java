package dev.vexilla.local.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vexilla.local.engine.SettingType;
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
        return text(h, segments == null ? "" : segments.toString());
    }

    static long of(JsonNode setting, long shared) {
        return text(shared, setting.toString());
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
