package dev.vexilla.model.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class SseEventTest {
    @Test
    void equalEventsAreEqualAndShowTheirFields() {
        SseEvent a = new SseEvent("put", "{}", "4");

        assertThat(a).isEqualTo(new SseEvent("put", "{}", "4")).hasSameHashCodeAs(new SseEvent("put", "{}", "4"));
        assertThat(a).isNotEqualTo(new SseEvent("put", "{}", "5"));
        assertThat(a.toString()).contains("put", "{}", "4");
    }
}
