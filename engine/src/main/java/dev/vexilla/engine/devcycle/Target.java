package dev.vexilla.engine.devcycle;

import dev.vexilla.model.ErrorKind;
import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.UserAttributes;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * One target of a feature: its audience, optional rollout, bucketing key and distribution, and the outcomes it serves,
 * precomputed per audience variant (see {@link Condition}).
 *
 * <p>The distribution is kept sorted as DevCycle sorts it: by variation id, descending in UTF-16 code-unit order. A
 * bucketing hash picks the first entry whose running sum of percentages exceeds it (a hash of exactly 1 picks the entry
 * whose sum is exactly 1).
 */
final class Target {

    /** Audience variants up to this many keep their outcomes in a table filled on first use. */
    static final int MAX_TABLE = 1024;

    /** What {@link #pick(double)} returns when the percentages do not reach the hash. */
    static final int NO_ENTRY = -1;

    final String id;
    final int seed;
    final Condition audience;
    final @Nullable Rollout rollout;
    /** The custom-data key to bucket by, or {@code null} for {@code user_id}. */
    final @Nullable String bucketingKey;
    /** The running sums of the sorted distribution's percentages. */
    final double[] cumulative;
    /** The sorted distribution's variation indexes in the feature; -1 for an id the feature does not have. */
    final int[] variationIndexes;
    /** The sorted distribution's variation ids. */
    final String[] variationIds;

    private final FeatureShape shape;
    private final @Nullable Outcomes single;
    private final @Nullable AtomicReferenceArray<@Nullable Outcomes> table;

    Target(
            FeatureShape shape,
            Canon canon,
            String id,
            Condition audience,
            @Nullable Rollout rollout,
            @Nullable String bucketingKey,
            double[] cumulative,
            int[] variationIndexes,
            String[] variationIds) {
        this.id = id;
        this.seed = Murmur3.hash(id, Murmur3.BASE_SEED);
        this.audience = audience;
        this.rollout = rollout;
        this.bucketingKey = bucketingKey;
        this.cumulative = cumulative;
        this.variationIndexes = variationIndexes;
        this.variationIds = variationIds;
        this.shape = shape;
        int variants = audience.variants();
        this.single = variants == 1 ? shape.outcomes(this, 0, canon) : null;
        this.table = variants > 1 && variants <= MAX_TABLE ? new AtomicReferenceArray<>(variants) : null;
    }

    /**
     * Returns the value DevCycle buckets this user by: {@code user_id}, or the text of the bucketing key's custom-data
     * value (client custom data is not used).
     */
    String bucketingValue(UserAttributes user, String userId) {
        String key = bucketingKey;
        return key == null ? userId : BucketingText.of(user.customData(key));
    }

    /**
     * Returns the result of a user whose hash the percentages do not reach (DevCycle throws "Failed to decide target
     * variation"); built when it happens, which a valid config never lets happen.
     */
    EvaluationResult noEntry() {
        double total = cumulative.length == 0 ? 0 : cumulative[cumulative.length - 1];
        return EvaluationResult.error(
                ErrorKind.PARSE_ERROR,
                "the distribution of target '" + id + "' of feature '" + shape.key + "' sums to " + total
                        + ", which does not cover the user's bucket");
    }

    /** Picks the distribution entry for a bounded bucketing hash, or {@link #NO_ENTRY}. */
    int pick(double hash) {
        double[] sums = cumulative;
        for (int i = 0; i < sums.length; i++) {
            double sum = sums[i];
            if (hash >= 0 && (hash < sum || (sum == 1 && hash == 1))) {
                return i;
            }
        }
        return NO_ENTRY;
    }

    /** Tells whether DevCycle reports this target's matches as {@code SPLIT}: several entries, or a rollout. */
    boolean isSplit() {
        return cumulative.length != 1 || rollout != null;
    }

    /** Returns the prefix DevCycle puts before the audience's details for a split target. */
    String detailsPrefix() {
        boolean several = cumulative.length != 1;
        boolean rolled = rollout != null;
        if (several && rolled) {
            return "Random Distribution | Rollout | ";
        }
        if (several) {
            return "Random Distribution | ";
        }
        return rolled ? "Rollout | " : "";
    }

    /** Returns the outcomes of an audience variant, built on first use when the audience has several. */
    Outcomes outcomes(int variant) {
        Outcomes s = single;
        if (s != null) {
            return s;
        }
        AtomicReferenceArray<@Nullable Outcomes> t = table;
        if (t == null) {
            return shape.outcomes(this, variant, null);
        }
        Outcomes o = t.get(variant);
        if (o == null) {
            t.compareAndSet(variant, null, shape.outcomes(this, variant, null));
            o = t.get(variant);
        }
        return Objects.requireNonNull(o);
    }
}
