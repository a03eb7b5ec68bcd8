package dev.vexilla.engine.devcycle;

import dev.vexilla.model.UserAttributes;
import org.jspecify.annotations.Nullable;

/**
 * A {@code customData} filter: reads {@code dataKey} from the user's combined custom data, else from the client custom
 * data, and applies the rules of its {@code dataKeyType} (DevCycle's {@code _checkCustomData}).
 */
final class CustomDataCondition extends Condition {

    /** A custom-data filter's declared value type. */
    enum DataKeyType {
        STRING,
        NUMBER,
        BOOLEAN;

        static @Nullable DataKeyType of(String text) {
            switch (text) {
                case "String":
                    return STRING;
                case "Number":
                    return NUMBER;
                case "Boolean":
                    return BOOLEAN;
                default:
                    return null;
            }
        }
    }

    private final String dataKey;
    private final DataKeyType type;
    private final Comparator op;
    private final FilterValues values;
    private final String details;

    CustomDataCondition(String dataKey, DataKeyType type, Comparator op, FilterValues values) {
        this.dataKey = dataKey;
        this.type = type;
        this.op = op;
        this.values = values;
        this.details = "Custom Data -> " + dataKey;
    }

    @Override
    int match(UserAttributes user, DevCycleEnvironment env) {
        return passes(user, env) ? 0 : NO_MATCH;
    }

    private boolean passes(UserAttributes user, DevCycleEnvironment env) {
        Object value = user.customData(dataKey);
        if (value == null) {
            value = env.clientCustomData(dataKey);
        }
        if (op == Comparator.EXIST) {
            return exists(value);
        }
        if (op == Comparator.NOT_EXIST) {
            return !exists(value);
        }
        if (type == DataKeyType.STRING && value instanceof String) {
            return StringChecks.strings((String) value, op, values);
        }
        if (type == DataKeyType.NUMBER && value instanceof Number) {
            return StringChecks.number(((Number) value).doubleValue(), op, values.numbers);
        }
        if (type == DataKeyType.BOOLEAN && value instanceof Boolean) {
            return StringChecks.bool((Boolean) value, op, values);
        }
        return value == null && op == Comparator.NOT_EQUAL;
    }

    private static boolean exists(@Nullable Object value) {
        if (value instanceof String) {
            return !((String) value).isEmpty();
        }
        if (value instanceof Number) {
            return !Double.isNaN(((Number) value).doubleValue());
        }
        return value instanceof Boolean;
    }

    @Override
    int variants() {
        return 1;
    }

    @Override
    String details(int variant) {
        return details;
    }
}
