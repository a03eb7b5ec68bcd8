package dev.vexilla.local.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vexilla.local.ConfigCache;
import org.junit.jupiter.api.Test;

final class InMemoryConfigCacheTest {
    private final ConfigCache cache = ConfigCache.inMemory();

    @Test
    void missingKeyReadsAsNull() {
        assertThat(cache.read("nope")).isNull();
    }

    @Test
    void writtenValueIsReadBackAndReplaced() {
        cache.write("k", "one");
        cache.write("k", "two");
        cache.write("other", "three");

        assertThat(cache.read("k")).isEqualTo("two");
        assertThat(cache.read("other")).isEqualTo("three");
    }

    @Test
    void instancesDoNotShareValues() {
        cache.write("k", "v");

        assertThat(ConfigCache.inMemory().read("k")).isNull();
    }
}
