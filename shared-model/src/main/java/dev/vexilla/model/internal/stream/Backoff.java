package dev.vexilla.model.internal.stream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The retry state of one connection or poller under a {@link BackoffPolicy}: each {@link #nextDelay()} grows the
 * delay, {@link #markHealthy()} starts a healthy period, and a failure after a healthy period of at least
 * {@link BackoffPolicy#resetAfter()} starts again from the initial delay.
 *
 * <p>Time and randomness are injected, so the sequence of delays is deterministic in tests. Thread-safe: all
 * methods are synchronized (they are cheap and rarely called).
 *
 * @since 0.1.0
 */
public final class Backoff {
    private static final int MAX_ATTEMPT = 62;

    private final Clock clock;
    private final DoubleSupplier random;
    private BackoffPolicy policy;
    private int attempt;
    private @Nullable Instant healthySince;

    /**
     * Creates a backoff state with a thread-local random source.
     *
     * @param policy the delays to follow
     * @param clock the clock that measures healthy periods
     */
    public Backoff(BackoffPolicy policy, Clock clock) {
        this(policy, clock, () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * Creates a backoff state.
     *
     * @param policy the delays to follow
     * @param clock the clock that measures healthy periods
     * @param random the source of jitter: numbers in [0, 1)
     */
    public Backoff(BackoffPolicy policy, Clock clock, DoubleSupplier random) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Returns the delay before the next retry and counts the retry. If the last healthy period lasted at least the
     * policy's reset time, the count starts again from 0 first.
     *
     * @return the delay to wait
     */
    public synchronized Duration nextDelay() {
        Instant since = healthySince;
        healthySince = null;
        if (since != null && Duration.between(since, clock.instant()).compareTo(policy.resetAfter()) >= 0) {
            attempt = 0;
        }
        Duration delay = policy.delay(attempt, random.getAsDouble());
        attempt = Math.min(MAX_ATTEMPT, attempt + 1);
        return delay;
    }

    /**
     * Records that the connection or poller is healthy from now on (for example a stream connected). The next
     * {@link #nextDelay()} restarts from the initial delay if it comes at least the reset time later.
     */
    public synchronized void markHealthy() {
        healthySince = clock.instant();
    }

    /** Forgets all retries: the next delay is the initial delay again. */
    public synchronized void reset() {
        attempt = 0;
        healthySince = null;
    }

    /**
     * Replaces the initial delay, for example when a server sends an SSE {@code retry} field. Retries already
     * counted keep counting.
     *
     * @param initialDelay the new delay before the first retry, at least 1 ms
     * @throws IllegalArgumentException if {@code initialDelay} is shorter than 1 ms
     */
    public synchronized void setInitialDelay(Duration initialDelay) {
        policy = policy.withInitialDelay(initialDelay);
    }

    /**
     * Returns the policy in force.
     *
     * @return the policy, including any initial delay set with {@link #setInitialDelay}
     */
    public synchronized BackoffPolicy policy() {
        return policy;
    }
}
