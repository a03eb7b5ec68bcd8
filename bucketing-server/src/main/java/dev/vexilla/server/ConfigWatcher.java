package dev.vexilla.server;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Triggers {@link ConfigStore#rescan()} when the config directory or the keys file changes: a
 * {@link WatchService} on their directories (one named daemon thread, which waits {@value #QUIET_MILLIS} ms for a
 * burst of events to settle before rescanning), plus a periodic rescan on the injected scheduler as the fallback for
 * file systems where watching misses changes (network mounts, some containers).
 *
 * <p>Failure policy: if the watch service cannot be created or a directory cannot be registered, one WARN line is
 * logged and only the periodic rescan runs. {@link #close()} is idempotent, stops the thread and cancels the rescan.
 */
final class ConfigWatcher implements AutoCloseable {
    static final long QUIET_MILLIS = 50;
    private static final Logger LOG = LoggerFactory.getLogger(ConfigWatcher.class);

    private final Runnable rescan;
    private final @Nullable WatchService watchService;
    private final @Nullable Thread thread;
    private final ScheduledFuture<?> periodic;
    private volatile boolean closed;

    /**
     * Starts watching.
     *
     * @param directories the directories to watch (config directory, keys file's directory)
     * @param rescan what to run on a change
     * @param scheduler runs the periodic rescan
     * @param interval the periodic rescan interval
     */
    ConfigWatcher(Set<Path> directories, Runnable rescan, ScheduledExecutorService scheduler, Duration interval) {
        this.rescan = Objects.requireNonNull(rescan, "rescan");
        this.watchService = register(new LinkedHashSet<>(directories));
        if (watchService != null) {
            thread = new Thread(this::watchLoop, "vexilla-config-watch");
            thread.setDaemon(true);
            thread.start();
        } else {
            thread = null;
        }
        long millis = interval.toMillis();
        this.periodic = scheduler.scheduleWithFixedDelay(this::safeRescan, millis, millis, TimeUnit.MILLISECONDS);
    }

    private static @Nullable WatchService register(Set<Path> directories) {
        WatchService service = null;
        try {
            service = FileSystems.getDefault().newWatchService();
            for (Path directory : directories) {
                directory.register(
                        service,
                        StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
            return service;
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("Cannot watch {} ({}); relying on the periodic rescan only", directories, e.toString());
            if (service != null) {
                try {
                    service.close();
                } catch (IOException ignored) {
                    // nothing more to do
                }
            }
            return null;
        }
    }

    private void watchLoop() {
        WatchService service = Objects.requireNonNull(watchService);
        try {
            while (!closed) {
                WatchKey key = service.take();
                drain(key);
                WatchKey more;
                while ((more = service.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    drain(more);
                }
                safeRescan();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ClosedWatchServiceException e) {
            // closed: exit
        }
    }

    private static void drain(WatchKey key) {
        key.pollEvents();
        key.reset();
    }

    private void safeRescan() {
        if (closed) {
            return;
        }
        try {
            rescan.run();
        } catch (RuntimeException e) {
            LOG.warn("Config rescan failed; will try again on the next change or interval", e);
        }
    }

    /**
     * Tells whether the watch thread is running.
     *
     * @return true while the watch thread is alive
     */
    boolean isWatching() {
        return thread != null && thread.isAlive();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        periodic.cancel(false);
        if (watchService != null) {
            try {
                watchService.close();
            } catch (IOException e) {
                LOG.debug("Closing the watch service failed", e);
            }
        }
        if (thread != null) {
            thread.interrupt();
        }
    }
}
