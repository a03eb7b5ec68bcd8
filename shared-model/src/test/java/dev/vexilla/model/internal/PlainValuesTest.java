package dev.vexilla.model.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class PlainValuesTest {

    @Test
    void scalarsAreKeptAndBigNumbersBecomeDoubles() {
        assertThat(PlainValues.toAttribute("s")).isEqualTo("s");
        assertThat(PlainValues.toAttribute(1)).isEqualTo(1);
        assertThat(PlainValues.toAttribute(2L)).isEqualTo(2L);
        assertThat(PlainValues.toAttribute(1.5)).isEqualTo(1.5);
        assertThat(PlainValues.toAttribute(new BigInteger("123456789012345678901234")))
                .isEqualTo(1.2345678901234568E23);
        assertThat(PlainValues.toAttribute(new BigDecimal("0.5"))).isEqualTo(0.5);
        assertThat(PlainValues.toAttribute(null)).isNull();
    }

    @Test
    void listsAndMapsFollowTheAttributeRules() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("b", 1);
        map.put("a", Arrays.asList("x"));

        assertThat(PlainValues.toAttribute(Arrays.asList("a", "b"))).isEqualTo(Arrays.asList("a", "b"));
        assertThat(PlainValues.toAttribute(Arrays.asList("a", 1))).isEqualTo("[\"a\",1]");
        assertThat(PlainValues.toAttribute(map)).isEqualTo("{\"a\":[\"x\"],\"b\":1}");
    }

    @Test
    void instantsGoOnTheWireAsUnixSeconds() {
        assertThat(PlainValues.toWire(Instant.ofEpochSecond(3))).isEqualTo(3L);
        assertThat(PlainValues.toWire("s")).isEqualTo("s");
    }
}
