package dev.vexilla.engine.configcat;

import dev.vexilla.engine.configcat.Comparator.Comparison;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A hashed ("confidential") text condition: IS (NOT) ONE OF, (NOT) EQUALS, (NOT) STARTS WITH / ENDS WITH ANY OF,
 * compared as {@code SHA256(UTF8(value) + salt + context salt)} against the config's hex digests, parsed by the
 * compiler. The attribute is compared as text, like a {@link TextCondition}. Immutable.
 */
final class HashedTextCondition extends UserCondition {

    /** One item of a hashed STARTS / ENDS WITH list: {@code "<length>_<digest of that many leading bytes>"}. */
    static final class Slice {
        /** How many UTF-8 bytes of the value are hashed; -1 when the item has no valid length. */
        final int length;
        /** The expected digest; {@code null} when the item's hex is not a digest (it never matches). */
        final int @Nullable [] digest;
        /** Whether the item has nothing after its underscore (ConfigCat: the comparison value is invalid). */
        final boolean hashMissing;

        Slice(int length, int @Nullable [] digest, boolean hashMissing) {
            this.length = length;
            this.digest = digest;
            this.hashMissing = hashMissing;
        }
    }

    private static final Slice[] NO_SLICES = new Slice[0];

    private final Comparison comparison;
    private final boolean negated;

    /** The UTF-8 bytes of the config salt and the context salt (flag key or segment name), hashed after the value. */
    private final byte[] saltSuffix;

    /** IS ONE OF and EQUALS: the digests (an entry is null for an item that is not a digest); null when broken. */
    private final int @Nullable [] @Nullable [] digests;

    /** STARTS / ENDS WITH: the items; {@code null} for the other comparators, or when broken. */
    private final Slice @Nullable [] slices;

    /** The number of items of the comparison list, shown in the log. */
    private final int listSize;

    HashedTextCondition(
            String attribute,
            Comparator comparator,
            @Nullable String brokenMessage,
            byte[] saltSuffix,
            int @Nullable [] @Nullable [] digests,
            Slice @Nullable [] slices,
            int listSize) {
        super(attribute, comparator, brokenMessage);
        this.comparison = comparator.comparison;
        this.negated = comparator.negated;
        this.saltSuffix = saltSuffix;
        this.digests = digests;
        this.slices = slices;
        this.listSize = listSize;
    }

    @Override
    Outcome evaluate(Object value, EvaluationState state) {
        String s = value instanceof String ? (String) value : state.convertedToText(this, value);
        checkBroken();
        return Outcome.of(matches(s));
    }

    /** Compares a text value. */
    boolean matches(String value) {
        boolean found = comparison == Comparison.STARTS_WITH || comparison == Comparison.ENDS_WITH
                ? anySlice(value.getBytes(StandardCharsets.UTF_8))
                : anyDigest(digests, Sha256.digest(value, saltSuffix));
        return found != negated;
    }

    /** Tells whether a digest is one of the expected ones (entries that are not digests never match). */
    static boolean anyDigest(int @Nullable [] @Nullable [] expected, int[] digest) {
        if (expected != null) {
            for (int[] e : expected) {
                if (e != null && Arrays.equals(e, digest)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean anySlice(byte[] utf8) {
        boolean fromStart = comparison == Comparison.STARTS_WITH;
        for (Slice slice : slices != null ? slices : NO_SLICES) {
            int n = slice.length;
            if (n < 0) {
                throw new BrokenConfigException(VALUE_MISSING);
            }
            if (utf8.length < n) {
                continue;
            }
            if (slice.hashMissing) {
                throw new BrokenConfigException(VALUE_MISSING);
            }
            int from = fromStart ? 0 : utf8.length - n;
            if (slice.digest != null && Arrays.equals(Sha256.digest(utf8, from, n, saltSuffix), slice.digest)) {
                return true;
            }
        }
        return false;
    }

    @Override
    String comparisonValue() {
        return comparator.operand == Comparator.Operand.TEXT ? "'<hashed value>'" : ConditionText.hashedList(listSize);
    }
}
