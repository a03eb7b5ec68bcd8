package dev.vexilla.model.internal.time;

import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Aborts operations whose {@link Deadline} passes: {@link #arm} schedules an abort action (for an HTTP request, its
 * {@code cancel()}, which closes the connection and so ends a blocked read at once) for the moment the deadline
 * passes, and the returned {@link Alarm} is disarmed when the operation ends first. Socket timeouts bound each read;
 * this bounds the operation as a whole, including a server that sends one byte just before every read timeout.
 *
 * <pre>{@code
 * DeadlineTimer.Alarm alarm = timer.arm(deadline, request::cancel);
 * try {
 *     return client.execute(request, handler);
 * } catch (IOException e) {
 *     throw alarm.rang() ? deadline.exceeded("reading the answer") : e;
 * } finally {
 *     alarm.disarm();
 * }
 * }</pre>
 *
 * <p><b>Threads.</b> One named daemon thread, started with the first alarm; abort actions run on it and must be
 * quick and must not block (an action that throws is logged at DEBUG). Disarmed alarms are removed at once, so the
 * queue holds only the operations in flight. {@link #close()} stops the thread, drops pending alarms without running
 * them, and is idempotent; an alarm armed afterwards never rings.
 *
 * <p>Thread-safe.
 *
 * @since 0.1.0
 */
public final class DeadlineTimer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeadlineTimer.class);

    private final ScheduledThreadPoolExecutor executor;

    /**
     * Creates a timer; its thread starts with the first alarm.
     *
     * @param threadName the name of the timer's daemon thread
     */
    public DeadlineTimer(String threadName) {
        Objects.requireNonNull(threadName, "threadName");
        this.executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /**
     * Schedules {@code abort} for the moment {@code deadline} passes (at once if it has passed).
     *
     * @param deadline the deadline of the operation
     * @param abort what ends the operation; quick and non-blocking
     * @return the alarm, to disarm when the operation ends
     */
    public Alarm arm(Deadline deadline, Runnable abort) {
        Objects.requireNonNull(deadline, "deadline");
        Alarm alarm = new Alarm(Objects.requireNonNull(abort, "abort"));
        try {
            alarm.future = executor.schedule(alarm::ring, Math.max(0, deadline.remainingNanos()), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closed) {
            LOG.debug("Deadline timer is closed; the operation runs without an alarm");
        }
        return alarm;
    }

    /** Stops the timer thread and drops pending alarms without running them. Idempotent. */
    @Override
    public void close() {
        executor.shutdownNow();
    }

    /**
     * One armed abort. Thread-safe.
     *
     * @since 0.1.0
     */
    public static final class Alarm {
        private final Runnable abort;
        private volatile @Nullable ScheduledFuture<?> future;
        private volatile boolean rang;

        private Alarm(Runnable abort) {
            this.abort = abort;
        }

        private void ring() {
            rang = true;
            try {
                abort.run();
            } catch (RuntimeException e) {
                LOG.debug("Aborting an operation past its deadline failed", e);
            }
        }

        /**
         * Tells whether the deadline passed and the abort action ran (or is running).
         *
         * @return true once the alarm rang
         */
        public boolean rang() {
            return rang;
        }

        /** Cancels the abort if it has not run yet; does nothing otherwise. Idempotent. */
        public void disarm() {
            ScheduledFuture<?> f = future;
            if (f != null) {
                f.cancel(false);
            }
        }
    }
}
