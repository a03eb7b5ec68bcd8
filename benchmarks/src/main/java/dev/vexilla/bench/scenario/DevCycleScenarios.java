package dev.vexilla.bench.scenario;

import java.util.List;
import java.util.Map;

/**
 * The variable keys of the DevCycle scenarios (d1 to d5) and the values the scenario users must get.
 *
 * <p>Variable keys follow DevCycle's key pattern ({@code ^[a-z0-9-_.]+$}); the benchmark methods are named
 * {@code d1_bool}, {@code d2_oneAudience}, {@code d3_split}, {@code d4_tenTargets} and {@code d5_allVariables100}.
 */
public final class DevCycleScenarios {

    /** d1: a Boolean variable served to all users (one target, audience {@code all}); serves {@link #D1_EXPECTED}. */
    public static final String D1_BOOL = "d1-bool";

    /** d2: a Boolean variable of a feature with one target, audience {@code email endWith ["@example.com"]}. */
    public static final String D2_ONE_AUDIENCE = "d2-one-audience";

    /** d3: a Boolean variable of a feature whose one target splits users 50/50 by user id. */
    public static final String D3_SPLIT = "d3-split";

    /** d4: a String variable of a feature with ten one-filter targets; only the tenth matches the main user. */
    public static final String D4_TEN_TARGETS = "d4-ten-targets";

    /** d5: the name of the all-variables scenario (every variable of the scenario config at once). */
    public static final String D5_ALL_VARIABLES = "d5_allVariables100";

    /** The value of d1 for every user. */
    public static final boolean D1_EXPECTED = true;

    /** The value of d2 for the main user. */
    public static final boolean D2_EXPECTED = true;

    /** The value of d4 for the main user: the tenth target's. */
    public static final String D4_EXPECTED = "target10";

    /** The number of variables in the scenario config, d1 to d4 included. */
    public static final int VARIABLE_COUNT = 100;

    /** The number of features in the config of the parse benchmark. */
    public static final int LARGE_FEATURE_COUNT = 1_000;

    private DevCycleScenarios() {}

    /**
     * Returns the value of d3 for a user under DevCycle's bucketing ({@link ReferenceBucketing}).
     *
     * @param userId the user id
     * @return the value
     */
    public static boolean d3Expected(String userId) {
        return (Boolean) DevCycleScenarioFeatures.D3.servedValues(userId).get(D3_SPLIT);
    }

    /**
     * Returns, per OpenFeature scenario, the distinct context attributes its targets read for the main user: what any
     * provider evaluating these targets must read at least once. {@link Scenarios#TARGETING_KEY} stands for the
     * targeting key (DevCycle's user id).
     *
     * @return variable key to attribute names, in target order
     */
    public static Map<String, List<String>> attributesRead() {
        return Map.of(
                D1_BOOL, List.of(),
                D2_ONE_AUDIENCE, List.of(DevCycleBenchUser.EMAIL),
                D3_SPLIT, List.of(Scenarios.TARGETING_KEY),
                D4_TEN_TARGETS, DevCycleScenarioFeatures.D4_ATTRIBUTES);
    }
}
