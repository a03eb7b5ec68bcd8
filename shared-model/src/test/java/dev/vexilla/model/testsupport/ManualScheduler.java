package dev.vexilla.model.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler driven by the test: {@link #execute} runs the task at once on the calling thread; delayed and periodic
 * tasks run only when {@link #advance} moves the {@link MutableClock} past their due time (on the test's thread).
 * No threads of its own, so tests never sleep.
 */
public final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {

    private final MutableClock clock;
    private final List<Task> tasks = new ArrayList<>();
    private volatile boolean shutdown;

    public ManualScheduler(MutableClock clock) {
        this.clock = clock;
    }

    /** Moves the clock forward, running every task that falls due on the way, in due order. */
    public void advance(Duration d) {
        Instant target = clock.instant().plus(d);
        while (true) {
            Task next = nextDue(target);
            if (next == null) {
                break;
            }
            if (next.due.isAfter(clock.instant())) {
                clock.set(next.due);
            }
            next.runOnce();
        }
        clock.set(target);
    }

    /** Returns the delay until the earliest pending task, or null when none is pending. */
    public synchronized Duration nextDelay() {
        Task first = null;
        for (Task t : tasks) {
            if (!t.cancelled && (first == null || t.due.isBefore(first.due))) {
                first = t;
            }
        }
        return first == null ? null : Duration.between(clock.instant(), first.due);
    }

    /** Returns the delays until every pending task, shortest first. */
    public synchronized List<Duration> pendingDelays() {
        List<Duration> delays = new ArrayList<>();
        for (Task t : tasks) {
            if (!t.cancelled && !t.done) {
                delays.add(Duration.between(clock.instant(), t.due));
            }
        }
        delays.sort(null);
        return delays;
    }

    /** Returns how many tasks are pending. */
    public synchronized int pendingCount() {
        tasks.removeIf(t -> t.cancelled || t.done);
        return tasks.size();
    }

    private synchronized Task nextDue(Instant target) {
        tasks.removeIf(t -> t.cancelled || t.done);
        Task first = null;
        for (Task t : tasks) {
            if (!t.due.isAfter(target) && (first == null || t.due.isBefore(first.due))) {
                first = t;
            }
        }
        return first;
    }

    private synchronized Task add(Callable<?> body, long delayMillis, long periodMillis) {
        if (shutdown) {
            throw new java.util.concurrent.RejectedExecutionException("shut down");
        }
        Task t = new Task(body, clock.instant().plusMillis(Math.max(0, delayMillis)), periodMillis);
        tasks.add(t);
        return t;
    }

    @Override
    public void execute(Runnable command) {
        if (shutdown) {
            throw new java.util.concurrent.RejectedExecutionException("shut down");
        }
        command.run();
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return add(Executors.callable(command), unit.toMillis(delay), 0);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        @SuppressWarnings("unchecked")
        ScheduledFuture<V> f = (ScheduledFuture<V>) add(callable, unit.toMillis(delay), 0);
        return f;
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return add(Executors.callable(command), unit.toMillis(initialDelay), unit.toMillis(period));
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return add(Executors.callable(command), unit.toMillis(initialDelay), unit.toMillis(delay));
    }

    @Override
    public void shutdown() {
        shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown = true;
        return new ArrayList<>();
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return shutdown;
    }

    private final class Task implements ScheduledFuture<Object> {
        private final Callable<?> body;
        private final long period;
        private volatile Instant due;
        private volatile boolean cancelled;
        private volatile boolean done;

        Task(Callable<?> body, Instant due, long period) {
            this.body = body;
            this.due = due;
            this.period = period;
        }

        void runOnce() {
            try {
                body.call();
            } catch (Exception e) {
                throw new IllegalStateException("scheduled task failed", e);
            } finally {
                if (period > 0) {
                    due = due.plusMillis(period);
                } else {
                    done = true;
                }
            }
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(Duration.between(clock.instant(), due).toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public int compareTo(Delayed o) {
            return Long.compare(getDelay(TimeUnit.MILLISECONDS), o.getDelay(TimeUnit.MILLISECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            cancelled = true;
            return true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return done || cancelled;
        }

        @Override
        public Object get() {
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return null;
        }
    }
}
