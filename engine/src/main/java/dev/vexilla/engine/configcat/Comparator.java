package dev.vexilla.engine.configcat;

import org.jspecify.annotations.Nullable;

/**
 * The 36 user-condition comparators of config JSON v6, with what each compares and how it shows in the log.
 */
enum Comparator {
    IS_ONE_OF(0, "IS ONE OF", Operand.TEXT_LIST, false, false),
    IS_NOT_ONE_OF(1, "IS NOT ONE OF", Operand.TEXT_LIST, false, true),
    CONTAINS_ANY_OF(2, "CONTAINS ANY OF", Operand.TEXT_LIST, false, false),
    NOT_CONTAINS_ANY_OF(3, "NOT CONTAINS ANY OF", Operand.TEXT_LIST, false, true),
    SEMVER_IS_ONE_OF(4, "IS ONE OF", Operand.SEMVER_LIST, false, false),
    SEMVER_IS_NOT_ONE_OF(5, "IS NOT ONE OF", Operand.SEMVER_LIST, false, true),
    SEMVER_LESS(6, "<", Operand.SEMVER, false, false),
    SEMVER_LESS_EQUALS(7, "<=", Operand.SEMVER, false, false),
    SEMVER_GREATER(8, ">", Operand.SEMVER, false, false),
    SEMVER_GREATER_EQUALS(9, ">=", Operand.SEMVER, false, false),
    NUMBER_EQUALS(10, "=", Operand.NUMBER, false, false),
    NUMBER_NOT_EQUALS(11, "!=", Operand.NUMBER, false, true),
    NUMBER_LESS(12, "<", Operand.NUMBER, false, false),
    NUMBER_LESS_EQUALS(13, "<=", Operand.NUMBER, false, false),
    NUMBER_GREATER(14, ">", Operand.NUMBER, false, false),
    NUMBER_GREATER_EQUALS(15, ">=", Operand.NUMBER, false, false),
    SENSITIVE_IS_ONE_OF(16, "IS ONE OF", Operand.TEXT_LIST, true, false),
    SENSITIVE_IS_NOT_ONE_OF(17, "IS NOT ONE OF", Operand.TEXT_LIST, true, true),
    DATE_BEFORE(18, "BEFORE", Operand.DATE, false, false),
    DATE_AFTER(19, "AFTER", Operand.DATE, false, false),
    HASHED_EQUALS(20, "EQUALS", Operand.TEXT, true, false),
    HASHED_NOT_EQUALS(21, "NOT EQUALS", Operand.TEXT, true, true),
    HASHED_STARTS_WITH(22, "STARTS WITH ANY OF", Operand.TEXT_LIST, true, false),
    HASHED_NOT_STARTS_WITH(23, "NOT STARTS WITH ANY OF", Operand.TEXT_LIST, true, true),
    HASHED_ENDS_WITH(24, "ENDS WITH ANY OF", Operand.TEXT_LIST, true, false),
    HASHED_NOT_ENDS_WITH(25, "NOT ENDS WITH ANY OF", Operand.TEXT_LIST, true, true),
    HASHED_ARRAY_CONTAINS(26, "ARRAY CONTAINS ANY OF", Operand.ARRAY, true, false),
    HASHED_ARRAY_NOT_CONTAINS(27, "ARRAY NOT CONTAINS ANY OF", Operand.ARRAY, true, true),
    TEXT_EQUALS(28, "EQUALS", Operand.TEXT, false, false),
    TEXT_NOT_EQUALS(29, "NOT EQUALS", Operand.TEXT, false, true),
    TEXT_STARTS_WITH(30, "STARTS WITH ANY OF", Operand.TEXT_LIST, false, false),
    TEXT_NOT_STARTS_WITH(31, "NOT STARTS WITH ANY OF", Operand.TEXT_LIST, false, true),
    TEXT_ENDS_WITH(32, "ENDS WITH ANY OF", Operand.TEXT_LIST, false, false),
    TEXT_NOT_ENDS_WITH(33, "NOT ENDS WITH ANY OF", Operand.TEXT_LIST, false, true),
    TEXT_ARRAY_CONTAINS(34, "ARRAY CONTAINS ANY OF", Operand.ARRAY, false, false),
    TEXT_ARRAY_NOT_CONTAINS(35, "ARRAY NOT CONTAINS ANY OF", Operand.ARRAY, false, true);

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

    private static final Comparator[] BY_ID = values();

    final int id;
    final String text;
    final Operand operand;
    final boolean hashed;
    final boolean negated;

    Comparator(int id, String text, Operand operand, boolean hashed, boolean negated) {
        this.id = id;
        this.text = text;
        this.operand = operand;
        this.hashed = hashed;
        this.negated = negated;
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
