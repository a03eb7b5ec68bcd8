package dev.vexilla.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.EventDetails;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.vexilla.local.ConfigProtocol;
import dev.vexilla.local.LocalOptions;
import dev.vexilla.local.LocalProvider;
import dev.vexilla.local.PollingMode;
import dev.vexilla.server.ServerOptions;
import dev.vexilla.server.VexillaServer;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code LocalProvider} in DevCycle mode against the real server, with polling pushed out of reach: a config change
 * can only arrive over the change stream the served config names ({@code sse}: the server's {@code /v1/stream} with
 * {@code ?sdkKey=} in the path). The provider sends no {@code Authorization} on that stream, so this proves the
 * server's query-parameter key is enough.
 */
final class DevCycleModeOnTheServerTest {
    private static final String KEY = "server-devcycle-mode-test-00000000";
    private static final String SWITCH_ON = "{\"_var\": \"variable-payments-enabled\", \"value\": true}";

    @TempDir
    Path directory;

    private final OpenFeatureAPI api = OpenFeatureAPI.createIsolated();
    private VexillaServer server;

    @AfterEach
    void stop() throws Exception {
        api.shutdown();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aChangeArrivesOverTheStreamTheConfigNames_withPollingOutOfReach() throws Exception {
        Path config = directory.resolve("dc.json");
        try (InputStream in = VexillaServer.class.getResourceAsStream("demo-config_v2.json")) {
            Files.writeString(config, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        Path keys = directory.resolve(ServerOptions.DEFAULT_KEYS_FILE_NAME);
        Files.writeString(keys, KEY + " = dc\n");
        server = VexillaServer.start(ServerOptions.builder()
                .port(0)
                .bindAddress("127.0.0.1")
                .configDirectory(directory)
                .keysFile(keys)
                .rescanInterval(Duration.ofMillis(200))
                .build());
        LocalProvider provider = new LocalProvider(LocalOptions.builder()
                .sdkKey(KEY)
                .configProtocol(ConfigProtocol.DEVCYCLE)
                .baseUrl(server.baseUri())
                .eventsUrl(server.baseUri())
                .pollingMode(PollingMode.autoPoll(Duration.ofHours(1), Duration.ofSeconds(30)))
                .streamBackstopInterval(Duration.ofHours(1))
                .build());
        api.setProviderAndWait(provider);
        Client client = api.getClient();
        BlockingQueue<EventDetails> changes = new LinkedBlockingQueue<>();
        client.onProviderConfigurationChanged(changes::add);
        ImmutableContext user = new ImmutableContext("user-1");
        assertThat(client.getBooleanValue("payments-enabled", false, user)).isTrue();
        await("the provider's stream is open on the server")
                .atMost(Duration.ofSeconds(60))
                .until(() -> metric("vexilla_stream_clients") == 1);

        Path next = directory.resolve("dc.json.next");
        Files.writeString(next, Files.readString(config).replace(SWITCH_ON, SWITCH_ON.replace("true", "false")));
        Files.move(next, config, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

        await("the change arrives over the stream")
                .atMost(Duration.ofSeconds(60))
                .until(() -> !client.getBooleanValue("payments-enabled", true, user));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> changes.stream()
                        .anyMatch(e -> e.getFlagsChanged() != null
                                && e.getFlagsChanged().contains("payments-enabled")));
    }

    private long metric(String name) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(server.baseUri().resolve("/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return response.body()
                .lines()
                .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
