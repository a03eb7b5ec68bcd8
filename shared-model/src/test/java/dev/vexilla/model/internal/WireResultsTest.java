package dev.vexilla.model.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openfeature.sdk.ImmutableMetadata;
import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.FlagMetadata;
import dev.vexilla.model.ObjectMappers;
import dev.vexilla.model.ResultReason;
import org.junit.jupiter.api.Test;

final class WireResultsTest {

    @Test
    void fromJsonMapsEveryJsonType() throws Exception {
        assertThat(WireResults.fromJson(ObjectMappers.shared().readTree("true")))
                .isEqualTo(true);
        assertThat(WireResults.fromJson(ObjectMappers.shared().readTree("\"s\"")))
                .isEqualTo("s");
        assertThat(WireResults.fromJson(ObjectMappers.shared().readTree("7"))).isEqualTo(7);
        assertThat(WireResults.fromJson(ObjectMappers.shared().readTree("7000000000")))
                .isEqualTo(7_000_000_000L);
        assertThat(WireResults.fromJson(ObjectMappers.shared().readTree("7.0"))).isEqualTo(7.0);
        assertThat(WireResults.fromJson(ObjectMappers.shared().readTree("{\"a\": [1]}")))
                .isEqualTo("{\"a\":[1]}");
        assertThat(WireResults.fromJson(ObjectMappers.shared().readTree("null")))
                .isNull();
        assertThat(WireResults.fromJson(null)).isNull();
    }

    @Test
    void reasonFallsBackForUnknownMissingAndError() {
        assertThat(WireResults.reason("SPLIT", ResultReason.DEFAULT)).isEqualTo(ResultReason.SPLIT);
        assertThat(WireResults.reason("DISABLED", ResultReason.DEFAULT)).isEqualTo(ResultReason.DEFAULT);
        assertThat(WireResults.reason(null, ResultReason.STATIC)).isEqualTo(ResultReason.STATIC);
        assertThat(WireResults.reason("ERROR", ResultReason.DEFAULT)).isEqualTo(ResultReason.DEFAULT);
    }

    @Test
    void indexesComeFromMetadata() {
        ImmutableMetadata m = ImmutableMetadata.builder()
                .addInteger(FlagMetadata.RULE_INDEX, 2)
                .addLong(FlagMetadata.PERCENTAGE_OPTION_INDEX, 1L)
                .build();

        assertThat(WireResults.success("v", "x", ResultReason.SPLIT, m))
                .isEqualTo(EvaluationResult.success("v", "x", ResultReason.SPLIT, 2, 1));
        assertThat(WireResults.index(ImmutableMetadata.EMPTY, FlagMetadata.RULE_INDEX))
                .isEqualTo(-1);
    }
}
