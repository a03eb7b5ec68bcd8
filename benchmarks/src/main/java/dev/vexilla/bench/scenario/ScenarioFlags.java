package dev.vexilla.bench.scenario;

import static dev.vexilla.bench.scenario.V6Json.CONTAINS_ANY_OF;
import static dev.vexilla.bench.scenario.V6Json.ENDS_WITH_ANY_OF;
import static dev.vexilla.bench.scenario.V6Json.IS_ONE_OF;
import static dev.vexilla.bench.scenario.V6Json.NUMBER_GREATER;
import static dev.vexilla.bench.scenario.V6Json.NUMBER_LESS_EQUALS;
import static dev.vexilla.bench.scenario.V6Json.SEMVER_GREATER_EQUALS;
import static dev.vexilla.bench.scenario.V6Json.SEMVER_IS_ONE_OF;
import static dev.vexilla.bench.scenario.V6Json.SEMVER_LESS;
import static dev.vexilla.bench.scenario.V6Json.STARTS_WITH_ANY_OF;
import static dev.vexilla.bench.scenario.V6Json.TEXT_EQUALS;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The four single-flag scenarios in ConfigCat config v6 form; {@link FlagdConfigs} holds their flagd twins.
 */
final class ScenarioFlags {

    /** One rule of s4: attribute, comparator id, comparison value ({@code String}, {@code Number} or list). */
    record Rule(String attribute, int comparator, Object comparison) {}

    /** The ten rules of s4, in order; only the last matches {@link BenchUsers#MAIN}. */
    static final List<Rule> S4_RULES = List.of(
            new Rule(BenchUser.EMAIL, ENDS_WITH_ANY_OF, List.of("@competitor.com", "@rival.org")),
            new Rule(BenchUser.COUNTRY, IS_ONE_OF, List.of("Germany", "France", "Austria")),
            new Rule(BenchUsers.PLAN, TEXT_EQUALS, "free"),
            new Rule(BenchUsers.SEATS, NUMBER_GREATER, 100),
            new Rule(BenchUsers.APP_VERSION, SEMVER_LESS, "2.0.0"),
            new Rule(BenchUser.IDENTIFIER, STARTS_WITH_ANY_OF, List.of("admin-", "test-")),
            new Rule(BenchUsers.ACCOUNT_AGE_DAYS, NUMBER_LESS_EQUALS, 7),
            new Rule(BenchUser.EMAIL, CONTAINS_ANY_OF, List.of("+test", "qa.")),
            new Rule(BenchUsers.APP_VERSION, SEMVER_IS_ONE_OF, List.of("3.0.0", "3.1.0")),
            new Rule(BenchUsers.APP_VERSION, SEMVER_GREATER_EQUALS, "3.0.0"));

    private ScenarioFlags() {}

    /** Adds s1 to s4 to the {@code f} object of a config. */
    static void addTo(ObjectNode flags) {
        flags.set(Scenarios.S1_BOOL, V6Json.setting(Scenarios.S1_EXPECTED, V6Json.variationId(Scenarios.S1_BOOL, "v")));
        flags.set(Scenarios.S2_ONE_RULE, s2());
        flags.set(Scenarios.S3_ROLLOUT, s3());
        flags.set(Scenarios.S4_TEN_RULES, s4());
    }

    private static ObjectNode s2() {
        String key = Scenarios.S2_ONE_RULE;
        ObjectNode setting = V6Json.setting(false, V6Json.variationId(key, "v"));
        setting.putArray("r")
                .add(V6Json.rule(
                        List.of(V6Json.userCondition(BenchUser.EMAIL, ENDS_WITH_ANY_OF, List.of("@example.com"))),
                        true,
                        V6Json.variationId(key, "r0")));
        return setting;
    }

    private static ObjectNode s3() {
        String key = Scenarios.S3_ROLLOUT;
        ObjectNode setting = V6Json.setting(false, V6Json.variationId(key, "v"));
        setting.set("p", V6Json.options(key, new int[] {50, 50}, new Object[] {true, false}));
        return setting;
    }

    private static ObjectNode s4() {
        String key = Scenarios.S4_TEN_RULES;
        ObjectNode setting = V6Json.setting(Scenarios.S4_DEFAULT, V6Json.variationId(key, "v"));
        ArrayNode rules = setting.putArray("r");
        for (int i = 0; i < S4_RULES.size(); i++) {
            Rule r = S4_RULES.get(i);
            rules.add(V6Json.rule(
                    List.of(V6Json.userCondition(r.attribute(), r.comparator(), r.comparison())),
                    "rule" + (i + 1),
                    V6Json.variationId(key, "r" + i)));
        }
        return setting;
    }
}
