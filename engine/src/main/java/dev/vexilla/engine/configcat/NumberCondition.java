package dev.vexilla.engine.configcat;

import dev.vexilla.engine.configcat.Comparator.Comparison;
import org.jspecify.annotations.Nullable;

/**
 * A number or date condition: = != < <= > >= a decimal number, BEFORE / AFTER a Unix time in seconds. The attribute
 * is read as a number (a date-time attribute as its Unix seconds); a value that is not one makes the condition
 * unevaluable, with ConfigCat's warning 3004. Immutable.
 */
final class NumberCondition extends UserCondition {

    private final Comparison comparison;
    private final boolean negated;
    /** Whether the attribute is a date (BEFORE / AFTER): read as Unix seconds. */
    private final boolean date;
    /** The comparison value {@code d}; {@code NaN} when missing (the condition is then broken). */
    private final double number;

    NumberCondition(String attribute, Comparator comparator, @Nullable String brokenMessage, double number) {
        super(attribute, comparator, brokenMessage);
        this.comparison = comparator.comparison;
        this.negated = comparator.negated;
        this.date = comparator.operand == Comparator.Operand.DATE;
        this.number = number;
    }

    @Override
    Outcome evaluate(Object value, EvaluationState state) {
        double d;
        try {
            d = date ? AttributeText.toUnixSeconds(value) : AttributeText.toNumber(value);
        } catch (NumberFormatException e) {
            return state.attributeInvalid(
                    this,
                    date
                            ? "'" + value
                                    + "' is not a valid Unix timestamp (number of seconds elapsed since Unix epoch)"
                            : "'" + value + "' is not a valid decimal number");
        }
        checkBroken();
        return Outcome.of(matches(d));
    }

    /** Compares a number value. */
    boolean matches(double value) {
        switch (comparison) {
            case EQUALS:
                return (Double.doubleToLongBits(value) == Double.doubleToLongBits(number)) != negated;
            case LESS:
                return value < number;
            case LESS_EQUALS:
                return value <= number;
            case GREATER:
                return value > number;
            default:
                return value >= number;
        }
    }

    @Override
    String comparisonValue() {
        if (brokenMessage != null) {
            return ConditionText.INVALID_VALUE;
        }
        return date ? ConditionText.date(number) : ConditionText.number(number);
    }
}
