package dev.vexilla.engine.devcycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vexilla.model.ErrorKind;
import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.ResultDetail;
import dev.vexilla.model.ResultReason;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The fixtures of DevCycle's Java server SDK, evaluated with the values its {@code DevCycleLocalClientTest} expects
 * (java-server-sdk v2.9.7, {@code src/test/java/com/devcycle/sdk/server/local/DevCycleLocalClientTest.java}).
 */
final class JavaServerSdkFixturesTest {

    private static final String ALL_USERS_TARGET = "63125321d31c601f992288bc";

    private final DevCycleConfig small = Fixtures.config("java-server-sdk/fixture_small_config.json");

    private static ResultDetail detail(EvaluationResult r) {
        return Objects.requireNonNull(r.detail(), "detail");
    }

    @Test
    @DisplayName("variableTest: the email target serves variationOff, the all-users target variationOn")
    void variableTest() {
        EvaluationResult off =
                small.evaluate("string-var", TestUser.of("j_test").email("giveMeVariationOff@email.com"));
        EvaluationResult on = small.evaluate("string-var", TestUser.of("j_test").email("giveMeVariationOn@email.com"));

        assertThat(off.value()).isEqualTo("variationOff");
        assertThat(detail(off).reasonDetails()).isEqualTo("Email");
        assertThat(on.value()).isEqualTo("variationOn");
        assertThat(on.reason()).isEqualTo(ResultReason.TARGETING_MATCH);
        assertThat(detail(on).reasonDetails()).isEqualTo("All Users");
        assertThat(detail(on).targetId()).isEqualTo(ALL_USERS_TARGET);
    }

    @Test
    @DisplayName("variableBooleanValueTest, variableNumberValueTest, variableJsonValueTest")
    void typedValues() {
        TestUser user = TestUser.of("j_test").email("giveMeVariationOn@email.com");

        assertThat(small.evaluate("a-cool-new-feature", user).value()).isEqualTo(true);
        assertThat(small.evaluate("num-var", TestUser.of("j_test")).value()).isEqualTo(12345.0);
        Object json = small.evaluate("json-var", user).value();
        assertThat(json).isInstanceOf(Map.class);
        Map<?, ?> map = (Map<?, ?>) json;
        assertThat(map.get("displayText")).isEqualTo("This variation is on");
        assertThat(map.get("showDialog")).isEqualTo(true);
        assertThat(map.get("maxUsers")).isEqualTo(100);
        assertThat(detail(small.evaluate("json-var", user)).targetId()).isEqualTo(ALL_USERS_TARGET);
    }

    @Test
    @DisplayName("variableWithCustomData: custom data does not change the all-users match")
    void variableWithCustomData() {
        TestUser user = TestUser.of("j_test")
                .email("giveMeVariationOn@email.com")
                .custom("boolProp", true)
                .custom("intProp", 123)
                .custom("stringProp", "abc");

        EvaluationResult r = small.evaluate("string-var", user);

        assertThat(r.value()).isEqualTo("variationOn");
        assertThat(detail(r).reasonDetails()).isEqualTo("All Users");
    }

    @Test
    @DisplayName("SetClientCustomDataWithBucketingTest: client custom data makes the customData filter pass")
    void clientCustomDataBuckets() {
        DevCycleConfig config = Fixtures.config("java-server-sdk/fixture_small_config_custom_data_bucketing.json");
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("should-bucket", true);
        DevCycleConfig withClientData = config.withEnvironment(
                DevCycleEnvironment.builder().clientCustomData(client).build());

        EvaluationResult r = withClientData.evaluate("unicode-var", TestUser.of("j_test"));

        assertThat(r.value()).isEqualTo("↑↑↓↓←→←→BA 🤖");
        assertThat(r.reason()).isEqualTo(ResultReason.TARGETING_MATCH);
        assertThat(detail(r).reasonDetails()).isEqualTo("Custom Data -> should-bucket");
        assertThat(detail(r).targetId()).isEqualTo("638680d659f1b81cc9e6c5ab");
        assertThat(config.evaluate("unicode-var", TestUser.of("j_test")).isDefaulted())
                .isTrue();
    }

    @Test
    @DisplayName("variableTestNotInConfig: an unknown variable is FLAG_NOT_FOUND (DevCycle: defaulted)")
    void unknownVariable() {
        EvaluationResult r = small.evaluate("some-var-that-doesnt-exist", TestUser.of("j_test"));

        assertThat(r.errorKind()).isEqualTo(ErrorKind.FLAG_NOT_FOUND);
    }

    @Test
    @DisplayName("variableTestBadUser: a user without a user id cannot be evaluated")
    void badUser() {
        assertThat(small.evaluate("string-var", TestUser.of("")).errorKind())
                .isEqualTo(ErrorKind.TARGETING_KEY_MISSING);
        assertThat(small.evaluate("string-var", null).errorKind()).isEqualTo(ErrorKind.TARGETING_KEY_MISSING);
    }

    @Test
    @DisplayName("variableValueWithSpecialCharacters")
    void specialCharacters() {
        DevCycleConfig config = Fixtures.config("java-server-sdk/fixture_small_config_special_characters.json");

        assertThat(config.evaluate("string-var", TestUser.of("j_test").email("giveMeVariationOn@email.com"))
                        .value())
                .isEqualTo("öé \uD83D\uDC0D ¥ variationOn");
        assertThat(config.evaluate("string-var", TestUser.of("j_test").email("giveMeVariationOff@email.com"))
                        .value())
                .isEqualTo("öé \uD83D\uDC0D ¥ variationOff");
        Map<String, ResultDetail> features = new LinkedHashMap<>();
        config.evaluateFeatures(TestUser.of("j_test"), features::put);
        assertThat(features).hasSize(1);
    }

    @Test
    @DisplayName("allFeaturesTest and allVariablesTest")
    void allFeaturesAndVariables() {
        Map<String, ResultDetail> features = new LinkedHashMap<>();
        small.evaluateFeatures(TestUser.of("j_test"), features::put);
        Map<String, EvaluationResult> variables = new LinkedHashMap<>();
        small.evaluateAll(TestUser.of("j_test"), variables::put);

        assertThat(features).containsOnlyKeys("a-cool-new-feature");
        assertThat(features.get("a-cool-new-feature").featureId()).isEqualTo("62fbf6566f1ba302829f9e32");
        assertThat(variables).containsOnlyKeys("a-cool-new-feature", "json-var", "num-var", "string-var");
        variables.values().forEach(r -> assertThat(detail(r).featureId()).isEqualTo("62fbf6566f1ba302829f9e32"));
    }

    @Test
    @DisplayName("the large fixture parses without problems and serves every variable to a plain user")
    void largeFixture() {
        DevCycleConfig large = Fixtures.config("java-server-sdk/fixture_large_config.json");

        assertThat(large.problems()).isEmpty();
        assertThat(large.keys()).isNotEmpty();
        Map<String, EvaluationResult> all = new LinkedHashMap<>();
        large.evaluateAll(TestUser.of("j_test"), all::put);
        assertThat(all.values()).noneMatch(EvaluationResult::isError);
    }
}
