package dev.vexilla.contract.devcycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real {@link VexillaServer} on a random loopback port serving one DevCycle config v2 from a temporary directory,
 * under a key of its own ({@link #sdkKey()}; DevCycle's SDKs accept only keys starting with {@code server}, and its
 * WASM engine is one per JVM with event queues per key, so a key per server keeps one test's events from reaching
 * the next test's server). Rescans every 200 ms, so a
 * config written with {@link #replaceConfig(String)} is announced on the change stream soon after. {@link #close()}
 * stops it and deletes the directory.
 */
final class DevCycleServer implements AutoCloseable {
    private static final AtomicInteger SERVERS = new AtomicInteger();

    static final String CONFIG_NAME = "contract";
    static final ObjectMapper JSON = new ObjectMapper();

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final String sdkKey;
    private final Path dir;
    private final Path configFile;
    private final VexillaServer server;

    private DevCycleServer(String sdkKey, Path dir, Path configFile, VexillaServer server) {
        this.sdkKey = sdkKey;
        this.dir = dir;
        this.configFile = configFile;
        this.server = server;
    }

    /**
     * Starts a server serving a classpath resource.
     *
     * @param resource the config v2 resource
     * @return the running server
     */
    static DevCycleServer start(String resource) throws IOException {
        Path dir = Files.createTempDirectory("vexilla-devcycle-");
        Path configs = Files.createDirectories(dir.resolve("configs"));
        Path configFile = configs.resolve(CONFIG_NAME + ".json");
        Files.writeString(configFile, resource(resource));
        String sdkKey = "server-vexilla-contract-key-%09d".formatted(SERVERS.incrementAndGet());
        Files.writeString(configs.resolve(ServerOptions.DEFAULT_KEYS_FILE_NAME), sdkKey + " = " + CONFIG_NAME + "\n");
        VexillaServer server = VexillaServer.start(ServerOptions.builder()
                .port(0)
                .bindAddress("127.0.0.1")
                .configDirectory(configs)
                .eventsSink(dir.resolve("events.jsonl"))
                .rescanInterval(Duration.ofMillis(200))
                .build());
        return new DevCycleServer(sdkKey, dir, configFile, server);
    }

    static String resource(String name) throws IOException {
        try (InputStream in = DevCycleServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** @return the SDK key this server accepts; a test key, public by design */
    String sdkKey() {
        return sdkKey;
    }

    /** @return the base URL DevCycle's SDKs are given, e.g. {@code http://127.0.0.1:41234/} */
    String baseUrl() {
        return server.baseUri().toString();
    }

    /** @return the config file the server serves, also the file {@code LocalProvider} reads */
    Path configFile() {
        return configFile;
    }

    /** Replaces the served config; the server picks it up within its rescan interval. */
    void replaceConfig(String json) throws IOException {
        Path next = configFile.resolveSibling(CONFIG_NAME + ".json.tmp");
        Files.writeString(next, json);
        Files.move(
                next,
                configFile,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Reads one sample of the server's Prometheus metrics.
     *
     * @param name the metric name
     * @param labels the label text between the braces, e.g. {@code config="contract",kind="custom"}; empty for a
     *     metric without labels
     * @return the value, 0 when the series does not exist yet
     */
    double metric(String name, String labels) {
        String prefix = labels.isEmpty() ? name + " " : name + "{" + labels + "} ";
        return get("metrics")
                .lines()
                .filter(line -> line.startsWith(prefix))
                .mapToDouble(line ->
                        Double.parseDouble(line.substring(prefix.length()).strip()))
                .sum();
    }

    /** @return the event batches the server stored, one JSON object per accepted batch */
    List<JsonNode> storedBatches() {
        Path file = dir.resolve("events.jsonl");
        List<JsonNode> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        try {
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    out.add(JSON.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private String get(String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                    .timeout(Duration.ofSeconds(30))
                    .GET()
                    .build();
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
