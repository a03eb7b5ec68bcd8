package dev.vexilla.engine.configcat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class PrerequisiteConditionTest {

    @Test
    void aSingleComparisonValueAnswersOnlyForItsType() {
        PrerequisiteCondition c = new PrerequisiteCondition("f", false, null, null, null, 42L, null);

        assertThat(c.hasValueOf(SettingType.INT)).isTrue();
        assertThat(c.hasValueOf(SettingType.DOUBLE)).isFalse();
        assertThat(c.hasValueOf(SettingType.STRING)).isFalse();
        assertThat(c.hasValueOf(SettingType.BOOLEAN)).isFalse();
        assertThat(c.valueEquals(SettingType.INT, 42)).isTrue();
        assertThat(c.valueEquals(SettingType.INT, 41)).isFalse();
        assertThat(c.valueText()).isEqualTo("42");
        assertThat(c.describe()).isEqualTo("Flag 'f' EQUALS '42'");
    }

    @Test
    void eachTypeComparesWithItsOwnField() {
        assertThat(new PrerequisiteCondition("f", false, null, true, null, null, null)
                        .valueEquals(SettingType.BOOLEAN, true))
                .isTrue();
        assertThat(new PrerequisiteCondition("f", false, null, null, "on", null, null)
                        .valueEquals(SettingType.STRING, "on"))
                .isTrue();
        PrerequisiteCondition d = new PrerequisiteCondition("f", true, null, null, null, null, 1.5);
        assertThat(d.valueEquals(SettingType.DOUBLE, 1.5)).isTrue();
        assertThat(d.valueEquals(SettingType.DOUBLE, 1.25)).isFalse();
        assertThat(d.describe()).isEqualTo("Flag 'f' NOT EQUALS '1.5'");
    }

    @Test
    void severalComparisonValuesKeepEveryField() {
        PrerequisiteCondition c = new PrerequisiteCondition("f", false, null, null, "text", 7L, 2.5);

        assertThat(c.hasValueOf(SettingType.BOOLEAN)).isFalse();
        assertThat(c.hasValueOf(SettingType.STRING)).isTrue();
        assertThat(c.hasValueOf(SettingType.INT)).isTrue();
        assertThat(c.hasValueOf(SettingType.DOUBLE)).isTrue();
        assertThat(c.valueEquals(SettingType.STRING, "text")).isTrue();
        assertThat(c.valueEquals(SettingType.INT, 7)).isTrue();
        assertThat(c.valueEquals(SettingType.DOUBLE, 2.5)).isTrue();
        assertThat(c.valueText()).isEqualTo("7"); // ConfigCat's order: boolean, int, double, string
    }

    @Test
    void noComparisonValueHasNoTypeAndPrintsAsInvalid() {
        PrerequisiteCondition c = new PrerequisiteCondition("f", false, null, null, null, null, null);

        for (SettingType type : SettingType.values()) {
            assertThat(c.hasValueOf(type)).isFalse();
        }
        assertThat(c.valueText()).isEqualTo("<invalid value>");
    }
}
