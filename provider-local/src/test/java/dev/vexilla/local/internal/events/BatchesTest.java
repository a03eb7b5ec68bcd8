package dev.vexilla.local.internal.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vexilla.model.bucketing.DevCycleUser;
import dev.vexilla.model.events.EventsBatch;
import dev.vexilla.model.events.RequestEvent;
import dev.vexilla.model.events.UserEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class BatchesTest {
    private static DevCycleUser user(String id) {
        return DevCycleUser.builder().userId(id).build();
    }

    private static List<RequestEvent> events(String user, int n) {
        List<RequestEvent> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(RequestEvent.custom("e" + i, user, null, null, Instant.EPOCH));
        }
        return events;
    }

    @Test
    void groupByUserKeepsTheOrderOfUsersAndOfTheirEvents() {
        List<CustomEventQueue.Entry> entries = new ArrayList<>();
        entries.add(new CustomEventQueue.Entry(user("b"), RequestEvent.custom("1", "b", null, null, Instant.EPOCH)));
        entries.add(new CustomEventQueue.Entry(user("a"), RequestEvent.custom("2", "a", null, null, Instant.EPOCH)));
        entries.add(new CustomEventQueue.Entry(user("b"), RequestEvent.custom("3", "b", null, null, Instant.EPOCH)));

        Map<DevCycleUser, List<RequestEvent>> groups = Batches.groupByUser(entries);

        assertThat(groups.keySet()).extracting(DevCycleUser::userId).containsExactly("b", "a");
        assertThat(groups.get(user("b"))).extracting(RequestEvent::customType).containsExactly("1", "3");
    }

    @Test
    void chunkCutsBatchesAtTheChunkSizeAndSplitsAUserAcrossBatches() {
        Map<DevCycleUser, List<RequestEvent>> groups = new LinkedHashMap<>();
        groups.put(user("a"), events("a", 3));
        groups.put(user("b"), events("b", 4));

        List<EventsBatch> batches = Batches.chunk(groups, 5);

        assertThat(batches).extracting(EventsBatch::eventCount).containsExactly(5, 2);
        assertThat(batches.get(0).batch())
                .extracting(u -> u.user().userId(), u -> u.events().size())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a", 3), org.assertj.core.groups.Tuple.tuple("b", 2));
        assertThat(batches.get(1).batch())
                .extracting(UserEvents::events)
                .singleElement()
                .satisfies(
                        e -> assertThat(e).extracting(RequestEvent::customType).containsExactly("e2", "e3"));
    }

    @Test
    void anExactMultipleLeavesNoEmptyBatch() {
        Map<DevCycleUser, List<RequestEvent>> groups = new LinkedHashMap<>();
        groups.put(user("a"), events("a", 4));

        assertThat(Batches.chunk(groups, 2)).extracting(EventsBatch::eventCount).containsExactly(2, 2);
    }

    @Test
    void noEventsGiveNoBatch() {
        assertThat(Batches.chunk(new LinkedHashMap<>(), 100)).isEmpty();
    }
}
