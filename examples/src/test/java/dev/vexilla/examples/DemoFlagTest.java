package dev.vexilla.examples;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class DemoFlagTest {
    @Test
    void defaultValueOfAnUnsupportedTypeIsRejectedWithTheFlagKey() {
        assertThatThrownBy(() -> new DemoFlag("big", 1L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "defaultValue of big must be a Boolean, String, Integer, Double or Value, was java.lang.Long");
    }
}
