package dev.vexilla.engine.devcycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.ResultDetail;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The tests of DevCycle's {@code bucketing.test.ts} (js-sdks HEAD) that compare bucketings with each other or read
 * single entries of them ({@code bucketingKey tests}), ported by hand on the same {@code testData.json} configs; a
 * bucketingKey config is DevCycle's {@code configWithBucketingKey}: every target's {@code bucketingKey} set.
 */
final class BucketingHandPortedTest {

    private static final JsonNode TEST_DATA = Fixtures.json("js-sdks/testData.json");

    private static DevCycleConfig withBucketingKey(String key) {
        ObjectNode config = TEST_DATA.get("config").deepCopy();
        for (JsonNode feature : config.get("features")) {
            for (JsonNode target : feature.get("configuration").get("targets")) {
                ((ObjectNode) target).put("bucketingKey", key);
            }
        }
        return env(Fixtures.parse(config));
    }

    private static DevCycleConfig env(DevCycleConfig config) {
        return config.withEnvironment(DevCycleEnvironment.builder()
                .clock(Fixtures.clockAt(TEST_DATA.get("_momentNow").textValue()))
                .platform("NodeJS")
                .platformVersion("16.0")
                .build());
    }

    private static @Nullable ResultDetail feature(DevCycleConfig config, TestUser user, String key) {
        Map<String, ResultDetail> features = new LinkedHashMap<>();
        config.evaluateFeatures(user, features::put);
        return features.get(key);
    }

    private static String feature5(DevCycleConfig config, TestUser user) {
        ResultDetail d = feature(config, user, "feature5");
        assertThat(d).as("feature5 served").isNotNull();
        return String.valueOf(d.variationKey());
    }

    private static TestUser user(String id, String key, Object value) {
        return TestUser.of(id).country("US").email("testwithfood@email.com").custom(key, value);
    }

    @Test
    @DisplayName("bucketingKey tests > buckets a user with user_id if no bucketingKey")
    void userIdBucketingKeyIsTheDefault() {
        TestUser user = TestUser.of("test-id").email("testwithfood@email.com").custom("favouriteFood", "pizza");

        assertThat(feature5(withBucketingKey("user_id"), user))
                .isEqualTo(feature5(env(Fixtures.parse(TEST_DATA.get("config"))), user));
    }

    @Test
    @DisplayName("bucketingKey tests > buckets a user with custom bucketingKey (also from privateCustomData)")
    void customBucketingKey() {
        DevCycleConfig config = withBucketingKey("favouriteFood");

        assertThat(feature5(config, user("pass_rollout", "favouriteFood", "pizza")))
                .isNotEqualTo(feature5(config, user("pass_rollout", "favouriteFood", "pasta")));
        assertThat(feature5(config, user("pass_rollout", "favouriteFood", "pasta")))
                .isEqualTo(feature5(config, user("a_different_person", "favouriteFood", "pasta")));
    }

    @Test
    @DisplayName("bucketingKey tests > buckets a user with custom number bucketingKey")
    void numberBucketingKey() {
        DevCycleConfig config = withBucketingKey("favouriteNumber");

        assertThat(feature5(config, user("pass_rollout", "favouriteNumber", 610)))
                .isNotEqualTo(feature5(config, user("pass_rollout", "favouriteNumber", 52900)));
        assertThat(feature5(config, user("pass_rollout", "favouriteNumber", 52900)))
                .isEqualTo(feature5(config, user("a_different_person", "favouriteNumber", 52900)));
    }

    @Test
    @DisplayName("bucketingKey tests > buckets a user with custom boolean bucketingKey")
    void booleanBucketingKey() {
        DevCycleConfig config = withBucketingKey("signed_up");

        assertThat(feature5(config, user("pass_rollout", "signed_up", true)))
                .isNotEqualTo(feature5(config, user("pass_rollout", "signed_up", false)));
        assertThat(feature5(config, user("pass_rollout", "signed_up", false)))
                .isEqualTo(feature5(config, user("a_different_person", "signed_up", false)));
    }

    private static void assertAudienceMatch(DevCycleConfig config, String featureKey, TestUser user, boolean served) {
        ResultDetail d = feature(config, user, featureKey);
        Map<String, EvaluationResult> variables = new LinkedHashMap<>();
        config.evaluateAll(user, variables::put);
        if (served) {
            assertThat(d).isNotNull();
            assertThat(d.variationKey()).isEqualTo("audience-match-variation");
            assertThat(variables.get("audience-match").value()).isEqualTo("audience_match");
        } else {
            assertThat(d).isNull();
            assertThat(variables).doesNotContainKey("audience-match");
        }
    }

    private static TestUser orUser(@Nullable String appVersion, String email, String food) {
        TestUser u = TestUser.of("Z").email(email).custom("favouriteFood", food);
        return appVersion == null ? u : u.appVersion(appVersion);
    }

    @Test
    @DisplayName("bucketingKey tests > bucket a user when the user matches any of the top level OR filters")
    void topLevelOrAudience() {
        DevCycleConfig config = env(Fixtures.parse(TEST_DATA.get("configWithTopLevelOrAudience")));

        assertAudienceMatch(config, "top_level_or_feature", orUser("1.0.0", "email@email.com", "coffee"), true);
        assertAudienceMatch(config, "top_level_or_feature", orUser("1.0.0", "email@nomatch.com", "coffee"), true);
        assertAudienceMatch(config, "top_level_or_feature", orUser(null, "email@nomatch.com", "coffee"), false);
    }

    @Test
    @DisplayName("bucketingKey tests > bucket a user when the user matches the nested OR filter in the top level OR")
    void nestedOrAudience() {
        DevCycleConfig config = env(Fixtures.parse(TEST_DATA.get("configWithNestedOrAudience")));

        assertAudienceMatch(config, "nested_or_feature", orUser("0.0.0", "nomatch@email.com", "pizza"), true);
        assertAudienceMatch(config, "nested_or_feature", orUser("1.0.0", "email@nomatch.com", "coffee"), true);
        assertAudienceMatch(config, "nested_or_feature", orUser(null, "email@nomatch.com", "pizza"), true);
        assertAudienceMatch(config, "nested_or_feature", orUser(null, "email@nomatch.com", "coffee"), false);
    }
}
