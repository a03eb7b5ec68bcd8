package dev.vexilla.local.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vexilla.local.ConfigCache;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class FileConfigCacheTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsAConfigCatEntry() {
        ConfigCache cache = ConfigCache.file(dir.resolve("nested/cache"));
        String key = CacheEntry.cacheKey("configcat-sdk-1/abc/def");
        String value = new CacheEntry(Instant.ofEpochMilli(42), "\"etag\"", "{\"f\":{}}\nü").encode();

        cache.write(key, value);

        assertThat(cache.read(key)).isEqualTo(value);
        assertThat(dir.resolve("nested/cache/" + key + ".cache")).exists();
    }

    @Test
    void missingFileReadsAsNull() {
        assertThat(ConfigCache.file(dir).read("absent")).isNull();
    }

    @Test
    void keysThatAreNotSafeFileNamesAreHashed() {
        FileConfigCache cache = new FileConfigCache(dir);

        cache.write("../escape/attempt", "v");

        assertThat(cache.read("../escape/attempt")).isEqualTo("v");
        assertThat(cache.fileFor("../escape/attempt").getParent()).isEqualTo(dir);
        assertThat(cache.fileFor("../escape/attempt").getFileName().toString()).matches("[0-9a-f]{40}\\.cache");
    }

    @Test
    void unreadableCacheCountsAsAMissAndDoesNotThrow() throws IOException {
        FileConfigCache cache = new FileConfigCache(dir);
        Files.createDirectories(cache.fileFor("k")); // a directory where the file should be

        assertThat(cache.read("k")).isNull();
    }

    @Test
    void unwritableCacheDropsTheValueAndDoesNotThrow() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        ConfigCache cache = ConfigCache.file(notADirectory);

        cache.write("k", "v");

        assertThat(cache.read("k")).isNull();
    }

    @Test
    void replacingAValueLeavesNoTemporaryFiles() throws IOException {
        ConfigCache cache = ConfigCache.file(dir);

        cache.write("k", "one");
        cache.write("k", "two");

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("k.cache");
        }
    }

    @Test
    void concurrentWritersAlwaysLeaveACompleteEntry() throws Exception {
        ConfigCache cache = ConfigCache.file(dir);
        String key = CacheEntry.cacheKey("sdk");
        int writers = 4;
        List<String> values = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            String json = "{\"writer\":" + w + ",\"pad\":\""
                    + String.valueOf((char) ('a' + w)).repeat(200_000) + "\"}";
            values.add(new CacheEntry(Instant.ofEpochMilli(w), "etag-" + w, json).encode());
        }
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (String value : values) {
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 20; i++) {
                        cache.write(key, value);
                    }
                    return null;
                }));
            }
            Future<List<String>> reads = pool.submit(() -> {
                start.await();
                List<String> seen = new ArrayList<>();
                for (int i = 0; i < 60; i++) {
                    String read = cache.read(key);
                    if (read != null) {
                        seen.add(read);
                    }
                }
                return seen;
            });
            start.countDown();
            for (Future<?> f : futures) {
                f.get(30, TimeUnit.SECONDS);
            }

            assertThat(reads.get(30, TimeUnit.SECONDS))
                    .allSatisfy(read -> assertThat(values).contains(read));
            assertThat(values).contains(cache.read(key));
            assertThat(CacheEntry.decode(
                                    new String(Files.readAllBytes(dir.resolve(key + ".cache")), StandardCharsets.UTF_8))
                            .etag())
                    .startsWith("etag-");
        } finally {
            pool.shutdownNow();
        }
    }
}
