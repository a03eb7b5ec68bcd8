package dev.vexilla.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vexilla.model.ObjectMappers;
import dev.vexilla.model.WirePayloadException;
import dev.vexilla.model.events.EventsBatch;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class EventBatchSummaryTest {
    private static EventBatchSummary summarize(String json) throws Exception {
        return EventBatchSummary.of(ObjectMappers.read(ServerJson.mapper(), json, EventsBatch.class));
    }

    @Test
    void aggregatesEvaluationsByFlagAndVariation() throws Exception {
        EventBatchSummary summary = summarize(EventsRouteTest.BATCH);

        assertThat(summary.users()).isEqualTo(2);
        assertThat(summary.events()).isEqualTo(6);
        assertThat(summary.evaluations()).isEqualTo(Map.of("newDashboard", Map.of("d45b0a01", 3L, "d45b0a02", 1L)));
        assertThat(summary.defaulted()).isEqualTo(Map.of("missingFlag", 2L));
        assertThat(summary.custom()).isEqualTo(Map.of("checkout", 2L));
        assertThat(summary.other()).isEqualTo(Map.of("sdkConfig", 1L));
    }

    @Test
    void evaluationWithoutVariation_countsAsUnknown() throws Exception {
        EventBatchSummary summary = summarize(
                "{\"batch\":[{\"user\":{\"user_id\":\"u\"},\"events\":[{\"type\":\"variableEvaluated\",\"target\":\"f\"}]}]}");

        assertThat(summary.evaluations()).isEqualTo(Map.of("f", Map.of("unknown", 1L)));
    }

    @Test
    void emptyBatch_isValid() throws Exception {
        assertThat(summarize("{\"batch\":[]}").events()).isZero();
    }

    @Test
    void missingBatchOrEvents_areEmpty() throws Exception {
        assertThat(summarize("{}").events()).isZero();
        assertThat(summarize("{\"batch\":[{\"user\":{\"user_id\":\"u\"}}]}").users())
                .isEqualTo(1);
    }

    @Test
    void wireShapeErrors_nameTheJsonPath() {
        assertThatThrownBy(() -> summarize("{\"batch\":[{\"events\":[]}]}"))
                .isInstanceOf(WirePayloadException.class)
                .hasMessageStartingWith("$.batch[0]");
        assertThatThrownBy(() -> summarize("{\"batch\":{}}"))
                .isInstanceOf(WirePayloadException.class)
                .hasMessageStartingWith("$.batch");
        assertThatThrownBy(() -> summarize("{\"batch\":[{\"user\":{\"user_id\":\"u\"},\"events\":[{\"type\":{}}]}]}"))
                .isInstanceOf(WirePayloadException.class)
                .hasMessageStartingWith("$.batch[0].events[0].type");
    }

    @Test
    void semanticErrors_nameTheJsonPath() {
        assertThatThrownBy(() -> summarize("{\"batch\":[{\"user\":{},\"events\":[]}]}"))
                .hasMessage("$.batch[0].user.user_id must be a non-empty string");
        assertThatThrownBy(() -> summarize("{\"batch\":[{\"user\":{\"user_id\":\"u\"},\"events\":[{\"type\":\"\"}]}]}"))
                .hasMessage("$.batch[0].events[0].type must be a non-empty string");
        assertThatThrownBy(() -> summarize(
                        "{\"batch\":[{\"user\":{\"user_id\":\"u\"},\"events\":[{\"type\":\"variableEvaluated\"}]}]}"))
                .hasMessage("$.batch[0].events[0].target must be a non-empty string");
        assertThatThrownBy(() -> summarize(
                        "{\"batch\":[{\"user\":{\"user_id\":\"u\"},\"events\":[{\"type\":\"aggVariableEvaluated\","
                                + "\"target\":\"f\",\"value\":-1}]}]}"))
                .hasMessageStartingWith("$.batch[0].events[0].value must be a count");
        assertThatThrownBy(() -> summarize(
                        "{\"batch\":[{\"user\":{\"user_id\":\"u\"},\"events\":[{\"type\":\"customEvent\"}]}]}"))
                .hasMessage("$.batch[0].events[0].customType must be a non-empty string");
    }

    @Test
    void jsonLine_holdsCountsAndNoUserData() throws Exception {
        String line = summarize(EventsRouteTest.BATCH).toJsonLine("prod", Instant.parse("2026-11-22T03:00:00Z"));

        JsonNode node = ServerJson.mapper().readTree(line);
        assertThat(line).doesNotContain("\n").doesNotContain("u-1").doesNotContain("jane@");
        assertThat(node.get("receivedAt").asText()).isEqualTo("2026-11-22T03:00:00Z");
        assertThat(node.get("config").asText()).isEqualTo("prod");
        assertThat(node.at("/custom/checkout").asLong()).isEqualTo(2);
    }
}
