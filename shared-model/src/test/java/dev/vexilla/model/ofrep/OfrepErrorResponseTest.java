package dev.vexilla.model.ofrep;

import static dev.vexilla.model.RoundTrips.assertRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class OfrepErrorResponseTest {

    @Test
    void specBulkFailureExampleRoundTrips() throws Exception {
        OfrepErrorResponse e =
                assertRoundTrip(OpenApiExamples.response(OpenApiExamples.BULK, 400), OfrepErrorResponse.class);

        assertThat(e.errorCode()).isEqualTo(OfrepErrorCodes.INVALID_CONTEXT);
        assertThat(e.errorDetails()).isEqualTo("Context is missing required targetingKey property");
    }

    @Test
    void specGeneralErrorExamplesRoundTrip() throws Exception {
        OfrepErrorResponse single =
                assertRoundTrip(OpenApiExamples.response(OpenApiExamples.SINGLE, 500), OfrepErrorResponse.class);
        OfrepErrorResponse bulk =
                assertRoundTrip(OpenApiExamples.response(OpenApiExamples.BULK, 500), OfrepErrorResponse.class);

        assertThat(single.errorCode()).isNull();
        assertThat(single).isEqualTo(bulk).hasSameHashCodeAs(bulk);
        assertThat(single.toString()).contains("internal server error");
    }
}
