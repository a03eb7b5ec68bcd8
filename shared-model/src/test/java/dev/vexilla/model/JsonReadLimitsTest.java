package dev.vexilla.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class JsonReadLimitsTest {

    @Test
    void defaultsAreTheDocumentedConstants() {
        JsonReadLimits d = JsonReadLimits.defaults();

        assertThat(d.maxDocumentLength())
                .isEqualTo(JsonReadLimits.DEFAULT_MAX_DOCUMENT_LENGTH)
                .isEqualTo(8L << 20);
        assertThat(d.maxNestingDepth()).isEqualTo(JsonReadLimits.DEFAULT_MAX_NESTING_DEPTH);
        assertThat(d.maxStringLength()).isEqualTo(JsonReadLimits.DEFAULT_MAX_STRING_LENGTH);
    }

    @Test
    void builderSetsEveryLimit() {
        JsonReadLimits l = JsonReadLimits.builder()
                .maxDocumentLength(2048)
                .maxNestingDepth(10)
                .maxStringLength(4096)
                .build();

        assertThat(l.maxDocumentLength()).isEqualTo(2048);
        assertThat(l.maxNestingDepth()).isEqualTo(10);
        assertThat(l.maxStringLength()).isEqualTo(4096);
        assertThat(l)
                .isEqualTo(JsonReadLimits.builder()
                        .maxDocumentLength(2048)
                        .maxNestingDepth(10)
                        .maxStringLength(4096)
                        .build());
        assertThat(l.toString()).contains("maxDocumentLength=2048");
    }

    @Test
    void tooSmallLimitsAreRejectedWithPreciseMessages() {
        assertThatThrownBy(() -> JsonReadLimits.builder().maxDocumentLength(10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxDocumentLength must be >= 1024, was 10");
        assertThatThrownBy(() -> JsonReadLimits.builder().maxNestingDepth(2))
                .hasMessage("maxNestingDepth must be >= 8, was 2");
        assertThatThrownBy(() -> JsonReadLimits.builder().maxStringLength(0))
                .hasMessage("maxStringLength must be >= 1024, was 0");
    }
}
