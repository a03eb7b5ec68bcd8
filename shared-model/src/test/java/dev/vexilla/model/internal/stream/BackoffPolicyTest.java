package dev.vexilla.model.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

final class BackoffPolicyTest {
    private final BackoffPolicy policy = BackoffPolicy.defaults();

    @Test
    void defaultsFollowTheDocumentedNumbers() {
        assertThat(policy.initialDelay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.maxDelay()).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.resetAfter()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void withoutJitterDelaysDoubleUpToTheCap() {
        // random = 0 removes nothing from the base delay
        assertThat(policy.delay(0, 0.0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delay(1, 0.0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.delay(4, 0.0)).isEqualTo(Duration.ofSeconds(16));
        assertThat(policy.delay(5, 0.0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.delay(60, 0.0)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void jitterRemovesUpToHalfTheBaseDelay() {
        assertThat(policy.delay(2, 0.5)).isEqualTo(Duration.ofMillis(3000));
        assertThat(policy.delay(2, 0.999999)).isEqualTo(Duration.ofMillis(2000));
    }

    @Test
    void customCapAndMultiplierApply() {
        BackoffPolicy custom =
                policy.withMaxDelay(Duration.ofSeconds(5)).withMultiplier(3).withJitter(0);

        assertThat(custom.delay(1, 0.9)).isEqualTo(Duration.ofSeconds(3));
        assertThat(custom.delay(2, 0.9)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void initialDelayLongerThanTheCapRaisesTheCap() {
        BackoffPolicy custom = policy.withInitialDelay(Duration.ofMinutes(2));

        assertThat(custom.maxDelay()).isEqualTo(Duration.ofMinutes(2));
        assertThat(custom.delay(3, 0.0)).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void withMethodsReturnModifiedCopies() {
        BackoffPolicy copy = policy.withJitter(0.1);

        assertThat(copy).isNotEqualTo(policy);
        assertThat(policy).isEqualTo(BackoffPolicy.defaults());
        assertThat(copy.toString()).contains("jitter=0.1");
    }

    @Test
    void invalidValuesAreRejectedWithPreciseMessages() {
        assertThatThrownBy(() -> policy.withInitialDelay(Duration.ZERO))
                .hasMessage("initialDelay must be >= 1ms, was PT0S");
        assertThatThrownBy(() -> policy.withMaxDelay(Duration.ofMillis(500)))
                .hasMessage("maxDelay must be >= initialDelay (PT1S), was PT0.5S");
        assertThatThrownBy(() -> policy.withMultiplier(0.5)).hasMessage("multiplier must be >= 1 and finite, was 0.5");
        assertThatThrownBy(() -> policy.withJitter(1.5)).hasMessage("jitter must be in [0, 1], was 1.5");
        assertThatThrownBy(() -> policy.withResetAfter(Duration.ofMillis(-1)))
                .hasMessage("resetAfter must be >= 1ms, was PT-0.001S");
        assertThatThrownBy(() -> policy.delay(-1, 0.0)).hasMessage("attempt must be >= 0, was -1");
        assertThatThrownBy(() -> policy.delay(0, 1.0)).hasMessage("random must be in [0, 1), was 1.0");
    }
}
