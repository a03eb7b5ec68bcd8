package dev.vexilla.model.ofrep;

import static dev.vexilla.model.RoundTrips.assertRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vexilla.model.ErrorKind;
import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.ResultReason;
import java.util.Collections;
import org.junit.jupiter.api.Test;

final class OfrepBulkResponseTest {

    @Test
    void specBulkSuccessExampleRoundTrips() throws Exception {
        OfrepBulkResponse bulk =
                assertRoundTrip(OpenApiExamples.response(OpenApiExamples.BULK, 200), OfrepBulkResponse.class);

        assertThat(bulk.flags())
                .extracting(OfrepEvaluation::key)
                .containsExactly("discount-banner", "theme-color", "non-existent-flag");
        assertThat(bulk.flags().get(1).toEvaluationResult())
                .contains(EvaluationResult.success("blue", "default", ResultReason.STATIC, -1, -1));
        assertThat(bulk.flags().get(2).toEvaluationResult().orElseThrow().errorKind())
                .isEqualTo(ErrorKind.FLAG_NOT_FOUND);
        assertThat(bulk.metadata()).containsEntry("version", "v12");
        assertThat(bulk.eventStreams()).singleElement().satisfies(s -> {
            assertThat(s.type()).isEqualTo(OfrepEventStream.TYPE_SSE);
            assertThat(s.effectiveInactivityDelaySec()).isEqualTo(120);
        });
    }

    @Test
    void emptyResponseStillWritesFlags() throws Exception {
        OfrepBulkResponse empty = new OfrepBulkResponse(null, null, null);

        assertThat(dev.vexilla.model.RoundTrips.MAPPER.writeValueAsString(empty))
                .isEqualTo("{\"flags\":[]}");
        assertThat(empty).isEqualTo(new OfrepBulkResponse(Collections.emptyList(), null, null));
        assertThat(empty.hashCode()).isEqualTo(new OfrepBulkResponse(null, null, null).hashCode());
        assertThat(empty.toString()).contains("flags=[]");
    }
}
