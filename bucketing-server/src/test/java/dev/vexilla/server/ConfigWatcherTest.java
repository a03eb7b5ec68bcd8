package dev.vexilla.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ConfigWatcherTest {
    @TempDir
    Path dir;

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger rescans = new AtomicInteger();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void fileChangeInAWatchedDirectory_triggersARescan() throws Exception {
        ConfigWatcher watcher =
                new ConfigWatcher(Set.of(dir), rescans::incrementAndGet, scheduler, Duration.ofHours(1));
        try {
            Files.writeString(dir.resolve("x.json"), "{}");

            await().atMost(Duration.ofSeconds(10)).until(() -> rescans.get() >= 1);
        } finally {
            watcher.close();
        }
    }

    @Test
    void periodicRescanRunsWithoutAnyFileEvent() {
        ConfigWatcher watcher =
                new ConfigWatcher(Set.of(), rescans::incrementAndGet, scheduler, Duration.ofMillis(100));
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> rescans.get() >= 2);
        } finally {
            watcher.close();
        }
    }

    @Test
    void afterCloseNothingRunsAndTheThreadEnds() throws Exception {
        ConfigWatcher watcher =
                new ConfigWatcher(Set.of(dir), rescans::incrementAndGet, scheduler, Duration.ofMillis(100));
        assertThat(watcher.isWatching()).isTrue();
        watcher.close();
        watcher.close();
        int after = rescans.get();

        Files.writeString(dir.resolve("y.json"), "{}");

        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(10)).until(() -> rescans.get() == after);
        await().atMost(Duration.ofSeconds(10)).until(() -> !watcher.isWatching());
    }

    @Test
    void aFailingRescanDoesNotStopWatching() throws Exception {
        Runnable failingOnce = () -> {
            if (rescans.incrementAndGet() == 1) {
                throw new IllegalStateException("boom");
            }
        };
        ConfigWatcher watcher = new ConfigWatcher(Set.of(dir), failingOnce, scheduler, Duration.ofMillis(100));
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> rescans.get() >= 3);
        } finally {
            watcher.close();
        }
        assertThat(rescans.get()).isGreaterThanOrEqualTo(3);
    }
}
