package dev.vexilla.engine.configcat;

import org.jspecify.annotations.Nullable;

/**
 * A compiled user condition: the attribute it reads, its comparator, and its comparison values pre-parsed by the
 * compiler for that comparator. One subclass per way of reading the attribute ({@link TextCondition},
 * {@link HashedTextCondition}, {@link ArrayCondition}, {@link NumberCondition}, {@link VersionCondition}); each is
 * immutable and built complete by {@link ConditionCompiler}.
 *
 * <p>{@link ConditionEvaluator} reads the attribute and handles a missing one; the subclass converts the value it
 * gets as ConfigCat does (warning or failing as ConfigCat does) and compares it.
 */
abstract class UserCondition extends Condition {

    static final String VALUE_MISSING = "Comparison value is missing or invalid.";

    final String attribute;
    /** The attribute's {@link AttributeIds number}: where {@link AttributeReads} remembers it. */
    final int attributeId;

    final Comparator comparator;

    /**
     * Why the comparison value is unusable (missing, of the wrong type, or hashed without a config salt), or
     * {@code null}: ConfigCat raises it once the user's value has been read and converted.
     */
    final @Nullable String brokenMessage;

    UserCondition(String attribute, Comparator comparator, @Nullable String brokenMessage) {
        this.attribute = attribute;
        this.attributeId = AttributeIds.of(attribute);
        this.comparator = comparator;
        this.brokenMessage = brokenMessage;
    }

    /**
     * Converts a present, non-empty attribute value for this comparator and compares it.
     *
     * @param value the value read from the user
     * @param state the evaluation, for warnings and the log
     * @return the outcome; {@link Outcome#CANNOT_EVALUATE} when the value cannot be converted
     * @throws BrokenConfigException when the value converts but the comparison value is broken
     */
    abstract Outcome evaluate(Object value, EvaluationState state);

    /** The comparison value as ConfigCat's log shows it, for example {@code ['@example.com']}. */
    abstract String comparisonValue();

    @Override
    final String describe() {
        return "User." + attribute + " " + comparator.text + " " + comparisonValue();
    }

    /** Raises the condition's config error, if it has one; called once the user's value has converted. */
    final void checkBroken() {
        if (brokenMessage != null) {
            throw new BrokenConfigException(brokenMessage);
        }
    }
}
