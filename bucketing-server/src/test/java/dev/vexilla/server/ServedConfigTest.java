package dev.vexilla.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

final class ServedConfigTest {
    @Test
    void etag_isAStableStrongHashOfTheBytes() {
        byte[] a = "{\"f\":{}}".getBytes(StandardCharsets.UTF_8);
        byte[] b = "{\"f\":{} }".getBytes(StandardCharsets.UTF_8);

        assertThat(ServedConfig.etagOf(a))
                .isEqualTo(ServedConfig.etagOf(a.clone()))
                .hasSize(43);
        assertThat(ServedConfig.etagOf(a)).isNotEqualTo(ServedConfig.etagOf(b));
        assertThat(ServedConfig.etagOf(a)).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void etagHeader_isQuotedAndToStringOmitsTheContent() {
        byte[] bytes = "{\"f\":{\"secretish\":{}}}".getBytes(StandardCharsets.UTF_8);
        ServedConfig<String> config = new ServedConfig<>(
                "c", bytes, ServedConfig.etagOf(bytes), "compiled", 3, Instant.parse("2026-11-22T03:00:00Z"));

        assertThat(config.etagHeader()).isEqualTo("\"" + config.etag() + "\"");
        assertThat(config.toString()).contains("version=3").doesNotContain("secretish");
        assertThat(config)
                .isEqualTo(new ServedConfig<>("c", bytes.clone(), config.etag(), "other", 3, config.loadedAt()));
    }
}
