package dev.vexilla.local;

import dev.vexilla.local.internal.cache.FileConfigCache;
import dev.vexilla.local.internal.cache.InMemoryConfigCache;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * A place where the local provider keeps the last downloaded config, so a restarted application can evaluate flags
 * before (or without) reaching the network, and several processes can share one download.
 *
 * <p>Keys and values are ConfigCat-compatible: the key is {@code sha1_hex(sdkKey + "_config_v6.json_v2")} (the raw
 * SDK key is never stored), the value is {@code fetchTimeMillis + "\n" + etag + "\n" + configJson}, so a cache
 * shared with ConfigCat's own SDKs works both ways. Implementations store the strings as they are; the provider
 * does the encoding.
 *
 * <p><b>Failure policy</b> (for every implementation, including your own): {@link #read} and {@link #write} must
 * not throw. A failing cache is logged once (at WARN, again only after it has worked in between) and otherwise
 * ignored: a failed read counts as a miss, a failed write is dropped. The provider then keeps working from the
 * network.
 *
 * <p>Implementations must be thread-safe. Calls may block (file or network I/O), so they are made from the
 * provider's background threads, never from an evaluation.
 *
 * <pre>{@code
 * ConfigCache cache = ConfigCache.file(Path.of("/var/cache/my-app/flags"));
 * }</pre>
 *
 * @since 0.1.0
 */
public interface ConfigCache {

    /**
     * Reads the value stored under a key.
     *
     * @param key the cache key
     * @return the stored value, or null when there is none or the read failed
     */
    @Nullable
    String read(String key);

    /**
     * Stores a value under a key, replacing any previous value. Readers see either the old or the new value, never
     * a mix.
     *
     * @param key the cache key
     * @param value the value to store
     */
    void write(String key, String value);

    /**
     * Returns a new cache that keeps values in memory, for the lifetime of the returned object.
     *
     * @return a new, empty in-memory cache
     */
    static ConfigCache inMemory() {
        return new InMemoryConfigCache();
    }

    /**
     * Returns a cache that keeps each value in a file of the given directory (created on first write if missing).
     * Writes are atomic: a value is written to a temporary file in the same directory and then moved over the old
     * one, so concurrent writers and readers, even in other processes, always see a complete value.
     *
     * @param directory the directory holding the cache files
     * @return a file cache
     */
    static ConfigCache file(Path directory) {
        return new FileConfigCache(directory);
    }
}
