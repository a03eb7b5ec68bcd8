package dev.vexilla.engine.configcat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

final class TextConditionTest {

    private static TextCondition condition(Comparator comparator, List<String> items) {
        return new TextCondition("Email", comparator, null, items.toArray(new String[0]), null, null);
    }

    /** Short texts over a small alphabet (so that prefixes and suffixes often match), Latin-1 and beyond. */
    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars("ab@.éő😀").ofMaxLength(6);
    }

    @Property(tries = 3000)
    void endsWithAnyOfMatchesExactlyWhenAnItemIsASuffix(
            @ForAll("texts") String value, @ForAll("texts") String item, @ForAll("texts") String other) {
        boolean expected = value.endsWith(item) || value.endsWith(other);

        assertThat(condition(Comparator.TEXT_ENDS_WITH, List.of(item, other)).matches(value))
                .as("'%s' ends with '%s' or '%s'", value, item, other)
                .isEqualTo(expected);
        assertThat(condition(Comparator.TEXT_NOT_ENDS_WITH, List.of(item, other))
                        .matches(value))
                .isEqualTo(!expected);
    }

    @Property(tries = 1000)
    void startsWithAndContainsAnyOfFollowTheStringMethods(@ForAll("texts") String value, @ForAll("texts") String item) {
        assertThat(condition(Comparator.TEXT_STARTS_WITH, List.of(item)).matches(value))
                .isEqualTo(value.startsWith(item));
        assertThat(condition(Comparator.CONTAINS_ANY_OF, List.of(item)).matches(value))
                .isEqualTo(value.contains(item));
    }

    @Property(tries = 1000)
    void endsWithEqualsStringEndsWith(@ForAll("texts") String value, @ForAll("texts") String suffix) {
        assertThat(TextCondition.endsWith(value, suffix)).isEqualTo(value.endsWith(suffix));
    }
}
