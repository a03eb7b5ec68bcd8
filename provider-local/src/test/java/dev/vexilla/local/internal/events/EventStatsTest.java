package dev.vexilla.local.internal.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class EventStatsTest {
    @Test
    void valuesWithEqualCountsAreEqual() {
        EventStats a = new EventStats(1, 2, 3, true);

        assertThat(a).isEqualTo(new EventStats(1, 2, 3, true)).hasSameHashCodeAs(new EventStats(1, 2, 3, true));
        assertThat(a).isNotEqualTo(new EventStats(1, 2, 3, false)).isNotEqualTo(new EventStats(1, 2, 4, true));
        assertThat(a.sentEvents()).isEqualTo(1);
        assertThat(a.droppedEvents()).isEqualTo(2);
        assertThat(a.failedRequests()).isEqualTo(3);
        assertThat(a.sendingStopped()).isTrue();
        assertThat(a).hasToString("EventStats{sent=1, dropped=2, failedRequests=3, sendingStopped=true}");
    }

    @Test
    void emptyHasEveryCountAtZero() {
        assertThat(EventStats.EMPTY).isEqualTo(new EventStats(0, 0, 0, false));
    }

    @Test
    void negativeCountsAreRefused() {
        assertThatThrownBy(() -> new EventStats(0, -1, 0, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dropped=-1");
    }
}
