package dev.vexilla.server.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vexilla.model.ObjectMappers;
import dev.vexilla.model.internal.stream.BackoffPolicy;
import dev.vexilla.server.ServerOptions;
import dev.vexilla.server.VexillaServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Event batches accepted in relay mode reach the upstream's events API in batches, bounded and counted. */
final class UpstreamEventForwarderTest {
    static final String KEY = "relay-key-aaaaaaaaaaaaaaaaaaaa-0001";
    static final Duration WAIT = Duration.ofSeconds(60);
    static final BackoffPolicy FAST_RETRY =
            BackoffPolicy.defaults().withInitialDelay(Duration.ofMillis(10)).withMaxDelay(Duration.ofMillis(100));

    @TempDir
    Path dir;

    private ScheduledExecutorService scheduler;
    private FakeUpstream upstream;

    @BeforeEach
    void setUp() throws Exception {
        scheduler = new ScheduledThreadPoolExecutor(1);
        upstream = new FakeUpstream();
    }

    @AfterEach
    void tearDown() {
        scheduler.shutdownNow();
        upstream.close();
    }

    static byte[] batch(String... entries) {
        return ("{\"batch\":[" + String.join(",", entries) + "]}").getBytes(StandardCharsets.UTF_8);
    }

    static String entry(String user, int events) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < events; i++) {
            list.append(i == 0 ? "" : ",")
                    .append("{\"type\":\"customEvent\",\"customType\":\"e")
                    .append(i)
                    .append("\"}");
        }
        return "{\"user\":{\"user_id\":\"" + user + "\"},\"events\":[" + list + "]}";
    }

    private RelayOptions.Builder options(URI base) {
        return RelayOptions.builder(base).key(KEY, "alpha").eventFlushInterval(Duration.ofHours(1));
    }

    private UpstreamEventForwarder start(RelayOptions options) {
        return UpstreamEventForwarder.start(options, Clock.systemUTC(), scheduler, FAST_RETRY);
    }

    private List<JsonNode> posted() throws Exception {
        List<JsonNode> bodies = new java.util.ArrayList<>();
        for (FakeUpstream.Seen seen : upstream.requestsTo("/v1/events/batch")) {
            assertThat(seen.method()).isEqualTo("POST");
            assertThat(seen.header("Authorization")).isEqualTo(KEY);
            assertThat(seen.header("Content-Type")).isEqualTo("application/json");
            bodies.add(ObjectMappers.shared().readTree(seen.body()));
        }
        return bodies;
    }

    private static List<String> users(JsonNode body) {
        List<String> users = new java.util.ArrayList<>();
        body.path("batch").forEach(e -> users.add(e.path("user").path("user_id").asText()));
        return users;
    }

    @Test
    void forwardsToARealVexillaUpstreamOnTheFlushSchedule() throws Exception {
        String other = "relay-key-bbbbbbbbbbbbbbbbbbbb-0002";
        Path configs = Files.createDirectories(dir.resolve("configs"));
        Files.writeString(configs.resolve("alpha.json"), UpstreamMirrorVexillaTest.CONFIG);
        Files.writeString(configs.resolve(ServerOptions.DEFAULT_KEYS_FILE_NAME), KEY + " = alpha\n" + other + " = b\n");
        Path sink = dir.resolve("events.jsonl");
        try (VexillaServer server = VexillaServer.start(ServerOptions.builder()
                        .port(0)
                        .configDirectory(configs)
                        .eventsSink(sink)
                        .build());
                UpstreamEventForwarder forwarder = start(options(server.baseUri())
                        .eventFlushInterval(RelayOptions.MIN_EVENT_FLUSH_INTERVAL)
                        .build())) {

            assertThat(forwarder.offer(KEY, batch(entry("u-1", 2), entry("u-2", 1))))
                    .isTrue();

            await().atMost(WAIT).until(() -> forwarder.forwardedEvents() == 3);
            List<String> lines = Files.readAllLines(sink);
            assertThat(lines).hasSize(1);
            assertThat(ObjectMappers.shared()
                            .readTree(lines.get(0))
                            .get("events")
                            .asInt())
                    .isEqualTo(3);
            assertThat(forwarder.queuedEvents()).isZero();
            assertThat(forwarder.droppedEvents()).isZero();
        }
    }

    @Test
    void sendsBatchesOfAtMostTheBatchSizeWithoutSplittingAnEntry() throws Exception {
        UpstreamEventForwarder forwarder =
                start(options(upstream.baseUri()).eventBatchSize(2).build());
        forwarder.offer(KEY, batch(entry("u-1", 1), entry("u-2", 1)));
        forwarder.offer(KEY, batch(entry("u-3", 2)));
        forwarder.offer(KEY, batch(entry("u-4", 1)));
        assertThat(forwarder.queuedEvents()).isEqualTo(5);

        forwarder.flush();

        await().atMost(WAIT).until(() -> forwarder.forwardedEvents() == 4);
        assertThat(posted())
                .extracting(UpstreamEventForwarderTest::users)
                .containsExactly(List.of("u-1", "u-2"), List.of("u-3"));
        assertThat(forwarder.queuedEvents()).isEqualTo(1);

        forwarder.close();

        assertThat(posted())
                .extracting(UpstreamEventForwarderTest::users)
                .containsExactly(List.of("u-1", "u-2"), List.of("u-3"), List.of("u-4"));
        assertThat(forwarder.forwardedEvents()).isEqualTo(5);
    }

    @Test
    void aFullQueueDropsWholeBatchesAndCountsTheirEvents() {
        try (UpstreamEventForwarder forwarder = start(options(upstream.baseUri())
                .eventQueueCapacity(3)
                .eventBatchSize(1)
                .build())) {

            assertThat(forwarder.offer(KEY, batch(entry("u-1", 2)))).isTrue();
            assertThat(forwarder.offer(KEY, batch(entry("u-2", 2)))).isFalse();
            assertThat(forwarder.offer(KEY, batch(entry("u-3", 1)))).isTrue();

            assertThat(forwarder.queuedEvents()).isEqualTo(3);
            assertThat(forwarder.droppedEvents()).isEqualTo(2);
        }
    }

    @Test
    void closeFlushesWhatIsQueued() throws Exception {
        UpstreamEventForwarder forwarder = start(options(upstream.baseUri()).build());
        forwarder.offer(KEY, batch(entry("u-1", 3)));

        forwarder.close();
        forwarder.close();

        assertThat(posted()).extracting(UpstreamEventForwarderTest::users).containsExactly(List.of("u-1"));
        assertThat(forwarder.forwardedEvents()).isEqualTo(3);
        assertThat(forwarder.offer(KEY, batch(entry("u-2", 1)))).isFalse();
        assertThat(forwarder.droppedEvents()).isEqualTo(1);
    }

    @Test
    void aServerErrorIsRetriedWithBackoffUntilTheUpstreamTakesTheEvents() {
        upstream.eventsStatus(503);
        try (UpstreamEventForwarder forwarder = start(options(upstream.baseUri())
                .eventFlushInterval(RelayOptions.MIN_EVENT_FLUSH_INTERVAL)
                .build())) {
            forwarder.offer(KEY, batch(entry("u-1", 2)));

            await().atMost(WAIT)
                    .until(() -> upstream.requestsTo("/v1/events/batch").size() >= 2);
            assertThat(forwarder.forwardedEvents()).isZero();
            assertThat(forwarder.queuedEvents()).isEqualTo(2);

            upstream.eventsStatus(201);

            await().atMost(WAIT).until(() -> forwarder.forwardedEvents() == 2);
            assertThat(forwarder.droppedEvents()).isZero();
            assertThat(forwarder.queuedEvents()).isZero();
        }
    }

    @Test
    void aClientErrorDropsTheBatchAndCountsIt() {
        upstream.eventsStatus(400);
        try (UpstreamEventForwarder forwarder =
                start(options(upstream.baseUri()).build())) {
            forwarder.offer(KEY, batch(entry("u-1", 2)));

            forwarder.flush();

            await().atMost(WAIT).until(() -> forwarder.droppedEvents() == 2);
            assertThat(forwarder.queuedEvents()).isZero();
            assertThat(upstream.requestsTo("/v1/events/batch")).hasSize(1);
        }
    }

    @Test
    void onlyRelayedKeysAndWellFormedBatchesAreAccepted() {
        try (UpstreamEventForwarder forwarder =
                start(options(upstream.baseUri()).build())) {
            String stranger = "relay-key-zzzzzzzzzzzzzzzzzzzz-9999";
            assertThatThrownBy(() -> forwarder.offer(stranger, batch(entry("u-1", 1))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageNotContaining(stranger);
            assertThatThrownBy(() -> forwarder.offer(KEY, "{\"batch\":{}}".getBytes(StandardCharsets.UTF_8)))
                    .hasMessage("$.batch must be an array");
            assertThatThrownBy(() -> forwarder.offer(KEY, batch("{\"events\":5}")))
                    .hasMessage("$.batch[0].events must be an array");
            assertThatThrownBy(() -> forwarder.offer(KEY, "{".getBytes(StandardCharsets.UTF_8)))
                    .hasMessageStartingWith("$: malformed JSON");
            assertThat(forwarder.queuedEvents()).isZero();
        }
    }

    @Test
    void aConfigCatUpstreamHasNoEventsApi() {
        RelayOptions options = RelayOptions.builder(URI.create("https://cdn-global.configcat.com"))
                .key("configcat-sdk-1/relay-test-aaaaaaaaaa/relay-test-bbbbbbbbbb", "web")
                .build();

        assertThat(options.eventsUrl()).isEmpty();
        assertThatThrownBy(() -> UpstreamEventForwarder.start(options, Clock.systemUTC(), scheduler))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("upstream-events-url");
    }
}
