package dev.vexilla.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class ConfigParseExceptionTest {

    @Test
    void messageStartsWithThePath() {
        ConfigParseException e = new ConfigParseException("f.x.r[2].c[0].u.c", "unknown comparator 99");

        assertThat(e.path()).isEqualTo("f.x.r[2].c[0].u.c");
        assertThat(e).hasMessage("f.x.r[2].c[0].u.c: unknown comparator 99");
    }

    @Test
    void documentLevelProblemHasNoPathPrefix() {
        IllegalStateException cause = new IllegalStateException("boom");
        ConfigParseException e = new ConfigParseException("", "invalid JSON", cause);

        assertThat(e).hasMessage("invalid JSON").hasCause(cause);
        assertThat(e.path()).isEmpty();
    }
}
