package dev.vexilla.server.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vexilla.engine.FlagConfig;
import dev.vexilla.model.internal.stream.BackoffPolicy;
import dev.vexilla.server.ConfigValidators;
import dev.vexilla.server.ServerOptions;
import dev.vexilla.server.VexillaServer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Relaying a real in-process Vexilla server: its bytes, its change stream, its outages. */
final class UpstreamMirrorVexillaTest {
    static final String KEY_A = "relay-key-aaaaaaaaaaaaaaaaaaaa-0001";
    static final String KEY_B = "relay-key-bbbbbbbbbbbbbbbbbbbb-0002";
    static final String CONFIG = "{\"p\":{\"s\":\"salt\"},\"f\":{\"flag\":{\"t\":0,\"v\":{\"b\":true},\"i\":\"v1\"}}}";
    static final Duration WAIT = Duration.ofSeconds(60);
    static final BackoffPolicy FAST_RECONNECT =
            BackoffPolicy.defaults().withInitialDelay(Duration.ofMillis(50)).withMaxDelay(Duration.ofMillis(500));

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @TempDir
    Path dir;

    private final List<RelayedConfig<FlagConfig>> received = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService scheduler;
    private Path configs;
    private VexillaServer upstream;

    @BeforeEach
    void setUp() throws IOException {
        scheduler = new ScheduledThreadPoolExecutor(1);
        configs = Files.createDirectories(dir.resolve("configs"));
        Files.writeString(configs.resolve("alpha.json"), CONFIG);
        Files.writeString(configs.resolve("beta.json"), CONFIG.replace("true", "false"));
        Files.writeString(
                configs.resolve(ServerOptions.DEFAULT_KEYS_FILE_NAME), KEY_A + " = alpha\n" + KEY_B + " = beta\n");
        upstream = startUpstream(0);
    }

    @AfterEach
    void tearDown() {
        scheduler.shutdownNow();
        if (upstream != null) {
            upstream.close();
        }
    }

    private VexillaServer startUpstream(int port) {
        return VexillaServer.start(ServerOptions.builder()
                .port(port)
                .bindAddress("127.0.0.1")
                .configDirectory(configs)
                .eventsSink(dir.resolve("events.jsonl"))
                .rescanInterval(ServerOptions.MIN_INTERVAL)
                .build());
    }

    private UpstreamMirror<FlagConfig> relay() {
        RelayOptions options = RelayOptions.builder(upstream.baseUri())
                .key(KEY_A, "alpha-relayed")
                .pollInterval(Duration.ofHours(1))
                .build();
        assertThat(options.kind()).isEqualTo(UpstreamKind.VEXILLA);
        return UpstreamMirror.start(
                options, ConfigValidators.engine(), received::add, Clock.systemUTC(), scheduler, FAST_RECONNECT);
    }

    private byte[] upstreamBytes() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(
                        upstream.baseUri().resolve("/configuration-files/" + KEY_A + "/config_v6.json"))
                .timeout(Duration.ofSeconds(10))
                .build();
        HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private byte[] lastBytes() {
        return received.get(received.size() - 1).bytes();
    }

    @Test
    void servesTheUpstreamsBytesUnderTheConfiguredNameOnly() throws Exception {
        try (UpstreamMirror<FlagConfig> mirror = relay()) {
            await().atMost(WAIT).until(() -> received.size() == 1);

            assertThat(lastBytes()).isEqualTo(upstreamBytes());
            assertThat(received.get(0).configName()).isEqualTo("alpha-relayed");
            assertThat(received.get(0).upstreamEtag()).isPresent();
            assertThat(mirror.status()).extracting(RelayStatus::configName).containsExactly("alpha-relayed");
        }
    }

    @Test
    void followsAChangeAnnouncedOnTheUpstreamsStream() throws Exception {
        try (UpstreamMirror<FlagConfig> mirror = relay()) {
            await().atMost(WAIT)
                    .until(() -> received.size() == 1 && mirror.status().get(0).streaming());

            Files.writeString(configs.resolve("alpha.json"), CONFIG.replace("true", "false"));

            await().atMost(WAIT).until(() -> received.size() == 2);
            assertThat(lastBytes()).isEqualTo(upstreamBytes());
            assertThat(new String(lastBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("false");
        }
    }

    @Test
    void anUpstreamOutageKeepsTheLastGoodCopyAndTheRelayResumesWhenItIsBack() throws Exception {
        try (UpstreamMirror<FlagConfig> mirror = relay()) {
            await().atMost(WAIT)
                    .until(() -> received.size() == 1 && mirror.status().get(0).streaming());
            byte[] good = lastBytes();
            int port = upstream.port();

            upstream.close();
            upstream = null;
            await().atMost(WAIT).until(() -> !mirror.status().get(0).streaming());
            mirror.refresh();

            await().atMost(WAIT).until(() -> !mirror.status().get(0).healthy());
            RelayStatus down = mirror.status().get(0);
            assertThat(down.loaded()).isTrue();
            assertThat(down.failure().orElseThrow()).doesNotContain(KEY_A);
            assertThat(received).hasSize(1);
            assertThat(lastBytes()).isEqualTo(good);

            Files.writeString(configs.resolve("alpha.json"), CONFIG.replace("true", "false"));
            upstream = startUpstream(port);

            await().atMost(WAIT).until(() -> received.size() == 2);
            assertThat(lastBytes()).isEqualTo(upstreamBytes());
            await().atMost(WAIT)
                    .until(() -> mirror.status().get(0).healthy()
                            && mirror.status().get(0).streaming());
        }
    }

    @Test
    void closeStopsTheMirrorsThreads() {
        UpstreamMirror<FlagConfig> mirror = relay();
        await().atMost(WAIT).until(() -> received.size() == 1);

        mirror.close();
        mirror.close();

        await().atMost(WAIT).until(mirror::isTerminated);
    }
}
