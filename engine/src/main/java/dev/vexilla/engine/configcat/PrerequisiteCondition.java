package dev.vexilla.engine.configcat;

import org.jspecify.annotations.Nullable;

/**
 * A compiled prerequisite flag condition: the prerequisite's key and the typed value it must (not) equal. The
 * prerequisite itself is looked up when evaluating, so overlays that replace it are honoured. Immutable.
 */
final class PrerequisiteCondition extends Condition {
    final String key;
    final boolean notEquals;
    /** Why the comparator is invalid, or {@code null}. */
    final @Nullable String comparatorMessage;

    final @Nullable Boolean boolValue;
    final @Nullable String stringValue;
    final @Nullable Long intValue;
    final @Nullable Double doubleValue;

    PrerequisiteCondition(
            String key,
            boolean notEquals,
            @Nullable String comparatorMessage,
            @Nullable Boolean boolValue,
            @Nullable String stringValue,
            @Nullable Long intValue,
            @Nullable Double doubleValue) {
        this.key = key;
        this.notEquals = notEquals;
        this.comparatorMessage = comparatorMessage;
        this.boolValue = boolValue;
        this.stringValue = stringValue;
        this.intValue = intValue;
        this.doubleValue = doubleValue;
    }

    /** Tells whether the comparison value carries the field of the given setting type. */
    boolean hasValueOf(SettingType type) {
        switch (type) {
            case BOOLEAN:
                return boolValue != null;
            case STRING:
                return stringValue != null;
            case INT:
                return intValue != null;
            default:
                return doubleValue != null;
        }
    }

    /** Compares the prerequisite's value with the comparison value of the prerequisite's type. */
    boolean valueEquals(SettingType type, Object value) {
        switch (type) {
            case BOOLEAN:
                return value.equals(boolValue);
            case STRING:
                return value.equals(stringValue);
            case INT:
                return intValue != null && ((Number) value).longValue() == intValue;
            default:
                return doubleValue != null
                        && Double.doubleToLongBits(((Number) value).doubleValue())
                                == Double.doubleToLongBits(doubleValue);
        }
    }

    /** The comparison value as ConfigCat prints it: boolean, then int, then double, then string. */
    String valueText() {
        if (boolValue != null) {
            return boolValue.toString();
        }
        if (intValue != null) {
            return intValue.toString();
        }
        if (doubleValue != null) {
            return doubleValue.toString();
        }
        return stringValue != null ? stringValue : "<invalid value>";
    }

    @Override
    String describe() {
        return "Flag '" + key + "' " + (notEquals ? "NOT EQUALS" : "EQUALS") + " '" + valueText() + "'";
    }
}
