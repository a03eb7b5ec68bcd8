package dev.vexilla.model.events;

import static dev.vexilla.model.RoundTrips.MAPPER;
import static dev.vexilla.model.RoundTrips.assertRoundTrip;
import static dev.vexilla.model.RoundTrips.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vexilla.model.ObjectMappers;
import dev.vexilla.model.bucketing.DevCycleUser;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class EventsBatchTest {

    @Test
    void batchRoundTripsUnchanged() throws Exception {
        EventsBatch batch = assertRoundTrip(resource("events/batch.json"), EventsBatch.class);

        assertThat(batch.batch()).hasSize(2);
        assertThat(batch.eventCount()).isEqualTo(3);
        RequestEvent custom = batch.batch().get(1).events().get(0);
        assertThat(custom.type()).isEqualTo(RequestEvent.CUSTOM_EVENT);
        assertThat(custom.customType()).isEqualTo("checkout-completed");
        assertThat(custom.clientDate()).isEqualTo(Instant.parse("2026-01-02T03:04:04.900Z"));
        assertThat(custom.featureVars()).containsEntry("614ef6aa473928459060721a", "615357cf7e9ebdca58446ed0");
    }

    @Test
    void builtBatchSurvivesTheWire() throws Exception {
        Instant now = Instant.parse("2026-01-02T03:04:05.123Z");
        Map<String, Long> reasons = new LinkedHashMap<>();
        reasons.put("TARGETING_MATCH", 10L);
        reasons.put("SPLIT", 2L);
        DevCycleUser aggregateUser = DevCycleUser.builder()
                .userId("3f1b-uuid@app-1")
                .stringField("platform", "Java")
                .stringField("sdkType", "server")
                .stringField("hostname", "app-1")
                .build();
        EventsBatch batch = new EventsBatch(Arrays.asList(
                new UserEvents(
                        aggregateUser,
                        Arrays.asList(
                                RequestEvent.aggregatedEvaluation("new-checkout", "cfg-1", "v-on", reasons, now),
                                RequestEvent.aggregatedDefault("missing-flag", 3, now))),
                new UserEvents(
                        DevCycleUser.builder()
                                .userId("user-42")
                                .email("ada@example.com")
                                .customData(Collections.singletonMap("plan", "pro"))
                                .build(),
                        Collections.singletonList(new RequestEvent(
                                RequestEvent.CUSTOM_EVENT,
                                "checkout-completed",
                                "user-42",
                                "cart-7",
                                Instant.parse("2026-01-02T03:04:05Z"),
                                Instant.parse("2026-01-02T03:04:04.900Z"),
                                99.5,
                                Collections.singletonMap("items", 3),
                                Collections.singletonMap("614ef6aa473928459060721a", "615357cf7e9ebdca58446ed0"))))));

        byte[] json = MAPPER.writeValueAsBytes(batch);

        dev.vexilla.model.RoundTrips.assertSameTree(resource("events/batch.json"), json);
        // free-form maps come back with JSON number types (10L is read as 10), so compare read against read
        assertThat(ObjectMappers.read(MAPPER, json, EventsBatch.class))
                .isEqualTo(ObjectMappers.read(MAPPER, resource("events/batch.json"), EventsBatch.class));
    }

    @Test
    void emptyBatchIsValid() throws Exception {
        EventsBatch batch = ObjectMappers.read(MAPPER, "{}", EventsBatch.class);

        assertThat(batch.batch()).isEmpty();
        assertThat(batch.toString()).contains("0 users");
        assertThat(batch).isEqualTo(new EventsBatch(null)).hasSameHashCodeAs(new EventsBatch(null));
    }
}
