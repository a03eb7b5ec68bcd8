package dev.vexilla.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

final class PollingModeTest {

    @Test
    void autoPoll_defaultsAndValidation() {
        PollingMode mode = PollingMode.autoPoll();
        assertThat(mode.kind()).isEqualTo(PollingMode.Kind.AUTO_POLL);
        assertThat(mode.interval()).isEqualTo(PollingMode.DEFAULT_POLL_INTERVAL);
        assertThat(mode.maxInitWait()).isEqualTo(PollingMode.DEFAULT_MAX_INIT_WAIT);
        assertThat(mode.cacheTtl()).isZero();
        assertThatThrownBy(() -> PollingMode.autoPoll(Duration.ofMillis(500), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pollInterval must be >= PT1S, was PT0.5S");
        assertThatThrownBy(() -> PollingMode.autoPoll(Duration.ofSeconds(5), Duration.ofSeconds(-1)))
                .hasMessageContaining("maxInitWait must be >= 0");
    }

    @Test
    void lazyLoadAndManualPoll() {
        assertThat(PollingMode.lazyLoad().cacheTtl()).isEqualTo(PollingMode.DEFAULT_CACHE_TTL);
        assertThat(PollingMode.lazyLoad(Duration.ofSeconds(5)).interval()).isZero();
        assertThatThrownBy(() -> PollingMode.lazyLoad(Duration.ZERO)).hasMessageContaining("cacheTtl must be > 0");
        assertThat(PollingMode.manualPoll().kind()).isEqualTo(PollingMode.Kind.MANUAL_POLL);
        assertThat(PollingMode.manualPoll().toString()).isEqualTo("manualPoll()");
    }

    @Test
    void equalModesAreEqual() {
        assertThat(PollingMode.autoPoll(Duration.ofSeconds(5), Duration.ZERO))
                .isEqualTo(PollingMode.autoPoll(Duration.ofSeconds(5), Duration.ZERO))
                .hasSameHashCodeAs(PollingMode.autoPoll(Duration.ofSeconds(5), Duration.ZERO))
                .isNotEqualTo(PollingMode.autoPoll(Duration.ofSeconds(6), Duration.ZERO));
        assertThat(PollingMode.lazyLoad(Duration.ofSeconds(9)).toString()).contains("PT9S");
    }
}
