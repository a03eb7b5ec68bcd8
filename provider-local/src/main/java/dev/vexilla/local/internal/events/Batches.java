package dev.vexilla.local.internal.events;

import dev.vexilla.model.bucketing.DevCycleUser;
import dev.vexilla.model.events.EventsBatch;
import dev.vexilla.model.events.RequestEvent;
import dev.vexilla.model.events.UserEvents;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Groups events by user and cuts them into request-sized {@link EventsBatch}es. Static functions only. */
final class Batches {
    private Batches() {}

    /**
     * Groups custom events by user, keeping the order in which users and their events came.
     *
     * @param entries queued custom events
     * @return one group per distinct user
     */
    static Map<DevCycleUser, List<RequestEvent>> groupByUser(List<CustomEventQueue.Entry> entries) {
        Map<DevCycleUser, List<RequestEvent>> groups = new LinkedHashMap<>();
        for (CustomEventQueue.Entry e : entries) {
            groups.computeIfAbsent(e.user(), u -> new ArrayList<>()).add(e.event());
        }
        return groups;
    }

    /**
     * Cuts the groups into batches of at most {@code chunkSize} events; a user whose events span two batches
     * appears in both.
     *
     * @param groups events by user, in sending order
     * @param chunkSize the most events per batch, at least 1
     * @return the batches, none empty; an empty list when there are no events
     */
    static List<EventsBatch> chunk(Map<DevCycleUser, List<RequestEvent>> groups, int chunkSize) {
        List<EventsBatch> batches = new ArrayList<>();
        List<UserEvents> current = new ArrayList<>();
        int room = chunkSize;
        for (Map.Entry<DevCycleUser, List<RequestEvent>> group : groups.entrySet()) {
            List<RequestEvent> events = group.getValue();
            int from = 0;
            while (from < events.size()) {
                int to = Math.min(events.size(), from + room);
                current.add(new UserEvents(group.getKey(), events.subList(from, to)));
                room -= to - from;
                from = to;
                if (room == 0) {
                    batches.add(new EventsBatch(current));
                    current = new ArrayList<>();
                    room = chunkSize;
                }
            }
        }
        if (!current.isEmpty()) {
            batches.add(new EventsBatch(current));
        }
        return Collections.unmodifiableList(batches);
    }
}
