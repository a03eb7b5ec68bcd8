package dev.vexilla.server;

import static dev.vexilla.server.DevCycleFixtures.DEVCYCLE_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vexilla.engine.FlagConfig;
import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.FlagMetadata;
import dev.vexilla.model.FlagSetIds;
import dev.vexilla.model.ObjectMappers;
import dev.vexilla.model.bucketing.DevCycleUser;
import dev.vexilla.model.bucketing.Variable;
import dev.vexilla.model.testsupport.MutableClock;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Bucketing API v1, OFREP and the events batch on a DevCycle config v2, with DevCycle's semantics. */
final class DevCycleBucketingTest {
    private static final String VIP = "{\"user_id\":\"u-vip\",\"email\":\"" + DevCycleFixtures.VIP_EMAIL + "\"}";
    private static final String CANADIAN = "{\"user_id\":\"u-ca\",\"country\":\"CA\"}";

    @TempDir
    Path dir;

    private VexillaServer server;

    @BeforeEach
    void start() throws Exception {
        server = DevCycleFixtures.start(
                dir, TestServers.options(dir), new MutableClock(Instant.parse("2026-12-07T02:00:00Z")), null);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return TestServers.postJson(server, path, DEVCYCLE_KEY, body);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return ServerJson.mapper().readTree(response.body());
    }

    @SuppressWarnings("unchecked")
    private ServedConfig<FlagConfig> served() {
        return (ServedConfig<FlagConfig>)
                server.configStore().byName(DevCycleFixtures.CONFIG_NAME).orElseThrow();
    }

    private EvaluationResult engine(String key, String userJson) throws Exception {
        DevCycleUser user = ObjectMappers.read(ServerJson.mapper(), userJson, DevCycleUser.class);
        return served().compiled().evaluate(key, BucketingUsers.engineUser(user));
    }

    @Test
    void variable_servedByATarget_hasDevCyclesFieldsAndEval() throws Exception {
        HttpResponse<String> response = post("/v1/variables/checkout-enabled", VIP);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("_id").asText()).isEqualTo("id-enabled");
        assertThat(body.path("key").asText()).isEqualTo("checkout-enabled");
        assertThat(body.path("type").asText()).isEqualTo("Boolean");
        assertThat(body.path("value").asBoolean(true)).isFalse();
        assertThat(body.path("_feature").asText()).isEqualTo("feat-checkout");
        assertThat(body.path("isDefaulted").asBoolean(true)).isFalse();
        assertThat(body.path("eval").path("reason").asText()).isEqualTo("TARGETING_MATCH");
        assertThat(body.path("eval").path("details").asText()).isEqualTo("Email");
        assertThat(body.path("eval").path("target_id").asText()).isEqualTo("target-vip");
    }

    @Test
    void variable_ofEveryType_equalsTheEngine_andRebuildsItsResult() throws Exception {
        for (String user : List.of(VIP, CANADIAN, "{\"user_id\":\"u-1\"}", "{\"user_id\":\"u-2\"}")) {
            for (String key : List.of("checkout-enabled", "checkout-label", "checkout-limit", "checkout-theme")) {
                EvaluationResult expected = engine(key, user);
                JsonNode body = json(post("/v1/variables/" + key, user));

                assertThat(body.path("value")).isEqualTo(ServerJson.mapper().valueToTree(expected.value()));
                assertThat(body.path("eval").path("reason").asText())
                        .isEqualTo(expected.reason().name());
                Variable variable = ObjectMappers.read(ServerJson.mapper(), body.toString(), Variable.class);
                assertThat(variable.flagMetadata().getString("variationKey")).isEqualTo(expected.variationId());
            }
        }
        assertThat(json(post("/v1/variables/checkout-limit", VIP)).path("type").asText())
                .isEqualTo("Number");
        assertThat(json(post("/v1/variables/checkout-theme", VIP)).path("type").asText())
                .isEqualTo("JSON");
        assertThat(json(post("/v1/variables/checkout-theme", VIP))
                        .path("value")
                        .path("color")
                        .asText())
                .isEqualTo("grey");
    }

    @Test
    void variable_theUserGetsFromNoFeature_is404WithDevCyclesBody() throws Exception {
        HttpResponse<String> notTargeted = post("/v1/variables/canada-banner", VIP);
        HttpResponse<String> unknown = post("/v1/variables/no-such-variable", VIP);

        assertThat(notTargeted.statusCode()).isEqualTo(404);
        assertThat(json(notTargeted).path("statusCode").asInt()).isEqualTo(404);
        assertThat(json(notTargeted).path("message").asText()).isEqualTo("Variable not found for key: canada-banner");
        assertThat(json(notTargeted).path("vexilla").path("reason").asText()).isEqualTo("DEFAULT");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).path("vexilla").path("errorCode").asText()).isEqualTo("FLAG_NOT_FOUND");
        assertThat(post("/v1/variables/canada-banner", CANADIAN).statusCode()).isEqualTo(200);
    }

    @Test
    void variables_listsOnlyWhatTheUserGets() throws Exception {
        JsonNode vip = json(post("/v1/variables", VIP));
        JsonNode canadian = json(post("/v1/variables", CANADIAN));

        assertThat(names(vip))
                .containsExactly("checkout-enabled", "checkout-label", "checkout-limit", "checkout-theme");
        assertThat(names(canadian)).contains("canada-banner");
        assertThat(canadian.path("canada-banner").path("_feature").asText()).isEqualTo("feat-canada");
        assertThat(canadian.path("canada-banner").path("value").asText()).isEqualTo("Bonjour");
        assertThat(vip.path("checkout-label").path("_id").asText()).isEqualTo("id-label");
    }

    @Test
    void features_listsEachFeatureTheUserIsBucketedInto() throws Exception {
        JsonNode vip = json(post("/v1/features", VIP));
        JsonNode canadian = json(post("/v1/features", CANADIAN));

        assertThat(names(vip)).containsExactly("checkout");
        JsonNode checkout = vip.path("checkout");
        assertThat(checkout.path("_id").asText()).isEqualTo("feat-checkout");
        assertThat(checkout.path("key").asText()).isEqualTo("checkout");
        assertThat(checkout.path("type").asText()).isEqualTo("release");
        assertThat(checkout.path("_variation").asText()).isEqualTo("var-off");
        assertThat(checkout.path("variationKey").asText()).isEqualTo("off");
        assertThat(checkout.path("variationName").asText()).isEqualTo("Off");
        assertThat(checkout.path("eval").path("reason").asText()).isEqualTo("TARGETING_MATCH");
        assertThat(names(canadian)).containsExactly("canada-only", "checkout");
        assertThat(canadian.path("canada-only").path("variationKey").asText()).isEqualTo("maple");
        assertThat(canadian.path("canada-only").path("type").asText()).isEqualTo("experiment");
    }

    @Test
    void evaluationsAreCounted() throws Exception {
        post("/v1/variables/checkout-enabled", VIP);
        post("/v1/variables", VIP);
        post("/v1/features", VIP);

        assertThat(server.metrics().render())
                .contains("vexilla_evaluations_total{config=\"shop-dc\",flag=\"checkout-enabled\","
                        + "reason=\"TARGETING_MATCH\"} 2")
                .contains("vexilla_evaluations_total{config=\"shop-dc\",flag=\"checkout\","
                        + "reason=\"TARGETING_MATCH\"} 1");
    }

    @Test
    void ofrep_servesTheVariationKeyAsVariant_andJsonAsAnObject() throws Exception {
        HttpResponse<String> response = TestServers.send(TestServers.request(
                        server, "/ofrep/v1/evaluate/flags/checkout-theme")
                .header("Authorization", "Bearer " + DEVCYCLE_KEY)
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"context\":{\"targetingKey\":\"u-vip\",\"email\":\"" + DevCycleFixtures.VIP_EMAIL + "\"}}"))
                .build());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        ServedConfig<FlagConfig> served = served();
        EvaluationResult expected = engine("checkout-theme", VIP);
        Map<String, Object> metadata =
                FlagMetadata.toWire(FlagMetadata.of(served.etag(), FlagSetIds.of(DEVCYCLE_KEY), served.loadedAt())
                        .metadataFor(expected));
        assertThat(body.path("value").path("color").asText()).isEqualTo("grey");
        assertThat(body.path("variant").asText()).isEqualTo("off");
        assertThat(body.path("reason").asText()).isEqualTo("TARGETING_MATCH");
        assertThat(body.path("metadata")).isEqualTo(ServerJson.mapper().valueToTree(metadata));
        assertThat(body.path("metadata").path("featureKey").asText()).isEqualTo("checkout");
    }

    @Test
    void ofrep_aVariableTheUserDoesNotGetHasNoValue_reasonDefault() throws Exception {
        HttpResponse<String> response = TestServers.send(TestServers.request(
                        server, "/ofrep/v1/evaluate/flags/canada-banner")
                .header("Authorization", "Bearer " + DEVCYCLE_KEY)
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"context\":{\"targetingKey\":\"u-1\"}}"))
                .build());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("reason").asText()).isEqualTo("DEFAULT");
        assertThat(body.path("value").isMissingNode() || body.path("value").isNull())
                .isTrue();
        assertThat(body.has("errorCode")).isFalse();
    }

    @Test
    void eventsBatch_ofDevCycleSdks_isAcceptedWith201_countedAndStored() throws Exception {
        String batch = """
                {"batch":[
                  {"user":{"user_id":"client-uuid@host","platform":"Java","sdkType":"server","sdkVersion":"2.6.0"},
                   "events":[
                     {"type":"aggVariableEvaluated","target":"checkout-enabled","value":3,
                      "date":1733536800000,"clientDate":1733536800000,
                      "metaData":{"_feature":"feat-checkout","_variation":"var-on","eval":{"TARGETING_MATCH":3}}},
                     {"type":"aggVariableDefaulted","target":"canada-banner","value":2,
                      "metaData":{"_variation":"DEFAULT","eval":{"DEFAULT":2}}}]},
                  {"user":{"user_id":"u-1","email":"a@example.com","customData":{"plan":"gold"}},
                   "events":[{"type":"customEvent","customType":"purchase","user_id":"u-1","value":12.5,
                              "featureVars":{"feat-checkout":"var-on"},"metaData":{"sku":"x"}}]}
                ]}
                """;

        HttpResponse<String> response = post("/v1/events/batch", batch);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(server.metrics().render())
                .contains("vexilla_events_received_total{config=\"shop-dc\",kind=\"evaluation\"} 3")
                .contains("vexilla_events_received_total{config=\"shop-dc\",kind=\"defaulted\"} 2")
                .contains("vexilla_events_received_total{config=\"shop-dc\",kind=\"custom\"} 1");
        String stored = Files.readString(dir.resolve("events.jsonl"));
        JsonNode line = ServerJson.mapper().readTree(stored.strip());
        assertThat(line.path("config").asText()).isEqualTo("shop-dc");
        assertThat(line.path("evaluations")
                        .path("checkout-enabled")
                        .path("var-on")
                        .asLong())
                .isEqualTo(3);
        assertThat(stored).doesNotContain("a@example.com").doesNotContain("gold");
    }

    @Test
    void v6ConfigsKeepTheirBucketingShapes() throws Exception {
        HttpResponse<String> response =
                TestServers.postJson(server, "/v1/features", TestServers.KEY_A, "{\"user_id\":\"u-1\"}");

        JsonNode flag = json(response).path("flag");
        assertThat(flag.path("_id").asText()).isEqualTo("flag");
        assertThat(flag.path("type").asText()).isEqualTo(BucketingRoutes.FEATURE_TYPE);
        assertThat(flag.path("_variation").asText()).isEqualTo("v1");
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
