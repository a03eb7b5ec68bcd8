package dev.vexilla.server;

import static dev.vexilla.server.DevCycleFixtures.DEVCYCLE_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vexilla.model.testsupport.MutableClock;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The change stream as DevCycle's SDKs see it: key in the query, DevCycle's envelope, keepalive comments. */
final class DevCycleStreamMessagesTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T02:00:00.250Z"));
    private final List<SseTestClient> clients = new ArrayList<>();
    private VexillaServer server;
    private Path file;

    @BeforeEach
    void start() throws Exception {
        server = DevCycleFixtures.start(dir, TestServers.options(dir), clock, null);
        file = server.configStore().directory().orElseThrow().resolve(DevCycleFixtures.CONFIG_NAME + ".json");
    }

    @AfterEach
    void stop() throws Exception {
        for (SseTestClient client : clients) {
            client.close();
        }
        server.close();
    }

    private SseTestClient open(String key, String lastEventId) throws Exception {
        SseTestClient client = SseTestClient.openWithKeyParameter(server, key, lastEventId);
        clients.add(client);
        return client;
    }

    private ServedConfig<?> served() {
        return server.configStore().byName(DevCycleFixtures.CONFIG_NAME).orElseThrow();
    }

    private static JsonNode message(String dataLine) throws Exception {
        JsonNode envelope = ServerJson.mapper().readTree(dataLine.substring("data: ".length()));
        assertThat(envelope.path("data").isTextual())
                .as("the envelope's data is a JSON string")
                .isTrue();
        return ServerJson.mapper().readTree(envelope.path("data").asText());
    }

    @Test
    void opensWithTheKeyInTheQuery_startsWithIdAndKeepaliveOnly() throws Exception {
        SseTestClient client = open(DEVCYCLE_KEY, null);

        List<String> lines = client.linesUntil(": keepalive"::equals);

        assertThat(lines).containsExactly("id: " + served().etag(), ": keepalive");
        assertThat(client.response().headers().firstValue("Content-Type").orElseThrow())
                .startsWith("text/event-stream");
    }

    @Test
    void aChangeArrivesInDevCyclesEnvelope_withEtagAndLastModifiedInEpochMillis() throws Exception {
        SseTestClient client = open(DEVCYCLE_KEY, null);
        client.awaitLine(": keepalive"::equals);

        clock.advance(Duration.ofSeconds(90));
        Files.writeString(file, DevCycleFixtures.CONFIG.replace("Pay now", "Pay later"));
        server.configStore().rescan();

        List<String> frame = client.linesUntil(line -> line.startsWith("data: "));
        ServedConfig<?> now = served();
        assertThat(frame).containsSubsequence("id: " + now.etag(), frame.get(frame.size() - 1));
        JsonNode envelope =
                ServerJson.mapper().readTree(frame.get(frame.size() - 1).substring(6));
        assertThat(envelope.has("lastModified")).isFalse();
        assertThat(envelope.path("timestamp").asLong())
                .isEqualTo(Instant.parse("2026-12-07T02:01:30Z").toEpochMilli());
        JsonNode message = message(frame.get(frame.size() - 1));
        assertThat(message.path("type").asText()).isEqualTo("refetchConfig");
        assertThat(message.path("etag").asText()).isEqualTo(now.etag());
        assertThat(message.path("lastModified").isIntegralNumber()).isTrue();
        assertThat(message.path("lastModified").asLong())
                .isEqualTo(Instant.parse("2026-12-07T02:01:30Z").toEpochMilli());
    }

    @Test
    void lastModifiedInTheMessageEqualsTheCdnLastModifiedHeader() throws Exception {
        SseTestClient client = open(DEVCYCLE_KEY, "an-older-version");

        String data = client.awaitLine(line -> line.startsWith("data: "));
        HttpResponse<String> cdn = TestServers.send(TestServers.request(server, DevCycleFixtures.cdnPath(DEVCYCLE_KEY))
                .GET()
                .build());

        long header = java.time.ZonedDateTime.parse(
                        cdn.headers().firstValue("Last-Modified").orElseThrow(),
                        java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
                .toInstant()
                .toEpochMilli();
        assertThat(message(data).path("lastModified").asLong()).isEqualTo(header);
    }

    @Test
    void heartbeatsAreKeepaliveComments() throws Exception {
        SseTestClient client = open(DEVCYCLE_KEY, null);
        client.awaitLine(": keepalive"::equals);

        server.streams().heartbeat();

        assertThat(client.awaitLine(line -> !line.isEmpty())).isEqualTo(": keepalive");
    }

    @Test
    void lastEventIdOfAnotherVersionGetsARefetchAtOnce_theCurrentOneDoesNot() throws Exception {
        SseTestClient stale = open(DEVCYCLE_KEY, "an-older-version");
        SseTestClient current = open(DEVCYCLE_KEY, served().etag());

        assertThat(message(stale.awaitLine(line -> line.startsWith("data: ")))
                        .path("etag")
                        .asText())
                .isEqualTo(served().etag());
        current.awaitLine(": keepalive"::equals);
        server.streams().heartbeat();
        assertThat(current.awaitLine(line -> !line.isEmpty())).isEqualTo(": keepalive");
    }

    @Test
    void v6StreamsKeepTheirFramesWhateverCarriesTheKey() throws Exception {
        SseTestClient byQuery = open(TestServers.KEY_A, null);
        SseTestClient byHeader = SseTestClient.open(server, TestServers.KEY_A);
        clients.add(byHeader);

        for (SseTestClient client : List.of(byQuery, byHeader)) {
            List<String> lines = client.linesUntil(": connected"::equals);
            assertThat(lines.get(0)).startsWith("retry: ");
        }
        Files.writeString(
                server.configStore().directory().orElseThrow().resolve("alpha.json"),
                TestServers.MINIMAL_CONFIG.replace("true", "false"));
        server.configStore().rescan();
        String data = byQuery.awaitLine(line -> line.startsWith("data: "));
        JsonNode message = ServerJson.mapper().readTree(data.substring(6));
        assertThat(message.path("type").asText()).isEqualTo("refetchConfig");
        assertThat(message.path("flagsChanged").toString()).isEqualTo("[\"flag\"]");
    }

    @Test
    void unknownKeyInTheQueryIsRefused() throws Exception {
        HttpResponse<String> response = TestServers.send(TestServers.request(server, "/v1/stream?sdkKey=server-nope")
                .GET()
                .build());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(ServerJson.mapper()
                        .readTree(response.body())
                        .path("statusCode")
                        .asInt())
                .isEqualTo(401);
    }
}
