package dev.vexilla.model.bucketing;

import static dev.vexilla.model.RoundTrips.MAPPER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vexilla.model.ObjectMappers;
import java.util.Collections;
import org.junit.jupiter.api.Test;

final class TrackEventTest {

    @Test
    void readsAllFields() throws Exception {
        TrackEvent e = ObjectMappers.read(
                MAPPER,
                "{\"type\":\"buy\",\"target\":\"t\",\"value\":2,\"date\":1700000000000,\"metaData\":{\"a\":1}}",
                TrackEvent.class);

        assertThat(e.type()).isEqualTo("buy");
        assertThat(e.target()).isEqualTo("t");
        assertThat(e.value()).isEqualTo(2.0);
        assertThat(e.date()).isEqualTo(1_700_000_000_000L);
        assertThat(e.metaData()).containsEntry("a", 1);
    }

    @Test
    void valueSemantics() {
        TrackEvent a = new TrackEvent("t", null, 1.0, 5L, Collections.singletonMap("k", "v"));
        TrackEvent b = new TrackEvent("t", null, 1.0, 5L, Collections.singletonMap("k", "v"));

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.toString()).contains("t");
        assertThat(new TrackEvent("t", null, null, null, null).metaData()).isEmpty();
    }
}
