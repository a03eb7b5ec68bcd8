package dev.vexilla.engine.devcycle;

import org.jspecify.annotations.Nullable;

/**
 * DevCycle's string, number and boolean filter rules, shared by the user-field and custom-data filters. Comparison is
 * by UTF-16 code units and case-sensitive. Nothing here allocates.
 */
final class StringChecks {

    private StringChecks() {}

    /**
     * Applies a comparator to a string attribute, as DevCycle's {@code _checkStringsFilter} does.
     *
     * @param s the attribute, {@code null} when absent
     * @param op the comparator
     * @param values the filter's values
     * @return whether the filter passes; the ordering comparators pass for every value, even an absent one
     */
    static boolean strings(@Nullable String s, Comparator op, FilterValues values) {
        switch (op) {
            case EQUAL:
                return s != null && values.containsString(s);
            case NOT_EQUAL:
                return s != null && !values.containsString(s);
            case EXIST:
                return s != null && !s.isEmpty();
            case NOT_EXIST:
                return s == null || s.isEmpty();
            case CONTAIN:
                return s != null && containsAny(s, values.strings);
            case NOT_CONTAIN:
                return s == null || !containsAny(s, values.strings);
            case START_WITH:
                return s != null && startsWithAny(s, values.strings);
            case NOT_START_WITH:
                return s == null || !startsWithAny(s, values.strings);
            case END_WITH:
                return s != null && endsWithAny(s, values.strings);
            case NOT_END_WITH:
                return s == null || !endsWithAny(s, values.strings);
            default:
                // >, >=, <, <= on a string: DevCycle's fallback answers its compile-time "is a string" check.
                return true;
        }
    }

    /**
     * Applies a comparator to a number, as DevCycle's {@code _checkNumberFilter} does.
     *
     * @param n the number
     * @param op the comparator
     * @param values the filter's numbers (never NaN)
     * @return whether the filter passes
     */
    static boolean number(double n, Comparator op, double[] values) {
        if (op == Comparator.EXIST) {
            return !Double.isNaN(n);
        }
        if (op == Comparator.NOT_EXIST) {
            return Double.isNaN(n);
        }
        if (Double.isNaN(n)) {
            return false;
        }
        if (op == Comparator.NOT_EQUAL) {
            for (double v : values) {
                if (n == v) {
                    return false;
                }
            }
            return true;
        }
        for (double v : values) {
            if (holds(n, op, v)) {
                return true;
            }
        }
        return false;
    }

    private static boolean holds(double n, Comparator op, double v) {
        switch (op) {
            case EQUAL:
                return n == v;
            case GREATER:
                return n > v;
            case GREATER_OR_EQUAL:
                return n >= v;
            case LESS:
                return n < v;
            case LESS_OR_EQUAL:
                return n <= v;
            default:
                return false;
        }
    }

    /**
     * Applies a comparator to a boolean, as DevCycle's {@code _checkBooleanFilter} does.
     *
     * @param b the boolean
     * @param op the comparator
     * @param values the filter's values
     * @return whether the filter passes
     */
    static boolean bool(boolean b, Comparator op, FilterValues values) {
        switch (op) {
            case EQUAL:
            case CONTAIN:
                return values.containsBoolean(b);
            case NOT_EQUAL:
            case NOT_CONTAIN:
                return !values.containsBoolean(b);
            case EXIST:
                return true;
            default:
                return false;
        }
    }

    private static boolean containsAny(String s, String[] values) {
        for (String v : values) {
            if (s.contains(v)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWithAny(String s, String[] values) {
        for (String v : values) {
            if (!v.isEmpty() && s.startsWith(v)) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsWithAny(String s, String[] values) {
        for (String v : values) {
            if (!v.isEmpty() && s.endsWith(v)) {
                return true;
            }
        }
        return false;
    }
}
