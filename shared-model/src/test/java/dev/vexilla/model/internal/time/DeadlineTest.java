package dev.vexilla.model.internal.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

final class DeadlineTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    private Deadline after(Duration budget) {
        return Deadline.after(budget, nanos::get);
    }

    @Test
    void remainingTimeShrinksWithTheTickerAndTheDeadlinePassesAtItsEnd() {
        Deadline deadline = after(Duration.ofMillis(300));

        assertThat(deadline.remainingMillis()).isEqualTo(300);
        nanos.addAndGet(Duration.ofMillis(299).toNanos());
        assertThat(deadline.remainingMillis()).isEqualTo(1);
        assertThat(deadline.hasPassed()).isFalse();
        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(deadline.hasPassed()).isTrue();
        nanos.addAndGet(Duration.ofMillis(5).toNanos());
        assertThat(deadline.remainingNanos()).isEqualTo(-Duration.ofMillis(5).toNanos());
        assertThat(deadline.budget()).isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void aZeroBudgetHasPassedAtOnce() {
        assertThat(after(Duration.ZERO).hasPassed()).isTrue();
    }

    @Test
    void negativeBudgetIsRejectedWithTheValue() {
        assertThatThrownBy(() -> after(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("budget must be >= 0, was PT-0.001S");
    }

    @Test
    void aBudgetTooLongForNanosecondsNeverPasses() {
        Deadline deadline = after(Duration.ofDays(365L * 1_000));

        nanos.addAndGet(Duration.ofDays(365L * 100).toNanos());

        assertThat(deadline.hasPassed()).isFalse();
    }

    @Test
    void exceededIsAnInterruptedIoExceptionNamingTheBudgetAndTheActivity() {
        DeadlineExceededException e = after(Duration.ofMillis(300)).exceeded("reading the answer");

        assertThat(e).isInstanceOf(InterruptedIOException.class);
        assertThat(e).hasMessage("the deadline of 300 ms passed while reading the answer");
        assertThat(after(Duration.ofMillis(300)).passed("connecting"))
                .isEqualTo("the deadline of 300 ms passed while connecting");
    }

    @Test
    void theSystemTickerMeasuresRealTime() {
        Deadline deadline = Deadline.after(Duration.ofHours(1));

        assertThat(deadline.hasPassed()).isFalse();
        assertThat(deadline.remainingMillis()).isBetween(Duration.ofMinutes(59).toMillis(), 3_600_000L);
    }
}
