package dev.vexilla.local.internal.cache;

import dev.vexilla.local.ConfigCache;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes one SDK key's {@link CacheEntry} in any {@link ConfigCache}, including a user's own
 * implementation that breaks the "never throw" rule.
 *
 * <p><b>Failure policy.</b> Nothing is thrown. A cache that throws, and a stored value that is not a valid entry
 * (for example written by something else), are logged at WARN once, then at DEBUG until a load or save succeeds
 * again; a failed load is a miss, a failed save is dropped.
 *
 * <p>Thread-safe if the cache is; calls block as long as the cache does.
 *
 * @since 0.1.0
 */
public final class CacheEntryStore {
    private static final Logger LOG = LoggerFactory.getLogger(CacheEntryStore.class);

    private final ConfigCache cache;
    private final String key;
    private final AtomicBoolean failing = new AtomicBoolean();

    /**
     * Creates a store for one SDK key.
     *
     * @param cache the cache to use
     * @param sdkKey the SDK key; only its ConfigCat cache key ({@link CacheEntry#cacheKey}) is kept
     */
    public CacheEntryStore(ConfigCache cache, String sdkKey) {
        this.cache = Objects.requireNonNull(cache, "cache");
        this.key = CacheEntry.cacheKey(sdkKey);
    }

    /**
     * Returns the cache key used.
     *
     * @return the ConfigCat-compatible key, 40 hex characters
     */
    public String key() {
        return key;
    }

    /**
     * Loads the cached entry.
     *
     * @return the entry, or empty when there is none, it is malformed or the cache failed
     */
    public Optional<CacheEntry> load() {
        @Nullable String value;
        try {
            value = cache.read(key);
        } catch (RuntimeException e) {
            failed("reading the config cache failed: " + e);
            return Optional.empty();
        }
        if (value == null) {
            failing.set(false);
            return Optional.empty();
        }
        try {
            CacheEntry entry = CacheEntry.decode(value);
            failing.set(false);
            return Optional.of(entry);
        } catch (IllegalArgumentException e) {
            failed("ignoring the cached config: " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Saves an entry, replacing the cached one.
     *
     * @param entry the entry to store
     */
    public void save(CacheEntry entry) {
        Objects.requireNonNull(entry, "entry");
        try {
            cache.write(key, entry.encode());
            failing.set(false);
        } catch (RuntimeException e) {
            failed("writing the config cache failed: " + e);
        }
    }

    private void failed(String message) {
        if (failing.compareAndSet(false, true)) {
            LOG.warn("{}; carrying on without the cache until it works again", message);
        } else {
            LOG.debug(message);
        }
    }

    @Override
    public String toString() {
        return "CacheEntryStore{cache=" + cache + ", key=" + key + '}';
    }
}
