package dev.vexilla.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An in-memory {@link EdgeDbStore} for a single server: bounded to {@code maxEntries} users, evicting the least
 * recently used (read or written) first; with a non-zero TTL an entry also expires that long after its last write
 * (measured on the injected clock). Data is lost on restart and not shared between servers: use Redis for that.
 *
 * <p>Stored maps are deep-copied to immutable maps on write, so callers cannot change them afterwards.
 * Thread-safe (one lock; operations are O(1)). Failure policy: none can fail; see {@link EdgeDbStore}.
 */
final class MemoryEdgeDbStore implements EdgeDbStore {
    private record Entry(Map<String, Object> fields, Instant writtenAt) {}

    private final int maxEntries;
    private final Duration ttl;
    private final Clock clock;
    private final MetricsRegistry.Counter operations;
    private final LinkedHashMap<String, Entry> entries;

    /**
     * Creates the store.
     *
     * @param maxEntries the most users kept
     * @param ttl lifetime after the last write; zero for none
     * @param clock measures the TTL
     * @param metrics where operation counts go
     */
    MemoryEdgeDbStore(int maxEntries, Duration ttl, Clock clock, MetricsRegistry metrics) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be >= 1, was " + maxEntries);
        }
        this.maxEntries = maxEntries;
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.operations = EdgeDbStores.operationsCounter(metrics);
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > MemoryEdgeDbStore.this.maxEntries;
            }
        };
    }

    @Override
    public Optional<Map<String, Object>> get(String userId) {
        Objects.requireNonNull(userId, "userId");
        Entry entry;
        synchronized (entries) {
            entry = entries.get(userId);
            if (entry != null && expired(entry)) {
                entries.remove(userId);
                entry = null;
            }
        }
        operations.inc("memory", "get", entry == null ? "miss" : "hit");
        return entry == null ? Optional.empty() : Optional.of(entry.fields());
    }

    @Override
    public void put(String userId, Map<String, Object> fields) {
        Objects.requireNonNull(userId, "userId");
        Map<String, Object> copy = EdgeDbStores.immutableCopy(fields);
        synchronized (entries) {
            entries.put(userId, new Entry(copy, clock.instant()));
        }
        operations.inc("memory", "put", "ok");
    }

    /** @return how many users are stored (expired entries included until read) */
    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private boolean expired(Entry entry) {
        return !ttl.isZero() && !clock.instant().isBefore(entry.writtenAt().plus(ttl));
    }

    @Override
    public void close() {
        synchronized (entries) {
            entries.clear();
        }
    }

    @Override
    public String toString() {
        return "MemoryEdgeDbStore{maxEntries=" + maxEntries + ", ttl=" + ttl + "}";
    }
}
