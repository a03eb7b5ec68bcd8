package dev.vexilla.model.ofrep;

import static dev.vexilla.model.RoundTrips.MAPPER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vexilla.model.ObjectMappers;
import org.junit.jupiter.api.Test;

final class OfrepEventStreamTest {

    @Test
    void endpointFormIsKeptAndDefaultDelayApplies() throws Exception {
        String json = "{\"type\":\"sse\",\"endpoint\":{\"origin\":\"https://sse.example.com\","
                + "\"requestUri\":\"/event-stream?channels=env_abc\"}}";

        OfrepEventStream s = ObjectMappers.read(MAPPER, json, OfrepEventStream.class);

        assertThat(s.url()).isNull();
        assertThat(s.endpoint().get("requestUri").asText()).isEqualTo("/event-stream?channels=env_abc");
        assertThat(s.inactivityDelaySec()).isNull();
        assertThat(s.effectiveInactivityDelaySec()).isEqualTo(OfrepEventStream.DEFAULT_INACTIVITY_DELAY_SEC);
        assertThat(MAPPER.readTree(MAPPER.writeValueAsBytes(s))).isEqualTo(MAPPER.readTree(json));
    }

    @Test
    void unknownTypeIsReadSoClientsCanIgnoreIt() throws Exception {
        OfrepEventStream s =
                ObjectMappers.read(MAPPER, "{\"type\":\"websocket\",\"url\":\"wss://x\"}", OfrepEventStream.class);

        assertThat(s.type()).isEqualTo("websocket");
    }

    @Test
    void toStringHidesTheQueryWhichMayHoldCredentials() {
        OfrepEventStream s = OfrepEventStream.sse("https://sse.example.com/stream?token=abc123");

        assertThat(s.toString()).contains("https://sse.example.com/stream").doesNotContain("abc123");
        assertThat(s).isEqualTo(OfrepEventStream.sse("https://sse.example.com/stream?token=abc123"));
        assertThat(s.hashCode())
                .isEqualTo(OfrepEventStream.sse("https://sse.example.com/stream?token=abc123")
                        .hashCode());
    }
}
