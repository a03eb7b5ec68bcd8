package dev.vexilla.cloud.internal;

import dev.openfeature.sdk.FlagValueType;
import dev.vexilla.cloud.CloudCache;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A bounded least-recently-used map of answers keyed by flag, requested type and the whole user, with a time to live
 * on the injected clock. The user is the context as the shared mapping sees it (a {@code dev.vexilla.model.User},
 * equal when every attribute, private ones included, is equal), or {@link #NO_CONTEXT} for an empty context: that is
 * what decides the server's evaluation, so equal users may share an answer and nothing else does. A user without
 * targeting key never equals one with a key, and an empty context (no user at all) never equals a context whose
 * attributes map to nothing. Keying by the mapped user rather than the request body means a hit serialises nothing.
 * Only answered successes are stored. Thread-safe (one lock; the critical sections are a map lookup or insert).
 */
public final class ResultCache {
    /** The user key of an empty evaluation context: no user at all. */
    public static final Object NO_CONTEXT = new Object() {
        @Override
        public String toString() {
            return "NO_CONTEXT";
        }
    };

    private final int maxEntries;
    private final long ttlMillis;
    private final Clock clock;
    private final LinkedHashMap<Key, CacheEntry> map;

    /**
     * Creates an empty cache.
     *
     * @param setting the enabled cache setting
     * @param clock the clock for the TTL
     */
    public ResultCache(CloudCache setting, Clock clock) {
        this.maxEntries = setting.maxEntries();
        this.ttlMillis = setting.ttl().toMillis();
        this.clock = clock;
        this.map = new LinkedHashMap<Key, CacheEntry>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, CacheEntry> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /**
     * Returns a live cached answer, already marked {@code CACHED}.
     *
     * @param flagKey the flag key
     * @param type the requested type
     * @param user the mapped user, or {@link #NO_CONTEXT}
     * @return the answer, or {@code null} on a miss or an expired entry
     */
    public @Nullable RemoteAnswer get(String flagKey, FlagValueType type, Object user) {
        Key key = new Key(flagKey, type, user);
        long now = clock.millis();
        synchronized (map) {
            CacheEntry e = map.get(key);
            if (e == null) {
                return null;
            }
            if (now >= e.expiresAtMillis) {
                map.remove(key);
                return null;
            }
            return e.answer;
        }
    }

    /**
     * Stores an answer if it is an answered success.
     *
     * @param flagKey the flag key
     * @param type the requested type
     * @param user the mapped user, or {@link #NO_CONTEXT}
     * @param answer the answer
     */
    public void put(String flagKey, FlagValueType type, Object user, RemoteAnswer answer) {
        if (answer.outcome() != RemoteAnswer.Outcome.ANSWERED || answer.result().isError()) {
            return;
        }
        CacheEntry e = new CacheEntry(answer.asCached(), clock.millis() + ttlMillis);
        synchronized (map) {
            map.put(new Key(flagKey, type, user), e);
        }
    }

    /** Drops every entry (the server announced a new config). */
    public void clear() {
        synchronized (map) {
            map.clear();
        }
    }

    /**
     * Returns the number of entries, expired ones included.
     *
     * @return the size
     */
    public int size() {
        synchronized (map) {
            return map.size();
        }
    }

    private static final class CacheEntry {
        final RemoteAnswer answer;
        final long expiresAtMillis;

        CacheEntry(RemoteAnswer answer, long expiresAtMillis) {
            this.answer = answer;
            this.expiresAtMillis = expiresAtMillis;
        }
    }

    private static final class Key {
        final String flagKey;
        final FlagValueType type;
        final Object user;
        final int hash;

        Key(String flagKey, FlagValueType type, Object user) {
            this.flagKey = flagKey;
            this.type = type;
            this.user = user;
            this.hash = (flagKey.hashCode() * 31 + type.hashCode()) * 31 + user.hashCode();
        }

        @Override
        public boolean equals(@Nullable Object o) {
            if (!(o instanceof Key)) {
                return false;
            }
            Key k = (Key) o;
            return hash == k.hash && flagKey.equals(k.flagKey) && type == k.type && user.equals(k.user);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
