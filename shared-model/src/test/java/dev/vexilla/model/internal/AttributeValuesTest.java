package dev.vexilla.model.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openfeature.sdk.ImmutableStructure;
import dev.openfeature.sdk.Value;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class AttributeValuesTest {

    @ParameterizedTest
    @CsvSource({"42, 42", "1.5, 1.5", "1.0, 1", "0.000001, 0.000001", "1e20, 1.0E20", "-3.25, -3.25"})
    void numbersBecomePlainText(double d, String expected) {
        assertThat(AttributeValues.numberText(d)).isEqualTo(expected);
    }

    @Test
    void integralNumbersUseTheirOwnText() {
        assertThat(AttributeValues.numberText(5_000_000_000L)).isEqualTo("5000000000");
        assertThat(AttributeValues.numberText(Double.NaN)).isEqualTo("NaN");
    }

    @Test
    void epochSecondsAreWholeForWholeSeconds() {
        assertThat(AttributeValues.epochSeconds(Instant.ofEpochSecond(10))).isEqualTo(10L);
        assertThat(AttributeValues.epochSeconds(Instant.ofEpochMilli(10_500))).isEqualTo(10.5);
    }

    @Test
    void jsonTextSortsKeysAndRendersEveryType() {
        Map<String, Value> m = new LinkedHashMap<>();
        m.put("z", new Value(Instant.ofEpochMilli(1_767_225_600_500L)));
        m.put(
                "a",
                new Value(Arrays.asList(new Value(1), new Value(2L), new Value(0.5), new Value(), new Value(false))));

        String json = AttributeValues.jsonText(new Value(new ImmutableStructure(m)));

        assertThat(json).isEqualTo("{\"a\":[1,2,0.5,null,false],\"z\":1.7672256005E9}");
    }

    @Test
    void jsonTextRefusesExcessiveDepth() {
        Value v = new Value("x");
        for (int i = 0; i <= AttributeValues.MAX_JSON_DEPTH + 1; i++) {
            v = new Value(Arrays.asList(v));
        }
        Value deep = v;

        assertThatThrownBy(() -> AttributeValues.jsonText(deep)).hasMessageContaining("nested deeper");
    }

    @Test
    void textValueReportsConversionsAndDrops() {
        List<String> problems = new ArrayList<>();

        assertThat(AttributeValues.textValue(new Value(3), "email", problems)).isEqualTo("3");
        assertThat(AttributeValues.textValue(new Value(Instant.EPOCH), "country", problems))
                .isNull();
        assertThat(AttributeValues.textValue(new Value("ok"), "email", problems))
                .isEqualTo("ok");

        assertThat(problems)
                .containsExactly(
                        "attribute 'email' should be a string, was a number; converted to text",
                        "attribute 'country' must be a string, was a date-time; dropped");
    }

    @Test
    void kindNamesEveryValueType() {
        assertThat(AttributeValues.kind(new Value())).isEqualTo("null");
        assertThat(AttributeValues.kind(new Value(true))).isEqualTo("boolean");
        assertThat(AttributeValues.kind(new Value(Arrays.asList()))).isEqualTo("list");
        assertThat(AttributeValues.kind(new Value(new ImmutableStructure()))).isEqualTo("structure");
    }

    @Test
    void stringListRejectsNonStrings() {
        assertThat(AttributeValues.stringList(Arrays.asList(new Value("a"), new Value(1))))
                .isNull();
        assertThat(AttributeValues.stringList(null)).isNull();
        assertThat(AttributeValues.stringList(Arrays.asList(new Value("a")))).containsExactly("a");
    }
}
