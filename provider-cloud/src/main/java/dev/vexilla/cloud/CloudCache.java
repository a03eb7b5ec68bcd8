package dev.vexilla.cloud;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The client-side result cache of a {@link CloudProvider}: off, or a least-recently-used map with a time to live.
 *
 * <p>An entry is keyed by the flag key, the requested type and the whole user (never the targeting key alone), so two
 * contexts that differ in any attribute never share an answer, and a context without targeting key (sent as an
 * anonymous user) never shares one with a context that has a key, whatever the key. A hit is returned with reason
 * {@code CACHED}. Entries expire after the TTL on the provider's clock, and the whole cache is dropped whenever the
 * server's change stream ({@code /v1/stream}) announces a new config. Errors are never cached.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class CloudCache {
    /** The largest number of entries a cache may hold. */
    public static final int MAX_ENTRIES = 1_000_000;
    /** The shortest time to live. */
    public static final Duration MIN_TTL = Duration.ofMillis(1);

    private static final CloudCache DISABLED = new CloudCache(0, Duration.ZERO);

    private final int maxEntries;
    private final Duration ttl;

    private CloudCache(int maxEntries, Duration ttl) {
        this.maxEntries = maxEntries;
        this.ttl = ttl;
    }

    /**
     * Returns the setting with no cache: every evaluation asks the server.
     *
     * @return the disabled setting
     */
    public static CloudCache disabled() {
        return DISABLED;
    }

    /**
     * Returns a least-recently-used cache setting.
     *
     * @param maxEntries the number of entries kept, 1 to {@value #MAX_ENTRIES}
     * @param ttl how long an entry is served, at least {@link #MIN_TTL}
     * @return the setting
     * @throws IllegalArgumentException if a bound is violated
     */
    public static CloudCache lru(int maxEntries, Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        if (maxEntries < 1 || maxEntries > MAX_ENTRIES) {
            throw new IllegalArgumentException(
                    "cache maxEntries must be in [1, " + MAX_ENTRIES + "], was " + maxEntries);
        }
        if (ttl.compareTo(MIN_TTL) < 0) {
            throw new IllegalArgumentException("cache ttl must be >= " + MIN_TTL + ", was " + ttl);
        }
        return new CloudCache(maxEntries, ttl);
    }

    /**
     * Tells whether results are cached.
     *
     * @return {@code true} for an LRU cache
     */
    public boolean isEnabled() {
        return maxEntries > 0;
    }

    /**
     * Returns the number of entries kept.
     *
     * @return the bound; 0 when disabled
     */
    public int maxEntries() {
        return maxEntries;
    }

    /**
     * Returns the time to live of an entry.
     *
     * @return the TTL; zero when disabled
     */
    public Duration ttl() {
        return ttl;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (!(o instanceof CloudCache)) {
            return false;
        }
        CloudCache other = (CloudCache) o;
        return maxEntries == other.maxEntries && ttl.equals(other.ttl);
    }

    @Override
    public int hashCode() {
        return 31 * maxEntries + ttl.hashCode();
    }

    @Override
    public String toString() {
        return isEnabled() ? "CloudCache.lru(" + maxEntries + ", " + ttl + ")" : "CloudCache.disabled()";
    }
}
