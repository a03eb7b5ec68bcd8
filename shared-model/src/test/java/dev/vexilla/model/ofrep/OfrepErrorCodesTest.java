package dev.vexilla.model.ofrep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vexilla.model.ErrorKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

final class OfrepErrorCodesTest {

    @ParameterizedTest
    @EnumSource(ErrorKind.class)
    void everyErrorKindRoundTripsThroughItsName(ErrorKind kind) {
        assertThat(OfrepErrorCodes.toErrorKind(kind.name())).isEqualTo(kind);
    }

    @ParameterizedTest
    @CsvSource({
        "FLAG_NOT_FOUND, 404",
        "PARSE_ERROR, 400",
        "TARGETING_KEY_MISSING, 400",
        "INVALID_CONTEXT, 400",
        "TYPE_MISMATCH, 400",
        "GENERAL, 500",
        "PROVIDER_FATAL, 500",
        "PROVIDER_NOT_READY, 503"
    })
    void httpStatusFollowsTheSpec(ErrorKind kind, int status) {
        assertThat(OfrepErrorCodes.httpStatus(kind)).isEqualTo(status);
    }

    @ParameterizedTest
    @CsvSource(value = {"NOT_A_CODE", "''"})
    void unknownCodesAreGeneral(String code) {
        assertThat(OfrepErrorCodes.toErrorKind(code)).isEqualTo(ErrorKind.GENERAL);
        assertThat(OfrepErrorCodes.toErrorKind(null)).isEqualTo(ErrorKind.GENERAL);
    }
}
