package dev.vexilla.local.engine.internal;

import dev.vexilla.local.engine.SettingType;
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

    /**
     * The comparison value: the one typed field the JSON gives (a {@code Boolean}, {@code String}, {@code Long} or
     * {@code Double}; the usual case), or, when it gives several, an {@code Object[]} of the four at {@link #BOOL},
     * {@link #STRING}, {@link #INT} and {@link #DOUBLE} (entries may be null). One field instead of four keeps the
     * condition at 32 bytes; the typed reads below hide the difference.
     */
    private final @Nullable Object value;

    private static final int BOOL = 0;
    private static final int STRING = 1;
    private static final int INT = 2;
    private static final int DOUBLE = 3;

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
        Object[] all = {boolValue, stringValue, intValue, doubleValue};
        Object single = null;
        int present = 0;
        for (Object v : all) {
            if (v != null) {
                single = v;
                present++;
            }
        }
        this.value = present > 1 ? all : single;
    }

    private @Nullable Object typed(int slot, Class<?> type) {
        Object v = value;
        if (v instanceof Object[]) {
            return ((Object[]) v)[slot];
        }
        return type.isInstance(v) ? v : null;
    }

    @Nullable
    Boolean boolValue() {
        return (Boolean) typed(BOOL, Boolean.class);
    }

    @Nullable
    String stringValue() {
        return (String) typed(STRING, String.class);
    }

    @Nullable
    Long intValue() {
        return (Long) typed(INT, Long.class);
    }

    @Nullable
    Double doubleValue() {
        return (Double) typed(DOUBLE, Double.class);
    }

    /** Tells whether the comparison value carries the field of the given setting type. */
    boolean hasValueOf(SettingType type) {
        switch (type) {
            case BOOLEAN:
                return boolValue() != null;
            case STRING:
                return stringValue() != null;
            case INT:
                return intValue() != null;
            default:
                return doubleValue() != null;
        }
    }

    /** Compares the prerequisite's value with the comparison value of the prerequisite's type. */
    boolean valueEquals(SettingType type, Object value) {
        switch (type) {
            case BOOLEAN:
                return value.equals(boolValue());
            case STRING:
                return value.equals(stringValue());
            case INT:
                Long intValue = intValue();
                return intValue != null && ((Number) value).longValue() == intValue;
            default:
                Double doubleValue = doubleValue();
                return doubleValue != null
                        && Double.doubleToLongBits(((Number) value).doubleValue())
                                == Double.doubleToLongBits(doubleValue);
        }
    }

    /** The comparison value as ConfigCat prints it: boolean, then int, then double, then string. */
    String valueText() {
        Boolean boolValue = boolValue();
        if (boolValue != null) {
            return boolValue.toString();
        }
        Long intValue = intValue();
        if (intValue != null) {
            return intValue.toString();
        }
        Double doubleValue = doubleValue();
        if (doubleValue != null) {
            return doubleValue.toString();
        }
        String stringValue = stringValue();
        return stringValue != null ? stringValue : "<invalid value>";
    }

    @Override
    String describe() {
        return "Flag '" + key + "' " + (notEquals ? "NOT EQUALS" : "EQUALS") + " '" + valueText() + "'";
    }
}
