package dev.vexilla.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A config directory for the evaluation routes: config "shop" (the demo config plus a flag broken by an unknown
 * comparator) under {@link TestServers#KEY_A}, and config "tiny" ({@link TestServers#MINIMAL_CONFIG}) under
 * {@link TestServers#KEY_B}.
 */
final class EvaluationFixtures {
    static final String BROKEN_FLAG = "brokenFlag";
    static final String SHOP = "shop";

    private EvaluationFixtures() {}

    /** Returns the demo config with {@link #BROKEN_FLAG} added. */
    static String shopConfig() throws IOException {
        ObjectNode root;
        try (InputStream in = VexillaServer.class.getResourceAsStream("demo-config_v6.json")) {
            root = (ObjectNode) ServerJson.mapper().readTree(in);
        }
        JsonNode broken = ServerJson.mapper()
                .readTree(
                        "{\"t\":1,\"r\":[{\"c\":[{\"u\":{\"a\":\"Email\",\"c\":99,\"s\":\"x\"}}],"
                                + "\"s\":{\"v\":{\"s\":\"never\"},\"i\":\"bad1\"}}],\"v\":{\"s\":\"fallback\"},\"i\":\"bad0\"}");
        ((ObjectNode) root.get("f")).set(BROKEN_FLAG, broken);
        return root.toString();
    }

    /** Writes the config directory and returns it. */
    static Path configDirectory(Path dir) throws IOException {
        Path configs = Files.createDirectories(dir.resolve("configs"));
        Files.writeString(configs.resolve(SHOP + ".json"), shopConfig());
        Files.writeString(configs.resolve("tiny.json"), TestServers.MINIMAL_CONFIG);
        Files.writeString(
                configs.resolve(ServerOptions.DEFAULT_KEYS_FILE_NAME),
                TestServers.KEY_A + " = " + SHOP + "\n" + TestServers.KEY_B + " = tiny\n");
        return configs;
    }

    /** Options for a server on the fixture directory with the given body limit. */
    static ServerOptions.Builder options(Path dir) throws IOException {
        return TestServers.options(dir).configDirectory(configDirectory(dir));
    }

    /** Posts JSON with a raw {@code Authorization} key. */
    static HttpResponse<String> post(VexillaServer server, String path, String body) throws Exception {
        return TestServers.postJson(server, path, TestServers.KEY_A, body);
    }

    /** Posts an OFREP request with {@code Authorization: Bearer}. */
    static HttpResponse<String> ofrep(VexillaServer server, String path, String body) throws Exception {
        return TestServers.send(TestServers.request(server, path)
                .header("Authorization", "Bearer " + TestServers.KEY_A)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** Parses a response body. */
    static JsonNode json(HttpResponse<String> response) throws IOException {
        return ServerJson.mapper().readTree(response.body());
    }
}
