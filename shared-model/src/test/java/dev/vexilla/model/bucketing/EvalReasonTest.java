package dev.vexilla.model.bucketing;

import static dev.vexilla.model.RoundTrips.MAPPER;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class EvalReasonTest {

    @Test
    void writesDevCycleFieldNames() throws Exception {
        String json = MAPPER.writeValueAsString(new EvalReason("TARGETING_MATCH", "rule 1", "t-1"));

        assertThat(json).isEqualTo("{\"reason\":\"TARGETING_MATCH\",\"details\":\"rule 1\",\"target_id\":\"t-1\"}");
    }

    @Test
    void valueSemantics() {
        EvalReason a = new EvalReason("SPLIT", null, "t");

        assertThat(a)
                .isEqualTo(new EvalReason("SPLIT", null, "t"))
                .hasSameHashCodeAs(new EvalReason("SPLIT", null, "t"));
        assertThat(a).isNotEqualTo(new EvalReason("SPLIT", "x", "t"));
        assertThat(a.toString()).contains("SPLIT");
    }
}
