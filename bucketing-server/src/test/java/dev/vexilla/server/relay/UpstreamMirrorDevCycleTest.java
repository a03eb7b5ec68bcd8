package dev.vexilla.server.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vexilla.model.ObjectMappers;
import dev.vexilla.server.ConfigValidator;
import dev.vexilla.server.InvalidConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Relaying a loopback server posing as DevCycle's CDN: config v2 with ETag and Last-Modified, and the realtime
 * stream its config names in {@code sse}, whose messages carry DevCycle's envelope (a JSON string in {@code data}).
 */
final class UpstreamMirrorDevCycleTest {
    static final String KEY = "dvc_server_relay_test_0123456789abcdef";
    static final String PATH = "/config/v2/server/" + KEY + ".json";
    static final Duration WAIT = Duration.ofSeconds(60);
    static final Instant T1 = Instant.parse("2026-01-01T10:00:00Z");

    /** A DevCycle v2 validator of the shape only: a JSON object with a {@code features} array. */
    static final ConfigValidator<JsonNode> DEVCYCLE_SHAPE = (name, json) -> {
        JsonNode root;
        try {
            root = ObjectMappers.shared().readTree(json);
        } catch (IOException e) {
            throw new InvalidConfigException("$", "malformed JSON");
        }
        if (root == null || !root.path("features").isArray()) {
            throw new InvalidConfigException("$.features", "must be an array");
        }
        return root;
    };

    private final List<RelayedConfig<JsonNode>> received = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService scheduler;
    private FakeUpstream cdn;

    @BeforeEach
    void setUp() throws Exception {
        scheduler = new ScheduledThreadPoolExecutor(1);
        cdn = new FakeUpstream();
    }

    @AfterEach
    void tearDown() {
        scheduler.shutdownNow();
        cdn.close();
    }

    private String config(int version) {
        return "{\"project\":{\"_id\":\"p1\"},\"environment\":{\"_id\":\"e1\"},\"features\":[],\"variables\":[],"
                + "\"sse\":{\"hostname\":\"" + cdn.baseUri() + "\",\"path\":\"/sse\"},\"version\":" + version + "}";
    }

    private static String httpDate(Instant at) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(ZoneOffset.UTC));
    }

    private void serve(int version, String etag, Instant lastModified) {
        cdn.serve(
                PATH,
                new FakeUpstream.Served(
                        config(version).getBytes(StandardCharsets.UTF_8), etag, httpDate(lastModified)));
    }

    private static String envelope(String etag, Instant lastModified) {
        String inner = "{\\\"type\\\":\\\"refetchConfig\\\",\\\"etag\\\":\\\"" + etag + "\\\",\\\"lastModified\\\":"
                + lastModified.toEpochMilli() + "}";
        return "data: {\"id\":\"m-" + etag + "\",\"name\":\"change\",\"data\":\"" + inner + "\"}\n\n";
    }

    private UpstreamMirror<JsonNode> start() {
        RelayOptions options = RelayOptions.builder(cdn.baseUri())
                .key(KEY, "shop")
                .pollInterval(Duration.ofHours(1))
                .build();
        assertThat(options.kind()).isEqualTo(UpstreamKind.DEVCYCLE);
        return UpstreamMirror.start(options, DEVCYCLE_SHAPE, received::add, Clock.systemUTC(), scheduler);
    }

    private String lastText() {
        return new String(received.get(received.size() - 1).bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void followsAChangeAnnouncedInDevCyclesEnvelopeWithConditionalRequests() throws Exception {
        serve(1, "\"e1\"", T1);
        try (UpstreamMirror<JsonNode> mirror = start()) {
            await().atMost(WAIT)
                    .until(() -> received.size() == 1
                            && mirror.status().get(0).streaming()
                            && cdn.requestsTo(PATH).size() == 2);
            assertThat(received.get(0).upstreamLastModified()).contains(httpDate(T1));

            serve(2, "\"e2\"", T1.plusSeconds(60));
            cdn.sendToStreams(envelope("e2", T1.plusSeconds(60)));

            await().atMost(WAIT).until(() -> received.size() == 2);
            assertThat(lastText()).isEqualTo(config(2));
            FakeUpstream.Seen conditional = cdn.requestsTo(PATH).get(2);
            assertThat(conditional.header("If-None-Match")).isEqualTo("\"e1\"");
            assertThat(conditional.header("If-Modified-Since")).isEqualTo(httpDate(T1));
            assertThat(cdn.requests())
                    .extracting(FakeUpstream.Seen::path)
                    .allMatch(path -> path.equals(PATH) || path.equals("/sse"));
        }
    }

    @Test
    void anAnnouncementOfTheCurrentVersionDownloadsNothing() throws Exception {
        serve(1, "\"e1\"", T1);
        try (UpstreamMirror<JsonNode> mirror = start()) {
            await().atMost(WAIT)
                    .until(() -> received.size() == 1
                            && mirror.status().get(0).streaming()
                            && cdn.requestsTo(PATH).size() == 2);

            cdn.sendToStreams(envelope("e1", T1));
            cdn.sendToStreams(envelope("e0", T1.minusSeconds(60)));
            serve(2, "\"e2\"", T1.plusSeconds(60));
            cdn.sendToStreams(envelope("e2", T1.plusSeconds(60)));

            await().atMost(WAIT).until(() -> received.size() == 2);
            assertThat(cdn.requestsTo(PATH)).hasSize(3);
        }
    }

    @Test
    void aCopyOlderThanTheCurrentOneIsIgnored() {
        serve(2, "\"e2\"", T1);
        try (UpstreamMirror<JsonNode> mirror = start()) {
            await().atMost(WAIT).until(() -> received.size() == 1);

            serve(1, "\"e1\"", T1.minusSeconds(60));
            mirror.refresh();

            await().atMost(WAIT).until(() -> cdn.requestsTo(PATH).size() >= 3);
            await().atMost(WAIT).until(() -> mirror.status().get(0).healthy());
            assertThat(received).hasSize(1);
            assertThat(lastText()).isEqualTo(config(2));
        }
    }

    @Test
    void aStreamThatEndsIsReconnected() {
        serve(1, "\"e1\"", T1);
        try (UpstreamMirror<JsonNode> mirror = start()) {
            await().atMost(WAIT).until(() -> mirror.status().get(0).streaming());

            cdn.endStreams();

            await().atMost(WAIT).until(() -> cdn.requestsTo("/sse").size() == 2);
            await().atMost(WAIT).until(() -> mirror.status().get(0).streaming());
        }
    }

    @Test
    void anAnnouncementAheadOfTheCdnIsRetriedUntilTheCdnHasTheNewVersion() throws Exception {
        serve(1, "\"e1\"", T1);
        try (UpstreamMirror<JsonNode> mirror = start()) {
            await().atMost(WAIT)
                    .until(() -> received.size() == 1
                            && mirror.status().get(0).streaming()
                            && cdn.requestsTo(PATH).size() == 2);

            cdn.sendToStreams(envelope("e2", T1.plusSeconds(60)));
            await().atMost(WAIT).until(() -> cdn.requestsTo(PATH).size() == 4); // the announcement, a retry: 304
            assertThat(received).hasSize(1);
            serve(2, "\"e2\"", T1.plusSeconds(60));

            await().atMost(WAIT).until(() -> received.size() == 2);
            assertThat(lastText()).isEqualTo(config(2));
            assertThat(cdn.requestsTo(PATH).size()).isLessThanOrEqualTo(2 + 1 + KeyMirror.MAX_STALE_RETRIES);
        }
    }
}
