package dev.vexilla.bench;

import dev.vexilla.bench.scenario.BenchConfigs;
import dev.vexilla.server.ServerOptions;
import dev.vexilla.server.VexillaServer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A Vexilla bucketing server on a random loopback port of this JVM, serving the scenario config
 * ({@value BenchConfigs#CONFIGCAT_FILE}) under one SDK key, for the network benchmarks.
 *
 * <p>The config, the keys file and the events sink live in a temporary directory that {@link #close()} deletes. The
 * directory rescan runs once an hour, so that it never lands in a measured iteration. The server's per-evaluation
 * log (logger {@code dev.vexilla.evaluation}) stays off: benchmarks.jar logs from WARN up.
 */
final class LoopbackServer implements AutoCloseable {

    /** The SDK key the scenario config is served under; 16 to 256 visible characters, as the server requires. */
    static final String SDK_KEY = "vexilla-bench-loopback-key-0001";

    private static final String CONFIG_NAME = "scenarios";
    private static final Duration RESCAN = Duration.ofHours(1);

    private final Path directory;
    private final VexillaServer server;

    private LoopbackServer(Path directory, VexillaServer server) {
        this.directory = directory;
        this.server = server;
    }

    /**
     * Writes the scenario config and keys file and starts the server.
     *
     * @return the running server
     * @throws IOException if the files cannot be written
     */
    static LoopbackServer start() throws IOException {
        Path directory = Files.createTempDirectory("vexilla-bench-server-");
        try {
            Path configs = Files.createDirectory(directory.resolve("configs"));
            Files.writeString(
                    configs.resolve(CONFIG_NAME + ".json"), BenchConfigs.configCatScenarios(), StandardCharsets.UTF_8);
            Files.writeString(
                    configs.resolve(ServerOptions.DEFAULT_KEYS_FILE_NAME),
                    SDK_KEY + " = " + CONFIG_NAME + "\n",
                    StandardCharsets.UTF_8);
            VexillaServer server = VexillaServer.start(ServerOptions.builder()
                    .port(0)
                    .bindAddress("127.0.0.1")
                    .configDirectory(configs)
                    .eventsSink(directory.resolve("events.jsonl"))
                    .rescanInterval(RESCAN)
                    .build());
            return new LoopbackServer(directory, server);
        } catch (IOException | RuntimeException e) {
            deleteTree(directory);
            throw e;
        }
    }

    /**
     * Returns the base URI, e.g. {@code http://127.0.0.1:41234/}.
     *
     * @return the base URI, ending in {@code /}
     */
    URI baseUri() {
        return server.baseUri();
    }

    /** Stops the server and deletes its files. */
    @Override
    public void close() throws IOException {
        server.close();
        deleteTree(directory);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
