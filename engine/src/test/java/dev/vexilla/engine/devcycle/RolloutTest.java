package dev.vexilla.engine.devcycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Rollout percentages at fixed instants, for every rollout type and stage type. */
final class RolloutTest {

    private static final long DAY = 86_400_000L;
    private static final long T0 = Instant.parse("2026-03-01T00:00:00Z").toEpochMilli();

    private static Rollout gradual(double start, long startAt, long[] dates, double[] percentages, boolean[] linear) {
        return new Rollout(Rollout.Type.GRADUAL, startAt, start, dates, percentages, linear);
    }

    @Test
    void scheduleIsZeroBeforeTheStartAndOneFromItOn() {
        Rollout r = new Rollout(Rollout.Type.SCHEDULE, T0, 0.3, new long[0], new double[0], new boolean[0]);

        assertThat(r.percentage(T0 - 1)).isZero();
        assertThat(r.percentage(T0)).isEqualTo(1.0);
        assertThat(r.passes(1.0, T0)).isTrue();
        assertThat(r.passes(0.0, T0 - 1)).isFalse();
    }

    @Test
    void gradualLinearGrowsWithTheElapsedFractionToTheNextStage() {
        Rollout r = gradual(0, T0, new long[] {T0 + 10 * DAY}, new double[] {1.0}, new boolean[] {true});

        assertThat(r.percentage(T0 - DAY)).as("before the start").isZero();
        assertThat(r.percentage(T0 + DAY)).isCloseTo(0.1, within(1e-12));
        assertThat(r.percentage(T0 + 5 * DAY)).isCloseTo(0.5, within(1e-12));
        assertThat(r.percentage(T0 + 10 * DAY)).as("at the stage").isEqualTo(1.0);
        assertThat(r.percentage(T0 + 20 * DAY)).as("after the last stage").isEqualTo(1.0);
    }

    @Test
    void linearUsesDevCyclesFormulaWhichIgnoresTheCurrentPercentage() {
        // (current + (next - current)) * f == next * f: 0.5 + (0.9 - 0.5) at a quarter of the way gives 0.225.
        Rollout r = gradual(0, T0, new long[] {T0, T0 + 4 * DAY}, new double[] {0.5, 0.9}, new boolean[] {false, true});

        assertThat(r.percentage(T0 + DAY)).isCloseTo(0.225, within(1e-12));
    }

    @Test
    void discreteNextStageKeepsTheCurrentPercentageUntilItsDate() {
        Rollout r = gradual(0.25, T0, new long[] {T0 + DAY}, new double[] {0.75}, new boolean[] {false});

        assertThat(r.percentage(T0 + 1)).as("start acts as a discrete stage").isEqualTo(0.25);
        assertThat(r.percentage(T0 + DAY - 1)).isEqualTo(0.25);
        assertThat(r.percentage(T0 + DAY)).isEqualTo(0.75);
    }

    @Test
    void steppedUsesTheLastStageInArrayOrderWhoseDateHasCome() {
        Rollout r = new Rollout(
                Rollout.Type.STEPPED,
                T0 - 3 * DAY,
                0,
                new long[] {T0 - 2 * DAY, T0 - DAY, T0 + DAY},
                new double[] {0.25, 0.5, 0.75},
                new boolean[] {false, false, false});

        assertThat(r.percentage(T0)).isEqualTo(0.5);
        assertThat(r.passes(0.5, T0)).isTrue();
        assertThat(r.passes(0.51, T0)).isFalse();
    }

    @Test
    void atTheStartInstantTheStartIsNotYetAStage() {
        Rollout r = gradual(0.4, T0, new long[0], new double[0], new boolean[0]);

        assertThat(r.percentage(T0)).as("startDate < now is required").isZero();
        assertThat(r.percentage(T0 + 1)).isEqualTo(0.4);
    }

    @Test
    void aZeroPercentageLetsNoOneThroughEvenWithAZeroHash() {
        Rollout r = gradual(0, T0 - DAY, new long[0], new double[0], new boolean[0]);

        assertThat(r.passes(0.0, T0)).isFalse();
    }
}
