package dev.vexilla.engine.devcycle;

import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.ResultDetail;
import dev.vexilla.model.UserAttributes;
import org.jspecify.annotations.Nullable;

/**
 * A compiled feature: its targets in order, and the choice of target and variation for a user (DevCycle's
 * {@code doesUserQualifyForFeature} and {@code bucketUserForVariation}).
 *
 * <p>A choice is packed in a {@code long} so that choosing allocates nothing: the target index, the distribution
 * entry and the audience variant, or {@link #NOT_TARGETED}.
 */
final class Feature {

    /** The choice when no target takes the user. */
    static final long NOT_TARGETED = -1;

    private static final String ROLLOUT_SUFFIX = "_rollout";
    private static final int ENTRY_BITS = 16;
    private static final int VARIANT_BITS = 24;
    private static final int NO_ENTRY_CODE = (1 << ENTRY_BITS) - 1;

    /** The feature's position in the config's {@code features}. */
    final int index;

    final FeatureShape shape;
    final Target[] targets;
    /** {@code false} when the project disables passthrough rollouts. */
    private final boolean passthrough;
    /** Why the feature cannot be evaluated, or {@code null}. */
    final @Nullable String problem;
    /** The feature's config subtree fingerprint, to tell changed features apart. */
    final long fingerprint;

    Feature(
            int index,
            FeatureShape shape,
            Target[] targets,
            boolean passthrough,
            @Nullable String problem,
            long fingerprint) {
        this.index = index;
        this.shape = shape;
        this.targets = targets;
        this.passthrough = passthrough;
        this.problem = problem;
        this.fingerprint = fingerprint;
    }

    /**
     * Chooses the target, distribution entry and audience variant for a user.
     *
     * @param user the user
     * @param userId the user's non-empty id
     * @param env the environment
     * @return the packed choice, or {@link #NOT_TARGETED}
     */
    long choose(UserAttributes user, String userId, DevCycleEnvironment env) {
        Target[] ts = targets;
        for (int i = 0; i < ts.length; i++) {
            Target t = ts[i];
            Rollout rollout = t.rollout;
            String value = null;
            if (rollout != null && passthrough) {
                value = t.bucketingValue(user, userId);
                if (!rollout.passes(Murmur3.bounded(Murmur3.hash(value, ROLLOUT_SUFFIX, t.seed)), env.nowMillis())) {
                    continue;
                }
            }
            int variant = t.audience.match(user, env);
            if (variant < 0) {
                continue;
            }
            if (value == null) {
                value = t.bucketingValue(user, userId);
            }
            if (rollout != null
                    && !passthrough
                    && !rollout.passes(Murmur3.bounded(Murmur3.hash(value, ROLLOUT_SUFFIX, t.seed)), env.nowMillis())) {
                return NOT_TARGETED;
            }
            int entry = t.pick(Murmur3.bounded(Murmur3.hash(value, t.seed)));
            int entryCode = entry == Target.NO_ENTRY ? NO_ENTRY_CODE : entry;
            return ((long) i << (ENTRY_BITS + VARIANT_BITS)) | ((long) entryCode << VARIANT_BITS) | variant;
        }
        return NOT_TARGETED;
    }

    /**
     * Returns a variable's result for a choice.
     *
     * @param choice a choice from {@link #choose}, not {@link #NOT_TARGETED}
     * @param slot the variable's slot in this feature
     * @return the shared result
     */
    EvaluationResult result(long choice, int slot) {
        Target t = targets[(int) (choice >>> (ENTRY_BITS + VARIANT_BITS))];
        int entry = (int) (choice >>> VARIANT_BITS) & NO_ENTRY_CODE;
        if (entry == NO_ENTRY_CODE) {
            return t.noEntry();
        }
        int variant = (int) choice & ((1 << VARIANT_BITS) - 1);
        return t.outcomes(variant).results[entry * shape.slotKeys.length + slot];
    }

    /**
     * Returns the feature-level detail of a choice.
     *
     * @param choice a choice from {@link #choose}, not {@link #NOT_TARGETED}
     * @return the detail, or {@code null} when the choice lands on a broken distribution entry
     */
    @Nullable
    ResultDetail detail(long choice) {
        Target t = targets[(int) (choice >>> (ENTRY_BITS + VARIANT_BITS))];
        int entry = (int) (choice >>> VARIANT_BITS) & NO_ENTRY_CODE;
        if (entry == NO_ENTRY_CODE) {
            return null;
        }
        int variant = (int) choice & ((1 << VARIANT_BITS) - 1);
        return t.outcomes(variant).details[entry];
    }
}
