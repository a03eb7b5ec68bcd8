package dev.vexilla.local.engine.internal;

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
        Object value = user.attribute(c.attribute);
        if (value instanceof String) {
            String text = (String) value;
            if (!text.isEmpty() && c.textOperand && c.brokenMessage == null) {
                return result(c.matchText(text)); // the common case: a text comparator and a string attribute
            }
        }
        if (value == null || "".equals(value)) {
            Warnings.attributeMissing(key, c);
            if (trace != null) {
                trace.error = "cannot evaluate, the User." + c.attribute + " attribute is missing";
            }
            return Evaluator.CANNOT_EVALUATE;
        }
        switch (c.comparator.operand) {
            case TEXT_LIST:
            case TEXT:
                String text = value instanceof String ? (String) value : converted(c, key, value);
                checkBroken(c);
                return result(c.matchText(text));
            case SEMVER_LIST:
            case SEMVER:
                String version = value instanceof String ? ((String) value).trim() : "";
                long layout = user instanceof AttributeReads
                        ? ((AttributeReads) user).semverLayout(c.attribute, version)
                        : SemVer.layout(version);
                if (layout < 0) {
                    return invalid(c, key, trace, "'" + value + "' is not a valid semantic version");
                }
                checkBroken(c);
                return result(c.matchSemver(version, layout));
            case NUMBER:
                double number;
                try {
                    number = AttributeText.toNumber(value);
                } catch (NumberFormatException e) {
                    return invalid(c, key, trace, "'" + value + "' is not a valid decimal number");
                }
                checkBroken(c);
                return result(c.matchNumber(number));
            case DATE:
                double seconds;
                try {
                    seconds = AttributeText.toUnixSeconds(value);
                } catch (NumberFormatException e) {
                    return invalid(
                            c,
                            key,
                            trace,
                            "'" + value
                                    + "' is not a valid Unix timestamp (number of seconds elapsed since Unix epoch)");
                }
                checkBroken(c);
                return result(c.matchNumber(seconds));
            default:
                String[] array = AttributeText.toStringArray(value);
                if (array == null) {
                    return invalid(c, key, trace, "'" + value + "' is not a valid JSON string array");
                }
                checkBroken(c);
                return result(c.matchArray(array));
        }
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
