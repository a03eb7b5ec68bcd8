package dev.vexilla.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class WirePayloadExceptionTest {

    @Test
    void messageIsPathThenProblem() {
        IllegalStateException cause = new IllegalStateException("inner");
        WirePayloadException e = new WirePayloadException("$.user.customData", "expected an object", cause);

        assertThat(e).hasMessage("$.user.customData: expected an object").hasCause(cause);
        assertThat(e.path()).isEqualTo("$.user.customData");
        assertThat(e.problem()).isEqualTo("expected an object");
    }
}
