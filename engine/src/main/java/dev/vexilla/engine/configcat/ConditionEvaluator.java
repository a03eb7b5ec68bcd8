package dev.vexilla.engine.configcat;

import dev.vexilla.model.User;
import dev.vexilla.model.UserAttributes;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates one user condition: reads the attribute, applies ConfigCat's missing/invalid/conversion rules (with
 * their warnings) and delegates the comparison to the compiled {@link UserCondition}.
 */
final class ConditionEvaluator {

    private ConditionEvaluator() {}

    static int evaluate(UserCondition c, String key, @Nullable UserAttributes user, @Nullable Trace trace) {
        if (trace != null) {
            trace.append(c.describe());
        }
        if (user == null) {
            return Evaluator.USER_MISSING;
        }
        Object value = user instanceof AttributeReads
                ? ((AttributeReads) user).attribute(c.attributeId, c.attribute)
                : read(c, user);
        if (c.plainText && value instanceof String && !((String) value).isEmpty()) {
            return result(c.matchText((String) value)); // the common case: a text comparator and a string attribute
        }
        return evaluateValue(c, key, user, value, trace);
    }

    /**
     * Everything but the common case, kept out of {@link #evaluate} so that the common case is small enough for the
     * compiler to inline into the rule loop: missing values, conversions, versions, numbers, dates and arrays.
     */
    private static int evaluateValue(
            UserCondition c, String key, UserAttributes user, @Nullable Object value, @Nullable Trace trace) {
        if (value == null || (value instanceof String && ((String) value).isEmpty())) {
            return missing(c, key, trace);
        }
        // One small method per operand keeps each one inlinable where it is hot.
        switch (c.operand) {
            case UserCondition.TEXT:
                String text = value instanceof String ? (String) value : converted(c, key, value);
                checkBroken(c);
                return result(c.matchText(text));
            case UserCondition.VERSION:
                return version(c, key, user, value, trace);
            case UserCondition.NUMBER:
                return number(c, key, value, trace);
            case UserCondition.DATE:
                return date(c, key, value, trace);
            default:
                return array(c, key, value, trace);
        }
    }

    private static int missing(UserCondition c, String key, @Nullable Trace trace) {
        Warnings.attributeMissing(key, c);
        if (trace != null) {
            trace.error = "cannot evaluate, the User." + c.attribute + " attribute is missing";
        }
        return Evaluator.CANNOT_EVALUATE;
    }

    private static int version(UserCondition c, String key, UserAttributes user, Object value, @Nullable Trace trace) {
        String version;
        long layout;
        long core;
        if (user instanceof AttributeReads) {
            AttributeReads reads = (AttributeReads) user; // parsed once per user and attribute
            version = reads.version(c.attributeId, value);
            layout = reads.versionLayout;
            core = reads.versionCore;
        } else {
            version = value instanceof String ? ((String) value).trim() : "";
            layout = SemVer.layout(version);
            core = SemVer.core(version, layout);
        }
        if (layout < 0) {
            return invalid(c, key, trace, "'" + value + "' is not a valid semantic version");
        }
        checkBroken(c);
        return result(c.matchSemver(version, layout, core));
    }

    private static int number(UserCondition c, String key, Object value, @Nullable Trace trace) {
        double number;
        try {
            number = AttributeText.toNumber(value);
        } catch (NumberFormatException e) {
            return invalid(c, key, trace, "'" + value + "' is not a valid decimal number");
        }
        checkBroken(c);
        return result(c.matchNumber(number));
    }

    private static int date(UserCondition c, String key, Object value, @Nullable Trace trace) {
        double seconds;
        try {
            seconds = AttributeText.toUnixSeconds(value);
        } catch (NumberFormatException e) {
            return invalid(
                    c,
                    key,
                    trace,
                    "'" + value + "' is not a valid Unix timestamp (number of seconds elapsed since Unix epoch)");
        }
        checkBroken(c);
        return result(c.matchNumber(seconds));
    }

    private static int array(UserCondition c, String key, Object value, @Nullable Trace trace) {
        String[] array = AttributeText.toStringArray(value);
        if (array == null) {
            return invalid(c, key, trace, "'" + value + "' is not a valid JSON string array");
        }
        checkBroken(c);
        return result(c.matchArray(array));
    }

    /** Reads the condition's attribute; a {@link User}'s well-known attributes straight from its fields. */
    private static @Nullable Object read(UserCondition c, UserAttributes user) {
        if (user instanceof User) {
            User u = (User) user;
            switch (c.attributeId) {
                case AttributeIds.IDENTIFIER:
                    return u.identifier();
                case AttributeIds.EMAIL:
                    return u.email();
                case AttributeIds.COUNTRY:
                    return u.country();
                default:
                    return u.customAttributes().get(c.attribute);
            }
        }
        return user.attribute(c.attribute);
    }

    private static int result(boolean match) {
        return match ? Evaluator.TRUE : Evaluator.FALSE;
    }

    private static void checkBroken(UserCondition c) {
        if (c.brokenMessage != null) {
            throw new BrokenConfigException(c.brokenMessage);
        }
    }

    private static String converted(UserCondition c, String key, Object value) {
        String text = AttributeText.toText(value);
        Warnings.attributeConverted(key, c, text);
        return text;
    }

    private static int invalid(UserCondition c, String key, @Nullable Trace trace, String reason) {
        Warnings.attributeInvalid(key, c, reason);
        if (trace != null) {
            trace.error = "cannot evaluate, the User." + c.attribute + " attribute is invalid (" + reason + ")";
        }
        return Evaluator.CANNOT_EVALUATE;
    }
}
