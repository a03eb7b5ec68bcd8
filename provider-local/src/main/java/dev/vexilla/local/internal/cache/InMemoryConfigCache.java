package dev.vexilla.local.internal.cache;

import dev.vexilla.local.ConfigCache;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/**
 * A {@link ConfigCache} backed by a concurrent map. It cannot fail. Thread-safe and non-blocking.
 *
 * @since 0.1.0
 */
public final class InMemoryConfigCache implements ConfigCache {
    private final ConcurrentMap<String, String> values = new ConcurrentHashMap<>();

    /** Creates an empty cache; use {@link ConfigCache#inMemory()}. */
    public InMemoryConfigCache() {}

    @Override
    public @Nullable String read(String key) {
        return values.get(Objects.requireNonNull(key, "key"));
    }

    @Override
    public void write(String key, String value) {
        values.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    }

    @Override
    public String toString() {
        return "ConfigCache.inMemory(" + values.size() + " entries)";
    }
}
