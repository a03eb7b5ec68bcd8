package dev.vexilla.local.internal.events;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.vexilla.model.bucketing.DevCycleUser;
import dev.vexilla.model.events.RequestEvent;
import dev.vexilla.model.testsupport.LogCapture;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class CustomEventQueueTest {
    private static final DevCycleUser USER = DevCycleUser.builder().userId("u1").build();

    private static CustomEventQueue.Entry entry(String name) {
        return new CustomEventQueue.Entry(USER, RequestEvent.custom(name, "u1", null, null, Instant.EPOCH));
    }

    @Test
    void offerReturnsTheSizeUntilFullThenDropsAndCounts() {
        CustomEventQueue queue = new CustomEventQueue(2);

        assertThat(queue.offer(entry("a"))).isEqualTo(1);
        assertThat(queue.offer(entry("b"))).isEqualTo(2);
        assertThat(queue.offer(entry("c"))).isEqualTo(-1);

        assertThat(queue.size()).isEqualTo(2);
        assertThat(queue.droppedOnOverflow()).isEqualTo(1);
    }

    @Test
    void drainToMovesEventsOldestFirst() {
        CustomEventQueue queue = new CustomEventQueue(5);
        queue.offer(entry("a"));
        queue.offer(entry("b"));
        List<CustomEventQueue.Entry> drained = new ArrayList<>();

        assertThat(queue.drainTo(drained)).isEqualTo(2);

        assertThat(drained).extracting(e -> e.event().customType()).containsExactly("a", "b");
        assertThat(queue.size()).isZero();
    }

    @Test
    void overflowWarnsOncePerEpisodeAndADrainStartsANewEpisode() {
        try (LogCapture log = LogCapture.of(CustomEventQueue.class)) {
            CustomEventQueue queue = new CustomEventQueue(1);
            queue.offer(entry("a"));
            queue.offer(entry("b"));
            queue.offer(entry("c"));
            assertThat(log.messages(Level.WARN)).hasSize(1);

            queue.drainTo(new ArrayList<>());
            queue.offer(entry("d"));
            queue.offer(entry("e"));

            assertThat(log.messages(Level.WARN)).hasSize(2);
            assertThat(queue.droppedOnOverflow()).isEqualTo(3);
        }
    }
}
