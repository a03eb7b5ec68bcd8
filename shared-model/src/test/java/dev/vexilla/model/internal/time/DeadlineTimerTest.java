package dev.vexilla.model.internal.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class DeadlineTimerTest {
    private static final AtomicInteger IDS = new AtomicInteger();
    /** Generous: the timer runs on a real thread, and a loaded machine may be slow to schedule it. */
    private static final long WAIT_SECONDS = 10;

    private final String threadName = "test-deadline-timer-" + IDS.incrementAndGet();
    private final DeadlineTimer timer = new DeadlineTimer(threadName);

    @AfterEach
    void close() {
        timer.close();
    }

    @Test
    void anAlarmRingsOnlyOnceItsDeadlineHasPassed() throws Exception {
        Deadline deadline = Deadline.after(Duration.ofMillis(30));
        AtomicBoolean passedWhenRung = new AtomicBoolean();
        CountDownLatch rung = new CountDownLatch(1);

        DeadlineTimer.Alarm alarm = timer.arm(deadline, () -> {
            passedWhenRung.set(deadline.hasPassed());
            rung.countDown();
        });

        assertThat(rung.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(passedWhenRung).isTrue();
        assertThat(alarm.rang()).isTrue();
    }

    @Test
    void aDisarmedAlarmNeverRings() throws Exception {
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        timer.arm(Deadline.after(Duration.ZERO), () -> {
            busy.countDown();
            awaitQuietly(release);
        });
        assertThat(busy.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        AtomicBoolean disarmedRang = new AtomicBoolean();

        // The one timer thread is held by the first alarm, so the second cannot ring before it is disarmed.
        DeadlineTimer.Alarm disarmed = timer.arm(Deadline.after(Duration.ZERO), () -> disarmedRang.set(true));
        disarmed.disarm();
        release.countDown();
        CountDownLatch later = new CountDownLatch(1);
        timer.arm(Deadline.after(Duration.ZERO), later::countDown);

        // Alarms due at the same time ring in the order they were armed: the disarmed one would have rung first.
        assertThat(later.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(disarmedRang).isFalse();
        assertThat(disarmed.rang()).isFalse();
    }

    @Test
    void aPassedDeadlineRingsAtOnce() throws Exception {
        CountDownLatch rung = new CountDownLatch(1);

        timer.arm(Deadline.after(Duration.ZERO), rung::countDown);

        assertThat(rung.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void anAbortThatThrowsDoesNotStopTheTimer() throws Exception {
        timer.arm(Deadline.after(Duration.ZERO), () -> {
            throw new IllegalStateException("broken abort");
        });
        CountDownLatch rung = new CountDownLatch(1);

        timer.arm(Deadline.after(Duration.ofMillis(10)), rung::countDown);

        assertThat(rung.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void theTimerThreadIsANamedDaemonAndCloseEndsItAndDropsPendingAlarms() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        timer.arm(Deadline.after(Duration.ZERO), started::countDown);
        assertThat(started.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        Thread thread = timerThread().orElseThrow();
        assertThat(thread.isDaemon()).isTrue();
        AtomicBoolean pendingRang = new AtomicBoolean();
        DeadlineTimer.Alarm pending = timer.arm(Deadline.after(Duration.ofMinutes(10)), () -> pendingRang.set(true));

        timer.close();
        timer.close();
        thread.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));

        assertThat(thread.isAlive()).isFalse();
        assertThat(pending.rang()).isFalse();
        assertThat(pendingRang).isFalse();
        assertThat(timer.arm(Deadline.after(Duration.ZERO), () -> pendingRang.set(true))
                        .rang())
                .isFalse();
        assertThat(pendingRang).isFalse();
    }

    private Optional<Thread> timerThread() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(threadName))
                .findFirst();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
