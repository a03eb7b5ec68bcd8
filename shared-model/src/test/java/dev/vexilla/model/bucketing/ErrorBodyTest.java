package dev.vexilla.model.bucketing;

import static dev.vexilla.model.RoundTrips.MAPPER;
import static dev.vexilla.model.RoundTrips.assertRoundTrip;
import static dev.vexilla.model.RoundTrips.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vexilla.model.ErrorKind;
import dev.vexilla.model.ObjectMappers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class ErrorBodyTest {

    @Test
    void vexillaErrorBodyRoundTrips() throws Exception {
        ErrorBody body = assertRoundTrip(resource("bucketing/error-not-found.json"), ErrorBody.class);

        assertThat(body.statusCode()).isEqualTo(404);
        assertThat(body.errorKind()).isEqualTo(ErrorKind.FLAG_NOT_FOUND);
        assertThat(body).isEqualTo(ErrorBody.of(404, ErrorKind.FLAG_NOT_FOUND, "Variable not found for key: nope"));
    }

    @ParameterizedTest
    @CsvSource({
        "404, FLAG_NOT_FOUND",
        "400, INVALID_CONTEXT",
        "401, PROVIDER_FATAL",
        "403, PROVIDER_FATAL",
        "500, GENERAL"
    })
    void devCycleErrorBodyKindFollowsStatus(int status, ErrorKind kind) throws Exception {
        ErrorBody body = ObjectMappers.read(
                MAPPER, "{\"statusCode\":" + status + ",\"message\":\"m\",\"data\":{\"x\":1}}", ErrorBody.class);

        assertThat(body.errorKind()).isEqualTo(kind);
        assertThat(body.data().get("x").intValue()).isEqualTo(1);
        assertThat(body.vexilla()).isNull();
    }

    @Test
    void devCycleSdkProxyNotFoundExampleRoundTrips() throws Exception {
        byte[] json = "{\"message\":\"Variable not found for key: nope\",\"statusCode\":404}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        ErrorBody body = assertRoundTrip(json, ErrorBody.class);

        assertThat(body.errorKind()).isEqualTo(ErrorKind.FLAG_NOT_FOUND);
        assertThat(body.message()).isEqualTo("Variable not found for key: nope");
    }

    @Test
    void missingMessageBecomesEmpty() {
        ErrorBody body = new ErrorBody(500, null, null, null);

        assertThat(body.message()).isEmpty();
        assertThat(body.hashCode()).isEqualTo(new ErrorBody(500, "", null, null).hashCode());
        assertThat(body.toString()).contains("500");
    }
}
