package dev.vexilla.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** Starts servers on random loopback ports for tests, and talks to them with the JDK HTTP client. */
final class TestServers {
    static final String KEY_A = "test-key-aaaaaaaaaaaaaaaaaaaa-0001";
    static final String KEY_B = "test-key-bbbbbbbbbbbbbbbbbbbb-0002";
    static final String MINIMAL_CONFIG =
            "{\"p\":{\"s\":\"salt\"},\"f\":{\"flag\":{\"t\":0,\"v\":{\"b\":true},\"i\":\"v1\"}}}";
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private TestServers() {}

    /**
     * Returns options for a loopback server on a random port whose events go to {@code dir}, with a rescan interval
     * so long that tests drive rescans themselves.
     */
    static ServerOptions.Builder options(Path dir) {
        return ServerOptions.builder()
                .port(0)
                .bindAddress("127.0.0.1")
                .eventsSink(dir.resolve("events.jsonl"))
                .rescanInterval(Duration.ofHours(1));
    }

    /** Writes a config directory with configs "alpha" (KEY_A) and "beta" (KEY_B), both {@link #MINIMAL_CONFIG}. */
    static Path configDirectory(Path dir) throws IOException {
        Path configs = Files.createDirectories(dir.resolve("configs"));
        Files.writeString(configs.resolve("alpha.json"), MINIMAL_CONFIG);
        Files.writeString(configs.resolve("beta.json"), MINIMAL_CONFIG.replace("true", "false"));
        Files.writeString(
                configs.resolve(ServerOptions.DEFAULT_KEYS_FILE_NAME),
                "# test keys\n" + KEY_A + " = alpha\n" + KEY_B + " = beta\n");
        return configs;
    }

    static VexillaServer start(ServerOptions options) {
        return VexillaServer.start(options, ConfigValidators.engine(), Clock.systemUTC(), null);
    }

    static HttpRequest.Builder request(VexillaServer server, String path) {
        return HttpRequest.newBuilder(server.baseUri().resolve(path)).timeout(TIMEOUT);
    }

    static HttpResponse<String> get(VexillaServer server, String path) throws IOException, InterruptedException {
        return HTTP.send(request(server, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> postJson(VexillaServer server, String path, String key, String body)
            throws IOException, InterruptedException {
        return send(request(server, path)
                .header("Authorization", key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    static String configPath(String key) {
        return "/configuration-files/" + key + "/config_v6.json";
    }

    static URI uri(VexillaServer server, String path) {
        return server.baseUri().resolve(path);
    }
}
