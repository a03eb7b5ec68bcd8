package dev.vexilla.engine.configcat;

import org.jspecify.annotations.Nullable;

/**
 * The 36 user-condition comparators of config JSON v6: for each, how it shows in the log, what the attribute is read as
 * ({@link Operand}), whether the comparison values are hashed, whether the result is negated, and what is compared
 * ({@link Comparison}). The compiler picks the condition class from the operand and hashing.
 */
enum Comparator {
    IS_ONE_OF(0, "IS ONE OF", Operand.TEXT_LIST, false, false, Comparison.ONE_OF),
    IS_NOT_ONE_OF(1, "IS NOT ONE OF", Operand.TEXT_LIST, false, true, Comparison.ONE_OF),
    CONTAINS_ANY_OF(2, "CONTAINS ANY OF", Operand.TEXT_LIST, false, false, Comparison.CONTAINS),
    NOT_CONTAINS_ANY_OF(3, "NOT CONTAINS ANY OF", Operand.TEXT_LIST, false, true, Comparison.CONTAINS),
    SEMVER_IS_ONE_OF(4, "IS ONE OF", Operand.SEMVER_LIST, false, false, Comparison.ONE_OF),
    SEMVER_IS_NOT_ONE_OF(5, "IS NOT ONE OF", Operand.SEMVER_LIST, false, true, Comparison.ONE_OF),
    SEMVER_LESS(6, "<", Operand.SEMVER, false, false, Comparison.LESS),
    SEMVER_LESS_EQUALS(7, "<=", Operand.SEMVER, false, false, Comparison.LESS_EQUALS),
    SEMVER_GREATER(8, ">", Operand.SEMVER, false, false, Comparison.GREATER),
    SEMVER_GREATER_EQUALS(9, ">=", Operand.SEMVER, false, false, Comparison.GREATER_EQUALS),
    NUMBER_EQUALS(10, "=", Operand.NUMBER, false, false, Comparison.EQUALS),
    NUMBER_NOT_EQUALS(11, "!=", Operand.NUMBER, false, true, Comparison.EQUALS),
    NUMBER_LESS(12, "<", Operand.NUMBER, false, false, Comparison.LESS),
    NUMBER_LESS_EQUALS(13, "<=", Operand.NUMBER, false, false, Comparison.LESS_EQUALS),
    NUMBER_GREATER(14, ">", Operand.NUMBER, false, false, Comparison.GREATER),
    NUMBER_GREATER_EQUALS(15, ">=", Operand.NUMBER, false, false, Comparison.GREATER_EQUALS),
    SENSITIVE_IS_ONE_OF(16, "IS ONE OF", Operand.TEXT_LIST, true, false, Comparison.ONE_OF),
    SENSITIVE_IS_NOT_ONE_OF(17, "IS NOT ONE OF", Operand.TEXT_LIST, true, true, Comparison.ONE_OF),
    DATE_BEFORE(18, "BEFORE", Operand.DATE, false, false, Comparison.LESS),
    DATE_AFTER(19, "AFTER", Operand.DATE, false, false, Comparison.GREATER),
    HASHED_EQUALS(20, "EQUALS", Operand.TEXT, true, false, Comparison.EQUALS),
    HASHED_NOT_EQUALS(21, "NOT EQUALS", Operand.TEXT, true, true, Comparison.EQUALS),
    HASHED_STARTS_WITH(22, "STARTS WITH ANY OF", Operand.TEXT_LIST, true, false, Comparison.STARTS_WITH),
    HASHED_NOT_STARTS_WITH(23, "NOT STARTS WITH ANY OF", Operand.TEXT_LIST, true, true, Comparison.STARTS_WITH),
    HASHED_ENDS_WITH(24, "ENDS WITH ANY OF", Operand.TEXT_LIST, true, false, Comparison.ENDS_WITH),
    HASHED_NOT_ENDS_WITH(25, "NOT ENDS WITH ANY OF", Operand.TEXT_LIST, true, true, Comparison.ENDS_WITH),
    HASHED_ARRAY_CONTAINS(26, "ARRAY CONTAINS ANY OF", Operand.ARRAY, true, false, Comparison.ARRAY_CONTAINS),
    HASHED_ARRAY_NOT_CONTAINS(27, "ARRAY NOT CONTAINS ANY OF", Operand.ARRAY, true, true, Comparison.ARRAY_CONTAINS),
    TEXT_EQUALS(28, "EQUALS", Operand.TEXT, false, false, Comparison.EQUALS),
    TEXT_NOT_EQUALS(29, "NOT EQUALS", Operand.TEXT, false, true, Comparison.EQUALS),
    TEXT_STARTS_WITH(30, "STARTS WITH ANY OF", Operand.TEXT_LIST, false, false, Comparison.STARTS_WITH),
    TEXT_NOT_STARTS_WITH(31, "NOT STARTS WITH ANY OF", Operand.TEXT_LIST, false, true, Comparison.STARTS_WITH),
    TEXT_ENDS_WITH(32, "ENDS WITH ANY OF", Operand.TEXT_LIST, false, false, Comparison.ENDS_WITH),
    TEXT_NOT_ENDS_WITH(33, "NOT ENDS WITH ANY OF", Operand.TEXT_LIST, false, true, Comparison.ENDS_WITH),
    TEXT_ARRAY_CONTAINS(34, "ARRAY CONTAINS ANY OF", Operand.ARRAY, false, false, Comparison.ARRAY_CONTAINS),
    TEXT_ARRAY_NOT_CONTAINS(35, "ARRAY NOT CONTAINS ANY OF", Operand.ARRAY, false, true, Comparison.ARRAY_CONTAINS);

    /** What the user attribute is read as, and which comparison-value field the comparator uses. */
    enum Operand {
        /** Text, compared with the string list {@code l}. */
        TEXT_LIST,
        /** Text, compared with the string {@code s}. */
        TEXT,
        /** A semantic version, compared with the string list {@code l}. */
        SEMVER_LIST,
        /** A semantic version, compared with the string {@code s}. */
        SEMVER,
        /** A decimal number, compared with the number {@code d}. */
        NUMBER,
        /** A Unix timestamp in seconds, compared with the number {@code d}. */
        DATE,
        /** A string array, compared with the string list {@code l}. */
        ARRAY
    }

    /** What a comparator compares, negation aside. */
    enum Comparison {
        /** The value is one of the items (equal to one). */
        ONE_OF,
        /** The value contains one of the items. */
        CONTAINS,
        /** The value starts with one of the items. */
        STARTS_WITH,
        /** The value ends with one of the items. */
        ENDS_WITH,
        /** The value equals the comparison value. */
        EQUALS,
        /** The value is less than (before) the comparison value. */
        LESS,
        /** The value is less than or equal to the comparison value. */
        LESS_EQUALS,
        /** The value is greater than (after) the comparison value. */
        GREATER,
        /** The value is greater than or equal to the comparison value. */
        GREATER_EQUALS,
        /** One of the array's items is one of the comparison items. */
        ARRAY_CONTAINS
    }

    private static final Comparator[] BY_ID = values();

    final int id;
    final String text;
    final Operand operand;
    final boolean hashed;
    final boolean negated;
    final Comparison comparison;

    Comparator(int id, String text, Operand operand, boolean hashed, boolean negated, Comparison comparison) {
        this.id = id;
        this.text = text;
        this.operand = operand;
        this.hashed = hashed;
        this.negated = negated;
        this.comparison = comparison;
    }

    static @Nullable Comparator fromId(int id) {
        return id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
    }

    boolean usesList() {
        return operand == Operand.TEXT_LIST || operand == Operand.SEMVER_LIST || operand == Operand.ARRAY;
    }

    boolean usesString() {
        return operand == Operand.TEXT || operand == Operand.SEMVER;
    }
}
