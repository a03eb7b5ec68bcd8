package dev.vexilla.server;

import static dev.vexilla.server.TestServers.KEY_A;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class EventsRouteTest {
    static final String BATCH = """
            {"batch":[
              {"user":{"user_id":"u-1","email":"jane@private.example","privateCustomData":{"ssn":"123-45-6789"}},
               "events":[
                 {"type":"aggVariableEvaluated","target":"newDashboard","value":3,
                  "metaData":{"_feature":"f1","_variation":"d45b0a01"}},
                 {"type":"variableEvaluated","target":"newDashboard","metaData":{"_variation":"d45b0a02"}},
                 {"type":"aggVariableDefaulted","target":"missingFlag","value":2},
                 {"type":"customEvent","customType":"checkout","value":42.5,"metaData":{"cart":"secret-cart"}}
               ]},
              {"user":{"user_id":"u-2"},"events":[{"type":"customEvent","customType":"checkout"},{"type":"sdkConfig"}]}
            ]}""";

    @TempDir
    Path dir;

    private VexillaServer server;

    @BeforeEach
    void start() throws Exception {
        server = TestServers.start(TestServers.options(dir)
                .configDirectory(TestServers.configDirectory(dir))
                .maxBodyBytes(4096)
                .build());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> post(String body) throws Exception {
        return TestServers.postJson(server, EventsRoute.PATH, KEY_A, body);
    }

    private static int statusOf(HttpResponse<String> response) throws Exception {
        JsonNode body = ServerJson.mapper().readTree(response.body());
        assertThat(body.get("statusCode").asInt()).isEqualTo(response.statusCode());
        assertThat(body.get("message").asText()).isNotBlank();
        return response.statusCode();
    }

    @Test
    void validBatch_gives201AndAppendsOneAggregatedLineWithoutPrivateData() throws Exception {
        HttpResponse<String> response = post(BATCH);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(ServerJson.mapper().readTree(response.body()).get("message").asText())
                .isEqualTo("Successfully received 6 events.");
        List<String> lines = Files.readAllLines(dir.resolve("events.jsonl"));
        assertThat(lines).hasSize(1);
        JsonNode line = ServerJson.mapper().readTree(lines.get(0));
        assertThat(line.get("config").asText()).isEqualTo("alpha");
        assertThat(line.get("users").asInt()).isEqualTo(2);
        assertThat(line.get("events").asInt()).isEqualTo(6);
        assertThat(line.at("/evaluations/newDashboard/d45b0a01").asLong()).isEqualTo(3);
        assertThat(line.at("/evaluations/newDashboard/d45b0a02").asLong()).isEqualTo(1);
        assertThat(line.at("/defaulted/missingFlag").asLong()).isEqualTo(2);
        assertThat(line.at("/custom/checkout").asLong()).isEqualTo(2);
        assertThat(line.at("/other/sdkConfig").asLong()).isEqualTo(1);
        assertThat(lines.get(0))
                .doesNotContain("u-1")
                .doesNotContain("jane@private.example")
                .doesNotContain("123-45-6789")
                .doesNotContain("secret-cart")
                .doesNotContain(KEY_A);
    }

    @Test
    void acceptedEventsAreCountedInMetrics() throws Exception {
        post(BATCH);

        String metrics = TestServers.get(server, "/metrics").body();

        assertThat(metrics)
                .contains("vexilla_events_received_total{config=\"alpha\",kind=\"evaluation\"} 4")
                .contains("vexilla_events_received_total{config=\"alpha\",kind=\"custom\"} 2")
                .contains("vexilla_event_batches_total{outcome=\"accepted\"} 1");
    }

    @Test
    void unknownKey_gives401AndStoresNothing() throws Exception {
        HttpResponse<String> response =
                TestServers.postJson(server, EventsRoute.PATH, "not-a-key-00000000000000000", BATCH);

        assertThat(statusOf(response)).isEqualTo(401);
        assertThat(dir.resolve("events.jsonl")).doesNotExist();
    }

    @Test
    void wrongContentType_gives415() throws Exception {
        HttpResponse<String> response = TestServers.send(TestServers.request(server, EventsRoute.PATH)
                .header("Authorization", KEY_A)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(BATCH))
                .build());

        assertThat(statusOf(response)).isEqualTo(415);
    }

    @Test
    void jsonWithCharsetParameter_isAccepted() throws Exception {
        HttpResponse<String> response = TestServers.send(TestServers.request(server, EventsRoute.PATH)
                .header("Authorization", KEY_A)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(BATCH))
                .build());

        assertThat(response.statusCode()).isEqualTo(201);
    }

    @Test
    void malformedJson_gives400WithPathOrPosition() throws Exception {
        HttpResponse<String> truncated = post("{\"batch\":[{\"user\":");
        HttpResponse<String> broken = post("{\"batch\":[}");

        assertThat(statusOf(truncated)).isEqualTo(400);
        assertThat(truncated.body()).contains("$.batch[0].user").contains("truncated");
        assertThat(statusOf(broken)).isEqualTo(400);
        assertThat(broken.body()).contains("line 1");
    }

    @Test
    void wrongShape_gives400NamingTheJsonPath() throws Exception {
        HttpResponse<String> response =
                post("{\"batch\":[{\"user\":{\"user_id\":\"u\"},\"events\":[{\"type\":[1]}]}]}");

        assertThat(statusOf(response)).isEqualTo(400);
        assertThat(ServerJson.mapper().readTree(response.body()).get("message").asText())
                .contains("$.batch[0].events[0].type");
    }

    @Test
    void wrongScalarTypes_give400NamingTheJsonPathInsteadOfBeingCoerced() throws Exception {
        HttpResponse<String> numericUserId = post("{\"batch\":[{\"user\":{\"user_id\":5},\"events\":[]}]}");
        HttpResponse<String> textValue = post("{\"batch\":[{\"user\":{\"user_id\":\"u\"},"
                + "\"events\":[{\"type\":\"customEvent\",\"customType\":\"c\",\"value\":\"5\"}]}]}");
        HttpResponse<String> overflow = post("{\"batch\":[{\"user\":{\"user_id\":\"u\"},"
                + "\"events\":[{\"type\":\"customEvent\",\"customType\":\"c\",\"value\":1e999999}]}]}");

        assertThat(statusOf(numericUserId)).isEqualTo(400);
        assertThat(numericUserId.body()).contains("$.batch[0].user.user_id: expected a string");
        assertThat(statusOf(textValue)).isEqualTo(400);
        assertThat(textValue.body()).contains("$.batch[0].events[0].value: expected a number");
        assertThat(statusOf(overflow)).isEqualTo(400);
        assertThat(overflow.body()).contains("$.batch[0].events[0].value: expected a number within the range");
        assertThat(dir.resolve("events.jsonl")).doesNotExist();
    }

    @Test
    void bodyOverTheLimitWithContentLength_gives413() throws Exception {
        String big = "{\"batch\":[],\"pad\":\"" + "x".repeat(5000) + "\"}";

        assertThat(statusOf(post(big))).isEqualTo(413);
    }

    @Test
    void chunkedBodyOverTheLimit_gives413() throws Exception {
        byte[] big = ("{\"batch\":[],\"pad\":\"" + "x".repeat(5000) + "\"}").getBytes();
        HttpResponse<String> response = TestServers.send(TestServers.request(server, EventsRoute.PATH)
                .header("Authorization", KEY_A)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big)))
                .build());

        assertThat(statusOf(response)).isEqualTo(413);
    }

    @Test
    void sinkFailure_gives503AndDoesNotCount() throws Exception {
        server.close();
        Path blocked = Files.createDirectories(dir.resolve("a-directory.jsonl"));
        server = TestServers.start(TestServers.options(dir)
                .configDirectory(dir.resolve("configs"))
                .eventsSink(blocked)
                .build());

        HttpResponse<String> response = post(BATCH);

        assertThat(statusOf(response)).isEqualTo(503);
        assertThat(TestServers.get(server, "/metrics").body())
                .contains("vexilla_event_batches_total{outcome=\"sink_failed\"} 1")
                .doesNotContain("vexilla_event_batches_total{outcome=\"accepted\"}");
    }

    @Test
    void get_gives405() throws Exception {
        HttpResponse<String> response = TestServers.get(server, EventsRoute.PATH);

        assertThat(statusOf(response)).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
    }
}
