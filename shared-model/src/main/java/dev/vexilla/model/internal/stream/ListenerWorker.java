package dev.vexilla.model.internal.stream;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One named daemon thread that runs listener callbacks in order, fed by a bounded queue. When the queue is full a
 * callback is dropped and a warning is logged once per overflow episode; a callback that throws is logged and the
 * thread carries on.
 */
final class ListenerWorker {
    private static final Logger LOG = LoggerFactory.getLogger(ListenerWorker.class);

    private final ThreadPoolExecutor executor;
    private final AtomicBoolean overflowing = new AtomicBoolean();
    private volatile @Nullable Thread thread;

    ListenerWorker(String threadName, int capacity) {
        executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(capacity), r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            thread = t;
            return t;
        });
    }

    /** Queues a callback; drops it with a warning when the queue is full or the worker is shut down. */
    void submit(Runnable callback) {
        try {
            executor.execute(() -> runSafely(callback));
            overflowing.set(false);
        } catch (RejectedExecutionException e) {
            if (executor.isShutdown()) {
                return;
            }
            if (overflowing.compareAndSet(false, true)) {
                LOG.warn(
                        "Stream listener is too slow: its queue of {} is full, dropping notifications",
                        executor.getQueue().remainingCapacity()
                                + executor.getQueue().size());
            }
        }
    }

    /** Returns whether the calling thread is this worker's thread. */
    boolean isWorkerThread() {
        return Thread.currentThread() == thread;
    }

    /** Runs what is queued, then stops the thread; waits for it to end (bounded) unless called from it. */
    void shutdown(long timeoutMillis) {
        executor.shutdown();
        if (isWorkerThread()) {
            return;
        }
        try {
            if (!executor.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
            Thread t = thread;
            if (t != null) {
                t.join(timeoutMillis); // terminated executors may still have a thread on its way out
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static void runSafely(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            LOG.warn("Stream listener threw an exception; ignoring it", e);
        }
    }
}
