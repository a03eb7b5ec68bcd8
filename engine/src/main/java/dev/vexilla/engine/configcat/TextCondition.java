package dev.vexilla.engine.configcat;

import dev.vexilla.engine.configcat.Comparator.Comparison;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A cleartext text condition: IS (NOT) ONE OF, (NOT) CONTAINS ANY OF, (NOT) STARTS WITH / ENDS WITH ANY OF and
 * (NOT) EQUALS. The attribute is compared as text; a value that is not a string is converted with ConfigCat's
 * warning 3005. Immutable.
 */
final class TextCondition extends UserCondition {

    private static final String[] NO_ITEMS = new String[0];

    private final Comparison comparison;
    private final boolean negated;

    /** The comparison list ({@code l}); {@code null} for EQUALS, or when broken. */
    private final String @Nullable [] items;

    /** The same items in a hash set, for IS ONE OF over a long list; {@code null} otherwise. */
    private final @Nullable Set<String> itemSet;

    /** The comparison value of EQUALS ({@code s}); {@code null} for the list comparators, or when broken. */
    private final @Nullable String text;

    TextCondition(
            String attribute,
            Comparator comparator,
            @Nullable String brokenMessage,
            String @Nullable [] items,
            @Nullable Set<String> itemSet,
            @Nullable String text) {
        super(attribute, comparator, brokenMessage);
        this.comparison = comparator.comparison;
        this.negated = comparator.negated;
        this.items = items;
        this.itemSet = itemSet;
        this.text = text;
    }

    @Override
    Outcome evaluate(Object value, EvaluationState state) {
        return evaluate(value instanceof String ? (String) value : state.convertedToText(this, value));
    }

    /** Compares a text value, once the condition is known not to be broken. */
    Outcome evaluate(String value) {
        checkBroken();
        return Outcome.of(matches(value));
    }

    /** Compares a text value. */
    boolean matches(String value) {
        boolean found;
        switch (comparison) {
            case ONE_OF:
                found = itemSet != null ? itemSet.contains(value) : anyEqual(value);
                break;
            case CONTAINS:
                found = anyContained(value);
                break;
            case STARTS_WITH:
                found = anyPrefix(value);
                break;
            case ENDS_WITH:
                found = anySuffix(value);
                break;
            default:
                found = value.equals(text);
        }
        return found != negated;
    }

    private String[] items() {
        return items != null ? items : NO_ITEMS;
    }

    private boolean anyEqual(String value) {
        for (String item : items()) {
            if (value.equals(item)) {
                return true;
            }
        }
        return false;
    }

    private boolean anyContained(String value) {
        for (String item : items()) {
            if (value.contains(item)) {
                return true;
            }
        }
        return false;
    }

    private boolean anyPrefix(String value) {
        for (String item : items()) {
            if (value.startsWith(item)) {
                return true;
            }
        }
        return false;
    }

    private boolean anySuffix(String value) {
        for (String item : items()) {
            if (endsWith(value, item)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code value.endsWith(suffix)}, through the JIT's vectorised {@code indexOf} from the only position where the
     * suffix fits, after a first-character check that rejects most items at once (see docs/engine.md).
     */
    static boolean endsWith(String value, String suffix) {
        int from = value.length() - suffix.length();
        return from >= 0
                && (from == value.length() || value.charAt(from) == suffix.charAt(0))
                && value.indexOf(suffix, from) == from;
    }

    @Override
    String comparisonValue() {
        return comparator.operand == Comparator.Operand.TEXT ? "'" + text + "'" : ConditionText.list(items);
    }
}
