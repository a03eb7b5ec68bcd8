package dev.vexilla.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class FlagOverridesTest {

    @Test
    void map_copiesAndValidatesValues() {
        Map<String, Object> values = new HashMap<>(Map.of("a", true, "b", 2L));
        FlagOverrides overrides = FlagOverrides.map(values);
        values.put("c", "late");
        assertThat(overrides.kind()).isEqualTo(FlagOverrides.Kind.MAP);
        assertThat(overrides.values()).containsOnlyKeys("a", "b");
        assertThatThrownBy(() -> FlagOverrides.map(Map.of("x", List.of("no"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'x' must be a Boolean, String, Integer, Long or Double");
        assertThatThrownBy(() -> FlagOverrides.map(Map.of("", true))).hasMessageContaining("must not be empty");
    }

    @Test
    void fileAndClasspath_describeTheirSource() {
        FlagOverrides file = FlagOverrides.file(Path.of("flags.json"), true);
        assertThat(file.path()).isEqualTo(Path.of("flags.json"));
        assertThat(file.autoReload()).isTrue();
        assertThat(file.toString()).contains("flags.json", "autoReload");
        assertThat(FlagOverrides.file(Path.of("f.json")).autoReload()).isFalse();
        assertThat(FlagOverrides.classpath("x/y.json").resource()).isEqualTo("x/y.json");
        assertThatThrownBy(() -> FlagOverrides.classpath(" ")).hasMessageContaining("resource must not be empty");
        assertThat(FlagOverrides.classpath("a.json"))
                .isEqualTo(FlagOverrides.classpath("a.json"))
                .hasSameHashCodeAs(FlagOverrides.classpath("a.json"))
                .isNotEqualTo(FlagOverrides.classpath("b.json"));
    }
}
