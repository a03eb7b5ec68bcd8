package dev.vexilla.server;

import static dev.vexilla.server.AdminApiContract.CONFIG_V1;
import static dev.vexilla.server.AdminApiContract.CONFIG_V2;
import static dev.vexilla.server.AdminApiContract.INVALID;
import static dev.vexilla.server.AdminApiContract.NEW_KEY;
import static dev.vexilla.server.AdminApiContract.TOKEN;
import static dev.vexilla.server.AdminApiContract.admin;
import static dev.vexilla.server.AdminApiContract.etagOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's OpenAPI file ({@code openapi/vexilla-server.yaml}) against the running server: it describes every
 * route the server answers (and no other), and the server's answers have documented statuses and bodies that
 * validate against their schemas.
 */
final class ServerOpenApiTest {
    private static final OpenApiSchema SPEC = OpenApiSchema.server();

    @TempDir
    Path dir;

    private VexillaServer server;

    @BeforeEach
    void start() throws Exception {
        server = TestServers.start(TestServers.options(dir)
                .configDirectory(TestServers.configDirectory(dir))
                .adminToken(TOKEN)
                .build());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Checks that the status is documented for the route and that a JSON body validates against its schema. */
    private static HttpResponse<String> conforms(String template, String method, HttpResponse<String> response)
            throws Exception {
        int status = response.statusCode();
        assertThat(SPEC.responseOf(template, method, status))
                .as("%s %s answered %s, which the OpenAPI file does not document", method, template, status)
                .isPresent();
        boolean json = response.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
        if (json && SPEC.responseSchema(template, method, status).isPresent()) {
            JsonNode body = ServerJson.mapper().readTree(response.body());
            assertThat(SPEC.violations(
                            body, SPEC.responseSchema(template, method, status).get()))
                    .as("%s %s %s body %s", method, template, status, response.body())
                    .isEmpty();
        }
        return response;
    }

    @Test
    void everyRouteTheServerAnswers_isDescribed_andNoOther() {
        assertThat(SPEC.operations())
                .containsExactlyInAnyOrderElementsOf(server.handler().operations());
    }

    @Test
    void adminAnswers_validateAgainstTheFile() throws Exception {
        String config = AdminRoutes.CONFIG;
        conforms(config, "PUT", admin(server, "PUT", "/admin/v1/configs/gamma", CONFIG_V1));
        conforms(config, "PUT", admin(server, "PUT", "/admin/v1/configs/gamma", CONFIG_V2));
        conforms(config, "PUT", admin(server, "PUT", "/admin/v1/configs/gamma", INVALID));
        conforms(config, "PUT", admin(server, "PUT", "/admin/v1/configs/gamma", CONFIG_V1, "If-Match", "\"x\""));
        conforms(config, "GET", admin(server, "GET", "/admin/v1/configs/gamma", null));
        conforms(config, "GET", admin(server, "GET", "/admin/v1/configs/nothing", null));
        conforms(AdminRoutes.CONFIGS, "GET", admin(server, "GET", "/admin/v1/configs", null));
        conforms(AdminRoutes.VERSIONS, "GET", admin(server, "GET", "/admin/v1/configs/gamma/versions", null));
        conforms(
                AdminRoutes.ROLLBACK,
                "POST",
                admin(server, "POST", "/admin/v1/configs/gamma/rollback", "{\"etag\":\"" + etagOf(CONFIG_V1) + "\"}"));
        conforms(AdminRoutes.ROLLBACK, "POST", admin(server, "POST", "/admin/v1/configs/gamma/rollback", "{}"));
        HttpResponse<String> added = conforms(
                AdminRoutes.KEYS,
                "POST",
                admin(server, "POST", "/admin/v1/keys", "{\"sdkKey\":\"" + NEW_KEY + "\",\"config\":\"gamma\"}"));
        conforms(AdminRoutes.KEYS, "POST", admin(server, "POST", "/admin/v1/keys", "{\"sdkKey\":1}"));
        conforms(AdminRoutes.KEYS, "GET", admin(server, "GET", "/admin/v1/keys", null));
        String keyId = ServerJson.mapper().readTree(added.body()).path("keyId").asText();
        conforms(AdminRoutes.KEY, "DELETE", admin(server, "DELETE", "/admin/v1/keys/" + keyId, null));
        conforms(AdminRoutes.KEY, "DELETE", admin(server, "DELETE", "/admin/v1/keys/" + keyId, null));
        conforms(config, "DELETE", admin(server, "DELETE", "/admin/v1/configs/gamma", null));
        conforms(AdminRoutes.VERSIONS, "GET", admin(server, "GET", "/admin/v1/configs/gamma/versions", null));
        conforms(AdminRoutes.AUDIT, "GET", admin(server, "GET", "/admin/v1/audit", null));
        conforms(AdminRoutes.AUDIT, "GET", TestServers.get(server, "/admin/v1/audit"));
    }

    @Test
    void publicAnswers_validateAgainstTheFile() throws Exception {
        conforms("/healthz", "GET", TestServers.get(server, "/healthz"));
        conforms("/readyz", "GET", TestServers.get(server, "/readyz"));
        conforms("/metrics", "GET", TestServers.get(server, "/metrics"));
        conforms(ConfigFileRoute.TEMPLATE, "GET", TestServers.get(server, TestServers.configPath(TestServers.KEY_A)));
        conforms(ConfigFileRoute.TEMPLATE, "GET", TestServers.get(server, TestServers.configPath(NEW_KEY)));
        conforms("/v1/stream", "GET", TestServers.get(server, "/v1/stream"));
        conforms(EventsRoute.PATH, "POST", TestServers.postJson(server, EventsRoute.PATH, NEW_KEY, "{\"batch\":[]}"));
        conforms(
                BucketingRoutes.VARIABLES_PATH,
                "POST",
                TestServers.postJson(server, BucketingRoutes.VARIABLES_PATH, TestServers.KEY_A, "{\"user_id\":\"u\"}"));
        conforms(
                OfrepRoutes.SINGLE_TEMPLATE,
                "POST",
                TestServers.postJson(server, "/ofrep/v1/evaluate/flags/flag", TestServers.KEY_A, "{\"context\":{}}"));
        conforms(
                OfrepRoutes.BULK_PATH,
                "POST",
                TestServers.postJson(server, OfrepRoutes.BULK_PATH, TestServers.KEY_A, "{\"context\":{}}"));
    }
}
