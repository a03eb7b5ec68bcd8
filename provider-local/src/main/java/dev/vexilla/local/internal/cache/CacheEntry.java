package dev.vexilla.local.internal.cache;

import java.time.Instant;
import java.util.Objects;

/**
 * One cached config in ConfigCat's cache format: {@code fetchTimeMillis + "\n" + etag + "\n" + configJson}, stored
 * under {@link #cacheKey(String) sha1_hex(sdkKey + "_config_v6.json_v2")}. ConfigCat's SDKs read and write the same
 * key and value, so a cache can be shared with them.
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows the sizes, not the config.
 *
 * <pre>{@code
 * String key = CacheEntry.cacheKey(sdkKey);
 * cache.write(key, new CacheEntry(fetchTime, etag, json).encode());
 * CacheEntry back = CacheEntry.decode(cache.read(key));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class CacheEntry {
    /** What ConfigCat appends to the SDK key before hashing it into the cache key. */
    public static final String KEY_SUFFIX = "_config_v6.json_v2";

    private final Instant fetchTime;
    private final String etag;
    private final String configJson;

    /**
     * Creates an entry.
     *
     * @param fetchTime when the config was downloaded (or last confirmed by a 304); stored in milliseconds
     * @param etag the config's ETag; not empty, no line break
     * @param configJson the config JSON; not empty
     * @throws IllegalArgumentException if the ETag is empty or holds a line break, the JSON is empty, or the fetch
     *     time is before 1970
     */
    public CacheEntry(Instant fetchTime, String etag, String configJson) {
        this.fetchTime = Instant.ofEpochMilli(
                Objects.requireNonNull(fetchTime, "fetchTime").toEpochMilli());
        this.etag = Objects.requireNonNull(etag, "etag");
        this.configJson = Objects.requireNonNull(configJson, "configJson");
        if (fetchTime.toEpochMilli() < 0) {
            throw new IllegalArgumentException("fetchTime must not be before 1970, was " + fetchTime);
        }
        if (etag.isEmpty() || etag.indexOf('\n') >= 0 || etag.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("etag must be non-empty and on one line, was '" + etag + "'");
        }
        if (configJson.isEmpty()) {
            throw new IllegalArgumentException("configJson must not be empty");
        }
    }

    /**
     * Returns the ConfigCat-compatible cache key of an SDK key: the lower-case hex SHA-1 of
     * {@code sdkKey + "_config_v6.json_v2"}.
     *
     * @param sdkKey the SDK key
     * @return the cache key (40 hex characters); it does not reveal the SDK key
     */
    public static String cacheKey(String sdkKey) {
        return Sha1.hex(Objects.requireNonNull(sdkKey, "sdkKey") + KEY_SUFFIX);
    }

    /**
     * Parses a cached value.
     *
     * @param value the value as stored: fetch time in epoch milliseconds, LF, ETag, LF, config JSON
     * @return the entry
     * @throws IllegalArgumentException if the value does not have three parts, the fetch time is not a
     *     non-negative whole number, the ETag is empty or the JSON is empty; the message says which
     */
    public static CacheEntry decode(String value) {
        Objects.requireNonNull(value, "value");
        int first = value.indexOf('\n');
        int second = first < 0 ? -1 : value.indexOf('\n', first + 1);
        if (second < 0) {
            throw new IllegalArgumentException(
                    "malformed cache entry: expected 'fetchTimeMillis\\netag\\nconfigJson', found "
                            + (first < 0 ? "no" : "one") + " line break");
        }
        String millisText = value.substring(0, first);
        long millis;
        try {
            millis = Long.parseLong(millisText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "malformed cache entry: fetch time '" + abbreviate(millisText) + "' is not a whole number", e);
        }
        if (millis < 0) {
            throw new IllegalArgumentException("malformed cache entry: fetch time " + millis + " is negative");
        }
        String etag = value.substring(first + 1, second);
        if (etag.isEmpty()) {
            throw new IllegalArgumentException("malformed cache entry: the etag is empty");
        }
        String json = value.substring(second + 1);
        if (json.isEmpty()) {
            throw new IllegalArgumentException("malformed cache entry: the config JSON is empty");
        }
        return new CacheEntry(Instant.ofEpochMilli(millis), etag, json);
    }

    /**
     * Encodes this entry as ConfigCat stores it.
     *
     * @return {@code fetchTimeMillis + "\n" + etag + "\n" + configJson}
     */
    public String encode() {
        return fetchTime.toEpochMilli() + "\n" + etag + "\n" + configJson;
    }

    /**
     * Returns a copy with another fetch time, for a 304 that confirmed the cached config.
     *
     * @param newFetchTime the new fetch time
     * @return the copy
     */
    public CacheEntry withFetchTime(Instant newFetchTime) {
        return new CacheEntry(newFetchTime, etag, configJson);
    }

    /**
     * Returns when the config was downloaded or last confirmed.
     *
     * @return the fetch time, in whole milliseconds
     */
    public Instant fetchTime() {
        return fetchTime;
    }

    /**
     * Returns the config's ETag.
     *
     * @return the ETag, never empty
     */
    public String etag() {
        return etag;
    }

    /**
     * Returns the config JSON.
     *
     * @return the JSON text, never empty (not validated here)
     */
    public String configJson() {
        return configJson;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CacheEntry)) {
            return false;
        }
        CacheEntry other = (CacheEntry) o;
        return fetchTime.equals(other.fetchTime) && etag.equals(other.etag) && configJson.equals(other.configJson);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fetchTime, etag, configJson);
    }

    @Override
    public String toString() {
        return "CacheEntry{fetchTime=" + fetchTime + ", etag=" + etag + ", configJsonLength=" + configJson.length()
                + '}';
    }
}
