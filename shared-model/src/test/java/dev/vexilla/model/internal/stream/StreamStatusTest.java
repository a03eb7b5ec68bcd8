package dev.vexilla.model.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vexilla.model.internal.stream.StreamStatus.Cause;
import dev.vexilla.model.internal.stream.StreamStatus.State;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

final class StreamStatusTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void connectedHasNoCauseAndNoDelay() {
        StreamStatus status = StreamStatus.connected(T);

        assertThat(status.state()).isEqualTo(State.CONNECTED);
        assertThat(status.cause()).isEqualTo(Cause.NONE);
        assertThat(status.retryDelay()).isEmpty();
        assertThat(status.message()).isEmpty();
        assertThat(status.time()).isEqualTo(T);
    }

    @Test
    void disconnectedCarriesCauseStatusAndDelay() {
        StreamStatus status = StreamStatus.disconnected(Cause.HTTP_ERROR, 503, "HTTP 503", Duration.ofSeconds(2), T);

        assertThat(status.httpStatus()).isEqualTo(OptionalInt.of(503));
        assertThat(status.retryDelay()).contains(Duration.ofSeconds(2));
        assertThat(status.toString()).contains("DISCONNECTED", "HTTP_ERROR", "status=503", "PT2S");
    }

    @Test
    void failedWithoutResponseHasNoStatusAndNoDelay() {
        StreamStatus status = StreamStatus.failed(Cause.CLIENT_CLOSED, 0, "the HTTP client is closed", T);

        assertThat(status.httpStatus()).isEmpty();
        assertThat(status.retryDelay()).isEmpty();
    }

    @Test
    void equalStatusesAreEqual() {
        assertThat(StreamStatus.connected(T))
                .isEqualTo(StreamStatus.connected(T))
                .hasSameHashCodeAs(StreamStatus.connected(T))
                .isNotEqualTo(StreamStatus.initializing(T));
    }
}
