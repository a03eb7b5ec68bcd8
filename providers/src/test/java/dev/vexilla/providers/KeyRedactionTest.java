package dev.vexilla.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

final class KeyRedactionTest {
    private static final String KEY = "srv-7f3c0e5b9a1d4c8e8b2a6f0d3e9c1a7b";

    @Test
    void aFailureWithoutTheKeyIsKeptWithItsCause() {
        IllegalArgumentException failure =
                new IllegalArgumentException("VEXILLA_RETRIES: bad", new NumberFormatException("x"));

        assertThat(KeyRedaction.redact(failure, List.of(KEY))).isSameAs(failure);
    }

    @Test
    void theKeyIsRedactedInTheMessageAndTheCauseThatRepeatsItIsDropped() {
        IllegalArgumentException failure = new IllegalArgumentException(
                "VEXILLA_BASE_URL: was '" + KEY + "'", new IllegalArgumentException("was '" + KEY + "'"));

        RuntimeException redacted = KeyRedaction.redact(failure, List.of(KEY));

        assertThat(redacted)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("VEXILLA_BASE_URL: was 'sdk-****c1a7b'")
                .hasNoCause();
    }

    @Test
    void aKeyOnlyInTheCauseStillDropsTheCause() {
        IllegalStateException failure =
                new IllegalStateException("invalid options", new IllegalArgumentException("key " + KEY));

        RuntimeException redacted = KeyRedaction.redact(failure, List.of("other-key-0000000000", KEY));

        assertThat(redacted)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("invalid options")
                .hasNoCause();
    }
}
