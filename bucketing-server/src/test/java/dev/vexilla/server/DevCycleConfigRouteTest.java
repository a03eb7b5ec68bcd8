package dev.vexilla.server;

import static dev.vexilla.server.DevCycleFixtures.DEVCYCLE_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vexilla.model.testsupport.MutableClock;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /config/v2/server/{sdkKey}.json}: DevCycle's CDN path, with conditional requests and the sse rewrite. */
final class DevCycleConfigRouteTest {
    private static final Instant START = Instant.parse("2026-12-07T02:00:00.750Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(START);
    private VexillaServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void start(ServerOptions.Builder options) throws Exception {
        server = DevCycleFixtures.start(dir, options, clock, null);
    }

    private HttpResponse<String> get(String key, String ifNoneMatch, String ifModifiedSince) throws Exception {
        HttpRequest.Builder request =
                TestServers.request(server, DevCycleFixtures.cdnPath(key)).GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        if (ifModifiedSince != null) {
            request.header("If-Modified-Since", ifModifiedSince);
        }
        return TestServers.send(request.build());
    }

    private static String expectedStreamPath(String key) {
        return "/v1/stream?sdkKey=" + URLEncoder.encode(key, StandardCharsets.UTF_8);
    }

    @Test
    void servesTheConfigWithEtagLastModifiedAtAcceptTimeAndSseRewrittenToThisServer() throws Exception {
        start(TestServers.options(dir));
        ServedConfig<?> served =
                server.configStore().byName(DevCycleFixtures.CONFIG_NAME).orElseThrow();

        HttpResponse<String> response = get(DEVCYCLE_KEY, null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("ETag")).hasValue("\"" + served.etag() + "\"");
        assertThat(response.headers().firstValue("Last-Modified")).hasValue("Mon, 7 Dec 2026 02:00:00 GMT");
        JsonNode body = ServerJson.mapper().readTree(response.body());
        String base = server.baseUri().toString();
        assertThat(body.path("sse").path("hostname").asText()).isEqualTo(base.substring(0, base.length() - 1));
        assertThat(body.path("sse").path("path").asText()).isEqualTo(expectedStreamPath(DEVCYCLE_KEY));
        ObjectNode original = (ObjectNode) ServerJson.mapper().readTree(DevCycleFixtures.CONFIG);
        ((ObjectNode) body).remove("sse");
        original.remove("sse");
        assertThat(body).isEqualTo(original);
    }

    @Test
    void lastModifiedIsTheAcceptTimeOfEachVersionNotTheFileTime_andGrowsAcrossAChange() throws Exception {
        start(TestServers.options(dir));
        Path file = server.configStore().directory().orElseThrow().resolve(DevCycleFixtures.CONFIG_NAME + ".json");
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(Instant.parse("2001-01-01T00:00:00Z")));
        HttpResponse<String> first = get(DEVCYCLE_KEY, null, null);

        clock.advance(Duration.ofMinutes(3));
        Files.writeString(file, DevCycleFixtures.CONFIG.replace("Pay now", "Pay later"));
        server.configStore().rescan();
        HttpResponse<String> second = get(DEVCYCLE_KEY, null, null);

        Instant firstModified =
                parseHttpDate(first.headers().firstValue("Last-Modified").orElseThrow());
        Instant secondModified =
                parseHttpDate(second.headers().firstValue("Last-Modified").orElseThrow());
        assertThat(firstModified).isEqualTo(Instant.parse("2026-12-07T02:00:00Z"));
        assertThat(secondModified)
                .isEqualTo(Instant.parse("2026-12-07T02:03:00Z"))
                .isAfter(firstModified);
        assertThat(second.headers().firstValue("ETag"))
                .isNotEqualTo(first.headers().firstValue("ETag"));
        assertThat(second.body()).contains("Pay later");
    }

    @Test
    void ifNoneMatchWithTheCurrentEtagAnswers304() throws Exception {
        start(TestServers.options(dir));
        String etag = get(DEVCYCLE_KEY, null, null).headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> exact = get(DEVCYCLE_KEY, etag, null);
        HttpResponse<String> inList = get(DEVCYCLE_KEY, "\"other\", W/" + etag, null);
        HttpResponse<String> stale = get(DEVCYCLE_KEY, "\"other\"", null);

        assertThat(exact.statusCode()).isEqualTo(304);
        assertThat(exact.body()).isEmpty();
        assertThat(exact.headers().firstValue("ETag")).hasValue(etag);
        assertThat(inList.statusCode()).isEqualTo(304);
        assertThat(stale.statusCode()).isEqualTo(200);
    }

    @Test
    void ifModifiedSinceAnswers304UnlessTheVersionIsNewer_andIfNoneMatchWins() throws Exception {
        start(TestServers.options(dir));
        String lastModified = get(DEVCYCLE_KEY, null, null)
                .headers()
                .firstValue("Last-Modified")
                .orElseThrow();

        assertThat(get(DEVCYCLE_KEY, null, lastModified).statusCode()).isEqualTo(304);
        assertThat(get(DEVCYCLE_KEY, null, "Mon, 7 Dec 2026 01:59:59 GMT").statusCode())
                .isEqualTo(200);
        assertThat(get(DEVCYCLE_KEY, null, "not a date").statusCode()).isEqualTo(200);
        assertThat(get(DEVCYCLE_KEY, "\"other\"", lastModified).statusCode()).isEqualTo(200);
    }

    @Test
    void emptyConditionalHeadersAreTreatedAsAbsent_asDevCyclesJavaSdkSendsThemFirst() throws Exception {
        start(TestServers.options(dir));

        HttpResponse<String> response = get(DEVCYCLE_KEY, "", "");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ServerJson.mapper().readTree(response.body()).has("project")).isTrue();
    }

    @Test
    void unknownKeyAndV6ConfigAnswer404WithAJsonBody() throws Exception {
        start(TestServers.options(dir));

        for (String key : new String[] {"server-unknown-key-00000000000000", TestServers.KEY_A}) {
            HttpResponse<String> response = get(key, null, null);
            assertThat(response.statusCode()).isEqualTo(404);
            JsonNode body = ServerJson.mapper().readTree(response.body());
            assertThat(body.path("statusCode").asInt()).isEqualTo(404);
            assertThat(body.path("message").asText()).isNotEmpty().doesNotContain(key);
        }
        assertThat(TestServers.get(server, TestServers.configPath(TestServers.KEY_A))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void sseHostnameFollowsTheRequestHostHeader() throws Exception {
        start(TestServers.options(dir));

        try (RawClient client = RawClient.connect(server)) {
            client.send("GET " + DevCycleFixtures.cdnPath(DEVCYCLE_KEY)
                    + " HTTP/1.1\r\nHost: flags.example.com:9000\r\n" + "Connection: close\r\n\r\n");
            String answer = client.awaitClose(Duration.ofSeconds(30));

            assertThat(answer).startsWith("HTTP/1.1 200");
            JsonNode body = ServerJson.mapper().readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
            assertThat(body.path("sse").path("hostname").asText()).isEqualTo("http://flags.example.com:9000");
        }
    }

    @Test
    void publicUrlOptionNamesTheStreamHost() throws Exception {
        start(TestServers.options(dir).publicUrl(URI.create("https://flags.example.com/")));

        JsonNode body =
                ServerJson.mapper().readTree(get(DEVCYCLE_KEY, null, null).body());

        assertThat(body.path("sse").path("hostname").asText()).isEqualTo("https://flags.example.com");
        assertThat(body.path("sse").path("path").asText()).isEqualTo(expectedStreamPath(DEVCYCLE_KEY));
    }

    @Test
    void aConfigWithoutSseGetsOne() {
        byte[] rewritten = DevCycleConfigRoute.withStream(
                "{\"project\":{},\"features\":[]}".getBytes(StandardCharsets.UTF_8), "http://h:1", "server-k ey");

        assertThat(new String(rewritten, StandardCharsets.UTF_8))
                .isEqualTo("{\"project\":{},\"features\":[],\"sse\":{\"hostname\":\"http://h:1\","
                        + "\"path\":\"/v1/stream?sdkKey=server-k+ey\"}}");
    }

    private static Instant parseHttpDate(String value) {
        return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    }
}
