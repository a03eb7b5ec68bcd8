package dev.vexilla.server;

import static dev.vexilla.server.TestServers.KEY_A;
import static dev.vexilla.server.TestServers.KEY_B;
import static dev.vexilla.server.TestServers.configPath;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ConfigFileRouteTest {
    @TempDir
    Path dir;

    private Path configs;
    private VexillaServer server;

    @BeforeEach
    void start() throws Exception {
        configs = TestServers.configDirectory(dir);
        server = TestServers.start(
                TestServers.options(dir).configDirectory(configs).build());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void knownKey_servesExactBytesWithStrongEtagCacheControlAndJsonType() throws Exception {
        HttpResponse<String> response = TestServers.get(server, configPath(KEY_A));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(Files.readString(configs.resolve("alpha.json")));
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
        String etag = response.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).startsWith("\"").endsWith("\"").doesNotStartWith("W/");
        assertThat(etag)
                .isEqualTo("\"" + ServedConfig.etagOf(Files.readAllBytes(configs.resolve("alpha.json"))) + "\"");
    }

    @Test
    void eachKeyReadsItsOwnConfig() throws Exception {
        String alpha = TestServers.get(server, configPath(KEY_A)).body();
        String beta = TestServers.get(server, configPath(KEY_B)).body();

        assertThat(alpha).contains("true");
        assertThat(beta).contains("false").isNotEqualTo(alpha);
    }

    @Test
    void ifNoneMatchWithCurrentEtag_gives304WithoutBody() throws Exception {
        String etag = TestServers.get(server, configPath(KEY_A))
                .headers()
                .firstValue("ETag")
                .orElseThrow();

        HttpResponse<String> response = TestServers.send(TestServers.request(server, configPath(KEY_A))
                .header("If-None-Match", etag)
                .GET()
                .build());

        assertThat(response.statusCode()).isEqualTo(304);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("ETag")).hasValue(etag);
    }

    @Test
    void ifNoneMatchWithOldEtag_gives200() throws Exception {
        HttpResponse<String> response = TestServers.send(TestServers.request(server, configPath(KEY_A))
                .header("If-None-Match", "\"something-else\", W/\"older\"")
                .GET()
                .build());

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void configCatEtagQueryParameter_gives304() throws Exception {
        String etag = TestServers.get(server, configPath(KEY_A))
                .headers()
                .firstValue("ETag")
                .orElseThrow();
        String bare = etag.substring(1, etag.length() - 1);

        HttpResponse<String> response = TestServers.get(server, configPath(KEY_A) + "?ccetag=" + bare);

        assertThat(response.statusCode()).isEqualTo(304);
    }

    @Test
    void unknownKey_gives404JsonErrorThatDoesNotEchoTheKey() throws Exception {
        String secret = "not-a-known-key-but-secret-0000";
        HttpResponse<String> response = TestServers.get(server, configPath(secret));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode body = ServerJson.mapper().readTree(response.body());
        assertThat(body.get("statusCode").asInt()).isEqualTo(404);
        assertThat(body.get("message").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain(secret);
    }

    @Test
    void keyWithSlashesLikeConfigCatKeys_isServed() throws Exception {
        String configCatKey = "configcat-sdk-1/PKDVCLf-Hq-h-kCzMp-L7Q/psuH7BGHoUmdONrzzUOY7A";
        Files.writeString(configs.resolve(ServerOptions.DEFAULT_KEYS_FILE_NAME), configCatKey + " = alpha\n");
        server.configStore().rescan();

        HttpResponse<String> response = TestServers.get(server, configPath(configCatKey));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void headRequest_givesHeadersWithoutBody() throws Exception {
        HttpResponse<String> response = TestServers.send(TestServers.request(server, configPath(KEY_A))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("ETag")).isPresent();
        assertThat(response.body()).isEmpty();
    }

    @Test
    void post_gives405WithAllowHeader() throws Exception {
        HttpResponse<String> response = TestServers.send(TestServers.request(server, configPath(KEY_A))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD");
        assertThat(ServerJson.mapper()
                        .readTree(response.body())
                        .get("statusCode")
                        .asInt())
                .isEqualTo(405);
    }
}
