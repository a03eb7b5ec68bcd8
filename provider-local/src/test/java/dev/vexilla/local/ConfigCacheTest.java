package dev.vexilla.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The contract every built-in {@link ConfigCache} keeps. */
final class ConfigCacheTest {
    @TempDir
    static Path dir;

    static Stream<Arguments> caches() {
        return Stream.of(
                Arguments.of("inMemory", ConfigCache.inMemory()),
                Arguments.of("file", ConfigCache.file(dir.resolve("contract"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caches")
    void readsBackTheLastValueWrittenPerKey(String name, ConfigCache cache) {
        String key = "k-" + name;
        assertThat(cache.read(key)).isNull();

        cache.write(key, "1\netag\n{\"f\":{}}");
        cache.write(key, "2\netag\n{\"f\":{\"x\":{}}}");
        cache.write(key + "-other", "3\ne\n{}");

        assertThat(cache.read(key)).isEqualTo("2\netag\n{\"f\":{\"x\":{}}}");
        assertThat(cache.read(key + "-other")).isEqualTo("3\ne\n{}");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caches")
    void keepsNonAsciiTextIntact(String name, ConfigCache cache) {
        cache.write("u-" + name, "1\n\"ü\"\n{\"v\":\"日本語 🎉\"}");

        assertThat(cache.read("u-" + name)).isEqualTo("1\n\"ü\"\n{\"v\":\"日本語 🎉\"}");
    }
}
