package dev.vexilla.local;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How {@link LocalProvider} keeps its config fresh when it downloads it: ConfigCat's three polling modes.
 *
 * <ul>
 *   <li>{@link #autoPoll(Duration, Duration)}: a background fetch every interval; {@code initialize} waits for the
 *       first fetch at most {@code maxInitWait}, then serves whatever it has (a cached config, or nothing).
 *   <li>{@link #lazyLoad(Duration)}: no background work; an evaluation that finds the config older than the TTL
 *       triggers a fetch in the background and is answered from the config it has.
 *   <li>{@link #manualPoll()}: only {@link LocalProvider#forceRefresh()} fetches.
 * </ul>
 *
 * <pre>{@code
 * PollingMode mode = PollingMode.autoPoll(Duration.ofSeconds(30), Duration.ofSeconds(2));
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class PollingMode {

    /** The auto-poll interval unless another is given: 60 seconds, as ConfigCat's SDKs. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(60);

    /** The shortest auto-poll interval accepted: 1 second. */
    public static final Duration MIN_POLL_INTERVAL = Duration.ofSeconds(1);

    /** How long {@code initialize} waits for the first auto-poll fetch unless told otherwise: 5 seconds. */
    public static final Duration DEFAULT_MAX_INIT_WAIT = Duration.ofSeconds(5);

    /** The lazy-load time-to-live unless another is given: 60 seconds. */
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(60);

    /** The kinds of polling. */
    public enum Kind {
        /** Fetch in the background on an interval. */
        AUTO_POLL,
        /** Fetch when an evaluation finds the config older than a time-to-live. */
        LAZY_LOAD,
        /** Fetch only when asked. */
        MANUAL_POLL
    }

    private final Kind kind;
    private final @Nullable Duration interval;
    private final @Nullable Duration maxInitWait;
    private final @Nullable Duration cacheTtl;

    private PollingMode(
            Kind kind, @Nullable Duration interval, @Nullable Duration maxInitWait, @Nullable Duration cacheTtl) {
        this.kind = kind;
        this.interval = interval;
        this.maxInitWait = maxInitWait;
        this.cacheTtl = cacheTtl;
    }

    /**
     * Auto polling with {@link #DEFAULT_POLL_INTERVAL} and {@link #DEFAULT_MAX_INIT_WAIT}.
     *
     * @return the polling mode
     */
    public static PollingMode autoPoll() {
        return autoPoll(DEFAULT_POLL_INTERVAL, DEFAULT_MAX_INIT_WAIT);
    }

    /**
     * Auto polling.
     *
     * @param interval how often to fetch; at least {@link #MIN_POLL_INTERVAL}
     * @param maxInitWait how long {@code initialize} waits for the first fetch; zero or more
     * @return the polling mode
     * @throws IllegalArgumentException if {@code interval} is below the minimum or {@code maxInitWait} is negative
     */
    public static PollingMode autoPoll(Duration interval, Duration maxInitWait) {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(maxInitWait, "maxInitWait");
        if (interval.compareTo(MIN_POLL_INTERVAL) < 0) {
            throw new IllegalArgumentException("pollInterval must be >= " + MIN_POLL_INTERVAL + ", was " + interval);
        }
        if (maxInitWait.isNegative()) {
            throw new IllegalArgumentException("maxInitWait must be >= 0, was " + maxInitWait);
        }
        return new PollingMode(Kind.AUTO_POLL, interval, maxInitWait, null);
    }

    /**
     * Lazy loading with {@link #DEFAULT_CACHE_TTL}.
     *
     * @return the polling mode
     */
    public static PollingMode lazyLoad() {
        return lazyLoad(DEFAULT_CACHE_TTL);
    }

    /**
     * Lazy loading.
     *
     * @param cacheTtl how old the config may get before an evaluation triggers a fetch; positive
     * @return the polling mode
     * @throws IllegalArgumentException if {@code cacheTtl} is zero or negative
     */
    public static PollingMode lazyLoad(Duration cacheTtl) {
        Objects.requireNonNull(cacheTtl, "cacheTtl");
        if (cacheTtl.isZero() || cacheTtl.isNegative()) {
            throw new IllegalArgumentException("cacheTtl must be > 0, was " + cacheTtl);
        }
        return new PollingMode(Kind.LAZY_LOAD, null, null, cacheTtl);
    }

    /**
     * Manual polling: the config is fetched only by {@link LocalProvider#forceRefresh()} (and once by
     * {@code initialize}).
     *
     * @return the polling mode
     */
    public static PollingMode manualPoll() {
        return new PollingMode(Kind.MANUAL_POLL, null, null, null);
    }

    /**
     * Returns the kind of polling.
     *
     * @return the kind, never null
     */
    public Kind kind() {
        return kind;
    }

    /**
     * Returns the auto-poll interval.
     *
     * @return the interval, or {@link Duration#ZERO} for the other kinds
     */
    public Duration interval() {
        return interval == null ? Duration.ZERO : interval;
    }

    /**
     * Returns how long {@code initialize} waits for the first auto-poll fetch.
     *
     * @return the wait, or {@link Duration#ZERO} for the other kinds
     */
    public Duration maxInitWait() {
        return maxInitWait == null ? Duration.ZERO : maxInitWait;
    }

    /**
     * Returns the lazy-load time-to-live.
     *
     * @return the TTL, or {@link Duration#ZERO} for the other kinds
     */
    public Duration cacheTtl() {
        return cacheTtl == null ? Duration.ZERO : cacheTtl;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof PollingMode)) {
            return false;
        }
        PollingMode that = (PollingMode) o;
        return kind == that.kind
                && Objects.equals(interval, that.interval)
                && Objects.equals(maxInitWait, that.maxInitWait)
                && Objects.equals(cacheTtl, that.cacheTtl);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, interval, maxInitWait, cacheTtl);
    }

    @Override
    public String toString() {
        switch (kind) {
            case AUTO_POLL:
                return "autoPoll(interval=" + interval + ", maxInitWait=" + maxInitWait + ")";
            case LAZY_LOAD:
                return "lazyLoad(cacheTtl=" + cacheTtl + ")";
            default:
                return "manualPoll()";
        }
    }
}
