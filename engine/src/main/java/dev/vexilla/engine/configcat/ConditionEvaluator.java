package dev.vexilla.engine.configcat;

import dev.vexilla.model.User;
import dev.vexilla.model.UserAttributes;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates one user condition: reads its attribute (through the evaluation's memo when there is one), applies
 * ConfigCat's rules for a missing user or attribute, and hands a present value to the condition, which converts and
 * compares it.
 */
final class ConditionEvaluator {

    private ConditionEvaluator() {}

    static Outcome evaluate(UserCondition c, EvaluationState state) {
        if (state.trace != null) {
            state.trace.append(c.describe());
        }
        UserAttributes user = state.user;
        if (user == null) {
            return Outcome.USER_MISSING;
        }
        Object value = read(c, user);
        if (c instanceof TextCondition && value instanceof String && !((String) value).isEmpty()) {
            return ((TextCondition) c).evaluate((String) value); // the usual case, small enough to inline
        }
        if (value == null || "".equals(value)) {
            return state.attributeMissing(c);
        }
        return compare(c, value, state);
    }

    /**
     * Hands a present value to the condition's own class. A call per final class, rather than one virtual call, lets
     * the JIT inline each comparison into the rule loop: a rule list mixing text, number and version conditions makes
     * a single call site megamorphic (docs/engine.md has the measurement).
     */
    private static Outcome compare(UserCondition c, Object value, EvaluationState state) {
        if (c instanceof TextCondition) {
            return ((TextCondition) c).evaluate(value, state);
        }
        if (c instanceof NumberCondition) {
            return ((NumberCondition) c).evaluate(value, state);
        }
        if (c instanceof VersionCondition) {
            return ((VersionCondition) c).evaluate(value, state);
        }
        if (c instanceof HashedTextCondition) {
            return ((HashedTextCondition) c).evaluate(value, state);
        }
        return ((ArrayCondition) c).evaluate(value, state);
    }

    /** Reads the condition's attribute: from the memo, or a {@link User}'s well-known attributes from its fields. */
    private static @Nullable Object read(UserCondition c, UserAttributes user) {
        if (user instanceof AttributeReads) {
            return ((AttributeReads) user).attribute(c.attributeId, c.attribute);
        }
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
}
