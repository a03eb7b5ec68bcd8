package dev.vexilla.server;

import static dev.vexilla.server.EvaluationFixtures.json;
import static dev.vexilla.server.EvaluationFixtures.ofrep;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vexilla.engine.FlagConfig;
import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.FlagSetIds;
import dev.vexilla.model.User;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class OfrepRoutesTest {
    private static final String SINGLE = "/ofrep/v1/evaluate/flags/{key}";
    private static final String BULK = "/ofrep/v1/evaluate/flags";
    private static final String ADA =
            "{\"context\":{\"targetingKey\":\"u-1\",\"email\":\"ada@vexilla.dev\",\"country\":\"CA\"}}";
    private static final OpenApiSchema SCHEMA = OpenApiSchema.allowingEnumValues("DEFAULT");

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

    private static JsonNode conforming(HttpResponse<String> response, String route, int status) throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode body = json(response);
        assertThat(SCHEMA.violations(body, OpenApiSchema.response(route, status)))
                .as("schema violations of %s", body)
                .isEmpty();
        return body;
    }

    private static JsonNode general(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        JsonNode body = json(response);
        assertThat(OpenApiSchema.strict().violations(body, OpenApiSchema.component("generalErrorResponse")))
                .isEmpty();
        assertThat(body.get("errorDetails").asText()).isNotBlank();
        return body;
    }

    private HttpResponse<String> single(String key, String body) throws Exception {
        return ofrep(server, "/ofrep/v1/evaluate/flags/" + key, body);
    }

    private HttpResponse<String> bulk(String body, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = TestServers.request(server, BULK)
                .header("X-API-Key", TestServers.KEY_A)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return TestServers.send(request.build());
    }

    @Test
    void single_success_conformsAndCarriesVariantAndMetadata() throws Exception {
        JsonNode body = conforming(single("supportTier", ADA), SINGLE, 200);

        assertThat(body.get("key").asText()).isEqualTo("supportTier");
        assertThat(body.get("value").asText()).isEqualTo("priority");
        assertThat(body.get("reason").asText()).isEqualTo("TARGETING_MATCH");
        assertThat(body.get("variant").asText()).isEqualTo("5e7c1e01");
        assertThat(body.at("/metadata/flagSetId").asText()).isEqualTo(FlagSetIds.of(TestServers.KEY_A));
        assertThat(body.at("/metadata/ruleIndex").asInt()).isZero();
        assertThat(body.at("/metadata/version").asText())
                .isEqualTo(server.configStore().byName("shop").orElseThrow().etag());
    }

    @Test
    void single_everyValueType_conforms() throws Exception {
        assertThat(conforming(single("checkoutEnabled", ADA), SINGLE, 200)
                        .get("value")
                        .isBoolean())
                .isTrue();
        assertThat(conforming(single("maxUploadMb", ADA), SINGLE, 200)
                        .get("value")
                        .isInt())
                .isTrue();
        assertThat(conforming(single("discountRate", ADA), SINGLE, 200)
                        .get("value")
                        .isDouble())
                .isTrue();
        assertThat(conforming(single("newDashboard", ADA), SINGLE, 200)
                        .get("reason")
                        .asText())
                .isEqualTo("SPLIT");
        assertThat(conforming(single("upgradeBanner", ADA), SINGLE, 200)
                        .get("reason")
                        .asText())
                .isEqualTo("DEFAULT");
    }

    @Test
    void single_unknownFlag_is404FlagNotFoundWithTheConfigMetadata() throws Exception {
        JsonNode body = conforming(single("noSuchFlag", ADA), SINGLE, 404);

        assertThat(body.get("key").asText()).isEqualTo("noSuchFlag");
        assertThat(body.get("errorCode").asText()).isEqualTo("FLAG_NOT_FOUND");
        assertThat(body.get("errorDetails").asText()).isEqualTo("Flag 'noSuchFlag' is not in the config.");
        assertThat(body.at("/metadata/flagSetId").asText()).isEqualTo(FlagSetIds.of(TestServers.KEY_A));
        assertThat(body.at("/metadata/version").asText())
                .isEqualTo(server.configStore().byName("shop").orElseThrow().etag());
    }

    @Test
    void contextWithoutTargetingKey_isEvaluatedWithoutIdentifier_andAnEmptyKeyAloneAsNoUser() throws Exception {
        FlagConfig shop = shopConfig();
        JsonNode tier = conforming(single("supportTier", "{\"context\":{\"email\":\"ada@vexilla.dev\"}}"), SINGLE, 200);
        JsonNode rollout =
                conforming(single("newDashboard", "{\"context\":{\"email\":\"ada@vexilla.dev\"}}"), SINGLE, 200);
        JsonNode emptyKey = conforming(single("newDashboard", "{\"context\":{\"targetingKey\":\"\"}}"), SINGLE, 200);
        JsonNode empty = conforming(single("newDashboard", "{\"context\":{}}"), SINGLE, 200);

        assertThat(tier.get("value").asText()).isEqualTo("priority");
        assertThat(tier.get("reason").asText()).isEqualTo("TARGETING_MATCH");
        EvaluationResult anonymousAda = shop.evaluate(
                "newDashboard", User.builder().email("ada@vexilla.dev").build());
        assertThat(rollout.get("variant").asText()).isEqualTo(anonymousAda.variationId());
        assertThat(rollout.get("reason").asText())
                .isEqualTo(anonymousAda.reason().name());
        assertThat(emptyKey.get("reason").asText()).isEqualTo("DEFAULT");
        assertThat(emptyKey.get("variant"))
                .isEqualTo(conforming(single("newDashboard", "{\"context\":{}}"), SINGLE, 200)
                        .get("variant"));
        assertThat(empty.get("reason").asText()).isEqualTo("DEFAULT");
        assertThat(empty.get("variant").asText())
                .isEqualTo(shop.evaluate("newDashboard", null).variationId());
        assertThat(conforming(bulk("{\"context\":{}}", null), BULK, 200).get("flags"))
                .hasSize(9);
    }

    private FlagConfig shopConfig() {
        @SuppressWarnings("unchecked")
        ServedConfig<FlagConfig> served = (ServedConfig<FlagConfig>)
                server.configStore().byName(EvaluationFixtures.SHOP).orElseThrow();
        return served.compiled();
    }

    @Test
    void single_brokenFlag_is400ParseError() throws Exception {
        JsonNode body = conforming(single(EvaluationFixtures.BROKEN_FLAG, ADA), SINGLE, 400);

        assertThat(body.get("errorCode").asText()).isEqualTo("PARSE_ERROR");
        assertThat(body.get("errorDetails").asText()).isNotBlank();
    }

    @Test
    void single_badRequests_are400WithTheRightErrorCode() throws Exception {
        assertThat(conforming(single("checkoutEnabled", "{\"context\":"), SINGLE, 400)
                        .get("errorCode")
                        .asText())
                .isEqualTo("PARSE_ERROR");
        assertThat(conforming(single("checkoutEnabled", "{}"), SINGLE, 400)
                        .get("errorCode")
                        .asText())
                .isEqualTo("INVALID_CONTEXT");
        assertThat(conforming(single("checkoutEnabled", "{\"context\":[]}"), SINGLE, 400)
                        .get("errorCode")
                        .asText())
                .isEqualTo("INVALID_CONTEXT");
        JsonNode numericKey = conforming(single("checkoutEnabled", "{\"context\":{\"targetingKey\":42}}"), SINGLE, 400);
        assertThat(numericKey.get("errorCode").asText()).isEqualTo("INVALID_CONTEXT");
        assertThat(numericKey.get("errorDetails").asText()).contains("targetingKey");
    }

    @Test
    void authSizeAndContentTypeErrors_haveOfrepBodies() throws Exception {
        general(
                TestServers.send(TestServers.request(server, "/ofrep/v1/evaluate/flags/checkoutEnabled")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(ADA))
                        .build()),
                401);
        general(
                TestServers.send(TestServers.request(server, BULK)
                        .header("X-API-Key", "not-a-known-key-00000000")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(ADA))
                        .build()),
                401);
        general(
                TestServers.send(TestServers.request(server, BULK)
                        .header("X-API-Key", TestServers.KEY_A)
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString(ADA))
                        .build()),
                415);
        String huge = "{\"context\":{\"targetingKey\":\"" + "x".repeat(4096) + "\"}}";
        general(single("checkoutEnabled", huge), 413);
    }

    @Test
    void bulk_evaluatesEveryFlagAndConforms() throws Exception {
        HttpResponse<String> response = bulk(ADA, null);

        JsonNode body = conforming(response, BULK, 200);
        assertThat(body.get("flags")).hasSize(9);
        assertThat(body.at("/metadata/flagSetId").asText()).isEqualTo(FlagSetIds.of(TestServers.KEY_A));
        assertThat(body.at("/metadata/version").asText())
                .isEqualTo(server.configStore().byName("shop").orElseThrow().etag());
        JsonNode broken = null;
        for (JsonNode flag : body.get("flags")) {
            if (flag.get("key").asText().equals(EvaluationFixtures.BROKEN_FLAG)) {
                broken = flag;
            }
        }
        assertThat(broken).isNotNull();
        assertThat(broken.get("errorCode").asText()).isEqualTo("PARSE_ERROR");
        assertThat(response.headers().firstValue("ETag"))
                .hasValueSatisfying(tag -> assertThat(tag).matches("\"[A-Za-z0-9_-]{43}\""));
    }

    @Test
    void bulk_badContext_isABulkEvaluationFailure() throws Exception {
        JsonNode body = conforming(bulk("{\"context\":{\"targetingKey\":[1]}}", null), BULK, 400);

        assertThat(body.get("errorCode").asText()).isEqualTo("INVALID_CONTEXT");
        assertThat(body.has("key")).isFalse();
        assertThat(conforming(bulk("nope", null), BULK, 400).get("errorCode").asText())
                .isEqualTo("PARSE_ERROR");
    }

    @Test
    void bulk_etag_answers304UntilTheContextOrTheConfigChanges() throws Exception {
        String etag = bulk(ADA, null).headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> same = bulk(ADA, etag);
        assertThat(same.statusCode()).isEqualTo(304);
        assertThat(same.body()).isEmpty();
        assertThat(same.headers().firstValue("ETag")).hasValue(etag);
        String reordered = "{\"context\":{\"country\":\"CA\",\"email\":\"ada@vexilla.dev\",\"targetingKey\":\"u-1\"}}";
        assertThat(bulk(reordered, etag).statusCode()).isEqualTo(304);
        assertThat(bulk(ADA, "\"other\", W/" + etag).statusCode()).isEqualTo(304);

        HttpResponse<String> otherContext = bulk(ADA.replace("CA", "US"), etag);
        assertThat(otherContext.statusCode()).isEqualTo(200);
        assertThat(otherContext.headers().firstValue("ETag")).isNotEqualTo(java.util.Optional.of(etag));

        Path config = dir.resolve("configs").resolve("shop.json");
        Files.writeString(config, Files.readString(config).replace("\"priority\"", "\"gold\""));
        server.configStore().rescan();
        HttpResponse<String> changed = bulk(ADA, etag);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).isNotEqualTo(java.util.Optional.of(etag));
        assertThat(changed.body()).contains("\"gold\"");
    }

    @Test
    void ifNoneMatch_acceptsListsWeakTagsAndStar() {
        assertThat(OfrepRoutes.matches(null, "\"a\"")).isFalse();
        assertThat(OfrepRoutes.matches("\"a\"", "\"a\"")).isTrue();
        assertThat(OfrepRoutes.matches("\"x\", W/\"a\"", "\"a\"")).isTrue();
        assertThat(OfrepRoutes.matches("*", "\"a\"")).isTrue();
        assertThat(OfrepRoutes.matches("\"ab\"", "\"a\"")).isFalse();
        assertThat(OfrepRoutes.matches("a", "\"a\"")).isFalse();
    }

    @Test
    void singlePath_needsExactlyOneKeySegment() {
        assertThat(OfrepRoutes.isSinglePath("/ofrep/v1/evaluate/flags/a-flag")).isTrue();
        assertThat(OfrepRoutes.isSinglePath("/ofrep/v1/evaluate/flags/")).isFalse();
        assertThat(OfrepRoutes.isSinglePath("/ofrep/v1/evaluate/flags/a/b")).isFalse();
        assertThat(OfrepRoutes.isSinglePath("/ofrep/v1/evaluate/flags")).isFalse();
    }
}
