package dev.vexilla.server;

import static dev.vexilla.server.TestServers.KEY_A;
import static dev.vexilla.server.TestServers.KEY_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class StreamHubTest {
    @TempDir
    Path dir;

    private VexillaServer server;
    private Path configs;
    private final List<SseTestClient> clients = new ArrayList<>();

    private void start(ServerOptions.Builder extra) throws Exception {
        configs = TestServers.configDirectory(dir);
        server = TestServers.start(extra.configDirectory(configs).build());
    }

    private SseTestClient open(String key) throws Exception {
        return open(key, null);
    }

    private SseTestClient open(String key, String lastEventId) throws Exception {
        SseTestClient client = SseTestClient.open(server, key, lastEventId);
        clients.add(client);
        return client;
    }

    @AfterEach
    void stop() throws Exception {
        for (SseTestClient client : clients) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void streamStartsWithEventStreamHeadersAndConnectedComment() throws Exception {
        start(TestServers.options(dir));
        SseTestClient client = open(KEY_A);

        assertThat(client.response().headers().firstValue("Content-Type").orElseThrow())
                .startsWith("text/event-stream");
        assertThat(client.response().headers().firstValue("Cache-Control").orElseThrow())
                .contains("no-cache");
        assertThat(client.awaitLine(l -> l.startsWith("retry:"))).isEqualTo("retry: 5000");
        client.awaitLine(": connected"::equals);
    }

    @Test
    void configChange_isAnnouncedToEveryClientOfThatConfigOnly() throws Exception {
        start(TestServers.options(dir));
        List<SseTestClient> alphaClients = List.of(open(KEY_A), open(KEY_A), open(KEY_A));
        SseTestClient betaClient = open(KEY_B);
        for (SseTestClient c : clients) {
            c.awaitLine(": connected"::equals);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> server.streams().size() == 4);

        Files.writeString(configs.resolve("alpha.json"), TestServers.MINIMAL_CONFIG.replace("v1", "v2"));
        server.configStore().rescan();
        String etag = server.configStore().byName("alpha").orElseThrow().etag();

        for (SseTestClient client : alphaClients) {
            String line = client.awaitLine(l -> l.startsWith("data: "));
            JsonNode data = ServerJson.mapper().readTree(line.substring("data: ".length()));
            assertThat(data.get("type").asText()).isEqualTo("refetchConfig");
            assertThat(data.get("etag").asText()).isEqualTo(etag);
            assertThat(data.get("lastModified").asLong()).isPositive();
        }
        Files.writeString(configs.resolve("beta.json"), TestServers.MINIMAL_CONFIG.replace("v1", "b2"));
        server.configStore().rescan();
        String betaEtag = server.configStore().byName("beta").orElseThrow().etag();
        assertThat(betaClient.awaitLine(l -> l.startsWith("data: ")))
                .contains(betaEtag)
                .doesNotContain(etag);
    }

    @Test
    void streamStartsWithTheCurrentVersionAsItsEventId() throws Exception {
        start(TestServers.options(dir));
        String etag = server.configStore().byName("alpha").orElseThrow().etag();

        List<String> lines = open(KEY_A).linesUntil(": connected"::equals);

        assertThat(lines).containsExactly("retry: 5000", "id: " + etag, ": connected");
    }

    @Test
    void configChange_isAnnouncedWithItsIdAndTheKeysWhoseEvaluationChanged() throws Exception {
        start(TestServers.options(dir));
        SseTestClient client = open(KEY_A);
        client.awaitLine(": connected"::equals);

        Files.writeString(
                configs.resolve("alpha.json"),
                "{\"p\":{\"s\":\"salt\"},\"f\":{\"flag\":{\"t\":0,\"v\":{\"b\":true},\"i\":\"v1\"},"
                        + "\"zeta\":{\"t\":1,\"v\":{\"s\":\"z\"},\"i\":\"z1\"},"
                        + "\"added\":{\"t\":0,\"v\":{\"b\":false},\"i\":\"a1\"}}}");
        server.configStore().rescan();
        String etag = server.configStore().byName("alpha").orElseThrow().etag();

        List<String> lines = client.linesUntil(l -> l.startsWith("data: "));
        JsonNode data = ServerJson.mapper().readTree(lines.get(lines.size() - 1).substring("data: ".length()));
        assertThat(lines.get(lines.size() - 2)).isEqualTo("id: " + etag);
        assertThat(data.get("flagsChanged")).extracting(JsonNode::asText).containsExactly("added", "zeta");
    }

    @Test
    void aChangeThatChangesNoFlag_announcesAnEmptyFlagsChanged() throws Exception {
        start(TestServers.options(dir));
        SseTestClient client = open(KEY_A);
        client.awaitLine(": connected"::equals);

        Files.writeString(configs.resolve("alpha.json"), TestServers.MINIMAL_CONFIG + "\n\n");
        server.configStore().rescan();

        String line = client.awaitLine(l -> l.startsWith("data: "));
        JsonNode data = ServerJson.mapper().readTree(line.substring("data: ".length()));
        assertThat(data.get("flagsChanged").isArray()).isTrue();
        assertThat(data.get("flagsChanged")).isEmpty();
    }

    @Test
    void aConfigServedAgainAfterItsFileWasDeleted_isAnnouncedWithoutFlagsChanged() throws Exception {
        start(TestServers.options(dir));
        SseTestClient client = open(KEY_A);
        client.awaitLine(": connected"::equals);

        Files.delete(configs.resolve("alpha.json"));
        server.configStore().rescan();
        Files.writeString(configs.resolve("alpha.json"), TestServers.MINIMAL_CONFIG.replace("v1", "v3"));
        server.configStore().rescan();

        String line = client.awaitLine(l -> l.startsWith("data: "));
        JsonNode data = ServerJson.mapper().readTree(line.substring("data: ".length()));
        assertThat(data.get("type").asText()).isEqualTo("refetchConfig");
        assertThat(data.has("flagsChanged"))
                .as("unknown changes are not listed")
                .isFalse();
    }

    @Test
    void reconnectingWithAnOlderLastEventId_announcesTheMissedChangeAtOnce() throws Exception {
        start(TestServers.options(dir));
        String etag = server.configStore().byName("alpha").orElseThrow().etag();

        List<String> lines = open(KEY_A, "an-older-version").linesUntil(l -> l.startsWith("data: "));

        JsonNode data = ServerJson.mapper().readTree(lines.get(lines.size() - 1).substring("data: ".length()));
        assertThat(data.get("type").asText()).isEqualTo("refetchConfig");
        assertThat(data.get("etag").asText()).isEqualTo(etag);
        assertThat(data.has("flagsChanged")).isFalse();
    }

    @Test
    void reconnectingWithTheCurrentLastEventId_announcesNothing() throws Exception {
        start(TestServers.options(dir).heartbeatInterval(Duration.ofMillis(100)));
        String etag = server.configStore().byName("alpha").orElseThrow().etag();

        List<String> lines = open(KEY_A, etag).linesUntil(": heartbeat"::equals);

        assertThat(lines).noneMatch(l -> l.startsWith("data:"));
    }

    @Test
    void heartbeatCommentsArriveOnTheInterval() throws Exception {
        start(TestServers.options(dir).heartbeatInterval(Duration.ofMillis(100)));
        SseTestClient client = open(KEY_A);

        client.awaitLine(": heartbeat"::equals);
        client.awaitLine(": heartbeat"::equals);
    }

    @Test
    void unknownOrMissingKey_gives401Json() throws Exception {
        start(TestServers.options(dir));

        HttpResponse<String> unknown = TestServers.send(TestServers.request(server, "/v1/stream")
                .header("Authorization", "wrong-key-000000000000000000")
                .GET()
                .build());
        HttpResponse<String> missing = TestServers.get(server, "/v1/stream");

        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(ServerJson.mapper()
                        .readTree(unknown.body())
                        .get("statusCode")
                        .asInt())
                .isEqualTo(401);
    }

    @Test
    void bearerPrefixIsAccepted() throws Exception {
        start(TestServers.options(dir));

        SseTestClient client = open("Bearer " + KEY_A);

        client.awaitLine(": connected"::equals);
    }

    @Test
    void streamsBeyondTheCap_get503JsonWithRetryAfter() throws Exception {
        start(TestServers.options(dir).maxStreams(2));
        open(KEY_A).awaitLine(": connected"::equals);
        open(KEY_B).awaitLine(": connected"::equals);

        HttpResponse<String> third = TestServers.send(TestServers.request(server, "/v1/stream")
                .header("Authorization", KEY_A)
                .GET()
                .build());

        assertThat(third.statusCode()).isEqualTo(503);
        assertThat(third.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(ServerJson.mapper().readTree(third.body()).get("statusCode").asInt())
                .isEqualTo(503);
    }

    @Test
    void deadClientsAreRemovedAndFreeTheirSlot() throws Exception {
        start(TestServers.options(dir).maxStreams(1).heartbeatInterval(Duration.ofMillis(100)));
        SseTestClient client = open(KEY_A);
        client.awaitLine(": connected"::equals);
        assertThat(server.streams().size()).isEqualTo(1);

        client.close();

        await().atMost(Duration.ofSeconds(10)).until(() -> server.streams().size() == 0);
        open(KEY_A).awaitLine(": connected"::equals);
    }

    @Test
    void closingTheServerEndsOpenStreams() throws Exception {
        start(TestServers.options(dir));
        SseTestClient client = open(KEY_A);
        client.awaitLine(": connected"::equals);

        server.close();

        assertThat(server.streams().size()).isZero();
    }

    @Test
    void headRequest_answersHeadersWithoutOpeningAStream() throws Exception {
        start(TestServers.options(dir));

        HttpResponse<String> response = TestServers.send(TestServers.request(server, "/v1/stream")
                .header("Authorization", KEY_A)
                .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody())
                .build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        assertThat(server.streams().size()).isZero();
    }
}
