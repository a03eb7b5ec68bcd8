package dev.vexilla.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class RefreshResultTest {

    @Test
    void success_hasNoError() {
        assertThat(RefreshResult.success().isSuccess()).isTrue();
        assertThat(RefreshResult.success().error()).isEmpty();
        assertThat(RefreshResult.success()).hasToString("RefreshResult{success}");
    }

    @Test
    void failure_carriesItsMessage_andIsAValue() {
        RefreshResult r = RefreshResult.failure("HTTP 500");
        assertThat(r.isSuccess()).isFalse();
        assertThat(r.error()).contains("HTTP 500");
        assertThat(r).isEqualTo(RefreshResult.failure("HTTP 500")).hasSameHashCodeAs(RefreshResult.failure("HTTP 500"));
        assertThat(r).isNotEqualTo(RefreshResult.success());
        assertThat(r.toString()).contains("HTTP 500");
        assertThatThrownBy(() -> RefreshResult.failure(null)).isInstanceOf(NullPointerException.class);
    }
}
