package dev.vexilla.model.events;

import static dev.vexilla.model.RoundTrips.MAPPER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vexilla.model.ObjectMappers;
import dev.vexilla.model.WirePayloadException;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class RequestEventTest {

    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    @Test
    void aggregatedEvaluationCountsAllReasons() {
        RequestEvent e =
                RequestEvent.aggregatedEvaluation("flag", "cfg", "v1", Map.of("TARGETING_MATCH", 4L, "SPLIT", 3L), NOW);

        assertThat(e.type()).isEqualTo(RequestEvent.AGG_VARIABLE_EVALUATED);
        assertThat(e.target()).isEqualTo("flag");
        assertThat(e.value()).isEqualTo(7.0);
        assertThat(e.metaData()).containsEntry("_feature", "cfg").containsEntry("_variation", "v1");
        assertThat(e.date()).isEqualTo(NOW);
    }

    @Test
    void aggregatedDefaultUsesTheDefaultVariation() {
        RequestEvent e = RequestEvent.aggregatedDefault("flag", 5, NOW);

        assertThat(e.type()).isEqualTo(RequestEvent.AGG_VARIABLE_DEFAULTED);
        assertThat(e.metaData())
                .containsEntry("_variation", "DEFAULT")
                .containsEntry("eval", Collections.singletonMap("DEFAULT", 5L));
        assertThat(e.value()).isEqualTo(5.0);
    }

    @Test
    void customEventCarriesItsName() {
        RequestEvent e = RequestEvent.custom("signup", "u", 1.0, null, NOW);

        assertThat(e.type()).isEqualTo(RequestEvent.CUSTOM_EVENT);
        assertThat(e.customType()).isEqualTo("signup");
        assertThat(e.userId()).isEqualTo("u");
        assertThat(e.clientDate()).isEqualTo(NOW);
        assertThat(e.toString()).contains("signup");
    }

    @Test
    void datesAreWrittenAsIsoAndReadFromEpochMillisToo() throws Exception {
        RequestEvent e = RequestEvent.custom("signup", null, null, null, NOW);

        assertThat(MAPPER.writeValueAsString(e)).contains("\"date\":\"2026-01-02T03:04:05Z\"");
        RequestEvent read = ObjectMappers.read(
                MAPPER, "{\"type\":\"customEvent\",\"date\":" + NOW.toEpochMilli() + "}", RequestEvent.class);
        assertThat(read.date()).isEqualTo(NOW);
    }

    @Test
    void badDateIsATypedErrorWithPath() {
        assertThatThrownBy(() ->
                        ObjectMappers.read(MAPPER, "{\"type\":\"customEvent\",\"date\":\"soon\"}", RequestEvent.class))
                .isInstanceOf(WirePayloadException.class)
                .hasMessage("$.date: expected epoch milliseconds or an ISO-8601 date-time");
    }

    @Test
    void typeIsRequired() {
        assertThatThrownBy(() -> ObjectMappers.read(MAPPER, "{\"target\":\"x\"}", RequestEvent.class))
                .isInstanceOf(WirePayloadException.class)
                .hasMessage("$: type is required");
    }
}
