package dev.vexilla.engine.configcat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vexilla.model.User;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class CompileContextTest {

    private static Map<String, Flag> compile(String json) throws Exception {
        return ConfigCompiler.compile(json.replace('\'', '"')).flags();
    }

    private static String ruleFlag(String key, String condition, String value) {
        return "'" + key + "':{'t':1,'r':[{'c':[" + condition + "],'s':{'v':{'s':'" + value + "'}}}],'v':{'s':'no'}}";
    }

    private static final String EMAIL_EXAMPLE = "{'u':{'a':'Email','c':32,'l':['@example.com']}}";

    @Test
    void flagKeysPrerequisiteKeysAndAttributeNamesAreTheCanonicalInstances() throws Exception {
        String json = "{'f':{'later':{'t':0,'v':{'b':true}},"
                + "'first':{'t':0,'r':[{'c':[{'p':{'f':'later','c':0,'v':{'b':true}}},"
                + "{'u':{'a':'someAttribute','c':28,'s':'x'}}],'s':{'v':{'b':true}}}],'v':{'b':false}}}}";

        Map<String, Flag> flags = compile(json);

        // Literals are canonical: a lookup by a literal key or attribute name matches on identity.
        assertThat(flags.get("later").key).isSameAs("later");
        Condition[] conditions = flags.get("first").rules[0].conditions;
        assertThat(((PrerequisiteCondition) conditions[0]).key).isSameAs("later");
        assertThat(((UserCondition) conditions[1]).attribute).isSameAs("someAttribute");
        assertThat(new CompileContext().canonical(new String("fresh"))).isSameAs("fresh");
    }

    @Test
    void equalUserConditionsAreCompiledOnceAndTheirArraysShared() throws Exception {
        String json =
                "{'f':{" + ruleFlag("a", EMAIL_EXAMPLE, "yes-a") + "," + ruleFlag("b", EMAIL_EXAMPLE, "yes-b") + "}}";

        Map<String, Flag> flags = compile(json);

        Rule a = flags.get("a").rules[0];
        Rule b = flags.get("b").rules[0];
        assertThat(b.conditions).isSameAs(a.conditions);
        assertThat(b.single).isSameAs(a.single).isSameAs(a.conditions[0]);
        ConfigCatConfig config = ConfigCatConfig.parse(json.replace('\'', '"'));
        User ada = User.builder().identifier("1").email("ada@example.com").build();
        assertThat(config.evaluate("a", ada).value()).isEqualTo("yes-a");
        assertThat(config.evaluate("b", ada).value()).isEqualTo("yes-b");
        assertThat(config.evaluate("b", User.builder().identifier("2").build()).value())
                .isEqualTo("no");
    }

    @Test
    void conditionsWithDifferentJsonAreNotShared() throws Exception {
        Map<String, Flag> flags = compile("{'f':{" + ruleFlag("a", EMAIL_EXAMPLE, "x") + ","
                + ruleFlag("b", "{'u':{'a':'Email','c':32,'l':['@other.test']}}", "x") + ","
                + ruleFlag("c", "{'u':{'a':'Email','c':33,'l':['@example.com']}}", "x") + "}}");

        Condition a = flags.get("a").rules[0].conditions[0];
        assertThat(flags.get("b").rules[0].conditions[0]).isNotSameAs(a);
        assertThat(flags.get("c").rules[0].conditions[0]).isNotSameAs(a);
    }

    @Test
    void multiConditionArraysAreSharedOnlyWhenEveryElementIs() throws Exception {
        String seats = "{'u':{'a':'Seats','c':15,'d':10}}";
        Map<String, Flag> flags = compile("{'f':{" + ruleFlag("a", seats + "," + EMAIL_EXAMPLE, "x") + ","
                + ruleFlag("b", seats + "," + EMAIL_EXAMPLE, "x") + ","
                + ruleFlag("c", EMAIL_EXAMPLE + "," + seats, "x") + "}}");

        Condition[] a = flags.get("a").rules[0].conditions;
        Condition[] c = flags.get("c").rules[0].conditions;
        assertThat(flags.get("b").rules[0].conditions).isSameAs(a);
        assertThat(c).isNotSameAs(a);
        assertThat(c[0]).isSameAs(a[1]);
        assertThat(c[1]).isSameAs(a[0]);
    }

    @Test
    void hashedConditionsAreSaltedPerFlagSoNotShared() throws Exception {
        // The digest of Email + config salt + flag key "a": the same condition JSON in flag "b" is salted with "b".
        String digest = Sha256.toHex(Sha256.digest("ada@example.com", "salta".getBytes(StandardCharsets.UTF_8)));
        String hashed = "{'u':{'a':'Email','c':16,'l':['" + digest + "']}}";
        String json =
                "{'p':{'s':'salt'},'f':{" + ruleFlag("a", hashed, "yes") + "," + ruleFlag("b", hashed, "yes") + "}}";
        Map<String, Flag> flags = compile(json);

        assertThat(flags.get("b").rules[0].conditions[0]).isNotSameAs(flags.get("a").rules[0].conditions[0]);
        ConfigCatConfig config = ConfigCatConfig.parse(json.replace('\'', '"'));
        User ada = User.builder().identifier("1").email("ada@example.com").build();
        assertThat(config.evaluate("a", ada).value()).isEqualTo("yes");
        assertThat(config.evaluate("b", ada).value()).isEqualTo("no");
    }

    @Test
    void brokenConditionsAreNotSharedSoEachFlagReportsItsOwnProblem() throws Exception {
        String noList = "{'u':{'a':'Email','c':32}}";
        ConfigCompiler compiled = ConfigCompiler.compile(
                ("{'f':{" + ruleFlag("a", noList, "x") + "," + ruleFlag("b", noList, "x") + "}}").replace('\'', '"'));

        assertThat(compiled.problems())
                .containsEntry("a", "f.a.r[0].c[0].u.l: string list expected")
                .containsEntry("b", "f.b.r[0].c[0].u.l: string list expected");
        assertThat(compiled.flags().get("b").rules[0].conditions[0])
                .isNotSameAs(compiled.flags().get("a").rules[0].conditions[0]);
    }

    @Test
    void segmentConditionsOnTheSameSegmentAndComparatorAreShared() throws Exception {
        String in = "{'s':{'s':0,'c':0}}";
        String notIn = "{'s':{'s':0,'c':1}}";
        Map<String, Flag> flags = compile("{'s':[{'n':'Staff','r':[{'a':'Email','c':32,'l':['@example.com']}]}],'f':{"
                + ruleFlag("a", in, "x") + "," + ruleFlag("b", in, "x") + "," + ruleFlag("c", notIn, "x") + "}}");

        Condition a = flags.get("a").rules[0].conditions[0];
        assertThat(a).isInstanceOf(SegmentCondition.class);
        assertThat(flags.get("b").rules[0].conditions[0]).isSameAs(a);
        SegmentCondition c = (SegmentCondition) flags.get("c").rules[0].conditions[0];
        assertThat(c).isNotSameAs(a);
        assertThat(c.negated).isTrue();
        assertThat(c.segment).isSameAs(((SegmentCondition) a).segment);
    }

    @Test
    void aPrerequisiteKeyIsTheSameStringAsThePrerequisiteFlagsKey() throws Exception {
        Map<String, Flag> flags = compile("{'f':{"
                + ruleFlag("dependent", "{'p':{'f':'base','c':0,'v':{'b':true}}}", "x")
                + ",'base':{'t':0,'v':{'b':true}}}}");

        PrerequisiteCondition p = (PrerequisiteCondition) flags.get("dependent").rules[0].conditions[0];
        assertThat(p.key).isSameAs(flags.get("base").key);
        assertThat(flags.get("dependent").prerequisiteKeys.get(0)).isSameAs(flags.get("base").key);
    }
}
