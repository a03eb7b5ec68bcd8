package dev.vexilla.engine.devcycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vexilla.engine.ConfigParseException;
import dev.vexilla.engine.FlagConfig;
import dev.vexilla.engine.FlagModel;
import dev.vexilla.model.ErrorKind;
import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.ObjectMappers;
import dev.vexilla.model.ResultDetail;
import dev.vexilla.model.ResultReason;
import dev.vexilla.model.UserAttributes;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

final class DevCycleConfigTest {

    private static final ObjectMappersHolder JSON = new ObjectMappersHolder();

    /** Small helpers to build filter JSON. */
    private static final class ObjectMappersHolder {
        ObjectNode object() {
            return ObjectMappers.shared().createObjectNode();
        }

        ArrayNode array() {
            return ObjectMappers.shared().createArrayNode();
        }
    }

    private static ObjectNode and(JsonNode... filters) {
        ObjectNode op = JSON.object().put("operator", "and");
        ArrayNode list = op.putArray("filters");
        for (JsonNode f : filters) {
            list.add(f);
        }
        return op;
    }

    private static ObjectNode or(JsonNode... filters) {
        ObjectNode op = and(filters);
        op.put("operator", "or");
        return op;
    }

    private static ObjectNode user(String subType, String comparator, Object... values) {
        ObjectNode f = JSON.object().put("type", "user").put("subType", subType).put("comparator", comparator);
        ArrayNode list = f.putArray("values");
        for (Object v : values) {
            list.addPOJO(v);
        }
        return f;
    }

    private static ObjectNode config(JsonNode operator) {
        return Fixtures.oneTarget(operator, JSON.object());
    }

    private static EvaluationResult eval(ObjectNode config, UserAttributes user) {
        return Fixtures.parse(config).evaluate("v", user);
    }

    private static ObjectNode target(ObjectNode config) {
        return (ObjectNode) config.get("features")
                .get(0)
                .get("configuration")
                .get("targets")
                .get(0);
    }

    @Test
    void parsesAndReportsItsModelIdsAndKeys() {
        DevCycleConfig config = Fixtures.parse(config(and(JSON.object().put("type", "all"))));

        assertThat(config.model()).isEqualTo(FlagModel.DEVCYCLE_V2);
        assertThat(config.keys()).containsExactly("v");
        assertThat(config.projectId()).isEqualTo("project-id");
        assertThat(config.projectKey()).isEqualTo("project");
        assertThat(config.environmentId()).isEqualTo("env-id");
        assertThat(config.environmentKey()).isEqualTo("development");
        assertThat(config.contentHash()).hasSize(64).matches("[0-9a-f]+");
        assertThat(config.problems()).isEmpty();
        assertThat(config.toString()).contains("project", "variables=1");
    }

    @Test
    void aDocumentThatIsNotJsonIsRejected() {
        assertThatThrownBy(() -> DevCycleConfig.parse("{nope"))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("not a JSON document");
        assertThatThrownBy(() -> DevCycleConfig.parse("[]"))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("JSON object");
    }

    @Test
    void missingOrWronglyTypedTopLevelPartsAreRejectedWithTheirPath() {
        assertRejected(c -> c.remove("project"), "project");
        assertRejected(c -> ((ObjectNode) c.get("project")).remove("_id"), "project._id");
        assertRejected(c -> ((ObjectNode) c.get("project")).remove("settings"), "project.settings");
        assertRejected(
                c -> ((ObjectNode) c.get("project").get("settings")).put("disablePassthroughRollouts", "yes"),
                "project.settings.disablePassthroughRollouts");
        assertRejected(c -> ((ObjectNode) c.get("environment")).remove("key"), "environment.key");
        assertRejected(c -> c.put("features", "none"), "features");
        assertRejected(c -> c.remove("variables"), "variables");
        assertRejected(c -> ((ArrayNode) c.get("variables")).addObject().put("_id", "x"), "variables[1].key");
    }

    private interface Edit {
        void apply(ObjectNode config);
    }

    private static void assertRejected(Edit edit, String path) {
        ObjectNode config = config(and(JSON.object().put("type", "all")));
        edit.apply(config);
        assertThatThrownBy(() -> DevCycleConfig.parse(config.toString()))
                .isInstanceOfSatisfying(
                        ConfigParseException.class, e -> assertThat(e.path()).isEqualTo(path));
    }

    @Test
    void unknownFieldsAreIgnored() {
        ObjectNode config = config(and(JSON.object().put("type", "all").put("future", 1)));
        config.put("clientSDKKey", "client-x").putObject("sse").put("hostname", "h");
        ((ObjectNode) config.get("features").get(0)).putObject("settings").put("x", true);

        assertThat(eval(config, TestUser.of("u")).value()).isEqualTo(true);
    }

    /** Two features: {@code v} (feature f, made broken by the edit) and {@code w} (feature g, always all users). */
    private static DevCycleConfig twoFeatures(Edit breakFeatureF) {
        ObjectNode config = config(and(JSON.object().put("type", "all")));
        ((ArrayNode) config.get("variables"))
                .addObject()
                .put("_id", "var-w")
                .put("key", "w")
                .put("type", "String");
        ObjectNode g = ((ObjectNode) config.get("features").get(0)).deepCopy();
        g.put("_id", "feature-g").put("key", "g");
        ((ObjectNode) g.get("variations").get(0).get("variables").get(0))
                .put("_var", "var-w")
                .put("value", "ok");
        ((ArrayNode) config.get("features")).add(g);
        breakFeatureF.apply(config);
        return Fixtures.parse(config);
    }

    @Test
    void aBrokenFeatureFailsOnlyTheVariablesItServes() {
        DevCycleConfig config =
                twoFeatures(c -> ((ObjectNode) target(c).get("_audience").get("filters"))
                        .set(
                                "filters",
                                JSON.array()
                                        .add(user("email", "=")
                                                .set("values", JSON.array().add(JSON.object())))));

        EvaluationResult broken = config.evaluate("v", TestUser.of("u"));

        assertThat(broken.errorKind()).isEqualTo(ErrorKind.PARSE_ERROR);
        assertThat(broken.errorMessage())
                .startsWith("features[0].configuration.targets[0]._audience.filters.filters[0].values[0]:");
        assertThat(config.problems()).containsOnlyKeys("v");
        assertThat(config.evaluate("w", TestUser.of("u")).value()).isEqualTo("ok");
        Map<String, EvaluationResult> all = new LinkedHashMap<>();
        config.evaluateAll(TestUser.of("u"), all::put);
        assertThat(all.get("v").errorKind()).isEqualTo(ErrorKind.PARSE_ERROR);
        assertThat(all.get("w").value()).isEqualTo("ok");
        Map<String, ResultDetail> features = new LinkedHashMap<>();
        config.evaluateFeatures(TestUser.of("u"), features::put);
        assertThat(features).containsOnlyKeys("g");
    }

    @Test
    void featureProblemsNameTheirPath() {
        assertThat(twoFeatures(c -> ((ObjectNode) c.get("features").get(0)).put("type", "toggle"))
                        .problems()
                        .get("v"))
                .startsWith("features[0].type: must be one of");
        assertThat(twoFeatures(c -> target(c).putObject("rollout").put("type", "gradual"))
                        .problems()
                        .get("v"))
                .isEqualTo("features[0].configuration.targets[0].rollout.startDate: required string missing");
        assertThat(twoFeatures(c -> ((ObjectNode) target(c).get("distribution").get(0)).remove("percentage"))
                        .problems()
                        .get("v"))
                .isEqualTo("features[0].configuration.targets[0].distribution[0].percentage: required number missing");
        assertThat(twoFeatures(c -> ((ObjectNode) c.get("features")
                                        .get(0)
                                        .get("variations")
                                        .get(0))
                                .remove("name"))
                        .problems()
                        .get("v"))
                .isEqualTo("features[0].variations[0].name: required string missing");
    }

    @Test
    void aVariableOfAnUnknownTypeIsBrokenAlone() {
        DevCycleConfig config =
                twoFeatures(c -> ((ObjectNode) c.get("variables").get(0)).put("type", "Date"));

        assertThat(config.evaluate("v", TestUser.of("u")).errorKind()).isEqualTo(ErrorKind.PARSE_ERROR);
        assertThat(config.evaluate("w", TestUser.of("u")).value()).isEqualTo("ok");
    }

    @Test
    void aValueOfTheWrongTypeFailsTheUsersOfItsVariation() {
        DevCycleConfig config = twoFeatures(c -> ((ObjectNode) c.get("features")
                        .get(0)
                        .get("variations")
                        .get(0)
                        .get("variables")
                        .get(0))
                .put("value", "true"));

        EvaluationResult r = config.evaluate("v", TestUser.of("u"));

        assertThat(r.errorKind()).isEqualTo(ErrorKind.PARSE_ERROR);
        assertThat(r.errorMessage()).contains("is not a Boolean value");
        assertThat(config.problems()).containsKey("v");
    }

    @Test
    void anAudienceThatReferencesItselfBreaksTheFeature() {
        ObjectNode audiences = JSON.object();
        audiences
                .putObject("a")
                .set(
                        "filters",
                        and(JSON.object()
                                .put("type", "audienceMatch")
                                .put("comparator", "=")
                                .set("_audiences", JSON.array().add("a"))));
        ObjectNode config = Fixtures.oneTarget(
                and(JSON.object()
                        .put("type", "audienceMatch")
                        .put("comparator", "=")
                        .set("_audiences", JSON.array().add("a"))),
                audiences);

        assertThat(Fixtures.parse(config).problems().get("v")).contains("references itself");
    }

    @Test
    void aDistributionThatDoesNotCoverTheUserIsAParseErrorForThatUser() {
        ObjectNode config = config(and(JSON.object().put("type", "all")));
        ((ObjectNode) target(config).get("distribution").get(0)).put("percentage", 0.0);

        EvaluationResult r = eval(config, TestUser.of("u"));

        assertThat(r.errorKind()).isEqualTo(ErrorKind.PARSE_ERROR);
        assertThat(r.errorMessage()).contains("sums to 0.0");
    }

    @Test
    void unknownKeyMissingUserAndEmptyUserIdAreErrors() {
        DevCycleConfig config = Fixtures.parse(config(and(JSON.object().put("type", "all"))));

        assertThat(config.evaluate("nope", TestUser.of("u")).errorKind()).isEqualTo(ErrorKind.FLAG_NOT_FOUND);
        assertThat(config.evaluate("v", null).errorKind()).isEqualTo(ErrorKind.TARGETING_KEY_MISSING);
        assertThat(config.evaluate("v", TestUser.of("")).errorKind()).isEqualTo(ErrorKind.TARGETING_KEY_MISSING);
        Map<String, EvaluationResult> all = new LinkedHashMap<>();
        config.evaluateAll(null, all::put);
        config.evaluateFeatures(null, (k, d) -> all.put(k, EvaluationResult.defaulted(d)));
        assertThat(all).isEmpty();
    }

    @Test
    void aUserWhoseReadsThrowGetsAGeneralError() {
        UserAttributes throwing = new UserAttributes() {
            @Override
            public @Nullable String identifier() {
                return "u";
            }

            @Override
            public @Nullable Object attribute(String name) {
                throw new IllegalStateException("boom");
            }

            @Override
            public void forEachAttribute(BiConsumer<String, Object> action) {}
        };

        EvaluationResult r = eval(config(and(user("email", "=", "a@b.c"))), throwing);

        assertThat(r.errorKind()).isEqualTo(ErrorKind.GENERAL);
        assertThat(r.errorMessage()).contains("IllegalStateException");
    }

    @Test
    void aTargetWithSeveralEntriesOrARolloutIsASplitWithItsPrefix() {
        ObjectNode config = config(and(user("email", "endWith", "@example.com")));
        target(config).putObject("rollout").put("type", "schedule").put("startDate", "2020-01-01T00:00:00.000Z");

        EvaluationResult r = eval(config, TestUser.of("u").email("ada@example.com"));

        assertThat(r.reason()).isEqualTo(ResultReason.SPLIT);
        assertThat(Objects.requireNonNull(r.detail()).reasonDetails()).isEqualTo("Rollout | Email");
    }

    @Test
    void eachWayAnAudienceMatchesHasItsOwnDetails() {
        DevCycleConfig config = Fixtures.parse(config(or(user("email", "=", "a@x.io"), user("country", "=", "CA"))));

        EvaluationResult byEmail = config.evaluate("v", TestUser.of("u").email("a@x.io"));
        EvaluationResult byCountry = config.evaluate("v", TestUser.of("u").country("CA"));

        assertThat(Objects.requireNonNull(byEmail.detail()).reasonDetails()).isEqualTo("Email");
        assertThat(Objects.requireNonNull(byCountry.detail()).reasonDetails()).isEqualTo("Country");
        assertThat(config.evaluate("v", TestUser.of("w").country("CA"))).isSameAs(byCountry);
    }

    @Test
    void platformFiltersTestTheEnvironmentsPlatform() {
        DevCycleConfig config = Fixtures.parse(config(and(user("platform", "=", "Java"))));

        assertThat(config.evaluate("v", TestUser.of("u")).value()).isEqualTo(true);
        assertThat(config.withEnvironment(
                                DevCycleEnvironment.builder().platform("Go").build())
                        .evaluate("v", TestUser.of("u"))
                        .isDefaulted())
                .isTrue();
    }

    @Test
    void customDataFiltersSeeOnlyCustomDataNotTopLevelFields() {
        ObjectNode filter = user("customData", "=", "ada@example.com")
                .put("dataKey", "email")
                .put("dataKeyType", "String");
        DevCycleConfig config = Fixtures.parse(config(and(filter)));

        assertThat(config.evaluate("v", TestUser.of("u").email("ada@example.com"))
                        .isDefaulted())
                .isTrue();
        assertThat(config.evaluate("v", TestUser.of("u").custom("email", "ada@example.com"))
                        .value())
                .isEqualTo(true);
    }

    @Test
    void versionFiltersCleanVersionsStatefullyAsDevCycleDoes() {
        DevCycleConfig below = Fixtures.parse(config(and(user("appVersion", "<", "2.0.0b"))));
        DevCycleConfig above = Fixtures.parse(config(and(user("appVersion", ">", "1.0.0"))));

        assertThat(below.evaluate("v", TestUser.of("u").appVersion("1.2.3")).value())
                .as("filter cleaned to 2.0.0")
                .isEqualTo(true);
        assertThat(below.evaluate("v", TestUser.of("u").appVersion("1.2.3a")).isDefaulted())
                .as("the user's 'a' moves the search past the filter's 'b', which then stays")
                .isTrue();
        assertThat(above.evaluate("v", TestUser.of("u").appVersion("v1.2.3")).value())
                .isEqualTo(true);
        assertThat(above.evaluate("v", TestUser.of("u").appVersion("1.2.3-beta.1"))
                        .value())
                .isEqualTo(true);
        assertThat(above.evaluate("v", TestUser.of("u").appVersion("")).isDefaulted())
                .isTrue();
    }

    @Test
    void passthroughDisabledHoldsBackAUserWhoFailsTheRolloutOfTheMatchingTarget() {
        ObjectNode config = config(and(JSON.object().put("type", "all")));
        target(config).putObject("rollout").put("type", "schedule").put("startDate", "2999-01-01T00:00:00.000Z");
        ObjectNode fallback = target(config).deepCopy();
        fallback.put("_id", "fallback-target").remove("rollout");
        ((ArrayNode) config.get("features").get(0).get("configuration").get("targets")).add(fallback);

        assertThat(Objects.requireNonNull(eval(config, TestUser.of("u")).detail())
                        .targetId())
                .as("passthrough: the next target takes the user")
                .isEqualTo("fallback-target");
        ((ObjectNode) config.get("project").get("settings")).put("disablePassthroughRollouts", true);
        assertThat(eval(config, TestUser.of("u")).isDefaulted()).isTrue();
    }

    @Test
    void customDataBucketingKeyHashesTheValuesText() {
        ObjectNode config = config(and(JSON.object().put("type", "all")));
        target(config).put("bucketingKey", "team");
        DevCycleConfig compiled = Fixtures.parse(config);

        assertThat(compiled.evaluate("v", TestUser.of("a").custom("team", 5)).value())
                .isEqualTo(true);
        assertThat(BucketingText.of(5)).isEqualTo("5");
        assertThat(BucketingText.of(5.0)).isEqualTo("5.0");
        assertThat(BucketingText.of(0.1)).isEqualTo("0.1");
        assertThat(BucketingText.of(1e21)).isEqualTo("1e+21");
        assertThat(BucketingText.of(1.5e-7)).isEqualTo("1.5e-7");
        assertThat(BucketingText.of(123456.789)).isEqualTo("123456.789");
        assertThat(BucketingText.of(-2.5e-3)).isEqualTo("-0.0025");
        assertThat(BucketingText.of(true)).isEqualTo("true");
        assertThat(BucketingText.of(null)).isEqualTo("null");
        assertThat(BucketingText.of(Collections.singletonList("x"))).isEqualTo("[\"x\"]");
    }

    @Test
    void changedKeysTellsChangedAddedAndRemovedVariables() {
        DevCycleConfig before = twoFeatures(c -> {});
        DevCycleConfig sameAgain = twoFeatures(c -> {});
        DevCycleConfig changed = twoFeatures(c -> ((ObjectNode) c.get("features")
                        .get(0)
                        .get("variations")
                        .get(0)
                        .get("variables")
                        .get(0))
                .put("value", false));
        DevCycleConfig removed = twoFeatures(c -> {
            ((ArrayNode) c.get("variables")).remove(1);
        });

        assertThat(sameAgain.changedKeys(before)).isEmpty();
        assertThat(changed.changedKeys(before)).containsExactly("v");
        assertThat(removed.changedKeys(before)).containsExactly("w");
        assertThat(before.changedKeys(new OtherModel())).containsExactly("other", "v", "w");
    }

    /** A config of another model. */
    private static final class OtherModel implements FlagConfig {
        @Override
        public FlagModel model() {
            return FlagModel.CONFIGCAT_V6;
        }

        @Override
        public EvaluationResult evaluate(String key, @Nullable UserAttributes user) {
            return EvaluationResult.error(ErrorKind.FLAG_NOT_FOUND, key);
        }

        @Override
        public void evaluateAll(@Nullable UserAttributes user, BiConsumer<String, EvaluationResult> sink) {}

        @Override
        public Set<String> keys() {
            return Collections.singleton("other");
        }

        @Override
        public Set<String> changedKeys(FlagConfig previous) {
            return Collections.emptySet();
        }

        @Override
        public String contentHash() {
            return "";
        }

        @Override
        public Map<String, String> problems() {
            return Collections.emptyMap();
        }
    }

    @Test
    void environmentBuilderValidatesClientCustomData() {
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("list", Collections.emptyList());

        assertThatThrownBy(() -> DevCycleEnvironment.builder().clientCustomData(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'list'");
        DevCycleEnvironment env = DevCycleEnvironment.builder()
                .platformVersion("17")
                .clientCustomData(Collections.singletonMap("a", 1))
                .build();
        assertThat(env.toBuilder().build().clientCustomData()).containsEntry("a", 1);
        assertThat(env.platform()).isEqualTo(DevCycleEnvironment.DEFAULT_PLATFORM);
        assertThat(env.toString()).contains("platformVersion=17");
        assertThat(DevCycleEnvironment.defaults().clientCustomData()).isEmpty();
    }
}
