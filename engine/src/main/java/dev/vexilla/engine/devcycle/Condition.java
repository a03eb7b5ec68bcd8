package dev.vexilla.engine.devcycle;

import dev.vexilla.model.UserAttributes;

/**
 * A compiled audience filter or operator. {@link #match} tells whether the user passes and, if so, which of the
 * condition's {@link #variants()} matched: DevCycle's details text depends on the path through an audience (which
 * branch of an {@code or}, which audience of an {@code audienceMatch}), so each distinct text is a variant, numbered
 * from 0, and {@link #details(int)} gives its text. A target precomputes its results per variant, and an evaluation
 * returns one of them without building any text.
 *
 * <p>Instances are immutable and thread-safe.
 */
abstract class Condition {

    /** What {@link #match} returns when the user does not pass. */
    static final int NO_MATCH = -1;

    /**
     * Tells whether the user passes.
     *
     * @param user the user
     * @param env the evaluation environment
     * @return the variant that matched, in [0, {@link #variants()}), or {@link #NO_MATCH}
     */
    abstract int match(UserAttributes user, DevCycleEnvironment env);

    /**
     * Returns how many distinct details texts a match can have.
     *
     * @return the count; 0 for a condition that never matches
     */
    abstract int variants();

    /**
     * Returns DevCycle's details text of a variant, such as {@code "Email"} or
     * {@code "Audience Match -> Country AND App Version"}.
     *
     * @param variant a variant in [0, {@link #variants()})
     * @return the text, possibly empty
     */
    abstract String details(int variant);

    /** The {@code all} filter: every user passes. */
    static final class All extends Condition {

        static final All INSTANCE = new All();

        private All() {}

        @Override
        int match(UserAttributes user, DevCycleEnvironment env) {
            return 0;
        }

        @Override
        int variants() {
            return 1;
        }

        @Override
        String details(int variant) {
            return "All Users";
        }
    }

    /**
     * A filter no user passes: {@code optIn} (opt-in is not supported by server-side engines), an unknown filter type,
     * subType or comparator, an {@code ip} filter, an operator other than {@code and}/{@code or}, an operator without
     * filters.
     */
    static final class Never extends Condition {

        static final Never INSTANCE = new Never();

        private Never() {}

        @Override
        int match(UserAttributes user, DevCycleEnvironment env) {
            return NO_MATCH;
        }

        @Override
        int variants() {
            return 0;
        }

        @Override
        String details(int variant) {
            throw new IllegalArgumentException("a condition that never matches has no variant " + variant);
        }
    }
}
