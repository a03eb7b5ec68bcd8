package dev.vexilla.model.internal.time;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A point in time by which an operation must end, with the budget it was given, measured on a monotonic nanosecond
 * ticker ({@link System#nanoTime()} unless a test passes another). A deadline bounds real waits on sockets, so it
 * does not follow an injected wall clock: a clock that a test stops or moves would make it wrong, and a wall clock
 * that jumps would stretch or cut it.
 *
 * <pre>{@code
 * Deadline deadline = Deadline.after(Duration.ofMillis(500));
 * while (!deadline.hasPassed()) {
 *     ...
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class Deadline {
    private static final LongSupplier SYSTEM_TICKER = System::nanoTime;

    private final Duration budget;
    private final long endNanos;
    private final LongSupplier ticker;

    private Deadline(Duration budget, LongSupplier ticker) {
        this.budget = budget;
        this.ticker = ticker;
        this.endNanos = ticker.getAsLong() + saturatedNanos(budget);
    }

    /**
     * Returns the deadline that passes {@code budget} from now on the JVM's monotonic clock.
     *
     * @param budget the time allowed, not negative
     * @return the deadline
     * @throws IllegalArgumentException if the budget is negative
     */
    public static Deadline after(Duration budget) {
        return after(budget, SYSTEM_TICKER);
    }

    /**
     * Returns the deadline that passes {@code budget} from now on the given ticker.
     *
     * @param budget the time allowed, not negative
     * @param ticker a monotonic source of nanoseconds
     * @return the deadline
     * @throws IllegalArgumentException if the budget is negative
     */
    public static Deadline after(Duration budget, LongSupplier ticker) {
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(ticker, "ticker");
        if (budget.isNegative()) {
            throw new IllegalArgumentException("budget must be >= 0, was " + budget);
        }
        return new Deadline(budget, ticker);
    }

    /**
     * Returns the time this deadline allowed when it was set.
     *
     * @return the budget
     */
    public Duration budget() {
        return budget;
    }

    /**
     * Returns the time left.
     *
     * @return the nanoseconds left, 0 or negative once the deadline has passed
     */
    public long remainingNanos() {
        return endNanos - ticker.getAsLong();
    }

    /**
     * Returns the time left in whole milliseconds, rounded down.
     *
     * @return the milliseconds left, 0 or negative once the deadline has passed (or less than 1 ms is left)
     */
    public long remainingMillis() {
        return TimeUnit.NANOSECONDS.toMillis(remainingNanos());
    }

    /**
     * Tells whether the deadline has passed.
     *
     * @return true when no time is left
     */
    public boolean hasPassed() {
        return remainingNanos() <= 0;
    }

    /**
     * Says that this deadline passed, for a failure message.
     *
     * @param activity what was under way ("reading the answer")
     * @return "the deadline of N ms passed while ..." with the budget; never a secret
     */
    public String passed(String activity) {
        return "the deadline of " + budget.toMillis() + " ms passed while " + activity;
    }

    /**
     * Returns the exception that reports this deadline as passed.
     *
     * @param activity what was under way, for the message ("reading the answer")
     * @return a new exception with the message of {@link #passed(String)}
     */
    public DeadlineExceededException exceeded(String activity) {
        return new DeadlineExceededException(passed(activity));
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE / 2;
        }
    }

    @Override
    public String toString() {
        return "Deadline{budget=" + budget + ", remainingNanos=" + remainingNanos() + '}';
    }
}
