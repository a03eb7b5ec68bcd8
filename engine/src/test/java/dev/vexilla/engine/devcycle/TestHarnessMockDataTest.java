package dev.vexilla.engine.devcycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vexilla.model.ErrorKind;
import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.ObjectMappers;
import dev.vexilla.model.ResultDetail;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * DevCycle's cross-SDK test harness, local bucketing: its mock config, evaluated for the users of
 * {@code features/variable.local.test.ts}, {@code allVariables.local.test.ts} and {@code allFeatures.local.test.ts},
 * against its mock variables ({@code getMockedVariables} with feature ids and eval reasons) and features.
 */
final class TestHarnessMockDataTest {

    private static final JsonNode MOCK = Fixtures.json("test-harness/mock-data.json");
    private static final DevCycleConfig CONFIG = Fixtures.parse(MOCK.get("config"));

    private static TestUser bucketedUser() {
        return TestUser.of("test_user").email("user@gmail.com").custom("should-bucket", true);
    }

    private static Object expectedValue(JsonNode variable) {
        JsonNode value = variable.get("value");
        return "Number".equals(variable.get("type").textValue())
                ? (Object) value.doubleValue()
                : Objects.requireNonNull(ObjectMappers.shared().convertValue(value, Object.class));
    }

    @Test
    @DisplayName("allVariables.local: should return a variable map for a bucketed user")
    void allVariablesForABucketedUser() {
        Map<String, EvaluationResult> all = new LinkedHashMap<>();
        CONFIG.evaluateAll(bucketedUser(), all::put);

        List<String> keys = new ArrayList<>();
        MOCK.get("variables").fieldNames().forEachRemaining(keys::add);
        assertThat(all.keySet()).containsExactlyInAnyOrderElementsOf(keys);
        for (String key : keys) {
            JsonNode expected = MOCK.get("variables").get(key);
            EvaluationResult r = all.get(key);
            ResultDetail d = Objects.requireNonNull(r.detail());
            assertThat(r.value()).as(key).isEqualTo(expectedValue(expected));
            assertThat(d.featureId()).as(key).isEqualTo(expected.get("_feature").textValue());
            assertThat(d.reason().name())
                    .as(key)
                    .isEqualTo(expected.get("eval").get("reason").textValue());
            assertThat(d.reasonDetails())
                    .as(key)
                    .isEqualTo(expected.get("eval").get("details").textValue());
            assertThat(d.targetId())
                    .as(key)
                    .isEqualTo(expected.get("eval").get("target_id").textValue());
        }
    }

    @Test
    @DisplayName("allFeatures.local: should return a feature map for a bucketed user")
    void allFeaturesForABucketedUser() {
        Map<String, ResultDetail> features = new LinkedHashMap<>();
        CONFIG.evaluateFeatures(bucketedUser(), features::put);

        List<String> keys = new ArrayList<>();
        MOCK.get("features").fieldNames().forEachRemaining(keys::add);
        assertThat(features.keySet()).containsExactlyInAnyOrderElementsOf(keys);
        for (String key : keys) {
            JsonNode expected = MOCK.get("features").get(key);
            ResultDetail d = features.get(key);
            assertThat(d.featureId()).isEqualTo(expected.get("_id").textValue());
            assertThat(d.featureType()).isEqualTo(expected.get("type").textValue());
            assertThat(d.variationId()).isEqualTo(expected.get("_variation").textValue());
            assertThat(d.variationName())
                    .isEqualTo(expected.get("variationName").textValue());
            assertThat(d.variationKey()).isEqualTo(expected.get("variationKey").textValue());
        }
    }

    @Test
    @DisplayName("variable.local: a targeted user gets each variable's value, an untargeted one the default")
    void variablesForTargetedAndUntargetedUsers() {
        for (String key : new String[] {"bool-var", "string-var", "number-var", "json-var", "unicode-var"}) {
            JsonNode expected = MOCK.get("variables").get(key);

            EvaluationResult targeted = CONFIG.evaluate(key, bucketedUser());
            EvaluationResult untargeted =
                    CONFIG.evaluate(key, TestUser.of("test_user").email("user@gmail.com"));

            assertThat(targeted.value()).as(key).isEqualTo(expectedValue(expected));
            assertThat(targeted.variationId()).as(key).isEqualTo("variation-on");
            assertThat(untargeted.isDefaulted()).as(key).isTrue();
            assertThat(Objects.requireNonNull(untargeted.detail()).reasonDetails())
                    .isEqualTo(ResultDetail.USER_NOT_TARGETED);
        }
        assertThat(CONFIG.evaluate("unicode-var", bucketedUser()).value()).isEqualTo("↑↑↓↓←→←→BA 🤖");
        assertThat(CONFIG.evaluate("nonexistent", bucketedUser()).errorKind()).isEqualTo(ErrorKind.FLAG_NOT_FOUND);
    }

    @Test
    @DisplayName("clientCustomData: setClientCustomData makes the customData filter pass")
    void clientCustomDataMakesTheFilterPass() {
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("should-bucket", true);
        DevCycleConfig withClientData = CONFIG.withEnvironment(
                DevCycleEnvironment.builder().clientCustomData(client).build());

        assertThat(withClientData.evaluate("string-var", TestUser.of("user1")).value())
                .isEqualTo("string");
        assertThat(CONFIG.evaluate("string-var", TestUser.of("user1")).isDefaulted())
                .isTrue();
    }
}
