package dev.vexilla.local;

import static dev.vexilla.model.testsupport.TestHttpServer.respond;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.MutableTrackingEventDetails;
import dev.openfeature.sdk.Value;
import dev.vexilla.model.testsupport.ManualScheduler;
import dev.vexilla.model.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The events a {@link LocalProvider} in DevCycle mode posts: DevCycle's batch format exactly
 * ({@code POST {events}/v1/events/batch}, {@code Authorization: <key>}), aggregated evaluation counters per feature
 * and variation, defaulted counters without Vexilla's {@code _errors}, and custom {@code track} events.
 */
final class LocalProviderDevCycleEventsTest {

    private static final Duration FLUSH = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T12:00:00Z"));
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final FakeDevCycle devCycle = new FakeDevCycle();
    private LocalProvider provider;

    @BeforeEach
    void start() throws Exception {
        devCycle.configResponses.add(respond(200, devCycle.config("/event-stream", "Pay now"), "ETag", "\"a\""));
        provider = new LocalProvider(LocalOptions.builder()
                .sdkKey(FakeDevCycle.KEY)
                .baseUrl(devCycle.baseUri())
                .eventsUrl(devCycle.baseUri())
                .realtimeUpdates(false)
                .eventFlushInterval(FLUSH)
                .clock(clock)
                .scheduler(scheduler)
                .build());
        provider.initialize(new ImmutableContext());
    }

    @AfterEach
    void stop() {
        provider.shutdown();
        devCycle.close();
    }

    @Test
    void evaluationsAreSentAsDevCyclesAggregatedEvents_withTheKeyAsAuthorization() throws Exception {
        provider.getBooleanEvaluation("new-checkout", false, staff());
        provider.getBooleanEvaluation("new-checkout", false, staff());
        provider.getBooleanEvaluation("new-checkout", true, user("someone@else.io"));
        provider.getBooleanEvaluation("no-such-variable", true, staff());
        provider.getStringEvaluation("new-checkout", "x", staff());

        scheduler.advance(FLUSH);

        FakeDevCycle.EventsRequest request = devCycle.takeEvents();
        assertThat(request.authorization).isEqualTo(FakeDevCycle.KEY);
        JsonNode batch = JSON.readTree(request.body).get("batch");
        assertThat(batch).hasSize(1);
        JsonNode sdkUser = batch.get(0).get("user");
        assertThat(sdkUser.get("user_id").asText()).contains("@");
        assertThat(sdkUser.get("sdkType").asText()).isEqualTo("server");
        Map<String, JsonNode> byType = byTypeAndTarget(batch.get(0).get("events"));
        assertThat(byType)
                .containsOnlyKeys(
                        "aggVariableEvaluated new-checkout",
                        "aggVariableDefaulted new-checkout",
                        "aggVariableDefaulted no-such-variable");

        for (JsonNode e : batch.get(0).get("events")) {
            assertThat(e.get("user_id").asText())
                    .as("DevCycle names the SDK user")
                    .isEqualTo(sdkUser.get("user_id").asText());
            assertThat(e.get("clientDate").asText())
                    .isEqualTo(e.get("date").asText())
                    .startsWith("2026-12-01T12:00:10");
        }
        JsonNode evaluated = byType.get("aggVariableEvaluated new-checkout");
        assertThat(evaluated.get("value").asDouble()).isEqualTo(2.0);
        assertThat(evaluated.get("metaData").get("_feature").asText()).isEqualTo("feat-checkout");
        assertThat(evaluated.get("metaData").get("_variation").asText()).isEqualTo("var-on");
        assertThat(evaluated.get("metaData").get("eval").get("TARGETING_MATCH").asLong())
                .isEqualTo(2);

        JsonNode defaulted = byType.get("aggVariableDefaulted new-checkout");
        assertThat(defaulted.get("value").asDouble())
                .as("the untargeted user and the wrong type")
                .isEqualTo(2.0);
        assertThat(fieldNames(defaulted.get("metaData"))).containsExactlyInAnyOrder("_variation", "eval");
        assertThat(defaulted.get("metaData").get("_variation").asText()).isEqualTo("DEFAULT");
        assertThat(defaulted.get("metaData").get("eval").get("DEFAULT").asLong())
                .isEqualTo(2);
        JsonNode missing = byType.get("aggVariableDefaulted no-such-variable");
        assertThat(fieldNames(missing.get("metaData"))).containsExactlyInAnyOrder("_variation", "eval");
    }

    @Test
    void trackSendsACustomEventUnderTheUser() throws Exception {
        provider.track(
                "checkout-completed", staff(), new MutableTrackingEventDetails(49.5).add("currency", new Value("EUR")));

        scheduler.advance(FLUSH);

        FakeDevCycle.EventsRequest request = devCycle.takeEvents();
        assertThat(request.authorization).isEqualTo(FakeDevCycle.KEY);
        JsonNode entry = JSON.readTree(request.body).get("batch").get(0);
        assertThat(entry.get("user").get("user_id").asText()).isEqualTo("u-1");
        assertThat(entry.get("user").get("email").asText()).isEqualTo("ada@vexilla.dev");
        JsonNode event = entry.get("events").get(0);
        assertThat(event.get("type").asText()).isEqualTo("customEvent");
        assertThat(event.get("customType").asText()).isEqualTo("checkout-completed");
        assertThat(event.get("user_id").asText()).isEqualTo("u-1");
        assertThat(event.get("value").asDouble()).isEqualTo(49.5);
        assertThat(event.get("metaData").get("currency").asText()).isEqualTo("EUR");
    }

    private static Map<String, JsonNode> byTypeAndTarget(JsonNode events) {
        Map<String, JsonNode> all = new HashMap<>();
        for (JsonNode e : events) {
            all.put(e.get("type").asText() + " " + e.get("target").asText(), e);
        }
        return all;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static EvaluationContext staff() {
        return user("ada@vexilla.dev");
    }

    private static EvaluationContext user(String email) {
        return new ImmutableContext("u-1", Map.of("email", new Value(email)));
    }
}
