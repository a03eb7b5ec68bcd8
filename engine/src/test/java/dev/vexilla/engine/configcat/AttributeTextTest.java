package dev.vexilla.engine.configcat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class AttributeTextTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "0.12345|0.12345",
                "-1.23456789e96|-1.23456789e+96",
                "-12345.6789E-100|-1.23456789e-96",
                "1e21|1e+21",
                "1e-7|1e-7",
                "125.0|125",
                "NaN|NaN",
                "Infinity|Infinity",
                "-Infinity|-Infinity"
            })
    void doublesUseConfigCatsCanonicalForm(double value, String expected) {
        assertThat(AttributeText.toText(value)).isEqualTo(expected);
    }

    @Test
    void otherValuesConvertLikeConfigCat() {
        assertThat(AttributeText.toText(125)).isEqualTo("125");
        assertThat(AttributeText.toText(true)).isEqualTo("true");
        assertThat(AttributeText.toText(Instant.parse("2023-03-31T23:59:59.999Z")))
                .isEqualTo("1680307199.999");
        assertThat(AttributeText.toText(List.of("read", "Write", " eXecute ")))
                .isEqualTo("[\"read\",\"Write\",\" eXecute \"]");
        assertThat(AttributeText.toText(List.of("+<>%\"'\\/\t\r\n\u2028")))
                .isEqualTo("[\"+<>%\\\"'\\\\/\\t\\r\\n\\u2028\"]");
    }

    @Property(tries = 1000)
    void numbersRoundTripThroughText(@ForAll double value) {
        assertThat(AttributeText.toNumber(" " + value + " ")).isEqualTo(value);
        assertThat(AttributeText.toNumber(Double.toString(value).replace('.', ',')))
                .isEqualTo(value);
    }

    @Property(tries = 300)
    void integersConvertExactly(@ForAll int value) {
        assertThat(AttributeText.toNumber(value)).isEqualTo((double) value);
        assertThat(AttributeText.toNumber((long) value)).isEqualTo((double) value);
    }

    @Test
    void nonNumbersAreRejected() {
        assertThatThrownBy(() -> AttributeText.toNumber("not_a_number")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> AttributeText.toNumber(true)).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> AttributeText.toNumber(new java.math.BigDecimal("1")))
                .isInstanceOf(NumberFormatException.class);
        assertThat(AttributeText.toUnixSeconds(Instant.ofEpochMilli(1500))).isEqualTo(1.5);
    }

    @Test
    void stringArraysComeFromListsOrJsonText() {
        assertThat(AttributeText.toStringArray(List.of("a", "b"))).containsExactly("a", "b");
        assertThat(AttributeText.toStringArray("[\"a\", \"b\"]")).containsExactly("a", "b");
        assertThat(AttributeText.toStringArray("[]")).isEmpty();
        assertThat(AttributeText.toStringArray("[\"a\", null]")).isNull();
        assertThat(AttributeText.toStringArray("\"a\"")).isNull();
        assertThat(AttributeText.toStringArray("[\"a\"] x")).isNull();
        assertThat(AttributeText.toStringArray(5)).isNull();
    }
}
