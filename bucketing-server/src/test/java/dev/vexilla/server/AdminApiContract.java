package dev.vexilla.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The admin API's behaviour, the same over every config store: {@link DirectoryAdminApiTest} and
 * {@link RedisAdminApiTest} run these tests against a real server on their store.
 */
abstract class AdminApiContract {
    static final String TOKEN = "admin-token-0123456789abcdef";
    static final String NEW_KEY = "admin-added-key-9f8e7d6c5b4a39281706";
    static final String CONFIG_V1 = TestServers.MINIMAL_CONFIG;
    static final String CONFIG_V2 = TestServers.MINIMAL_CONFIG.replace("\"v1\"", "\"v2\"");
    static final String CONFIG_V3 = TestServers.MINIMAL_CONFIG.replace("\"v1\"", "\"v3\"");
    static final String INVALID = "{\"p\":{\"s\":\"salt\"},\"f\":[]}";

    private final List<VexillaServer> servers = new ArrayList<>();

    /** Starts a server on the store under test, with the admin token (null: admin API off). */
    abstract VexillaServer startServer(String adminToken) throws Exception;

    /** Returns everything the store keeps at rest as text (files, Redis values). */
    abstract String everythingAtRest() throws Exception;

    VexillaServer server(String adminToken) throws Exception {
        VexillaServer server = startServer(adminToken);
        servers.add(server);
        return server;
    }

    @AfterEach
    void stopServers() {
        servers.forEach(VexillaServer::close);
    }

    static HttpResponse<String> admin(VexillaServer server, String method, String path, String body, String... headers)
            throws Exception {
        HttpRequest.Builder request = TestServers.request(server, path)
                .header("Authorization", "Bearer " + TOKEN)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return TestServers.send(request.build());
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return ServerJson.mapper().readTree(response.body());
    }

    static String etagOf(String config) {
        return ServedConfig.etagOf(config.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void withoutAnAdminToken_theAdminRoutesAnswer404() throws Exception {
        VexillaServer server = server(null);

        HttpResponse<String> response = admin(server, "GET", "/admin/v1/configs", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).path("statusCode").asInt()).isEqualTo(404);
    }

    @Test
    void aMissingOrWrongToken_is401WithAJsonBody() throws Exception {
        VexillaServer server = server(TOKEN);

        HttpResponse<String> none = TestServers.get(server, "/admin/v1/configs");
        HttpResponse<String> wrong = TestServers.send(TestServers.request(server, "/admin/v1/configs/gamma")
                .header("Authorization", "Bearer " + TOKEN.replace('0', '1'))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(CONFIG_V1))
                .build());

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(json(wrong).path("message").asText()).contains("admin token");
        assertThat(admin(server, "GET", "/admin/v1/configs/gamma", null).statusCode())
                .as("the unauthorized PUT stored nothing")
                .isEqualTo(404);
    }

    @Test
    void put_createsThenReplaces_andTheNewVersionIsServed() throws Exception {
        VexillaServer server = server(TOKEN);

        HttpResponse<String> created = admin(server, "PUT", "/admin/v1/configs/gamma", CONFIG_V1);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(json(created).path("name").asText()).isEqualTo("gamma");
        assertThat(json(created).path("etag").asText()).isEqualTo(etagOf(CONFIG_V1));
        assertThat(admin(server, "POST", "/admin/v1/keys", "{\"sdkKey\":\"" + NEW_KEY + "\",\"config\":\"gamma\"}")
                        .statusCode())
                .isEqualTo(201);

        HttpResponse<String> replaced = admin(server, "PUT", "/admin/v1/configs/gamma", CONFIG_V2);
        assertThat(replaced.statusCode()).isEqualTo(200);
        assertThat(replaced.headers().firstValue("ETag")).hasValue('"' + etagOf(CONFIG_V2) + '"');

        HttpResponse<String> served = TestServers.get(server, TestServers.configPath(NEW_KEY));
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(CONFIG_V2);
        assertThat(served.headers().firstValue("ETag")).hasValue('"' + etagOf(CONFIG_V2) + '"');

        HttpResponse<String> read = admin(server, "GET", "/admin/v1/configs/gamma", null);
        assertThat(read.body()).isEqualTo(CONFIG_V2);
        assertThat(read.headers().firstValue("ETag")).hasValue('"' + etagOf(CONFIG_V2) + '"');
        JsonNode list = json(admin(server, "GET", "/admin/v1/configs", null)).path("configs");
        assertThat(list.findValuesAsText("name")).contains("gamma");
        assertThat(list.findValuesAsText("etag")).contains(etagOf(CONFIG_V2));
    }

    @Test
    void anInvalidConfig_is400WithItsJsonPath_andNothingChanges() throws Exception {
        VexillaServer server = server(TOKEN);
        admin(server, "PUT", "/admin/v1/configs/gamma", CONFIG_V1);
        String before = everythingAtRest();

        HttpResponse<String> rejected = admin(server, "PUT", "/admin/v1/configs/gamma", INVALID);
        HttpResponse<String> notJson = admin(server, "PUT", "/admin/v1/configs/gamma", "{\"f\":");

        assertThat(rejected.statusCode()).isEqualTo(400);
        assertThat(json(rejected).path("path").asText()).isEqualTo("$.f");
        assertThat(json(rejected).path("message").asText()).contains("at $.f");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(everythingAtRest()).isEqualTo(before);
        assertThat(admin(server, "GET", "/admin/v1/configs/gamma", null).body()).isEqualTo(CONFIG_V1);
    }

    @Test
    void aLostUpdate_is412_andAMatchingIfMatchWins() throws Exception {
        VexillaServer server = server(TOKEN);
        String first = json(admin(server, "PUT", "/admin/v1/configs/gamma", CONFIG_V1))
                .path("etag")
                .asText();
        admin(server, "PUT", "/admin/v1/configs/gamma", CONFIG_V2, "If-Match", '"' + first + '"');

        HttpResponse<String> lost =
                admin(server, "PUT", "/admin/v1/configs/gamma", CONFIG_V3, "If-Match", '"' + first + '"');
        HttpResponse<String> won =
                admin(server, "PUT", "/admin/v1/configs/gamma", CONFIG_V3, "If-Match", '"' + etagOf(CONFIG_V2) + '"');

        assertThat(lost.statusCode()).isEqualTo(412);
        assertThat(json(lost).path("statusCode").asInt()).isEqualTo(412);
        assertThat(won.statusCode()).isEqualTo(200);
        assertThat(admin(server, "GET", "/admin/v1/configs/gamma", null).body()).isEqualTo(CONFIG_V3);
    }

    @Test
    void versions_listNewestFirst_andRollbackRestoresAnOldVersion() throws Exception {
        VexillaServer server = server(TOKEN);
        for (String config : List.of(CONFIG_V1, CONFIG_V2, CONFIG_V3)) {
            admin(server, "PUT", "/admin/v1/configs/gamma", config);
        }

        JsonNode versions = json(admin(server, "GET", "/admin/v1/configs/gamma/versions", null));
        assertThat(versions.path("versions").findValuesAsText("etag"))
                .containsExactly(etagOf(CONFIG_V3), etagOf(CONFIG_V2), etagOf(CONFIG_V1));
        assertThat(versions.path("current").asText()).isEqualTo(etagOf(CONFIG_V3));

        HttpResponse<String> rolledBack =
                admin(server, "POST", "/admin/v1/configs/gamma/rollback", "{\"etag\":\"" + etagOf(CONFIG_V1) + "\"}");
        HttpResponse<String> unknown =
                admin(server, "POST", "/admin/v1/configs/gamma/rollback", "{\"etag\":\"" + "x".repeat(43) + "\"}");

        assertThat(rolledBack.statusCode()).isEqualTo(200);
        assertThat(json(rolledBack).path("etag").asText()).isEqualTo(etagOf(CONFIG_V1));
        assertThat(admin(server, "GET", "/admin/v1/configs/gamma", null).body()).isEqualTo(CONFIG_V1);
        assertThat(json(admin(server, "GET", "/admin/v1/configs/gamma/versions", null))
                        .path("versions")
                        .get(0)
                        .path("etag")
                        .asText())
                .isEqualTo(etagOf(CONFIG_V1));
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void delete_stopsServingTheConfig() throws Exception {
        VexillaServer server = server(TOKEN);
        admin(server, "PUT", "/admin/v1/configs/gamma", CONFIG_V1);
        admin(server, "POST", "/admin/v1/keys", "{\"sdkKey\":\"" + NEW_KEY + "\",\"config\":\"gamma\"}");
        assertThat(TestServers.get(server, TestServers.configPath(NEW_KEY)).statusCode())
                .isEqualTo(200);

        HttpResponse<String> deleted = admin(server, "DELETE", "/admin/v1/configs/gamma", null);

        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(json(deleted).path("etag").asText()).isEqualTo(etagOf(CONFIG_V1));
        assertThat(admin(server, "GET", "/admin/v1/configs/gamma", null).statusCode())
                .isEqualTo(404);
        assertThat(admin(server, "DELETE", "/admin/v1/configs/gamma", null).statusCode())
                .isEqualTo(404);
        assertThat(TestServers.get(server, TestServers.configPath(NEW_KEY)).statusCode())
                .isNotEqualTo(200);
    }

    @Test
    void keys_areAddedListedAndDeleted_andOnlyTheirDigestIsKeptAtRest() throws Exception {
        VexillaServer server = server(TOKEN);
        admin(server, "PUT", "/admin/v1/configs/gamma", CONFIG_V1);

        HttpResponse<String> added =
                admin(server, "POST", "/admin/v1/keys", "{\"sdkKey\":\"" + NEW_KEY + "\",\"config\":\"gamma\"}");
        HttpResponse<String> again =
                admin(server, "POST", "/admin/v1/keys", "{\"sdkKey\":\"" + NEW_KEY + "\",\"config\":\"gamma\"}");
        HttpResponse<String> tooShort =
                admin(server, "POST", "/admin/v1/keys", "{\"sdkKey\":\"short\",\"config\":\"gamma\"}");

        String keyId = dev.vexilla.model.FlagSetIds.of(NEW_KEY);
        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(json(added).path("keyId").asText()).isEqualTo(keyId).hasSize(16);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(json(tooShort).path("message").asText()).contains("$.sdkKey").doesNotContain("short\"");
        HttpResponse<String> listed = admin(server, "GET", "/admin/v1/keys", null);
        assertThat(listed.body()).contains(keyId).doesNotContain(NEW_KEY);
        assertThat(everythingAtRest()).doesNotContain(NEW_KEY).contains(keyId);
        HttpResponse<String> served = TestServers.get(server, TestServers.configPath(NEW_KEY));
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(TestServers.postJson(server, "/ofrep/v1/evaluate/flags/flag", NEW_KEY, "{\"context\":{}}")
                        .body())
                .as("an evaluation for an admin-added key reports the key's own flag set id")
                .contains("\"value\":true");

        assertThat(admin(server, "DELETE", "/admin/v1/keys/" + keyId, null).statusCode())
                .isEqualTo(200);
        assertThat(admin(server, "DELETE", "/admin/v1/keys/" + keyId, null).statusCode())
                .isEqualTo(404);
        assertThat(TestServers.get(server, TestServers.configPath(NEW_KEY)).statusCode())
                .isNotEqualTo(200);
        assertThat(admin(server, "GET", "/admin/v1/keys", null).body()).doesNotContain(keyId);
    }

    @Test
    void audit_recordsWhoWhenAndWhat() throws Exception {
        VexillaServer server = server(TOKEN);
        admin(server, "PUT", "/admin/v1/configs/gamma", CONFIG_V1);
        admin(server, "PUT", "/admin/v1/configs/gamma", CONFIG_V2);
        admin(server, "POST", "/admin/v1/keys", "{\"sdkKey\":\"" + NEW_KEY + "\",\"config\":\"gamma\"}");

        HttpResponse<String> response = admin(server, "GET", "/admin/v1/audit", null);

        JsonNode entries = json(response).path("entries");
        assertThat(response.body()).doesNotContain(TOKEN).doesNotContain(NEW_KEY);
        assertThat(entries.get(0).path("action").asText()).isEqualTo("POST /admin/v1/keys");
        assertThat(entries.get(0).path("keyId").asText()).isEqualTo(dev.vexilla.model.FlagSetIds.of(NEW_KEY));
        JsonNode update = entries.get(1);
        assertThat(update.path("action").asText()).isEqualTo("PUT /admin/v1/configs/{name}");
        assertThat(update.path("config").asText()).isEqualTo("gamma");
        assertThat(update.path("oldEtag").asText()).isEqualTo(etagOf(CONFIG_V1));
        assertThat(update.path("newEtag").asText()).isEqualTo(etagOf(CONFIG_V2));
        assertThat(update.path("actor").asText()).matches("token-[0-9a-f]{8}");
        assertThat(java.time.Instant.parse(update.path("at").asText())).isNotNull();
        assertThat(entries.get(2).path("oldEtag").isNull()).isTrue();
    }
}
