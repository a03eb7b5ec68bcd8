package dev.vexilla.bench.scenario;

/**
 * The flag keys of the scenarios and the values the main user must get.
 *
 * <p>The keys equal the JMH benchmark method names, so a results table lines up by scenario.
 */
public final class Scenarios {

    /** s1: a boolean flag without rules; serves {@link #S1_EXPECTED}. */
    public static final String S1_BOOL = "s1_bool";

    /** s2: one rule "Email ENDS WITH ANY OF ['@example.com']" serving {@code true}, default {@code false}. */
    public static final String S2_ONE_RULE = "s2_oneRule";

    /** s3: 50/50 boolean percentage options over the identifier; evaluated for the rollout users. */
    public static final String S3_ROLLOUT = "s3_rollout";

    /** s4: a string flag with ten rules over different attributes; only the tenth matches the main user. */
    public static final String S4_TEN_RULES = "s4_tenRules";

    /** s5: the name of the all-flags scenario (every flag of the scenario config at once). */
    public static final String S5_ALL_FLAGS_100 = "s5_allFlags100";

    /** The value of s1 for every user. */
    public static final boolean S1_EXPECTED = true;

    /** The value of s2 for the main user. */
    public static final boolean S2_EXPECTED = true;

    /** The value of s4 for the main user: the tenth rule's. */
    public static final String S4_EXPECTED = "rule10";

    /** The value s4 serves when no rule matches. */
    public static final String S4_DEFAULT = "none";

    /** The number of flags in the scenario config, s1 to s4 included. */
    public static final int FLAG_COUNT = 100;

    /** The number of flags in the config of the parse benchmark. */
    public static final int LARGE_FLAG_COUNT = 10_000;

    /** The name in {@link #attributesRead()} that stands for the context's targeting key (ConfigCat's Identifier). */
    public static final String TARGETING_KEY = "targetingKey";

    private Scenarios() {}

    /**
     * Returns, per OpenFeature scenario, the distinct context attributes its rules read for the main user: what any
     * provider evaluating these rules must read at least once. {@link #TARGETING_KEY} stands for the targeting key.
     *
     * @return scenario key to attribute names, in rule order
     */
    public static java.util.Map<String, java.util.List<String>> attributesRead() {
        return java.util.Map.of(
                S1_BOOL, java.util.List.of(),
                S2_ONE_RULE, java.util.List.of("Email"),
                S3_ROLLOUT, java.util.List.of(TARGETING_KEY),
                S4_TEN_RULES,
                        java.util.List.of(
                                "Email", "Country", "plan", "seats", "appVersion", TARGETING_KEY, "accountAgeDays"));
    }

    /**
     * Returns the value of s3 for a user under ConfigCat's bucketing (option 0 is {@code true}).
     *
     * @param identifier the user's identifier
     * @return the value
     */
    public static boolean s3ExpectedConfigCat(String identifier) {
        return ReferenceBucketing.configCatOption(S3_ROLLOUT, identifier, 50, 50) == 0;
    }

    /**
     * Returns the value of s3 for a user under flagd's {@code fractional} (bucket 0 is {@code true}).
     *
     * @param identifier the user's identifier (targeting key)
     * @return the value
     */
    public static boolean s3ExpectedFlagd(String identifier) {
        return ReferenceBucketing.flagdFractional(S3_ROLLOUT, identifier, 50, 50) == 0;
    }
}
