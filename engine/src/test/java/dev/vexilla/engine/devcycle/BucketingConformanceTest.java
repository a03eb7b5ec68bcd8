package dev.vexilla.engine.devcycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.ObjectMappers;
import dev.vexilla.model.ResultDetail;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * DevCycle's bucketing unit tests ({@code bucketing.test.ts} at js-sdks HEAD), case by case: every
 * {@code generateBucketedConfig}, {@code variableForUser} and {@code doesUserPassRollout} call with the config, user,
 * platform data and client custom data it ran with and the value its assertion expects, extracted into
 * {@code devcycle/js-sdks/bucketing-cases.json} with the clock pinned at {@code now}. A bucketed config is compared with
 * {@link DevCycleConfig#evaluateFeatures} and {@link DevCycleConfig#evaluateAll}; a variable with
 * {@link DevCycleConfig#evaluate}; a rollout with {@link Rollout#passes}. The tests that compare two bucketings with
 * each other ({@code bucketingKey tests}) are ported by hand in {@link BucketingHandPortedTest}.
 *
 * <p>Where DevCycle throws for the whole call (a distribution that does not cover the user, a missing variation or
 * variable), this engine fails only the broken part: the check is that the feature with the broken target or
 * distribution is not served. A variation variable unknown to the config is ignored.
 */
final class BucketingConformanceTest {

    private static final JsonNode CASES = Fixtures.json("js-sdks/bucketing-cases.json");
    private static final Clock NOW = Fixtures.clockAt(CASES.get("now").textValue());

    @TestFactory
    Stream<DynamicTest> everyCaseOfBucketingTestTs() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : CASES.get("cases")) {
            String name = c.get("test").textValue() + " #" + c.get("n").intValue() + " ("
                    + c.get("kind").textValue() + ")";
            tests.add(DynamicTest.dynamicTest(name, () -> check(c)));
        }
        assertThat(tests).hasSize(79);
        return tests.stream();
    }

    private static void check(JsonNode c) {
        switch (c.get("kind").textValue()) {
            case "rollout":
                checkRollout(c);
                break;
            case "variable":
                checkVariable(c);
                break;
            default:
                checkBucketedConfig(c);
                break;
        }
    }

    private static void checkRollout(JsonNode c) {
        JsonNode rollout = c.get("rollout");
        JsonNode expected = c.get("expected");
        if (expected.has("throws")) {
            assertThatThrownBy(() -> FeatureCompiler.rollout(rollout, "rollout"))
                    .isInstanceOf(ConfigProblem.class);
            return;
        }
        boolean passes = rollout.isNull()
                || FeatureCompiler.rollout(rollout, "rollout")
                        .passes(c.get("boundedHash").doubleValue(), NOW.millis());
        assertThat(passes).isEqualTo(expected.get("value").booleanValue());
    }

    private static DevCycleConfig configOf(JsonNode c) {
        DevCycleConfig config = Fixtures.parse(c.get("config"));
        JsonNode platform = c.get("platform");
        Map<String, Object> client = new LinkedHashMap<>();
        c.get("clientCustomData").properties().forEach(e -> client.put(e.getKey(), plain(e.getValue())));
        return config.withEnvironment(DevCycleEnvironment.builder()
                .clock(NOW)
                .platform(platform.path("platform").asText(""))
                .platformVersion(platform.path("platformVersion").asText(""))
                .clientCustomData(client)
                .build());
    }

    @SuppressWarnings("unchecked")
    private static TestUser userOf(JsonNode c) {
        return TestUser.fromMap(ObjectMappers.shared().convertValue(c.get("user"), Map.class));
    }

    private static Object plain(JsonNode node) {
        return Objects.requireNonNull(ObjectMappers.shared().convertValue(node, Object.class));
    }

    private static void checkVariable(JsonNode c) {
        DevCycleConfig config = configOf(c);
        EvaluationResult r = config.evaluate(c.get("key").textValue(), userOf(c));
        JsonNode expected = c.get("expected").get("value");
        if (expected.isNull()) {
            // DevCycle answers nothing: not targeted, a broken bucketing, or a requested type that differs.
            boolean typeDiffers =
                    r.value() != null && !declaredType(c).equals(c.get("type").textValue());
            assertThat(r.isDefaulted() || r.isError() || typeDiffers)
                    .as("%s", r)
                    .isTrue();
            return;
        }
        assertThat(declaredType(c)).isEqualTo(c.get("type").textValue());
        checkVariableResult(r, expected);
    }

    private static String declaredType(JsonNode c) {
        for (JsonNode v : c.get("config").get("variables")) {
            if (v.get("key").textValue().equals(c.get("key").textValue())) {
                return v.get("type").textValue();
            }
        }
        return "";
    }

    private static void checkVariableResult(EvaluationResult r, JsonNode expected) {
        assertThat(r.isError()).as("%s", r).isFalse();
        assertThat(r.value()).as("value").isEqualTo(expectedValue(expected));
        ResultDetail detail = Objects.requireNonNull(r.detail());
        assertThat(detail.featureId())
                .as("_feature")
                .isEqualTo(expected.get("_feature").textValue());
        checkEval(detail, expected.get("eval"));
    }

    private static Object expectedValue(JsonNode expected) {
        JsonNode value = expected.get("value");
        switch (expected.get("type").textValue()) {
            case "Number":
                return value.doubleValue();
            case "JSON":
                if (value.isTextual()) {
                    try {
                        return plain(ObjectMappers.shared().readTree(value.textValue()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return plain(value);
            default:
                return plain(value);
        }
    }

    private static void checkEval(ResultDetail detail, JsonNode eval) {
        assertThat(detail.reason().name())
                .as("eval.reason")
                .isEqualTo(eval.get("reason").textValue());
        assertThat(detail.reasonDetails())
                .as("eval.details")
                .isEqualTo(eval.get("details").textValue());
        assertThat(detail.targetId())
                .as("eval.target_id")
                .isEqualTo(eval.get("target_id").textValue());
    }

    /** The keys of the features with a target of this id, or distributing to this id without such a variation. */
    private static List<String> featuresBrokenBy(JsonNode config, String id) {
        List<String> keys = new ArrayList<>();
        for (JsonNode feature : config.get("features")) {
            boolean hasVariation = false;
            for (JsonNode variation : feature.get("variations")) {
                hasVariation |= id.equals(variation.get("_id").textValue());
            }
            for (JsonNode target : feature.get("configuration").get("targets")) {
                boolean distributes = false;
                for (JsonNode entry : target.get("distribution")) {
                    distributes |= id.equals(entry.get("_variation").textValue());
                }
                if (id.equals(target.get("_id").textValue()) || (distributes && !hasVariation)) {
                    keys.add(feature.get("key").textValue());
                }
            }
        }
        return keys;
    }

    private static void checkBucketedConfig(JsonNode c) {
        DevCycleConfig config = configOf(c);
        TestUser user = userOf(c);
        Map<String, ResultDetail> features = new LinkedHashMap<>();
        config.evaluateFeatures(user, features::put);
        Map<String, EvaluationResult> variables = new LinkedHashMap<>();
        config.evaluateAll(user, variables::put);
        JsonNode expected = c.get("expected");
        if (expected.has("throws")) {
            String message = expected.get("throws").textValue();
            String id = message.substring(message.lastIndexOf(' ') + 1);
            List<String> broken = featuresBrokenBy(c.get("config"), id);
            assertThat(features.keySet())
                    .as("features served despite: %s", message)
                    .noneMatch(broken::contains);
            return;
        }
        JsonNode value = expected.get("value");
        if (value.has("__objectContaining")) {
            // expect.objectContaining({featureVariationMap}): feature id -> variation id of the served features.
            Map<String, String> served = new LinkedHashMap<>();
            features.values().forEach(d -> served.put(d.featureId(), d.variationId()));
            value.get("__objectContaining")
                    .get("featureVariationMap")
                    .properties()
                    .forEach(e -> assertThat(served)
                            .as("featureVariationMap")
                            .containsEntry(e.getKey(), e.getValue().textValue()));
            return;
        }
        List<String> expectedFeatures = new ArrayList<>();
        value.get("features").fieldNames().forEachRemaining(expectedFeatures::add);
        assertThat(features.keySet()).as("features").containsExactlyInAnyOrderElementsOf(expectedFeatures);
        for (String key : expectedFeatures) {
            JsonNode f = value.get("features").get(key);
            ResultDetail d = features.get(key);
            assertThat(d.featureId()).as("%s._id", key).isEqualTo(f.get("_id").textValue());
            assertThat(d.featureType())
                    .as("%s.type", key)
                    .isEqualTo(f.get("type").textValue());
            assertThat(d.variationId())
                    .as("%s._variation", key)
                    .isEqualTo(f.get("_variation").textValue());
            assertThat(d.variationKey())
                    .as("%s.variationKey", key)
                    .isEqualTo(f.get("variationKey").textValue());
            assertThat(d.variationName())
                    .as("%s.variationName", key)
                    .isEqualTo(f.get("variationName").textValue());
            checkEval(d, f.get("eval"));
        }
        List<String> expectedVariables = new ArrayList<>();
        value.get("variables").fieldNames().forEachRemaining(expectedVariables::add);
        assertThat(variables.keySet()).as("variables").containsExactlyInAnyOrderElementsOf(expectedVariables);
        for (String key : expectedVariables) {
            checkVariableResult(variables.get(key), value.get("variables").get(key));
        }
    }
}
