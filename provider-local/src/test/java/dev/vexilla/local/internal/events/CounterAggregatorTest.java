package dev.vexilla.local.internal.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vexilla.model.ErrorKind;
import dev.vexilla.model.ResultReason;
import dev.vexilla.model.events.RequestEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class CounterAggregatorTest {
    private static final Instant NOW = Instant.parse("2026-11-22T03:00:00Z");

    private final CounterAggregator aggregator = new CounterAggregator();

    @Test
    void successfulEvaluationsBecomeOneEvaluatedEventPerFlagAndVariation() {
        aggregator.accept("flag", "v1", ResultReason.TARGETING_MATCH, null, 2);
        aggregator.accept("flag", "v1", ResultReason.SPLIT, null, 3);
        aggregator.accept("flag", "v1", ResultReason.SPLIT, null, 1);
        aggregator.accept("flag", "v2", ResultReason.STATIC, null, 7);

        List<RequestEvent> events = aggregator.toEvents(NOW);

        assertThat(events).hasSize(2);
        RequestEvent v1 = events.get(0);
        assertThat(v1.type()).isEqualTo(RequestEvent.AGG_VARIABLE_EVALUATED);
        assertThat(v1.target()).isEqualTo("flag");
        assertThat(v1.value()).isEqualTo(6.0);
        assertThat(v1.date()).isEqualTo(NOW);
        assertThat(v1.metaData())
                .containsEntry("_feature", "flag")
                .containsEntry("_variation", "v1")
                .containsEntry("eval", Map.of("TARGETING_MATCH", 2L, "SPLIT", 4L));
        assertThat(events.get(1).metaData()).containsEntry("_variation", "v2");
    }

    @Test
    void errorsBecomeOneDefaultedEventPerFlagWithCountsPerErrorKind() {
        aggregator.accept("flag", null, ResultReason.ERROR, ErrorKind.FLAG_NOT_FOUND, 4);
        aggregator.accept("flag", null, ResultReason.ERROR, ErrorKind.TYPE_MISMATCH, 1);
        aggregator.accept("flag", null, ResultReason.ERROR, null, 2);

        List<RequestEvent> events = aggregator.toEvents(NOW);

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(RequestEvent.AGG_VARIABLE_DEFAULTED);
            assertThat(e.target()).isEqualTo("flag");
            assertThat(e.value()).isEqualTo(7.0);
            assertThat(e.metaData())
                    .containsEntry("_variation", RequestEvent.DEFAULT_VARIATION)
                    .containsEntry("eval", Map.of("DEFAULT", 7L))
                    .containsEntry(
                            CounterAggregator.ERRORS_KEY,
                            Map.of("FLAG_NOT_FOUND", 4L, "TYPE_MISMATCH", 1L, "GENERAL", 2L));
        });
    }

    @Test
    void anErrorKindWinsOverANonErrorReason() {
        aggregator.accept("flag", "v1", ResultReason.DEFAULT, ErrorKind.PROVIDER_NOT_READY, 1);

        assertThat(aggregator.toEvents(NOW))
                .singleElement()
                .extracting(RequestEvent::type)
                .isEqualTo(RequestEvent.AGG_VARIABLE_DEFAULTED);
    }

    @Test
    void aMissingVariationIdIsSentAsNone() {
        aggregator.accept("flag", null, ResultReason.DEFAULT, null, 1);

        assertThat(aggregator.toEvents(NOW).get(0).metaData())
                .containsEntry("_variation", CounterAggregator.NO_VARIATION);
    }

    @Test
    void countsBelowOneAreIgnored() {
        aggregator.accept("flag", "v1", ResultReason.STATIC, null, 0);
        aggregator.accept("flag", "v1", ResultReason.STATIC, null, -3);

        assertThat(aggregator.isEmpty()).isTrue();
        assertThat(aggregator.toEvents(NOW)).isEmpty();
    }

    @Test
    void flagKeysTheServerWouldRefuseAreSkippedAndCounted() {
        aggregator.accept("", "v1", ResultReason.STATIC, null, 2);
        aggregator.accept("k".repeat(257), "v1", ResultReason.STATIC, null, 3);

        assertThat(aggregator.toEvents(NOW)).isEmpty();
        assertThat(aggregator.skippedEvaluations()).isEqualTo(5);
    }

    @Test
    void forDevCyclesEventsApiDefaultedEventsCarryNoErrorCounts() {
        CounterAggregator devCycle = new CounterAggregator(false);
        devCycle.accept("flag", null, ResultReason.ERROR, ErrorKind.FLAG_NOT_FOUND, 4);
        devCycle.acceptNotServed("flag", 3);

        assertThat(devCycle.toEvents(NOW)).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(RequestEvent.AGG_VARIABLE_DEFAULTED);
            assertThat(e.value()).isEqualTo(7.0);
            assertThat(e.metaData())
                    .containsOnlyKeys("_variation", "eval")
                    .containsEntry("eval", Map.of("DEFAULT", 7L));
        });
    }
}
