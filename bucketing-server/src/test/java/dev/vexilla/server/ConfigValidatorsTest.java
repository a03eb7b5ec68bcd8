package dev.vexilla.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

final class ConfigValidatorsTest {
    private static InvalidConfigException reject(String json) {
        try {
            ConfigValidators.jsonShape().compile("c", json.getBytes(StandardCharsets.UTF_8));
        } catch (InvalidConfigException e) {
            return e;
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void acceptsAConfigV6AndReturnsItsTree() throws Exception {
        byte[] json = "{\"p\":{\"s\":\"x\"},\"s\":[],\"f\":{\"a\":{\"v\":{\"b\":true}}}}".getBytes();

        assertThat(ConfigValidators.jsonShape()
                        .compile("c", json)
                        .at("/f/a/v/b")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void acceptsConfigCatsOwnSampleConfigs() throws Exception {
        for (String name : new String[] {"Segment", "PrerequisiteFlag", "SemverValidation", "Comparators"}) {
            try (java.io.InputStream in = getClass().getResourceAsStream("/configcat-kotlin-sdk/" + name + ".json")) {
                assertThat(in).as(name).isNotNull();
                JsonNode compiled = ConfigValidators.jsonShape().compile(name, in.readAllBytes());
                assertThat(compiled.get("f").size()).as(name).isPositive();
            }
        }
    }

    @Test
    void shapeErrors_carryTheJsonPath() {
        assertThat(reject("[]").jsonPath()).isEqualTo("$");
        assertThat(reject("{}").jsonPath()).isEqualTo("$.f");
        assertThat(reject("{\"f\":[]}").reason()).contains("must be an object, was array");
        assertThat(reject("{\"f\":{\"flag\":3}}").jsonPath()).isEqualTo("$.f.flag");
        assertThat(reject("{\"f\":{},\"p\":1}").jsonPath()).isEqualTo("$.p");
        assertThat(reject("{\"f\":{},\"s\":{}}").jsonPath()).isEqualTo("$.s");
    }

    @Test
    void malformedJson_givesThePathWhereParsingStopped() {
        InvalidConfigException e = reject("{\"f\":{\"flag\":{\"r\":[{\"c\":[1,}]}}}");

        assertThat(e.jsonPath()).startsWith("$.f.flag.r[0].c");
        assertThat(e.reason()).contains("malformed JSON").contains("line 1");
        assertThat(e.getMessage()).endsWith("at " + e.jsonPath());
    }

    @Test
    void emptyOrTrailingContent_isRejected() {
        assertThat(reject("").reason()).contains("empty");
        assertThat(reject("{\"f\":{}} {}").reason()).contains("after the JSON document");
    }

    @Test
    void deepNesting_isRejectedNotAStackOverflow() {
        assertThatThrownBy(() -> ConfigValidators.jsonShape()
                        .compile("c", ("{\"f\":" + "[".repeat(5000) + "]".repeat(5000) + "}").getBytes()))
                .isInstanceOf(InvalidConfigException.class);
    }

    private static InvalidConfigException rejectByEngine(byte[] json) {
        try {
            ConfigValidators.engine().compile("c", json);
        } catch (InvalidConfigException e) {
            return e;
        }
        throw new AssertionError("accepted by the engine");
    }

    @Test
    void engine_compilesAConfigReadyToEvaluate() throws Exception {
        dev.vexilla.engine.FlagConfig config =
                ConfigValidators.engine().compile("c", TestServers.MINIMAL_CONFIG.getBytes(StandardCharsets.UTF_8));

        assertThat(config.keys()).containsExactly("flag");
        assertThat(config.evaluate("flag", null).value()).isEqualTo(true);
        assertThat(config.evaluate("flag", null).variationId()).isEqualTo("v1");
    }

    @Test
    void engine_rejectsBrokenDocumentsWithADollarJsonPath() {
        InvalidConfigException notJson = rejectByEngine("{\"f\":".getBytes(StandardCharsets.UTF_8));
        assertThat(notJson.jsonPath()).startsWith("$");

        InvalidConfigException wrongType = rejectByEngine("{\"f\":[]}".getBytes(StandardCharsets.UTF_8));
        assertThat(wrongType.jsonPath()).isEqualTo("$.f");
        assertThat(wrongType.reason()).doesNotStartWith("f:");

        InvalidConfigException notUtf8 = rejectByEngine(new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'});
        assertThat(notUtf8.reason()).contains("UTF-8");
    }

    @Test
    void engine_keepsAConfigWithOneBrokenFlag_thatFlagFailsAlone() throws Exception {
        dev.vexilla.engine.FlagConfig config = ConfigValidators.engine()
                .compile("shop", EvaluationFixtures.shopConfig().getBytes(StandardCharsets.UTF_8));

        assertThat(config.evaluate(EvaluationFixtures.BROKEN_FLAG, dev.vexilla.model.User.of("u"))
                        .errorKind())
                .isEqualTo(dev.vexilla.model.ErrorKind.PARSE_ERROR);
        assertThat(config.evaluate("checkoutEnabled", null).value()).isEqualTo(true);
    }

    @Test
    void dollarPath_prefixesEnginePaths() {
        assertThat(ConfigValidators.dollarPath("")).isEqualTo("$");
        assertThat(ConfigValidators.dollarPath("f.a.r[0]")).isEqualTo("$.f.a.r[0]");
        assertThat(ConfigValidators.dollarPath("[2]")).isEqualTo("$[2]");
        assertThat(ConfigValidators.dollarPath("$.p")).isEqualTo("$.p");
    }

    @Test
    void engine_compilesDevCycleConfigV2BesideV6() throws Exception {
        dev.vexilla.engine.FlagConfig config =
                ConfigValidators.engine().compile("dc", DevCycleFixtures.CONFIG.getBytes(StandardCharsets.UTF_8));

        assertThat(config.model()).isEqualTo(dev.vexilla.engine.FlagModel.DEVCYCLE_V2);
        assertThat(config.keys()).contains("checkout-enabled", "canada-banner");
    }

    @Test
    void engine_rejectsABrokenDevCycleDocumentWithItsJsonPath() {
        String broken = DevCycleFixtures.CONFIG.replace("\"key\": \"development\"", "\"key\": 7");

        InvalidConfigException e = rejectByEngine(broken.getBytes(StandardCharsets.UTF_8));

        assertThat(e.jsonPath()).isEqualTo("$.environment.key");
    }

    @Test
    void engine_keepsADevCycleConfigWithABrokenFeature_logsOneWarnPerFeature() throws Exception {
        String broken = DevCycleFixtures.CONFIG.replace("\"type\": \"experiment\"", "\"type\": \"mystery\"");

        dev.vexilla.engine.FlagConfig config =
                ConfigValidators.engine().compile("dc-broken-feature", broken.getBytes(StandardCharsets.UTF_8));

        assertThat(config.evaluate("canada-banner", dev.vexilla.model.User.of("u"))
                        .errorKind())
                .isEqualTo(dev.vexilla.model.ErrorKind.PARSE_ERROR);
        assertThat(config.evaluate("checkout-enabled", dev.vexilla.model.User.of("u"))
                        .isError())
                .isFalse();
        String logs = TestLogs.text();
        assertThat(logs.lines().filter(line -> line.contains("Config 'dc-broken-feature'")))
                .hasSize(1)
                .allMatch(line -> line.contains("[canada-banner]") && line.contains("features[1]"));
    }

    @Test
    void brokenFeatures_groupsTheVariablesOfOneProblem() {
        assertThat(ConfigValidators.brokenFeatures(
                        java.util.Map.of("a", "features[0].x: bad", "b", "features[0].x: bad", "c", "features[2]: y")))
                .containsExactly(
                        java.util.Map.entry("features[0].x: bad", java.util.List.of("a", "b")),
                        java.util.Map.entry("features[2]: y", java.util.List.of("c")));
    }
}
