package dev.vexilla.bench.scenario;

import static dev.vexilla.bench.scenario.V6Json.ENDS_WITH_ANY_OF;
import static dev.vexilla.bench.scenario.V6Json.IS_ONE_OF;
import static dev.vexilla.bench.scenario.V6Json.NUMBER_GREATER;
import static dev.vexilla.bench.scenario.V6Json.NUMBER_GREATER_EQUALS;
import static dev.vexilla.bench.scenario.V6Json.SEMVER_GREATER_EQUALS;
import static dev.vexilla.bench.scenario.V6Json.SEMVER_LESS;
import static dev.vexilla.bench.scenario.V6Json.STARTS_WITH_ANY_OF;
import static dev.vexilla.bench.scenario.V6Json.TEXT_EQUALS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates a realistic mix of flags, and for each flag the value {@link BenchUsers#MAIN} must get.
 *
 * <p>Flag {@code n} is of kind {@code n % 10}: 0 static boolean, 1 static string, 2 static int, 3 static double,
 * 4 boolean with one text rule, 5 string with 20/30/50 percentage options, 6 int with a segment rule, 7 double with
 * a two-condition rule (number AND text), 8 string with a semver rule then a rule serving 50/50 percentage options,
 * 9 boolean with a prerequisite on the kind-0 flag of its decade. Within a kind, every other decade matches the
 * main user, so both outcomes are exercised. Segment 0 contains the main user; every other segment does not.
 */
final class MixedFlags {

    /** The number of kinds of flag, each index cycling through them. */
    static final int KINDS = 10;

    /** One generated flag: its key, its setting node, and the value the main user must get. */
    record Flag(String key, ObjectNode setting, Object expected) {}

    private final String keyPrefix;
    private final int segmentCount;
    private final List<Flag> flags = new ArrayList<>();

    private MixedFlags(String keyPrefix, int segmentCount) {
        this.keyPrefix = keyPrefix;
        this.segmentCount = segmentCount;
    }

    /**
     * Generates {@code count} flags.
     *
     * @param keyPrefix the prefix of every key
     * @param count how many flags
     * @param segmentCount how many segments the config defines (see {@link #segments(int)}), at least 1
     * @return the flags in index order
     */
    static List<Flag> generate(String keyPrefix, int count, int segmentCount) {
        MixedFlags gen = new MixedFlags(keyPrefix, segmentCount);
        for (int n = 0; n < count; n++) {
            gen.flags.add(gen.flag(n));
        }
        return gen.flags;
    }

    /**
     * Builds the segments: segment 0 holds paying plans (the main user is in it), segment 1 a partner domain, the
     * others two-condition regional segments nobody in the scenarios belongs to.
     *
     * @param count how many segments
     * @return the {@code s} array of the config
     */
    static ArrayNode segments(int count) {
        ArrayNode segments = V6Json.array();
        for (int j = 0; j < count; j++) {
            ObjectNode segment = segments.addObject();
            segment.put("n", j == 0 ? "Paying customers" : j == 1 ? "Partners" : "Region " + j);
            ArrayNode conditions = segment.putArray("r");
            if (j == 0) {
                conditions.add(condition(BenchUsers.PLAN, IS_ONE_OF, List.of("enterprise", "business")));
            } else if (j == 1) {
                conditions.add(condition(BenchUser.EMAIL, ENDS_WITH_ANY_OF, List.of("@partner.test")));
            } else {
                conditions.add(condition(BenchUser.COUNTRY, IS_ONE_OF, List.of("Region-" + j + "-a")));
                conditions.add(condition(BenchUsers.SEATS, NUMBER_GREATER, j));
            }
        }
        return segments;
    }

    /** A bare user condition, as segments hold them (not wrapped in {@code {"u": ...}}). */
    private static JsonNode condition(String attribute, int comparator, Object comparison) {
        return V6Json.userCondition(attribute, comparator, comparison).get("u");
    }

    private Flag flag(int n) {
        int kind = n % KINDS;
        boolean matches = (n / KINDS) % 2 == 0;
        String key = String.format("%s%05d_k%d", keyPrefix, n, kind);
        return switch (kind) {
            case 0 -> staticFlag(key, matches);
            case 1 -> staticFlag(key, "text-" + n);
            case 2 -> staticFlag(key, n * 3);
            case 3 -> staticFlag(key, n + 0.25);
            case 4 -> textRuleFlag(key, matches);
            case 5 -> percentageFlag(key);
            case 6 -> segmentFlag(key, n);
            case 7 -> twoConditionFlag(key, n, matches);
            case 8 -> semverThenSplitFlag(key, matches);
            default -> prerequisiteFlag(key, flags.get(n - 9), matches);
        };
    }

    private static Flag staticFlag(String key, Object value) {
        return new Flag(key, V6Json.setting(value, V6Json.variationId(key, "v")), value);
    }

    private static Flag textRuleFlag(String key, boolean matches) {
        ObjectNode setting = V6Json.setting(false, V6Json.variationId(key, "v"));
        List<String> suffixes = matches ? List.of("@example.com") : List.of("@other-" + key + ".test");
        setting.putArray("r")
                .add(V6Json.rule(
                        List.of(V6Json.userCondition(BenchUser.EMAIL, ENDS_WITH_ANY_OF, suffixes)),
                        true,
                        V6Json.variationId(key, "r0")));
        return new Flag(key, setting, matches);
    }

    private static Flag percentageFlag(String key) {
        int[] percentages = {20, 30, 50};
        Object[] values = {"small", "medium", "large"};
        ObjectNode setting = V6Json.setting("none", V6Json.variationId(key, "v"));
        setting.set("p", V6Json.options(key, percentages, values));
        int chosen = ReferenceBucketing.configCatOption(key, BenchUsers.MAIN.identifier(), percentages);
        return new Flag(key, setting, values[chosen]);
    }

    private Flag segmentFlag(String key, int n) {
        int segment = (n / KINDS) % segmentCount;
        ObjectNode setting = V6Json.setting(n, V6Json.variationId(key, "v"));
        setting.putArray("r")
                .add(V6Json.rule(
                        List.of(V6Json.segmentCondition(segment, 0)), 1000 + n, V6Json.variationId(key, "r0")));
        return new Flag(key, setting, segment == 0 ? 1000 + n : n);
    }

    private static Flag twoConditionFlag(String key, int n, boolean matches) {
        ObjectNode setting = V6Json.setting(n + 0.125, V6Json.variationId(key, "v"));
        setting.putArray("r")
                .add(V6Json.rule(
                        List.of(
                                V6Json.userCondition(BenchUsers.SEATS, NUMBER_GREATER_EQUALS, 10),
                                V6Json.userCondition(BenchUser.COUNTRY, TEXT_EQUALS, matches ? "Hungary" : "Atlantis")),
                        n + 0.5,
                        V6Json.variationId(key, "r0")));
        return new Flag(key, setting, matches ? n + 0.5 : n + 0.125);
    }

    private static Flag semverThenSplitFlag(String key, boolean matches) {
        ObjectNode setting = V6Json.setting("classic-ui", V6Json.variationId(key, "v"));
        ObjectNode semverCondition = matches
                ? V6Json.userCondition(BenchUsers.APP_VERSION, SEMVER_GREATER_EQUALS, "3.0.0")
                : V6Json.userCondition(BenchUsers.APP_VERSION, SEMVER_LESS, "1.0.0");
        int[] percentages = {50, 50};
        Object[] values = {"variant-a", "variant-b"};
        ArrayNode rules = setting.putArray("r");
        rules.add(V6Json.rule(List.of(semverCondition), "new-ui", V6Json.variationId(key, "r0")));
        rules.add(V6Json.ruleWithOptions(
                List.of(V6Json.userCondition(BenchUser.IDENTIFIER, STARTS_WITH_ANY_OF, List.of("bench-"))),
                V6Json.options(key, percentages, values)));
        Object expected = matches
                ? "new-ui"
                : values[ReferenceBucketing.configCatOption(key, BenchUsers.MAIN.identifier(), percentages)];
        return new Flag(key, setting, expected);
    }

    private static Flag prerequisiteFlag(String key, Flag prerequisite, boolean matches) {
        ObjectNode setting = V6Json.setting(false, V6Json.variationId(key, "v"));
        setting.putArray("r")
                .add(V6Json.rule(
                        List.of(V6Json.prerequisiteCondition(
                                prerequisite.key(), matches ? 0 : 1, prerequisite.expected())),
                        true,
                        V6Json.variationId(key, "r0")));
        return new Flag(key, setting, matches);
    }
}
