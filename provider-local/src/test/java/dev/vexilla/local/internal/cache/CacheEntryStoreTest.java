package dev.vexilla.local.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.vexilla.local.ConfigCache;
import dev.vexilla.model.testsupport.LogCapture;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class CacheEntryStoreTest {
    private static final String SDK_KEY = "configcat-sdk-1/abcdefghijklmnopqrstuv/SECRETwxyzabcdefghijk";

    private final ConfigCache cache = ConfigCache.inMemory();
    private final CacheEntryStore store = new CacheEntryStore(cache, SDK_KEY);
    private LogCapture logs;

    @BeforeEach
    void captureLogs() {
        logs = LogCapture.of(CacheEntryStore.class);
    }

    @AfterEach
    void releaseLogs() {
        logs.close();
    }

    private long warnings() {
        return logs.messages(Level.WARN).size();
    }

    @Test
    void savedEntryIsLoadedUnderTheConfigCatKey() {
        CacheEntry entry = new CacheEntry(Instant.ofEpochMilli(10), "e", "{}");

        store.save(entry);

        assertThat(store.load()).contains(entry);
        assertThat(store.key()).isEqualTo(CacheEntry.cacheKey(SDK_KEY));
        assertThat(cache.read(CacheEntry.cacheKey(SDK_KEY))).isEqualTo("10\ne\n{}");
    }

    @Test
    void emptyCacheLoadsNothing() {
        assertThat(store.load()).isEmpty();
        assertThat(warnings()).isZero();
    }

    @Test
    void malformedValueIsAMissLoggedOnce() {
        cache.write(store.key(), "garbage");

        assertThat(store.load()).isEmpty();
        assertThat(store.load()).isEmpty();

        assertThat(warnings()).isEqualTo(1);
        assertThat(logs.messages(Level.WARN).get(0)).contains("malformed cache entry");
    }

    @Test
    void throwingCacheNeverThrowsAndWarnsOncePerEpisode() {
        ThrowingCache throwing = new ThrowingCache();
        CacheEntryStore guarded = new CacheEntryStore(throwing, SDK_KEY);
        CacheEntry entry = new CacheEntry(Instant.ofEpochMilli(10), "e", "{}");

        guarded.save(entry);
        assertThat(guarded.load()).isEmpty();
        throwing.broken = false;
        guarded.save(entry);
        throwing.broken = true;
        assertThat(guarded.load()).isEmpty();

        assertThat(warnings()).isEqualTo(2);
        assertThat(logs.allText()).contains("disk on fire").doesNotContain("SECRET");
    }

    @Test
    void toStringDoesNotShowTheSdkKey() {
        assertThat(store.toString()).doesNotContain("SECRET").contains(store.key());
    }

    /** A user cache that breaks the rules and throws. */
    private static final class ThrowingCache implements ConfigCache {
        volatile boolean broken = true;

        @Override
        public @Nullable String read(String key) {
            if (broken) {
                throw new IllegalStateException("disk on fire");
            }
            return null;
        }

        @Override
        public void write(String key, String value) {
            if (broken) {
                throw new IllegalStateException("disk on fire");
            }
        }
    }
}
