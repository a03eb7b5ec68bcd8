package dev.vexilla.engine.configcat;

import org.jspecify.annotations.Nullable;

/**
 * An array condition: ARRAY (NOT) CONTAINS ANY OF, in cleartext or hashed. The attribute is read as a string array
 * (a list of strings, or its JSON text); a value that is not one makes the condition unevaluable, with ConfigCat's
 * warning 3004. An empty array never matches. Immutable.
 */
final class ArrayCondition extends UserCondition {

    private final boolean negated;

    /** The cleartext comparison list; {@code null} when hashed, or when broken. */
    private final String @Nullable [] items;

    /** Hashed: the UTF-8 bytes of the config salt and the context salt, hashed after each array item. */
    private final byte[] saltSuffix;

    /** Hashed: the item digests (an entry is null for an item that is not a digest); {@code null} otherwise. */
    private final int @Nullable [] @Nullable [] digests;

    /** The number of items of the comparison list, shown in the log for hashed lists. */
    private final int listSize;

    ArrayCondition(
            String attribute,
            Comparator comparator,
            @Nullable String brokenMessage,
            String @Nullable [] items,
            byte[] saltSuffix,
            int @Nullable [] @Nullable [] digests,
            int listSize) {
        super(attribute, comparator, brokenMessage);
        this.negated = comparator.negated;
        this.items = items;
        this.saltSuffix = saltSuffix;
        this.digests = digests;
        this.listSize = listSize;
    }

    @Override
    Outcome evaluate(Object value, EvaluationState state) {
        String[] array = AttributeText.toStringArray(value);
        if (array == null) {
            return state.attributeInvalid(this, "'" + value + "' is not a valid JSON string array");
        }
        checkBroken();
        return Outcome.of(matches(array));
    }

    /** Compares a string array; an empty one never matches. */
    boolean matches(String[] values) {
        if (values.length == 0) {
            return false;
        }
        boolean found = false;
        for (String v : values) {
            if (comparator.hashed ? HashedTextCondition.anyDigest(digests, Sha256.digest(v, saltSuffix)) : isItem(v)) {
                found = true;
                break;
            }
        }
        return found != negated;
    }

    private boolean isItem(String value) {
        if (items != null) {
            for (String item : items) {
                if (value.equals(item)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    String comparisonValue() {
        return comparator.hashed ? ConditionText.hashedList(listSize) : ConditionText.list(items);
    }
}
