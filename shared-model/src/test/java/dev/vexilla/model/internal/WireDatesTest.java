package dev.vexilla.model.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

final class WireDatesTest {

    @Test
    void readsMillisNumericTextAndIso() {
        Instant t = Instant.ofEpochMilli(1_700_000_000_000L);

        assertThat(WireDates.parse("d", 1_700_000_000_000L)).isEqualTo(t);
        assertThat(WireDates.parse("d", "1700000000000")).isEqualTo(t);
        assertThat(WireDates.parse("d", "2023-11-14T22:13:20Z")).isEqualTo(t);
        assertThat(WireDates.parse("d", null)).isNull();
    }

    @Test
    void rejectsAnythingElseNamingTheField() {
        assertThatThrownBy(() -> WireDates.parse("createdDate", "tomorrow")).hasMessageContaining("createdDate");
        assertThatThrownBy(() -> WireDates.parse("createdDate", 1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
