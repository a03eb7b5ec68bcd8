package dev.vexilla.model.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vexilla.model.testsupport.ManualScheduler;
import dev.vexilla.model.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

final class SilenceWatchTest {
    private static final Duration TIMEOUT = Duration.ofMinutes(1);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T00:00:00Z"));
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final AtomicInteger aborts = new AtomicInteger();

    private SilenceWatch start() {
        return SilenceWatch.start(clock, scheduler, TIMEOUT, aborts::incrementAndGet);
    }

    @Test
    void aWholeTimeoutOfSilenceRunsTheAbortOnce() {
        SilenceWatch watch = start();

        scheduler.advance(TIMEOUT.minusMillis(1));
        assertThat(watch.fired()).isFalse();
        scheduler.advance(Duration.ofMillis(1));

        assertThat(watch.fired()).isTrue();
        assertThat(aborts).hasValue(1);
        scheduler.advance(TIMEOUT.multipliedBy(3));
        assertThat(aborts).hasValue(1);
    }

    @Test
    void activityPostponesTheAbortToAWholeTimeoutAfterIt() {
        SilenceWatch watch = start();
        scheduler.advance(Duration.ofSeconds(40));
        watch.activity();

        scheduler.advance(Duration.ofSeconds(30));
        assertThat(watch.fired()).isFalse();
        assertThat(scheduler.nextDelay()).isEqualTo(Duration.ofSeconds(30));
        scheduler.advance(Duration.ofSeconds(30));

        assertThat(watch.fired()).isTrue();
        assertThat(aborts).hasValue(1);
    }

    @Test
    void stopBeforeTheSilenceEndsMeansNoAbortAndNoPendingCheck() {
        SilenceWatch watch = start();
        scheduler.advance(Duration.ofSeconds(59));

        watch.stop();
        watch.stop();
        scheduler.advance(TIMEOUT.multipliedBy(2));

        assertThat(watch.fired()).isFalse();
        assertThat(aborts).hasValue(0);
        assertThat(scheduler.pendingCount()).isZero();
    }

    @Test
    void aShutDownSchedulerWatchesNothing() {
        scheduler.shutdown();

        SilenceWatch watch = start();
        watch.activity();
        watch.stop();

        assertThat(watch.fired()).isFalse();
        assertThat(aborts).hasValue(0);
    }
}
