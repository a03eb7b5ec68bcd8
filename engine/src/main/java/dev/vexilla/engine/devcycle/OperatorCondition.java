package dev.vexilla.engine.devcycle;

import dev.vexilla.model.UserAttributes;
import org.jspecify.annotations.Nullable;

/**
 * An {@code and} or {@code or} operator over filters and nested operators, as DevCycle's current engine evaluates it
 * ({@code _evaluateOperator}).
 *
 * <ul>
 *   <li>{@code or}: the first child that passes decides, and its details are the operator's.
 *   <li>{@code and}: the plain filters are tested in order and all must pass; their details are joined with
 *       {@code " AND "}. The first nested operator, once the filters before it passed, decides the result alone, with
 *       its own details; children after it are never evaluated.
 * </ul>
 *
 * <p>Variants: an {@code or}'s are its children's, one after the other; an {@code and}'s are the combinations of its
 * filters' variants (mixed radix), or its nested operator's.
 */
final class OperatorCondition extends Condition {

    /** The most distinct details texts one operator may have; a config beyond it is rejected as too complex. */
    static final int MAX_VARIANTS = 1 << 20;

    private final boolean isOr;
    private final Condition[] children;
    /** For {@code and}: the nested operator that decides once the filters before it pass, or {@code null}. */
    private final @Nullable Condition nested;
    /** For {@code or}: each child's first variant; for {@code and}: each filter's radix. */
    private final int[] weights;

    private final int variants;

    private OperatorCondition(
            boolean isOr, Condition[] children, @Nullable Condition nested, int[] weights, int variants) {
        this.isOr = isOr;
        this.children = children;
        this.nested = nested;
        this.weights = weights;
        this.variants = variants;
    }

    /**
     * Builds an {@code or}.
     *
     * @param children the filters and nested operators, in order
     * @return the operator
     * @throws IllegalArgumentException if it would have more than {@link #MAX_VARIANTS} variants
     */
    static Condition or(Condition[] children) {
        if (children.length == 0) {
            return Never.INSTANCE;
        }
        int[] offsets = new int[children.length];
        long total = 0;
        for (int i = 0; i < children.length; i++) {
            offsets[i] = (int) total;
            total += children[i].variants();
            check(total);
        }
        return new OperatorCondition(true, children, null, offsets, (int) total);
    }

    /**
     * Builds an {@code and}.
     *
     * @param filters the plain filters before the first nested operator, in order
     * @param nested the first nested operator, or {@code null}
     * @return the operator
     * @throws IllegalArgumentException if it would have more than {@link #MAX_VARIANTS} variants
     */
    static Condition and(Condition[] filters, @Nullable Condition nested) {
        if (filters.length == 0 && nested == null) {
            return Never.INSTANCE;
        }
        int[] radix = new int[filters.length];
        long total = 1;
        for (int i = 0; i < filters.length; i++) {
            radix[i] = (int) total;
            total *= Math.max(1, filters[i].variants());
            check(total);
        }
        int variants = nested != null ? nested.variants() : (int) total;
        for (Condition filter : filters) {
            if (filter.variants() == 0) {
                variants = 0;
            }
        }
        return new OperatorCondition(false, filters, nested, radix, variants);
    }

    private static void check(long variants) {
        if (variants > MAX_VARIANTS) {
            throw new IllegalArgumentException(
                    "audience has more than " + MAX_VARIANTS + " distinct ways to match; simplify its nesting");
        }
    }

    @Override
    int match(UserAttributes user, DevCycleEnvironment env) {
        Condition[] cs = children;
        if (isOr) {
            for (int i = 0; i < cs.length; i++) {
                int r = cs[i].match(user, env);
                if (r >= 0) {
                    return weights[i] + r;
                }
            }
            return NO_MATCH;
        }
        int variant = 0;
        for (int i = 0; i < cs.length; i++) {
            int r = cs[i].match(user, env);
            if (r < 0) {
                return NO_MATCH;
            }
            variant += r * weights[i];
        }
        Condition n = nested;
        return n != null ? n.match(user, env) : variant;
    }

    @Override
    int variants() {
        return variants;
    }

    @Override
    String details(int variant) {
        if (isOr) {
            int i = children.length - 1;
            while (weights[i] > variant || children[i].variants() == 0) {
                i--;
            }
            return children[i].details(variant - weights[i]);
        }
        Condition n = nested;
        if (n != null) {
            return n.details(variant);
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < children.length; i++) {
            int own = (variant / weights[i]) % Math.max(1, children[i].variants());
            if (i > 0) {
                b.append(" AND ");
            }
            b.append(children[i].details(own));
        }
        return b.toString();
    }
}
