package dev.vexilla.model.internal.stream;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches one stream connection for silence, on an injected clock and scheduler: {@link #activity()} stamps the
 * clock, and a task on the scheduler runs the abort action once the clock shows a whole timeout since the last stamp
 * (checking again, when it finds life, at the moment a silent timeout would end). Tests drive it with a manual clock
 * and scheduler; no silence is ever waited for.
 *
 * <p>Thread-safe: the connection's thread stamps activity, the scheduler runs the check, any thread may stop it. At
 * most one check is pending; after {@link #stop()} none runs the abort. When the scheduler rejects the check (it is
 * shut down) nothing is watched and the caller's socket timeout is the only bound.
 */
final class SilenceWatch {
    private static final Logger LOG = LoggerFactory.getLogger(SilenceWatch.class);

    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final long timeoutMillis;
    private final Runnable abort;
    private volatile long lastActivityMillis;
    private volatile boolean stopped;
    private volatile boolean fired;
    private volatile @Nullable ScheduledFuture<?> check;

    private SilenceWatch(Clock clock, ScheduledExecutorService scheduler, Duration timeout, Runnable abort) {
        this.clock = clock;
        this.scheduler = scheduler;
        this.timeoutMillis = timeout.toMillis();
        this.abort = abort;
        this.lastActivityMillis = clock.millis();
    }

    /**
     * Starts watching: the time of the call counts as activity.
     *
     * @param clock measures the silence
     * @param scheduler runs the check
     * @param timeout the longest silence tolerated
     * @param abort ends the connection; quick and non-blocking
     * @return the running watch
     */
    static SilenceWatch start(Clock clock, ScheduledExecutorService scheduler, Duration timeout, Runnable abort) {
        SilenceWatch watch = new SilenceWatch(clock, scheduler, timeout, abort);
        watch.checkAfter(watch.timeoutMillis);
        return watch;
    }

    /** Records a sign of life (bytes received) now. */
    void activity() {
        lastActivityMillis = clock.millis();
    }

    /** Tells whether the watch found a whole timeout of silence and ran the abort. */
    boolean fired() {
        return fired;
    }

    /** Stops watching; a check that has not found silence yet never will. Idempotent. */
    void stop() {
        stopped = true;
        ScheduledFuture<?> pending = check;
        if (pending != null) {
            pending.cancel(false);
        }
    }

    private void checkAfter(long delayMillis) {
        try {
            check = scheduler.schedule(this::checkNow, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("The scheduler is shut down; only the socket timeout bounds the silence");
        }
    }

    private void checkNow() {
        if (stopped) {
            return;
        }
        long left = lastActivityMillis + timeoutMillis - clock.millis();
        if (left > 0) {
            checkAfter(left);
            return;
        }
        fired = true;
        abort.run();
    }
}
