package dev.vexilla.engine.devcycle;

/**
 * A target's rollout: which share of the users the target takes at a given instant (DevCycle's
 * {@code getCurrentRolloutPercentage}).
 *
 * <ul>
 *   <li>{@code schedule}: everyone from the start date on, no one before.
 *   <li>{@code gradual} and {@code stepped} (one rule): the current stage is the last stage, in array order, whose
 *       date has come; the next stage is the first, in array order, whose date is still ahead. With no current stage
 *       but a start date in the past, the start acts as a discrete stage at {@code startPercentage}. No current
 *       stage: 0. No next stage, or a discrete one: the current stage's percentage. A linear next stage:
 *       {@code (current + (next - current)) * f}, where {@code f} is the elapsed fraction between the two dates
 *       (DevCycle's formula, which equals {@code next * f}); {@code f == 0} gives 0.
 * </ul>
 *
 * <p>A user passes when the percentage is not 0 and the user's rollout hash is at most the percentage.
 */
final class Rollout {

    enum Type {
        SCHEDULE,
        GRADUAL,
        STEPPED
    }

    private final Type type;
    private final long startMillis;
    private final double startPercentage;
    private final long[] stageMillis;
    private final double[] stagePercentages;
    private final boolean[] stageLinear;

    Rollout(
            Type type,
            long startMillis,
            double startPercentage,
            long[] stageMillis,
            double[] stagePercentages,
            boolean[] stageLinear) {
        this.type = type;
        this.startMillis = startMillis;
        this.startPercentage = startPercentage;
        this.stageMillis = stageMillis;
        this.stagePercentages = stagePercentages;
        this.stageLinear = stageLinear;
    }

    /**
     * Returns the share of users the rollout takes at an instant.
     *
     * @param now the instant, in epoch milliseconds
     * @return the percentage as a fraction, normally in [0, 1]
     */
    double percentage(long now) {
        if (type == Type.SCHEDULE) {
            return now >= startMillis ? 1 : 0;
        }
        int current = -1;
        int next = -1;
        for (int i = 0; i < stageMillis.length; i++) {
            if (stageMillis[i] <= now) {
                current = i;
            } else if (next < 0) {
                next = i;
            }
        }
        long currentMillis;
        double currentPercentage;
        if (current >= 0) {
            currentMillis = stageMillis[current];
            currentPercentage = stagePercentages[current];
        } else if (startMillis < now) {
            currentMillis = startMillis;
            currentPercentage = startPercentage;
        } else {
            return 0;
        }
        if (next < 0 || !stageLinear[next]) {
            return currentPercentage;
        }
        double fraction = (double) (now - currentMillis) / (double) (stageMillis[next] - currentMillis);
        if (fraction == 0) {
            return 0;
        }
        return (currentPercentage + (stagePercentages[next] - currentPercentage)) * fraction;
    }

    /**
     * Tells whether a user with this rollout hash passes at an instant.
     *
     * @param rolloutHash the user's bounded rollout hash
     * @param now the instant, in epoch milliseconds
     * @return whether the user passes
     */
    boolean passes(double rolloutHash, long now) {
        double p = percentage(now);
        return p != 0 && rolloutHash <= p;
    }
}
