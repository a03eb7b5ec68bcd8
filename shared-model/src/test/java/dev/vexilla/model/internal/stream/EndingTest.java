package dev.vexilla.model.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vexilla.model.internal.stream.StreamStatus.Cause;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class EndingTest {
    @ParameterizedTest
    @ValueSource(ints = {401, 403, 404, 405, 410, 451})
    void refusalsAndKeyErrorsArePermanent(int status) {
        Ending ending = Ending.forStatus(status);

        assertThat(ending.permanent).isTrue();
        assertThat(ending.cause).isEqualTo(Cause.HTTP_ERROR);
        assertThat(ending.httpStatus).isEqualTo(status);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 408, 429, 500, 502, 503, 504, 304})
    void transientStatusesAreRecoverable(int status) {
        Ending ending = Ending.forStatus(status);

        assertThat(ending.permanent).isFalse();
        assertThat(ending.message).isEqualTo("HTTP " + status);
    }

    @ParameterizedTest
    @ValueSource(ints = {204})
    void noContentMeansDoNotReconnect(int status) {
        Ending ending = Ending.forStatus(status);

        assertThat(ending.permanent).isTrue();
        assertThat(ending.cause).isEqualTo(Cause.NO_CONTENT);
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403})
    void authFailuresPointAtTheKey(int status) {
        assertThat(Ending.forStatus(status).message).endsWith("access denied, check the SDK key");
    }
}
