package dev.vexilla.contract.cloud;

import dev.vexilla.server.ServerOptions;
import dev.vexilla.server.VexillaServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The bucketing server of a cloud runner: a real {@link VexillaServer} on a random loopback port serving the
 * translated spec flags ({@code spec-flags_v6.json}) as config {@value #CONFIG_NAME} under {@link #SDK_KEY}, from a
 * temporary directory that {@link #stop()} deletes. One server runs per runner: its binding starts it in Cucumber's
 * {@code @BeforeAll} and stops it in {@code @AfterAll}.
 *
 * <p>Not thread-safe; Cucumber calls the hooks from one thread.
 */
public final class SpecServer {

    /** The SDK key the server accepts; a test key, public by design. */
    public static final String SDK_KEY = "contract-tests-spec-key-0000000000";

    /** The config name the server serves the spec flags under. */
    static final String CONFIG_NAME = "spec";

    private static final String SPEC_FLAGS_V6 = "dev/vexilla/contract/spec-flags_v6.json";

    private static @Nullable Running running;

    private SpecServer() {}

    /** Starts the server unless it runs already. */
    public static void start() {
        if (running != null) {
            return;
        }
        try {
            Path dir = Files.createTempDirectory("vexilla-contract-");
            Path configs = Files.createDirectories(dir.resolve("configs"));
            try (InputStream in = SpecServer.class.getClassLoader().getResourceAsStream(SPEC_FLAGS_V6)) {
                if (in == null) {
                    throw new IllegalStateException(SPEC_FLAGS_V6 + " is missing from the test classpath");
                }
                Files.write(configs.resolve(CONFIG_NAME + ".json"), in.readAllBytes());
            }
            Files.writeString(
                    configs.resolve(ServerOptions.DEFAULT_KEYS_FILE_NAME), SDK_KEY + " = " + CONFIG_NAME + "\n");
            VexillaServer server = VexillaServer.start(ServerOptions.builder()
                    .port(0)
                    .bindAddress("127.0.0.1")
                    .configDirectory(configs)
                    .eventsSink(dir.resolve("events.jsonl"))
                    .build());
            running = new Running(dir, server);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the spec server's config directory", e);
        }
    }

    /**
     * Returns the base URI of the running server.
     *
     * @return {@code http://127.0.0.1:<port>/}
     * @throws IllegalStateException if the server is not running
     */
    public static URI baseUri() {
        Running r = running;
        if (r == null) {
            throw new IllegalStateException("the spec server is not running: its binding's @BeforeAll starts it");
        }
        return r.server.baseUri();
    }

    /** Stops the server and deletes its directory; does nothing when it is not running. */
    public static void stop() {
        Running r = running;
        running = null;
        if (r == null) {
            return;
        }
        r.server.close();
        try (Stream<Path> files = Files.walk(r.dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(SpecServer::delete);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + r.dir, e);
        }
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }

    /** A started server and its directory. */
    private static final class Running {
        final Path dir;
        final VexillaServer server;

        Running(Path dir, VexillaServer server) {
            this.dir = dir;
            this.server = server;
        }
    }
}
