package dev.vexilla.engine.devcycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Choosing a distribution entry, including DevCycle's {@code Bounded Hash Limits} tests of {@code bucketing.test.ts}
 * (js-sdks HEAD) and its descending sort of variation ids.
 */
final class TargetTest {

    /** A target over the given variation ids and percentages, compiled as the config compiler does. */
    private static Target target(String[] ids, double[] percentages) {
        Integer[] order = new Integer[ids.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> ids[a].compareTo(ids[b]));
        double[] cumulative = new double[ids.length];
        String[] sorted = new String[ids.length];
        int[] indexes = new int[ids.length];
        double sum = 0;
        for (int i = 0; i < ids.length; i++) {
            int original = order[ids.length - 1 - i];
            sorted[i] = ids[original];
            sum += percentages[original];
            cumulative[i] = sum;
            indexes[i] = original;
        }
        FeatureShape shape = new FeatureShape(
                "f", "f", "release", ids, ids, ids, new String[0], new Object[ids.length][0], new String[ids.length][]);
        return new Target(
                shape, new Canon(), "target", Condition.All.INSTANCE, null, null, cumulative, indexes, sorted);
    }

    private static String pick(Target t, double hash) {
        int entry = t.pick(hash);
        return entry < 0 ? "none" : t.variationIds[entry];
    }

    @Test
    void boundedHashLimitsRandomDistribution() {
        Target t = target(new String[] {"var1", "var2", "var3", "var4"}, new double[] {0.2555, 0.4445, 0.1, 0.2});

        assertThat(t.variationIds).as("descending id order").containsExactly("var4", "var3", "var2", "var1");
        assertThat(pick(t, 0)).isEqualTo("var4");
        assertThat(pick(t, 0.2555)).isEqualTo("var3");
        assertThat(pick(t, 0.9999999)).isEqualTo("var1");
        assertThat(pick(t, 1))
                .as("a hash of exactly 1 takes the entry whose sum is 1")
                .isEqualTo("var1");
    }

    @Test
    void boundedHashLimitsSingleDistribution() {
        Target t = target(new String[] {"var1"}, new double[] {1});

        for (double hash : new double[] {0.2555, 0, 1, 0.9999999}) {
            assertThat(pick(t, hash)).as("hash %s", hash).isEqualTo("var1");
        }
    }

    @Test
    void aProperPrefixSortsAfterTheLongerIdInDescendingOrder() {
        Target t = target(new String[] {"ab", "abc", "b"}, new double[] {0.2, 0.3, 0.5});

        assertThat(t.variationIds).containsExactly("b", "abc", "ab");
    }

    @Test
    void percentagesThatDoNotReachTheHashChooseNothing() {
        Target t = target(new String[] {"a", "b"}, new double[] {0.4, 0.5});

        assertThat(t.pick(0.95)).isEqualTo(Target.NO_ENTRY);
        assertThat(t.noEntry().errorMessage()).contains("sums to 0.9");
    }

    @Test
    void splitTargetsNameTheirPrefix() {
        assertThat(target(new String[] {"a", "b"}, new double[] {0.5, 0.5}).detailsPrefix())
                .isEqualTo("Random Distribution | ");
        assertThat(target(new String[] {"a"}, new double[] {1}).isSplit()).isFalse();
    }
}
