package dev.vexilla.local.internal.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vexilla.model.User;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class NoopEventRecorderTest {
    @Test
    void noopIsSharedIgnoresEverythingAndReportsNothing() {
        EventRecorder recorder = EventRecorder.noop();

        recorder.track("e", User.of("u1"), 1.0, Map.of());
        recorder.flush();
        recorder.close();
        recorder.close();

        assertThat(recorder).isSameAs(EventRecorder.noop());
        assertThat(recorder.stats()).isEqualTo(EventStats.EMPTY);
    }
}
