package dev.vexilla.engine.devcycle;

import dev.vexilla.model.UserAttributes;
import org.jspecify.annotations.Nullable;

/**
 * An {@code audienceMatch} filter ({@code filterForAudienceMatch}): the referenced audiences are tried in order; an id
 * missing from the config's {@code audiences} fails the filter at once; the first audience the user is in decides
 * ({@code =} passes, with details {@code "Audience Match -> "} and the audience's; {@code !=} fails); in none of them,
 * {@code !=} passes with details {@code "Not in Audience"}.
 */
final class AudienceMatchCondition extends Condition {

    private final boolean equal;
    /** The audiences in order; a {@code null} entry is an id missing from the config. */
    private final @Nullable Condition[] audiences;

    private final int[] offsets;
    private final int variants;

    AudienceMatchCondition(boolean equal, @Nullable Condition[] audiences) {
        this.equal = equal;
        this.audiences = audiences;
        this.offsets = new int[audiences.length];
        long total = 0;
        for (int i = 0; i < audiences.length; i++) {
            offsets[i] = (int) total;
            Condition a = audiences[i];
            total += a == null ? 0 : a.variants();
            if (total > OperatorCondition.MAX_VARIANTS) {
                throw new IllegalArgumentException("audienceMatch has more than " + OperatorCondition.MAX_VARIANTS
                        + " distinct ways to match; simplify its audiences");
            }
        }
        this.variants = equal ? (int) total : 1;
    }

    @Override
    int match(UserAttributes user, DevCycleEnvironment env) {
        for (int i = 0; i < audiences.length; i++) {
            Condition a = audiences[i];
            if (a == null) {
                return NO_MATCH;
            }
            int r = a.match(user, env);
            if (r >= 0) {
                return equal ? offsets[i] + r : NO_MATCH;
            }
        }
        return equal ? NO_MATCH : 0;
    }

    @Override
    int variants() {
        return variants;
    }

    @Override
    String details(int variant) {
        if (!equal) {
            return "Not in Audience";
        }
        int i = audiences.length - 1;
        while (offsets[i] > variant || audiences[i] == null || audiences[i].variants() == 0) {
            i--;
        }
        String inner = audiences[i].details(variant - offsets[i]);
        return inner.isEmpty() ? "Audience Match" : "Audience Match -> " + inner;
    }
}
