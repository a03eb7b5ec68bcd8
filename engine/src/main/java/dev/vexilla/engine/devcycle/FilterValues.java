package dev.vexilla.engine.devcycle;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A user filter's {@code values}, compiled as DevCycle compiles them: the type of the first value decides (string,
 * number or boolean), later values of another type are skipped, NaN numbers are dropped. A filter sees the list of its
 * type and an empty list for the other types.
 *
 * <p>Immutable; the arrays are never exposed for writing.
 */
final class FilterValues {

    /** Above this many strings, equality is tested through a hash set. */
    private static final int SET_THRESHOLD = 8;

    private static final String[] NO_STRINGS = new String[0];
    private static final double[] NO_NUMBERS = new double[0];

    static final FilterValues EMPTY = new FilterValues(NO_STRINGS, NO_NUMBERS, false, false);

    final String[] strings;
    final double[] numbers;
    final boolean hasTrue;
    final boolean hasFalse;
    private final @Nullable Set<String> stringSet;

    private FilterValues(String[] strings, double[] numbers, boolean hasTrue, boolean hasFalse) {
        this.strings = strings;
        this.numbers = numbers;
        this.hasTrue = hasTrue;
        this.hasFalse = hasFalse;
        this.stringSet = strings.length > SET_THRESHOLD ? new HashSet<>(Arrays.asList(strings)) : null;
    }

    static FilterValues ofStrings(String[] strings) {
        return strings.length == 0 ? EMPTY : new FilterValues(strings, NO_NUMBERS, false, false);
    }

    static FilterValues ofNumbers(double[] numbers) {
        return numbers.length == 0 ? EMPTY : new FilterValues(NO_STRINGS, numbers, false, false);
    }

    static FilterValues ofBooleans(boolean hasTrue, boolean hasFalse) {
        return new FilterValues(NO_STRINGS, NO_NUMBERS, hasTrue, hasFalse);
    }

    /** Tells whether {@code s} equals one of the string values. */
    boolean containsString(String s) {
        Set<String> set = stringSet;
        if (set != null) {
            return set.contains(s);
        }
        for (String value : strings) {
            if (value.equals(s)) {
                return true;
            }
        }
        return false;
    }

    /** Tells whether {@code b} is one of the boolean values. */
    boolean containsBoolean(boolean b) {
        return b ? hasTrue : hasFalse;
    }
}
