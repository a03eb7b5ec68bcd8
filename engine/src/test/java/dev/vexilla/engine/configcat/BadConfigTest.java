package dev.vexilla.engine.configcat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vexilla.engine.ConfigParseException;
import dev.vexilla.model.ErrorKind;
import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.ResultReason;
import dev.vexilla.model.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input: unusable documents fail with the JSON path; a broken flag fails alone while the others keep serving. */
final class BadConfigTest {

    private static final String GOOD = "\"good\":{\"t\":1,\"v\":{\"s\":\"fine\"}}";
    private static final User USER =
            User.builder().identifier("42").email("ada@example.com").build();

    private static ConfigCatConfig parse(String json) {
        return TestData.parse(json.replace('\'', '"'));
    }

    private static String flag(String body) {
        return "{'p':{'s':'salt'},'f':{" + GOOD.replace('"', '\'') + ",'bad':" + body + "}}";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "truncated JSON|{\"f\":{\"a\":{\"t\":0|| invalid JSON at line 1",
                "not JSON|hello||invalid JSON",
                "empty document|'   '||config JSON is empty",
                "array root|[1,2]||config JSON must be an object",
                "trailing garbage|{\"f\":{}} x||invalid JSON",
                "f is a string|{\"f\":\"x\"}|f|object expected, was STRING",
                "p is an array|{\"p\":[],\"f\":{}}|p|object expected, was ARRAY",
                "redirect out of range|{\"p\":{\"r\":7},\"f\":{}}|p.r|redirect mode must be 0, 1 or 2, was 7",
                "base URL not text|{\"p\":{\"u\":5},\"f\":{}}|p.u|string expected, was NUMBER",
                "segments not an array|{\"s\":{},\"f\":{}}|s|array expected, was OBJECT",
                "simple flags not an object|{\"flags\":[]}|flags|object expected, was ARRAY",
                "simple flag value is an object|{\"flags\":{\"x\":{}}}|flags.x|boolean, string or number expected"
            })
    void unusableDocumentFailsNamingThePath(String name, String json, String path, String reason) {
        assertThatThrownBy(() -> ConfigCatConfig.parse(json))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(((ConfigParseException) e).path()).isEqualTo(path == null ? "" : path));
    }

    @Test
    void deeplyNestedDocumentExceedsTheReadLimits() {
        String json = "{\"f\":" + "[".repeat(200) + "]".repeat(200) + "}";
        assertThatThrownBy(() -> ConfigCatConfig.parse(json))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("exceeds the read limits");
    }

    @Test
    void hugeStringExceedsTheReadLimits() {
        String json = "{\"f\":{\"x\":{\"t\":1,\"v\":{\"s\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}}}}";
        assertThatThrownBy(() -> ConfigCatConfig.parse(json))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("exceeds the read limits");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "unknown comparator|{'t':0,'r':[{'c':[{'u':{'a':'Email','c':99,'l':['x']}}],'s':{'v':{'b':true}}}],'v':{'b':false}}"
                        + "|f.bad.r[0].c[0].u.c: unknown comparator 99|Comparison operator is invalid.",
                "unknown setting type|{'t':7,'v':{'b':false}}|f.bad.t: unknown setting type 7|Setting type is invalid.",
                "setting type is text|{'t':'x','v':{'b':false}}|f.bad.t: unknown setting type \"x\"|Setting type is invalid.",
                "value of another type|{'t':1,'v':{'b':false}}|f.bad.v: no STRING value"
                        + "|Setting value is not of the expected type STRING.",
                "value missing|{'t':2}|f.bad.v: no INT value|Setting value is not of the expected type INT.",
                "setting not an object|[]|f.bad: setting must be an object|Setting is invalid.",
                "rules not an array|{'t':0,'r':5,'v':{'b':false}}|f.bad.r: array expected|Targeting rules are invalid.",
                "rule without THEN|{'t':0,'r':[{'c':[]}],'v':{'b':false}}|f.bad.r[0]: neither 's' nor 'p'"
                        + "|Targeting rule THEN part is missing or invalid.",
                "condition of no kind|{'t':0,'r':[{'c':[{}],'s':{'v':{'b':true}}}],'v':{'b':false}}"
                        + "|f.bad.r[0].c[0]: none of 'u', 's', 'p'|Condition is missing or invalid.",
                "segment index out of range|{'t':0,'r':[{'c':[{'s':{'s':3,'c':0}}],'s':{'v':{'b':true}}}],'v':{'b':false}}"
                        + "|f.bad.r[0].c[0].s.s: no segment 3|Segment reference is invalid.",
                "options under 100|{'t':0,'p':[{'p':0,'v':{'b':true}}],'v':{'b':false}}"
                        + "||Sum of percentage option percentages is less than 100.",
                "unknown prerequisite|{'t':0,'r':[{'c':[{'p':{'f':'nope','c':0,'v':{'b':true}}}],'s':{'v':{'b':true}}}],'v':{'b':false}}"
                        + "||Prerequisite flag key is missing or invalid.",
                "prerequisite value of another type|{'t':0,'r':[{'c':[{'p':{'f':'good','c':0,'v':{'b':true}}}],'s':{'v':{'b':true}}}],'v':{'b':false}}"
                        + "||Type mismatch between comparison value 'true' and prerequisite flag 'good'.",
                "self prerequisite|{'t':0,'r':[{'c':[{'p':{'f':'bad','c':0,'v':{'b':true}}}],'s':{'v':{'b':true}}}],'v':{'b':false}}"
                        + "||Circular dependency detected between the following depending flags: 'bad' -> 'bad'."
            })
    void brokenFlagFailsAloneWithWhereAndWhy(String name, String body, String problem, String message) {
        ConfigCatConfig config = parse(flag(body));

        EvaluationResult bad = config.evaluate("bad", USER);
        assertThat(bad.reason()).isEqualTo(ResultReason.ERROR);
        assertThat(bad.errorKind()).isEqualTo(ErrorKind.PARSE_ERROR);
        assertThat(bad.errorMessage()).startsWith(message);
        assertThat(config.evaluate("good", USER).value()).isEqualTo("fine");
        if (problem != null) {
            assertThat(bad.errorMessage()).contains(problem);
            assertThat(config.problems()).containsEntry("bad", problem);
            assertThatThrownBy(() -> ConfigCatConfig.parseStrict(flag(body).replace('\'', '"')))
                    .isInstanceOf(ConfigParseException.class)
                    .hasMessage(problem)
                    .satisfies(e -> assertThat(((ConfigParseException) e).path())
                            .isEqualTo(problem.substring(0, problem.indexOf(": "))));
        }
    }

    @Test
    void brokenRuleBehindAMatchingRuleIsNotReached() {
        ConfigCatConfig config = parse(flag("{'t':0,'r':["
                + "{'c':[{'u':{'a':'Email','c':2,'l':['@example.com']}}],'s':{'v':{'b':true}}},"
                + "{'c':[{'u':{'a':'Email','c':99,'l':['x']}}],'s':{'v':{'b':false}}}],'v':{'b':false}}"));

        assertThat(config.evaluate("bad", USER).value()).isEqualTo(true);
        assertThat(config.evaluate("bad", User.of("7")).errorKind()).isEqualTo(ErrorKind.PARSE_ERROR);
    }

    @Test
    void missingComparisonValueFailsOnlyOnceTheUserValueIsRead() {
        ConfigCatConfig config =
                parse(flag("{'t':0,'r':[{'c':[{'u':{'a':'Email','c':2}}],'s':{'v':{'b':true}}}],'v':{'b':false}}"));

        assertThat(config.evaluate("bad", User.of("7")).value()).isEqualTo(false);
        assertThat(config.evaluate("bad", USER).errorMessage())
                .isEqualTo("Comparison value is missing or invalid. (f.bad.r[0].c[0].u.l: string list expected)");
    }

    @Test
    void hashedComparatorWithoutSaltFailsThatFlag() {
        ConfigCatConfig config = TestData.parse(("{'f':{'h':{'t':0,'r':[{'c':[{'u':{'a':'Email','c':16,'l':['ab']}}],"
                        + "'s':{'v':{'b':true}}}],'v':{'b':false}}}}")
                .replace('\'', '"'));

        assertThat(config.evaluate("h", USER).errorMessage()).startsWith("Config JSON salt is missing.");
    }

    @Test
    void veryLongPrerequisiteChainFailsInsteadOfExhaustingTheStack() {
        StringBuilder json = new StringBuilder("{'f':{'f0':{'t':0,'v':{'b':true}}");
        for (int i = 1; i <= 2000; i++) {
            json.append(",'f")
                    .append(i)
                    .append("':{'t':0,'r':[{'c':[{'p':{'f':'f")
                    .append(i - 1)
                    .append("','c':0,'v':{'b':true}}}],'s':{'v':{'b':true}}}],'v':{'b':false}}");
        }
        ConfigCatConfig config = parse(json.append("}}").toString());

        assertThat(config.evaluate("f100", USER).value()).isEqualTo(true);
        assertThat(config.evaluate("f2000", USER).errorMessage())
                .startsWith("Prerequisite flag chain is deeper than 256");
    }

    @Test
    void prerequisiteCyclesAndMissingPrerequisitesAreReportedAsProblems() {
        ConfigCatConfig config = TestData.parse(TestData.read("local-overrides/test_circulardependency.json"));

        assertThat(config.problems())
                .containsEntry("key1", "f.key1: prerequisite cycle 'key1' -> 'key1'")
                .containsEntry("key2", "f.key2: prerequisite cycle 'key2' -> 'key3' -> 'key2'")
                .containsEntry("key3", "f.key3: prerequisite cycle 'key2' -> 'key3' -> 'key2'")
                .doesNotContainKey("key4");
        assertThat(parse(flag("{'t':0,'r':[{'c':[{'p':{'f':'nope','c':0,'v':{'b':true}}}],'s':{'v':{'b':true}}}],"
                                + "'v':{'b':false}}"))
                        .problems())
                .containsEntry("bad", "f.bad: prerequisite flag 'nope' is not in the config");
    }

    @Test
    void unknownKeyIsFlagNotFound() {
        EvaluationResult r = parse(flag("{'t':0,'v':{'b':true}}")).evaluate("missing", USER);

        assertThat(r.errorKind()).isEqualTo(ErrorKind.FLAG_NOT_FOUND);
        assertThat(r.errorMessage()).contains("'missing'");
    }
}
