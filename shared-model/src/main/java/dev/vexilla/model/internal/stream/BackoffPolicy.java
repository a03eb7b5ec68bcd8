package dev.vexilla.model.internal.stream;

import java.time.Duration;
import java.util.Objects;

/**
 * An immutable jittered exponential backoff policy: the delay before retry number {@code n} (from 0) is
 * {@code base = min(maxDelay, initialDelay * multiplier^n)} minus a random share of up to {@code jitter * base}, so
 * with the default jitter of 0.5 it falls in {@code [base/2, base]}. After {@code resetAfter} of healthy operation
 * the count starts again from 0 (see {@link Backoff}).
 *
 * <p>The defaults follow LaunchDarkly's event source: 1 s initial delay, ×2, capped at 30 s, jitter 0.5, reset after
 * 60 s healthy. Each {@code with*} method returns a modified copy. Instances are thread-safe.
 *
 * @since 0.1.0
 */
public final class BackoffPolicy {
    /** Default delay before the first retry: {@value #DEFAULT_INITIAL_DELAY_MILLIS} ms. */
    public static final long DEFAULT_INITIAL_DELAY_MILLIS = 1_000;
    /** Default factor between consecutive delays. */
    public static final double DEFAULT_MULTIPLIER = 2.0;
    /** Default cap on a delay: {@value #DEFAULT_MAX_DELAY_MILLIS} ms. */
    public static final long DEFAULT_MAX_DELAY_MILLIS = 30_000;
    /** Default share of a delay that is randomised away (0 = none, 1 = all). */
    public static final double DEFAULT_JITTER = 0.5;
    /** Default time of healthy operation after which the delays start again from the initial delay. */
    public static final long DEFAULT_RESET_AFTER_MILLIS = 60_000;

    private static final BackoffPolicy DEFAULTS = new BackoffPolicy(
            Duration.ofMillis(DEFAULT_INITIAL_DELAY_MILLIS),
            DEFAULT_MULTIPLIER,
            Duration.ofMillis(DEFAULT_MAX_DELAY_MILLIS),
            DEFAULT_JITTER,
            Duration.ofMillis(DEFAULT_RESET_AFTER_MILLIS));

    private final Duration initialDelay;
    private final double multiplier;
    private final Duration maxDelay;
    private final double jitter;
    private final Duration resetAfter;

    private BackoffPolicy(
            Duration initialDelay, double multiplier, Duration maxDelay, double jitter, Duration resetAfter) {
        this.initialDelay = initialDelay;
        this.multiplier = multiplier;
        this.maxDelay = maxDelay;
        this.jitter = jitter;
        this.resetAfter = resetAfter;
    }

    /**
     * Returns the default policy (1 s, ×2, cap 30 s, jitter 0.5, reset after 60 s).
     *
     * @return the default policy
     */
    public static BackoffPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a copy with another initial delay. If it is longer than the cap, the cap is raised to it.
     *
     * @param initialDelay the delay before the first retry, at least 1 ms
     * @return the modified copy
     * @throws IllegalArgumentException if {@code initialDelay} is shorter than 1 ms
     */
    public BackoffPolicy withInitialDelay(Duration initialDelay) {
        requirePositive("initialDelay", initialDelay);
        Duration cap = maxDelay.compareTo(initialDelay) < 0 ? initialDelay : maxDelay;
        return new BackoffPolicy(initialDelay, multiplier, cap, jitter, resetAfter);
    }

    /**
     * Returns a copy with another factor between consecutive delays.
     *
     * @param multiplier the factor, at least 1
     * @return the modified copy
     * @throws IllegalArgumentException if {@code multiplier} is below 1 or not a number
     */
    public BackoffPolicy withMultiplier(double multiplier) {
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be >= 1 and finite, was " + multiplier);
        }
        return new BackoffPolicy(initialDelay, multiplier, maxDelay, jitter, resetAfter);
    }

    /**
     * Returns a copy with another cap on a delay.
     *
     * @param maxDelay the cap, at least the initial delay
     * @return the modified copy
     * @throws IllegalArgumentException if {@code maxDelay} is shorter than the initial delay
     */
    public BackoffPolicy withMaxDelay(Duration maxDelay) {
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException(
                    "maxDelay must be >= initialDelay (" + initialDelay + "), was " + maxDelay);
        }
        return new BackoffPolicy(initialDelay, multiplier, maxDelay, jitter, resetAfter);
    }

    /**
     * Returns a copy with another jitter.
     *
     * @param jitter the share of each delay that is randomised away, from 0 (none) to 1 (all)
     * @return the modified copy
     * @throws IllegalArgumentException if {@code jitter} is outside [0, 1]
     */
    public BackoffPolicy withJitter(double jitter) {
        if (!(jitter >= 0.0 && jitter <= 1.0)) {
            throw new IllegalArgumentException("jitter must be in [0, 1], was " + jitter);
        }
        return new BackoffPolicy(initialDelay, multiplier, maxDelay, jitter, resetAfter);
    }

    /**
     * Returns a copy with another healthy time after which the delays start again.
     *
     * @param resetAfter the healthy time, at least 1 ms
     * @return the modified copy
     * @throws IllegalArgumentException if {@code resetAfter} is shorter than 1 ms
     */
    public BackoffPolicy withResetAfter(Duration resetAfter) {
        requirePositive("resetAfter", resetAfter);
        return new BackoffPolicy(initialDelay, multiplier, maxDelay, jitter, resetAfter);
    }

    /**
     * Computes the delay before a retry.
     *
     * @param attempt the retry number, from 0
     * @param random a random number in [0, 1) that decides the jitter
     * @return the delay, between {@code (1 - jitter) * base} and {@code base}
     * @throws IllegalArgumentException if {@code attempt} is negative or {@code random} is outside [0, 1)
     */
    public Duration delay(int attempt, double random) {
        if (attempt < 0) {
            throw new IllegalArgumentException("attempt must be >= 0, was " + attempt);
        }
        if (!(random >= 0.0 && random < 1.0)) {
            throw new IllegalArgumentException("random must be in [0, 1), was " + random);
        }
        double cap = maxDelay.toMillis();
        double base = Math.min(cap, initialDelay.toMillis() * Math.pow(multiplier, attempt));
        return Duration.ofMillis(Math.round(base - base * jitter * random));
    }

    /**
     * Returns the delay before the first retry.
     *
     * @return the initial delay
     */
    public Duration initialDelay() {
        return initialDelay;
    }

    /**
     * Returns the cap on a delay.
     *
     * @return the maximum delay
     */
    public Duration maxDelay() {
        return maxDelay;
    }

    /**
     * Returns the healthy time after which the delays start again from the initial delay.
     *
     * @return the reset time
     */
    public Duration resetAfter() {
        return resetAfter;
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.toMillis() < 1) {
            throw new IllegalArgumentException(name + " must be >= 1ms, was " + value);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof BackoffPolicy)) {
            return false;
        }
        BackoffPolicy other = (BackoffPolicy) o;
        return initialDelay.equals(other.initialDelay)
                && Double.compare(multiplier, other.multiplier) == 0
                && maxDelay.equals(other.maxDelay)
                && Double.compare(jitter, other.jitter) == 0
                && resetAfter.equals(other.resetAfter);
    }

    @Override
    public int hashCode() {
        return Objects.hash(initialDelay, multiplier, maxDelay, jitter, resetAfter);
    }

    @Override
    public String toString() {
        return "BackoffPolicy{initialDelay=" + initialDelay + ", multiplier=" + multiplier + ", maxDelay=" + maxDelay
                + ", jitter=" + jitter + ", resetAfter=" + resetAfter + '}';
    }
}
