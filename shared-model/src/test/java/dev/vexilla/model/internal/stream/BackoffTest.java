package dev.vexilla.model.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

final class BackoffTest {
    private final StoppedClock clock = new StoppedClock();

    /** Time stands still until a test moves it on; java.time's fixed and offset clocks do the arithmetic. */
    private static final class StoppedClock extends Clock {
        private Clock current = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

        void advance(Duration step) {
            current = Clock.offset(current, step);
        }

        @Override
        public Instant instant() {
            return current.instant();
        }

        @Override
        public ZoneId getZone() {
            return current.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return current.withZone(zone);
        }
    }

    private static DoubleSupplier randoms(double... values) {
        Deque<Double> queue = new ArrayDeque<>();
        for (double v : values) {
            queue.add(v);
        }
        return () -> queue.isEmpty() ? 0.0 : queue.removeFirst();
    }

    private static List<Duration> take(Backoff backoff, int n) {
        List<Duration> delays = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            delays.add(backoff.nextDelay());
        }
        return delays;
    }

    @Test
    void delaysGrowExponentiallyWithInjectedJitter() {
        Backoff backoff = new Backoff(BackoffPolicy.defaults(), clock, randoms(0.0, 0.5, 1.0 - 1e-9, 0.25));

        assertThat(take(backoff, 7))
                .containsExactly(
                        Duration.ofMillis(1000),
                        Duration.ofMillis(1500),
                        Duration.ofMillis(2000),
                        Duration.ofMillis(7000),
                        Duration.ofMillis(16000),
                        Duration.ofMillis(30000),
                        Duration.ofMillis(30000));
    }

    @Test
    void everyDelayLiesBetweenHalfAndFullBase() {
        Backoff backoff = new Backoff(BackoffPolicy.defaults(), clock);

        List<Duration> delays = take(backoff, 8);

        long[] bases = {1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000};
        for (int i = 0; i < bases.length; i++) {
            assertThat(delays.get(i).toMillis()).isBetween(bases[i] / 2, bases[i]);
        }
    }

    @Test
    void healthyForSixtySecondsResetsTheDelay() {
        Backoff backoff = new Backoff(BackoffPolicy.defaults().withJitter(0), clock);
        take(backoff, 4);

        backoff.markHealthy();
        clock.advance(Duration.ofSeconds(60));

        assertThat(backoff.nextDelay()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void healthyForLessThanSixtySecondsKeepsGrowing() {
        Backoff backoff = new Backoff(BackoffPolicy.defaults().withJitter(0), clock);
        take(backoff, 3);

        backoff.markHealthy();
        clock.advance(Duration.ofSeconds(59));

        assertThat(backoff.nextDelay()).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void healthyPeriodCountsOnlyOnce() {
        Backoff backoff = new Backoff(BackoffPolicy.defaults().withJitter(0), clock);
        take(backoff, 3);
        backoff.markHealthy();
        clock.advance(Duration.ofMinutes(5));

        assertThat(take(backoff, 3))
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void resetStartsAgainFromTheInitialDelay() {
        Backoff backoff = new Backoff(BackoffPolicy.defaults().withJitter(0), clock);
        take(backoff, 5);

        backoff.reset();

        assertThat(backoff.nextDelay()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void newInitialDelayAppliesToLaterRetries() {
        Backoff backoff = new Backoff(BackoffPolicy.defaults().withJitter(0), clock);
        backoff.nextDelay();

        backoff.setInitialDelay(Duration.ofMillis(200));

        assertThat(backoff.nextDelay()).isEqualTo(Duration.ofMillis(400));
        assertThat(backoff.policy().initialDelay()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void manyRetriesDoNotOverflow() {
        Backoff backoff = new Backoff(BackoffPolicy.defaults().withJitter(0), clock);

        List<Duration> delays = take(backoff, 200);

        assertThat(delays.get(199)).isEqualTo(Duration.ofSeconds(30));
    }
}
