package dev.vexilla.engine.configcat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class FlagTableTest {

    private static Flag[] flags(String... keys) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < keys.length; i++) {
            values.put(keys[i], i);
        }
        Map<String, Flag> compiled = ConfigCompiler.fromValues(values).flags();
        List<Flag> ordered = new ArrayList<>();
        for (String key : keys) {
            ordered.add(compiled.get(key));
        }
        return ordered.toArray(new Flag[0]);
    }

    @Test
    void everyKeyFindsItsFlagAndOtherKeysFindNothing() {
        String[] keys = new String[1000];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = "flag-" + i;
        }
        Flag[] flags = flags(keys);

        FlagTable table = FlagTable.of(flags);

        for (Flag flag : flags) {
            assertThat(table.get(flag.key)).isSameAs(flag);
        }
        assertThat(table.get("flag-1000")).isNull();
        assertThat(table.containsKey("flag-7")).isTrue();
        assertThat(table.containsKey(7)).isFalse();
        assertThat(table).hasSize(1000);
    }

    @Test
    void keysWithTheSameHashCodeAreToldApart() {
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        Flag[] flags = flags("Aa", "BB");

        FlagTable table = FlagTable.of(flags);

        assertThat(table.get("Aa")).isSameAs(flags[0]);
        assertThat(table.get("BB")).isSameAs(flags[1]);
        assertThat(table.get("C#")).isNull(); // same hash code too, absent
    }

    @Test
    void iterationFollowsTheGivenOrder() {
        FlagTable table = FlagTable.of(flags("zeta", "alpha", "mid"));

        assertThat(table.keySet()).containsExactly("zeta", "alpha", "mid");
        assertThat(table.values()).extracting(Flag::key).containsExactly("zeta", "alpha", "mid");
    }

    @Test
    void everyTableSizeFindsEachKeyIncludingKeysProbedPastTheArrayEnd() {
        for (int size = 1; size <= 300; size++) {
            String[] keys = new String[size];
            for (int i = 0; i < size; i++) {
                keys[i] = "k" + i; // keys differing only in their last characters
            }
            Flag[] flags = flags(keys);

            FlagTable table = FlagTable.of(flags);

            for (Flag flag : flags) {
                assertThat(table.get(flag.key))
                        .as("size %d key %s", size, flag.key)
                        .isSameAs(flag);
            }
            assertThat(table.get("k" + size)).isNull();
            assertThat(table.get("")).isNull();
        }
    }

    @Test
    void negativeAndExtremeHashCodesFindTheirFlags() {
        String[] keys = {"polygenelubricants", "GydZG_", "DESIGNING WORKHOUSES", "", "\uffff\uffff"};
        assertThat("polygenelubricants".hashCode()).isEqualTo(Integer.MIN_VALUE);
        Flag[] flags = flags(keys);

        FlagTable table = FlagTable.of(flags);

        for (Flag flag : flags) {
            assertThat(table.get(flag.key)).isSameAs(flag);
        }
    }

    @Test
    void emptyTableFindsNothing() {
        FlagTable table = FlagTable.of(new Flag[0]);

        assertThat(table.get("any")).isNull();
        assertThat(table).isEmpty();
    }

    @Test
    void duplicateKeysAreRejected() {
        Flag[] one = flags("same");

        assertThatThrownBy(() -> FlagTable.of(new Flag[] {one[0], one[0]}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("duplicate flag key 'same'");
    }
}
