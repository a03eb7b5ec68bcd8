package dev.vexilla.server;

import static dev.vexilla.server.EvaluationFixtures.json;
import static dev.vexilla.server.EvaluationFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vexilla.engine.FlagConfig;
import dev.vexilla.model.ErrorKind;
import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.FlagSetIds;
import dev.vexilla.model.ObjectMappers;
import dev.vexilla.model.ResultReason;
import dev.vexilla.model.User;
import dev.vexilla.model.bucketing.ErrorBody;
import dev.vexilla.model.bucketing.Variable;
import dev.vexilla.model.bucketing.VexillaDetails;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class BucketingRoutesTest {
    private static final String ADA = "{\"user_id\":\"u-1\",\"email\":\"ada@vexilla.dev\",\"country\":\"CA\"}";

    @TempDir
    Path dir;

    private VexillaServer server;

    @BeforeEach
    void start() throws Exception {
        server = TestServers.start(
                EvaluationFixtures.options(dir).maxBodyBytes(2048).build());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String servedEtag() throws Exception {
        String header = TestServers.get(server, TestServers.configPath(TestServers.KEY_A))
                .headers()
                .firstValue("ETag")
                .orElseThrow();
        return header.substring(1, header.length() - 1);
    }

    private static void assertError(HttpResponse<String> response, int status, String messagePart) throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode body = json(response);
        assertThat(body.get("statusCode").asInt()).isEqualTo(status);
        assertThat(body.get("message").asText()).contains(messagePart);
    }

    @Test
    void variable_matchedRule_answersTheValueWithReasonVariantAndConfigMetadata() throws Exception {
        HttpResponse<String> response = post(server, "/v1/variables/supportTier", ADA);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("_id").asText()).isEqualTo("supportTier");
        assertThat(body.get("key").asText()).isEqualTo("supportTier");
        assertThat(body.get("type").asText()).isEqualTo("String");
        assertThat(body.get("value").asText()).isEqualTo("priority");
        assertThat(body.at("/eval/reason").asText()).isEqualTo("TARGETING_MATCH");
        Variable variable = ObjectMappers.read(ServerJson.mapper(), response.body(), Variable.class);
        EvaluationResult result = variable.toEvaluationResult();
        assertThat(result.value()).isEqualTo("priority");
        assertThat(result.variationId()).isEqualTo("5e7c1e01");
        assertThat(result.reason()).isEqualTo(ResultReason.TARGETING_MATCH);
        assertThat(variable.flagMetadata().getString("version")).isEqualTo(servedEtag());
        assertThat(variable.flagMetadata().getString("flagSetId")).isEqualTo(FlagSetIds.of(TestServers.KEY_A));
        assertThat(variable.flagMetadata().getInteger("ruleIndex")).isZero();
        assertThat(variable.flagMetadata().getLong("fetchTime"))
                .isEqualTo(server.configStore()
                        .byName(EvaluationFixtures.SHOP)
                        .orElseThrow()
                        .loadedAt()
                        .toEpochMilli());
    }

    @Test
    void variable_typesFollowTheSettingType() throws Exception {
        assertThat(json(post(server, "/v1/variables/checkoutEnabled", ADA))
                        .get("type")
                        .asText())
                .isEqualTo("Boolean");
        JsonNode number = json(post(server, "/v1/variables/maxUploadMb", ADA));
        assertThat(number.get("type").asText()).isEqualTo("Number");
        assertThat(number.get("value").asInt()).isEqualTo(100);
        assertThat(json(post(server, "/v1/variables/discountRate", ADA))
                        .get("value")
                        .asDouble())
                .isEqualTo(0.1);
    }

    @Test
    void variable_unknownKey_is404WithFlagNotFoundTheEngineMessageAndTheConfigMetadata() throws Exception {
        HttpResponse<String> response = post(server, "/v1/variables/noSuchFlag", ADA);

        assertError(response, 404, "Variable not found for key: noSuchFlag");
        ErrorBody body = ObjectMappers.read(ServerJson.mapper(), response.body(), ErrorBody.class);
        assertThat(body.errorKind()).isEqualTo(ErrorKind.FLAG_NOT_FOUND);
        VexillaDetails details = body.vexilla();
        assertThat(details).isNotNull();
        assertThat(details.reason()).isEqualTo("ERROR");
        assertThat(details.errorMessage()).isEqualTo("Flag 'noSuchFlag' is not in the config.");
        assertThat(details.flagMetadata().asUnmodifiableMap())
                .containsOnlyKeys("version", "flagSetId", "fetchTime")
                .containsEntry("version", servedEtag())
                .containsEntry("flagSetId", FlagSetIds.of(TestServers.KEY_A));
    }

    @Test
    void anonymousUser_isEvaluatedWithoutIdentifierAndAnEmptyOneAsNoUser() throws Exception {
        String anonymousAda = "{\"isAnonymous\":true,\"email\":\"ada@vexilla.dev\"}";
        FlagConfig shop = shopConfig();

        assertThat(result(post(server, "/v1/variables/supportTier", anonymousAda)))
                .isEqualTo(shop.evaluate(
                        "supportTier", User.builder().email("ada@vexilla.dev").build()));
        assertThat(result(post(server, "/v1/variables/newDashboard", anonymousAda)))
                .as("a user without identifier: the rollout hashes an empty identifier, as LocalProvider does")
                .isEqualTo(shop.evaluate(
                        "newDashboard", User.builder().email("ada@vexilla.dev").build()));
        assertThat(result(post(server, "/v1/variables/newDashboard", "{\"isAnonymous\":true,\"user_id\":\"\"}")))
                .isEqualTo(shop.evaluate("newDashboard", User.empty()))
                .extracting(EvaluationResult::reason)
                .isEqualTo(ResultReason.SPLIT);
        EvaluationResult noUser = result(post(server, "/v1/variables/newDashboard", "{\"isAnonymous\":true}"));
        assertThat(noUser).isEqualTo(shop.evaluate("newDashboard", null));
        assertThat(noUser.reason()).isEqualTo(ResultReason.DEFAULT);
        assertThat(post(server, "/v1/variables?enableEdgeDB=true", anonymousAda).statusCode())
                .isEqualTo(200);
        assertThat(post(server, "/v1/features", "{\"isAnonymous\":true}").statusCode())
                .isEqualTo(200);
    }

    private FlagConfig shopConfig() {
        @SuppressWarnings("unchecked")
        ServedConfig<FlagConfig> served = (ServedConfig<FlagConfig>)
                server.configStore().byName(EvaluationFixtures.SHOP).orElseThrow();
        return served.compiled();
    }

    private static EvaluationResult result(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(200);
        return ObjectMappers.read(ServerJson.mapper(), response.body(), Variable.class)
                .toEvaluationResult();
    }

    @Test
    void variable_brokenFlag_isADefaultedVariableCarryingParseError() throws Exception {
        HttpResponse<String> response = post(server, "/v1/variables/" + EvaluationFixtures.BROKEN_FLAG, ADA);

        assertThat(response.statusCode()).isEqualTo(200);
        Variable variable = ObjectMappers.read(ServerJson.mapper(), response.body(), Variable.class);
        assertThat(variable.isDefaulted()).isTrue();
        assertThat(variable.value()).isNull();
        assertThat(variable.toEvaluationResult().errorKind()).isEqualTo(ErrorKind.PARSE_ERROR);
    }

    @Test
    void badUsers_are400NamingTheJsonPath() throws Exception {
        assertError(post(server, "/v1/variables/checkoutEnabled", "{\"email\":\"a@b.c\"}"), 400, "$.user_id");
        assertError(post(server, "/v1/variables/checkoutEnabled", "{\"user_id\":\"\"}"), 400, "$.user_id");
        assertError(post(server, "/v1/variables", "{\"isAnonymous\":false}"), 400, "$.user_id");
        assertError(post(server, "/v1/variables", "{\"isAnonymous\":\"maybe\"}"), 400, "$.isAnonymous");
        assertError(post(server, "/v1/variables", "{\"user_id\":\"u\",\"customData\":[1]}"), 400, "$.customData");
        assertError(post(server, "/v1/features", "{\"user_id\":\"u\""), 400, "Invalid request body at $");
        assertError(post(server, "/v1/features", "[]"), 400, "Invalid request body at $");
        assertError(post(server, "/v1/features", ""), 400, "Invalid request body at $");
    }

    @Test
    void wrongScalarTypes_are400NamingTheJsonPathOnEveryUserRoute() throws Exception {
        Map<String, String> pathOfBadField = new LinkedHashMap<>();
        pathOfBadField.put("{\"user_id\":true}", "$.user_id");
        pathOfBadField.put("{\"user_id\":123}", "$.user_id");
        pathOfBadField.put("{\"user_id\":1e999999}", "$.user_id");
        pathOfBadField.put("{\"user_id\":\"u\",\"email\":5}", "$.email");
        pathOfBadField.put("{\"user_id\":\"u\",\"country\":false}", "$.country");
        pathOfBadField.put("{\"user_id\":\"u\",\"customData\":{\"x\":1e999999}}", "$.customData.x");
        List<String> routes = List.of(
                "/v1/variables/checkoutEnabled",
                "/v1/variables",
                "/v1/features",
                "/v1/variables/checkoutEnabled?enableEdgeDB=true");

        for (String route : routes) {
            for (Map.Entry<String, String> bad : pathOfBadField.entrySet()) {
                assertError(post(server, route, bad.getKey()), 400, "Invalid request body at " + bad.getValue() + ":");
            }
        }
        assertThat(server.edgeDb().get("123")).isEmpty();
    }

    @Test
    void track_wrongScalarTypes_are400NamingTheJsonPath() throws Exception {
        assertError(post(server, "/v1/track", "{\"user\":{\"user_id\":123},\"events\":[]}"), 400, "$.user.user_id:");
        assertError(
                post(server, "/v1/track", "{\"user\":{\"user_id\":\"u\"},\"events\":[{\"type\":true}]}"),
                400,
                "$.events[0].type:");
        assertError(
                post(
                        server,
                        "/v1/track",
                        "{\"user\":{\"user_id\":\"u\"},\"events\":[{\"type\":\"t\",\"value\":1e999999}]}"),
                400,
                "$.events[0].value:");
        assertThat(dir.resolve("events.jsonl")).doesNotExist();
    }

    @Test
    void everyEvaluationRoute_checksKeyContentTypeAndSize() throws Exception {
        for (String path : List.of("/v1/variables/checkoutEnabled", "/v1/variables", "/v1/features", "/v1/track")) {
            assertError(TestServers.postJson(server, path, "unknown-key-000000000000", ADA), 401, "SDK key");
            assertError(
                    TestServers.send(TestServers.request(server, path)
                            .header("Authorization", TestServers.KEY_A)
                            .header("Content-Type", "text/plain")
                            .POST(HttpRequest.BodyPublishers.ofString(ADA))
                            .build()),
                    415,
                    "Content-Type");
            String huge = "{\"user_id\":\"u\",\"name\":\"" + "x".repeat(4096) + "\"}";
            assertError(post(server, path, huge), 413, "2048 bytes");
            assertError(
                    TestServers.send(TestServers.request(server, path)
                            .header("Authorization", TestServers.KEY_A)
                            .GET()
                            .build()),
                    405,
                    "POST");
        }
    }

    @Test
    void variables_returnsEveryFlagByKey() throws Exception {
        HttpResponse<String> response = post(server, "/v1/variables", ADA);

        assertThat(response.statusCode()).isEqualTo(200);
        var variables = ObjectMappers.read(ServerJson.mapper(), response.body(), Variable.MAP_TYPE);
        assertThat(variables.keySet())
                .containsExactlyInAnyOrderElementsOf(server.configStore()
                        .byName(EvaluationFixtures.SHOP)
                        .map(c -> c.compiled().keys())
                        .orElseThrow());
        assertThat(variables.get("supportTier").toEvaluationResult().value()).isEqualTo("priority");
        assertThat(variables.get("maxUploadMb").toEvaluationResult().value()).isEqualTo(100);
        assertThat(variables
                        .get(EvaluationFixtures.BROKEN_FLAG)
                        .toEvaluationResult()
                        .errorKind())
                .isEqualTo(ErrorKind.PARSE_ERROR);
    }

    @Test
    void features_returnsOneReleaseFeaturePerFlagWithItsVariation() throws Exception {
        HttpResponse<String> response = post(server, "/v1/features", ADA);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        JsonNode tier = body.get("supportTier");
        assertThat(tier.get("_id").asText()).isEqualTo("supportTier");
        assertThat(tier.get("key").asText()).isEqualTo("supportTier");
        assertThat(tier.get("type").asText()).isEqualTo("release");
        assertThat(tier.get("_variation").asText()).isEqualTo("5e7c1e01");
        assertThat(tier.at("/eval/reason").asText()).isEqualTo("TARGETING_MATCH");
        assertThat(body.at("/checkoutEnabled/_variation").asText()).isEqualTo("c0ffee01");
        assertThat(body.at("/checkoutEnabled/eval/reason").asText()).isEqualTo("STATIC");
        assertThat(body.at("/" + EvaluationFixtures.BROKEN_FLAG + "/eval/reason")
                        .asText())
                .isEqualTo("ERROR");
    }

    @Test
    void track_acceptsEventsAndStoresOnlyCounts() throws Exception {
        String body = "{\"user\":{\"user_id\":\"u-secret-1\",\"email\":\"jane@private.example\"},"
                + "\"events\":[{\"type\":\"checkout\",\"value\":12.5,\"metaData\":{\"cart\":\"c-9\"}},"
                + "{\"type\":\"checkout\"},{\"type\":\"signup\",\"target\":\"t\"}]}";

        HttpResponse<String> response = post(server, "/v1/track", body);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(json(response).get("message").asText()).isEqualTo("Successfully received 3 events.");
        List<String> lines = Files.readAllLines(dir.resolve("events.jsonl"));
        assertThat(lines).hasSize(1);
        JsonNode line = ServerJson.mapper().readTree(lines.get(0));
        assertThat(line.get("config").asText()).isEqualTo(EvaluationFixtures.SHOP);
        assertThat(line.at("/custom/checkout").asLong()).isEqualTo(2);
        assertThat(line.at("/custom/signup").asLong()).isEqualTo(1);
        assertThat(lines.get(0))
                .doesNotContain("u-secret-1")
                .doesNotContain("jane@")
                .doesNotContain("c-9");
        assertThat(server.metrics().render())
                .contains("vexilla_events_received_total{config=\"shop\",kind=\"custom\"} 3");
    }

    @Test
    void track_badBodies_are400NamingTheJsonPath() throws Exception {
        assertError(post(server, "/v1/track", "{\"events\":[]}"), 400, "$");
        assertError(post(server, "/v1/track", "{\"user\":{\"email\":\"a@b.c\"},\"events\":[]}"), 400, "$.user.user_id");
        assertError(
                post(server, "/v1/track", "{\"user\":{\"isAnonymous\":true},\"events\":[]}"), 400, "$.user.user_id");
        assertError(
                post(server, "/v1/track", "{\"user\":{\"user_id\":\"u\"},\"events\":[{\"type\":\"\"}]}"),
                400,
                "$.events[0].type");
        assertError(post(server, "/v1/track", "{\"user\":{\"user_id\":\"u\"},\"events\":[{}]}"), 400, "$.events[0]");
        assertThat(dir.resolve("events.jsonl")).doesNotExist();
    }

    @Test
    void evaluations_areCountedByConfigFlagAndReason() throws Exception {
        post(server, "/v1/variables/supportTier", ADA);
        post(server, "/v1/variables/supportTier", ADA);
        post(server, "/v1/variables/made-up-key", ADA);

        String metrics = server.metrics().render();
        assertThat(metrics)
                .contains(
                        "vexilla_evaluations_total{config=\"shop\",flag=\"supportTier\",reason=\"TARGETING_MATCH\"} 2")
                .contains("vexilla_evaluations_total{config=\"shop\",flag=\"(unknown)\",reason=\"ERROR\"} 1")
                .doesNotContain("made-up-key")
                .contains("vexilla_config_version{config=\"shop\"} 1");
    }

    @Test
    void floodOfMalformedEvaluationRequests_thenAGoodOneIsServed() throws Exception {
        List<String[]> bad = List.of(
                new String[] {"/v1/variables/checkoutEnabled", "{\"user_id\":"},
                new String[] {"/v1/variables", "{\"email\":\"no-id@x.org\"}"},
                new String[] {"/v1/features", "[1,2,3]"},
                new String[] {"/v1/track", "{\"user\":{}}"},
                new String[] {"/ofrep/v1/evaluate/flags/checkoutEnabled", "{\"context\":7}"},
                new String[] {"/ofrep/v1/evaluate/flags", "\u0000\u0001garbage"});
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
            for (int i = 0; i < 1200; i++) {
                String[] request = bad.get(i % bad.size());
                statuses.add(pool.submit(() -> TestServers.send(TestServers.request(server, request[0])
                                .header("Authorization", "Bearer " + TestServers.KEY_A)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(request[1]))
                                .build())
                        .statusCode()));
            }
            for (java.util.concurrent.Future<Integer> status : statuses) {
                assertThat(status.get(30, java.util.concurrent.TimeUnit.SECONDS))
                        .isEqualTo(400);
            }
        } finally {
            pool.shutdownNow();
        }

        HttpResponse<String> good = post(server, "/v1/variables/supportTier", ADA);

        assertThat(good.statusCode()).isEqualTo(200);
        assertThat(json(good).get("value").asText()).isEqualTo("priority");
        assertThat(server.metrics().render())
                .contains("vexilla_http_requests_total{route=\"/v1/variables/{key}\",status=\"400\"} 200")
                .contains("vexilla_http_requests_total{route=\"/ofrep/v1/evaluate/flags\",status=\"400\"} 200");
        assertThat(Files.readString(Path.of("target", "test-server.log"))).doesNotContain(TestServers.KEY_A);
    }

    @Test
    void variablePath_needsExactlyOneKeySegment() {
        assertThat(BucketingRoutes.isVariablePath("/v1/variables/a.b-c_d")).isTrue();
        assertThat(BucketingRoutes.isVariablePath("/v1/variables/")).isFalse();
        assertThat(BucketingRoutes.isVariablePath("/v1/variables/a/b")).isFalse();
        assertThat(BucketingRoutes.isVariablePath("/v1/variables")).isFalse();
    }

    @Test
    void unknownPathUnderTheApi_is404() throws Exception {
        assertError(post(server, "/v1/variables/a/b", ADA), 404, "No such endpoint");
    }
}
