package dev.vexilla.cloud;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vexilla.model.ObjectMappers;
import dev.vexilla.server.ServerOptions;
import dev.vexilla.server.VexillaServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real bucketing server on a random loopback port, serving config "shop" (the server's demo config plus a flag
 * broken by an unknown comparator and a JSON flag) under {@link #KEY}, and the DevCycle config v2 "checkout-dc"
 * ({@code checkout-v2.json}: {@code checkout-copy} "Pay now" for {@code @vexilla.dev} e-mails) under
 * {@link #DEVCYCLE_KEY}, with its events sink in the directory.
 */
final class TestServer implements AutoCloseable {
    static final String KEY = "cloud-test-key-0123456789abcdef";
    static final String DEVCYCLE_KEY = "server-cloud-test-key-0123456789";
    static final String DEVCYCLE_COPY = "Pay now";
    static final String BROKEN_FLAG = "brokenFlag";
    static final String JSON_FLAG = "layout";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Path dir;
    private final int rateLimit;
    private VexillaServer server;

    private TestServer(Path dir, int rateLimit) {
        this.dir = dir;
        this.rateLimit = rateLimit;
        this.server = start(0);
    }

    static TestServer start(Path dir) {
        return start(dir, 0);
    }

    static TestServer start(Path dir, int rateLimit) {
        try {
            Path configs = Files.createDirectories(dir.resolve("configs"));
            Files.writeString(configs.resolve("shop.json"), config("fallback"));
            Files.writeString(configs.resolve("checkout-dc.json"), devCycleConfig(DEVCYCLE_COPY));
            Files.writeString(
                    configs.resolve(ServerOptions.DEFAULT_KEYS_FILE_NAME),
                    KEY + " = shop\n" + DEVCYCLE_KEY + " = checkout-dc\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TestServer(dir, rateLimit);
    }

    /** The shop config; {@code layoutColumns} changes the JSON flag's value so tests can publish a new version. */
    static String config(String brokenFallback) throws IOException {
        ObjectNode root;
        try (InputStream in = VexillaServer.class.getResourceAsStream("demo-config_v6.json")) {
            root = (ObjectNode) ObjectMappers.shared().readTree(in);
        }
        ObjectNode flags = (ObjectNode) root.get("f");
        flags.set(
                BROKEN_FLAG,
                ObjectMappers.shared()
                        .readTree("{\"t\":1,\"r\":[{\"c\":[{\"u\":{\"a\":\"Email\",\"c\":99,\"s\":\"x\"}}],"
                                + "\"s\":{\"v\":{\"s\":\"never\"},\"i\":\"bad1\"}}],\"v\":{\"s\":\""
                                + brokenFallback + "\"},\"i\":\"bad0\"}"));
        flags.set(
                JSON_FLAG,
                ObjectMappers.shared().readTree("{\"t\":1,\"v\":{\"s\":\"{\\\"columns\\\":3}\"},\"i\":\"1a70u700\"}"));
        return root.toString();
    }

    /** The DevCycle config v2 with {@code checkout-copy} serving {@code copy} to staff. */
    static String devCycleConfig(String copy) throws IOException {
        try (InputStream in = TestServer.class.getResourceAsStream("checkout-v2.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("\"" + DEVCYCLE_COPY + "\"", "\"" + copy + "\"");
        }
    }

    /** Replaces the DevCycle config with one serving {@code copy} to staff and waits until the server serves it. */
    void publishDevCycle(String copy) throws IOException {
        Path tmp = dir.resolve("checkout-dc.json.tmp");
        Files.writeString(tmp, devCycleConfig(copy));
        Files.move(
                tmp,
                dir.resolve("configs").resolve("checkout-dc.json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        HttpRequest request = HttpRequest.newBuilder(baseUri().resolve("config/v2/server/" + DEVCYCLE_KEY + ".json"))
                .build();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> HTTP.send(request, HttpResponse.BodyHandlers.ofString())
                        .body()
                        .contains("\"" + copy + "\""));
    }

    private VexillaServer start(int port) {
        return VexillaServer.start(ServerOptions.builder()
                .port(port)
                .bindAddress("127.0.0.1")
                .configDirectory(dir.resolve("configs"))
                .eventsSink(dir.resolve("events.jsonl"))
                .rescanInterval(Duration.ofMillis(100))
                .heartbeatInterval(Duration.ofSeconds(1))
                .rateLimit(rateLimit)
                .build());
    }

    /** Replaces the config file with one whose JSON flag serves {@code columns}; the server reloads it. */
    void publish(int columns) throws IOException {
        publishText(config("fallback").replace("{\\\"columns\\\":3}", "{\\\"columns\\\":" + columns + "}"));
    }

    /** Replaces the config file with the same flags in other bytes (trailing blank lines): a new version, no flag changed. */
    void publishSameFlags() throws IOException {
        publishText(config("fallback") + "\n\n");
    }

    /**
     * Waits until the server serves a config file containing {@code text} (it reloads on its own schedule).
     *
     * @param text a fragment of the expected config JSON
     */
    void awaitServing(String text) {
        HttpRequest request = HttpRequest.newBuilder(
                        baseUri().resolve("configuration-files/" + KEY + "/config_v6.json"))
                .build();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> HTTP.send(request, HttpResponse.BodyHandlers.ofString())
                        .body()
                        .contains(text));
    }

    /** Returns how many change streams are open on the server now ({@code /healthz}). */
    int openStreams() throws IOException, InterruptedException {
        HttpRequest request =
                HttpRequest.newBuilder(baseUri().resolve("healthz")).build();
        return ObjectMappers.shared()
                .readTree(
                        HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body())
                .get("streams")
                .asInt();
    }

    /** Waits until exactly {@code count} change streams are open on the server. */
    void awaitOpenStreams(int count) {
        await().atMost(Duration.ofSeconds(60)).until(() -> openStreams() == count);
    }

    private void publishText(String json) throws IOException {
        Path tmp = dir.resolve("shop.json.tmp");
        Files.writeString(tmp, json);
        Files.move(
                tmp,
                dir.resolve("configs").resolve("shop.json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    URI baseUri() {
        return server.baseUri();
    }

    int port() {
        return server.port();
    }

    Path eventsSink() {
        return dir.resolve("events.jsonl");
    }

    /** Stops the server. */
    void stop() {
        server.close();
    }

    /** Starts the server again on a new random port. */
    void restart() {
        server = start(0);
    }

    @Override
    public void close() {
        server.close();
    }
}
