package dev.vexilla.local.internal.http;

import static dev.vexilla.model.testsupport.TestHttpServer.respond;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vexilla.local.ConfigProtocol;
import dev.vexilla.local.internal.http.FetchResult.FailureKind;
import dev.vexilla.local.internal.http.FetchResult.Kind;
import dev.vexilla.model.internal.time.DeadlineTimer;
import dev.vexilla.model.testsupport.LogCapture;
import dev.vexilla.model.testsupport.MutableClock;
import dev.vexilla.model.testsupport.TcpFaultServer;
import dev.vexilla.model.testsupport.TestHttpServer;
import dev.vexilla.model.testsupport.TestHttpServer.RecordedRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class ConfigFetcherTest {
    private static final String SDK_KEY = "configcat-sdk-1/TESTKEYxxxxxxxxxxxxxx/SECRETyyyyyyyyyyyyyyy";
    private static final String PATH = "/configuration-files/" + SDK_KEY + "/config_v6.json";
    private static final String CONFIG = "{\"p\":{\"s\":\"salt\"},\"f\":{\"flag\":{\"t\":0,\"v\":{\"b\":true}}}}";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
    /** Generous timeouts: a loaded machine may take a while to answer, and only the stall tests want a timeout. */
    private final CloseableHttpClient client = HttpClientFactory.create(HttpClientOptions.builder()
            .connectTimeout(Duration.ofSeconds(10))
            .connectionRequestTimeout(Duration.ofSeconds(10))
            .responseTimeout(Duration.ofSeconds(10))
            .build());
    /** For the stall tests: gives up after 300 ms of silence. */
    private final CloseableHttpClient impatientClient = HttpClientFactory.create(HttpClientOptions.builder()
            .connectTimeout(Duration.ofSeconds(10))
            .connectionRequestTimeout(Duration.ofSeconds(10))
            .responseTimeout(Duration.ofMillis(300))
            .build());

    private final TestHttpServer server = TestHttpServer.start();
    private final TestHttpServer other = TestHttpServer.start();
    private final TcpFaultServer tcp = TcpFaultServer.start();
    private final DeadlineTimer timer = new DeadlineTimer("test-config-deadline");

    @AfterEach
    void tearDown() throws IOException {
        timer.close();
        client.close();
        impatientClient.close();
        server.close();
        other.close();
        tcp.close();
    }

    private ConfigFetcher fetcherFor(URI baseUrl) {
        return new ConfigFetcher(
                client,
                timer,
                ConfigFetcherOptions.builder(SDK_KEY).baseUrl(baseUrl).build(),
                clock);
    }

    private ConfigFetcher impatientFetcherFor(URI baseUrl) {
        return new ConfigFetcher(
                impatientClient,
                timer,
                ConfigFetcherOptions.builder(SDK_KEY).baseUrl(baseUrl).build(),
                clock);
    }

    /** A fetcher that treats the server as its data-governance CDN (not a custom base URL). */
    private ConfigFetcher cdnFetcherFor(URI baseUrl) {
        return new ConfigFetcher(
                client,
                timer,
                ConfigFetcherOptions.builder(SDK_KEY).cdnBaseUrl(baseUrl).build(),
                clock);
    }

    private static void assertTransientWithoutKey(FetchResult result) {
        assertThat(result.kind()).isEqualTo(Kind.FAILED);
        assertThat(result.failureKind()).isEqualTo(FailureKind.TRANSIENT);
        assertThat(result.message()).doesNotContain("SECRET").doesNotContain("TESTKEY");
        assertThat(result.toString()).doesNotContain("SECRET");
    }

    @Test
    void http200GivesConfigEtagAndFetchTime() {
        server.enqueue(respond(200, CONFIG, "ETag", "\"v1\"", "Content-Type", "application/json"));

        FetchResult result = fetcherFor(server.baseUri()).fetch(null);

        assertThat(result.kind()).isEqualTo(Kind.FETCHED);
        assertThat(result.json()).isEqualTo(CONFIG);
        assertThat(result.etag()).contains("\"v1\"");
        assertThat(result.fetchTime()).isEqualTo(clock.instant());
        assertThat(result.httpStatus()).isEqualTo(OptionalInt.of(200));
    }

    @Test
    void requestUsesConfigCatPathUserAgentAndNoEtagAtFirst() {
        server.enqueue(respond(200, CONFIG, "ETag", "\"v1\""));

        fetcherFor(URI.create(server.baseUri() + "/")).fetch(null);

        RecordedRequest request = server.takeRequest();
        assertThat(request.method).isEqualTo("GET");
        assertThat(request.path).isEqualTo(PATH);
        assertThat(request.header("User-Agent")).isEqualTo(HttpClientOptions.DEFAULT_USER_AGENT);
        assertThat(request.header("If-None-Match")).isNull();
    }

    @Test
    void http200WithoutEtagHasEmptyEtag() {
        server.enqueue(respond(200, CONFIG));

        FetchResult result = fetcherFor(server.baseUri()).fetch(null);

        assertThat(result.etag()).isEmpty();
    }

    @Test
    void http304IsNotModifiedAndIfNoneMatchWasSent() {
        server.enqueue(respond(304, "", "ETag", "\"v1\""));

        FetchResult result = fetcherFor(server.baseUri()).fetch("\"v1\"");

        assertThat(result.kind()).isEqualTo(Kind.NOT_MODIFIED);
        assertThat(result.fetchTime()).isEqualTo(clock.instant());
        assertThat(server.takeRequest().header("If-None-Match")).isEqualTo("\"v1\"");
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403, 404})
    void unauthorisedOrUnknownKeyIsPermanent(int status) {
        server.enqueue(respond(status, "{\"error\":\"nope\"}"));

        FetchResult result = fetcherFor(server.baseUri()).fetch("\"v1\"");

        assertThat(result.kind()).isEqualTo(Kind.FAILED);
        assertThat(result.failureKind()).isEqualTo(FailureKind.PERMANENT);
        assertThat(result.httpStatus()).isEqualTo(OptionalInt.of(status));
        assertThat(result.message()).contains("HTTP " + status).doesNotContain("SECRET");
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 408, 429, 500, 502, 503})
    void otherStatusesAreTransientAndNotRetriedAutomatically(int status) {
        server.enqueue(respond(status, "busy", "Retry-After", "1"));

        FetchResult result = fetcherFor(server.baseUri()).fetch(null);

        assertTransientWithoutKey(result);
        assertThat(result.httpStatus()).isEqualTo(OptionalInt.of(status));
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"f\": {", "not json at all", "[1,2]", "\"text\"", "{} {}", ""})
    void http200WithBodyThatIsNotAJsonObjectIsMalformed(String body) {
        server.enqueue(respond(200, body, "ETag", "\"v2\""));

        FetchResult result = fetcherFor(server.baseUri()).fetch(null);

        assertTransientWithoutKey(result);
        assertThat(result.message()).startsWith("malformed config JSON");
        assertThat(result.httpStatus()).isEqualTo(OptionalInt.of(200));
    }

    @Test
    void bodyLargerThanTheLimitIsRejected() {
        String big = "{\"pad\":\"" + "x".repeat(5000) + "\"}";
        server.enqueue(respond(200, big));
        ConfigFetcher fetcher = new ConfigFetcher(
                client,
                timer,
                ConfigFetcherOptions.builder(SDK_KEY)
                        .baseUrl(server.baseUri())
                        .maxConfigBytes(2048)
                        .build(),
                clock);

        FetchResult result = fetcher.fetch(null);

        assertTransientWithoutKey(result);
        assertThat(result.message()).contains("larger than 2048 bytes");
    }

    @Test
    void truncatedBodyIsTransient() {
        tcp.enqueue(TcpFaultServer.respondRaw(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"f\":{"));

        FetchResult result = fetcherFor(tcp.baseUri()).fetch(null);

        assertTransientWithoutKey(result);
        assertThat(result.message()).startsWith("connection closed early");
        assertThat(result.httpStatus()).isEmpty();
    }

    @Test
    void connectionRefusedIsTransient() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        FetchResult result = fetcherFor(URI.create("http://127.0.0.1:" + port)).fetch(null);

        assertTransientWithoutKey(result);
        assertThat(result.message()).startsWith("connection refused");
        assertThat(result.httpStatus()).isEmpty();
    }

    @Test
    void connectionResetIsTransient() {
        tcp.enqueue(TcpFaultServer.reset());

        FetchResult result = fetcherFor(tcp.baseUri()).fetch(null);

        assertTransientWithoutKey(result);
        assertThat(result.httpStatus()).isEmpty();
    }

    @Test
    void resetInTheMiddleOfTheBodyIsTransient() {
        tcp.enqueue(TcpFaultServer.respondRawAndReset("HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\n{\"f\":"));

        FetchResult result = fetcherFor(tcp.baseUri()).fetch(null);

        assertTransientWithoutKey(result);
    }

    @Test
    void stallPastTheResponseTimeoutIsTransient() {
        tcp.enqueue(TcpFaultServer.stall());

        FetchResult result = impatientFetcherFor(tcp.baseUri()).fetch(null);

        assertTransientWithoutKey(result);
        assertThat(result.message()).startsWith("response timed out");
    }

    @Test
    void stallInTheMiddleOfTheBodyIsTransient() {
        tcp.enqueue(TcpFaultServer.respondRawAndStall("HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\n{\"f\":"));

        FetchResult result = impatientFetcherFor(tcp.baseUri()).fetch(null);

        assertTransientWithoutKey(result);
        assertThat(result.message()).startsWith("response timed out");
    }

    @Test
    void aDrippedAnswerIsAbortedAtTheDownloadDeadlineAsTransient() {
        String body = CONFIG + " ".repeat(500);
        String raw = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                + "\r\n\r\n" + body;
        tcp.enqueue(TcpFaultServer.drip(raw, Duration.ofMillis(20)));
        ConfigFetcher fetcher = new ConfigFetcher(
                client,
                timer,
                ConfigFetcherOptions.builder(SDK_KEY)
                        .baseUrl(tcp.baseUri())
                        .downloadTimeout(Duration.ofMillis(300))
                        .build(),
                clock);

        long start = System.nanoTime();
        FetchResult result = fetcher.fetch(null);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertTransientWithoutKey(result);
        assertThat(result.message()).isEqualTo("the deadline of 300 ms passed while downloading the config");
        // one byte every 20 ms never trips the 10 s read timeout; the whole answer would take 13 s
        assertThat(elapsed).isBetween(Duration.ofMillis(300), Duration.ofMillis(300 + 1_000));
    }

    @Test
    void closedClientGivesTransientFailureInsteadOfThrowing() throws IOException {
        ConfigFetcher fetcher = fetcherFor(server.baseUri());
        client.close();

        FetchResult result = fetcher.fetch(null);

        assertTransientWithoutKey(result);
    }

    private static String redirectingConfig(URI to, int mode) {
        return "{\"p\":{\"u\":\"" + to + "\",\"r\":" + mode + ",\"s\":\"salt\"},\"f\":{}}";
    }

    @Test
    void redirectModeZeroKeepsTheResponseAndSwitchesForNextTime() {
        String first = redirectingConfig(other.baseUri(), 0);
        server.enqueue(respond(200, first, "ETag", "\"a\""));
        other.enqueue(respond(200, CONFIG, "ETag", "\"b\""));
        ConfigFetcher fetcher = cdnFetcherFor(server.baseUri());

        FetchResult result = fetcher.fetch(null);

        assertThat(result.json()).isEqualTo(first);
        assertThat(fetcher.baseUrl()).isEqualTo(other.baseUri());
        assertThat(fetcher.fetch(null).json()).isEqualTo(CONFIG);
        assertThat(server.requestCount()).isEqualTo(1);
        assertThat(other.requestCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void redirectModesOneAndTwoFetchAgainFromTheNewUrl(int mode) {
        server.enqueue(respond(200, redirectingConfig(other.baseUri(), mode), "ETag", "\"a\""));
        other.enqueue(respond(200, redirectingConfig(other.baseUri(), mode), "ETag", "\"b\""));
        ConfigFetcher fetcher = cdnFetcherFor(server.baseUri());

        FetchResult result = fetcher.fetch("\"old\"");

        assertThat(result.etag()).contains("\"b\"");
        assertThat(fetcher.baseUrl()).isEqualTo(other.baseUri());
        server.takeRequest();
        RecordedRequest redirected = other.takeRequest();
        assertThat(redirected.path).isEqualTo(PATH);
        assertThat(redirected.header("If-None-Match")).isEqualTo("\"old\"");
    }

    @ParameterizedTest
    @CsvSource({"0, 1", "1, 1", "2, 2"})
    void customBaseUrlFollowsOnlyForcedRedirects(int mode, int expectedRequests) {
        server.enqueue(respond(200, redirectingConfig(other.baseUri(), mode)));
        other.fallback(respond(200, CONFIG));
        ConfigFetcher fetcher = fetcherFor(server.baseUri());

        FetchResult result = fetcher.fetch(null);

        assertThat(result.kind()).isEqualTo(Kind.FETCHED);
        assertThat(server.requestCount() + other.requestCount()).isEqualTo(expectedRequests);
        assertThat(fetcher.baseUrl()).isEqualTo(mode == 2 ? other.baseUri() : server.baseUri());
    }

    @Test
    void preferenceNamingTheCurrentUrlIsNoRedirect() {
        server.enqueue(respond(200, redirectingConfig(URI.create(server.baseUri() + "/"), 2)));
        ConfigFetcher fetcher = cdnFetcherFor(server.baseUri());

        FetchResult result = fetcher.fetch(null);

        assertThat(result.kind()).isEqualTo(Kind.FETCHED);
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void preferenceWithAnUnusableUrlIsIgnored() {
        String config = "{\"p\":{\"u\":\"ftp://elsewhere\",\"r\":2},\"f\":{}}";
        server.enqueue(respond(200, config));
        ConfigFetcher fetcher = cdnFetcherFor(server.baseUri());

        FetchResult result = fetcher.fetch(null);

        assertThat(result.json()).isEqualTo(config);
        assertThat(fetcher.baseUrl()).isEqualTo(server.baseUri());
    }

    @Test
    void redirectLoopFailsAfterTwoRedirects() {
        server.fallback(respond(200, redirectingConfig(other.baseUri(), 2)));
        other.fallback(respond(200, redirectingConfig(server.baseUri(), 2)));
        ConfigFetcher fetcher = cdnFetcherFor(server.baseUri());

        FetchResult result = fetcher.fetch(null);

        assertTransientWithoutKey(result);
        assertThat(result.message()).startsWith("redirect loop");
        assertThat(server.requestCount() + other.requestCount()).isEqualTo(3);
    }

    @Test
    void redirectLogsNeverShowTheSdkKey() {
        try (LogCapture logs = LogCapture.of(ConfigFetcher.class)) {
            server.fallback(respond(200, redirectingConfig(other.baseUri(), 1)));
            other.fallback(respond(200, redirectingConfig(server.baseUri(), 1)));

            cdnFetcherFor(server.baseUri()).fetch(null);

            assertThat(logs.allText())
                    .contains("not from the configured data governance", "redirect in a loop")
                    .doesNotContain("SECRET")
                    .doesNotContain("TESTKEY");
        }
    }

    @Test
    void failureAfterARedirectIsReported() {
        server.enqueue(respond(200, redirectingConfig(other.baseUri(), 1)));
        other.enqueue(respond(503, ""));

        FetchResult result = cdnFetcherFor(server.baseUri()).fetch(null);

        assertThat(result.httpStatus()).isEqualTo(OptionalInt.of(503));
        assertThat(result.failureKind()).isEqualTo(FailureKind.TRANSIENT);
    }

    private static final String DVC_KEY = "dvc_server_TESTKEY-0123456789";
    private static final String DVC_PATH = "/config/v2/server/" + DVC_KEY + ".json";
    private static final String DVC_CONFIG = "{\"project\":{},\"environment\":{},\"features\":[],\"variables\":[]}";

    private ConfigFetcher devCycleFetcherFor(URI baseUrl) {
        return new ConfigFetcher(
                client,
                timer,
                ConfigFetcherOptions.builder(DVC_KEY)
                        .protocol(ConfigProtocol.DEVCYCLE)
                        .baseUrl(baseUrl)
                        .build(),
                clock);
    }

    @Test
    void devCycleDownloadsItsCdnPathWithBothConditionalHeaders() {
        server.enqueue(respond(200, DVC_CONFIG, "ETag", "\"d1\"", "Last-Modified", "Tue, 01 Dec 2026 10:00:00 GMT"));
        server.enqueue(respond(304, ""));
        ConfigFetcher fetcher = devCycleFetcherFor(server.baseUri());

        FetchResult first = fetcher.fetch(null, null);
        FetchResult second =
                fetcher.fetch(first.etag().orElseThrow(), first.lastModified().orElseThrow());

        RecordedRequest initial = server.takeRequest();
        assertThat(initial.path).isEqualTo(DVC_PATH);
        assertThat(initial.header("If-None-Match")).isNull();
        assertThat(initial.header("If-Modified-Since")).isNull();
        assertThat(first.lastModified()).contains("Tue, 01 Dec 2026 10:00:00 GMT");
        RecordedRequest conditional = server.takeRequest();
        assertThat(conditional.header("If-None-Match")).isEqualTo("\"d1\"");
        assertThat(conditional.header("If-Modified-Since")).isEqualTo("Tue, 01 Dec 2026 10:00:00 GMT");
        assertThat(second.kind()).isEqualTo(Kind.NOT_MODIFIED);
    }

    @ParameterizedTest
    @CsvSource({
        "'Tue, 01 Dec 2026 09:59:59 GMT', NOT_MODIFIED",
        "'Tue, 01 Dec 2026 10:00:00 GMT', FETCHED",
        "'Tue, 01 Dec 2026 10:00:01 GMT', FETCHED",
        "not a date, FETCHED"
    })
    void devCycleIgnoresAConfigOlderThanTheOneHeld(String lastModified, Kind expected) {
        server.enqueue(respond(200, DVC_CONFIG, "ETag", "\"d2\"", "Last-Modified", lastModified));

        FetchResult result = devCycleFetcherFor(server.baseUri()).fetch("\"d1\"", "Tue, 01 Dec 2026 10:00:00 GMT");

        assertThat(result.kind()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403})
    void devCycleRefusedKeyIsPermanent(int status) {
        server.enqueue(respond(status, "{\"message\":\"Forbidden\"}"));

        FetchResult result = devCycleFetcherFor(server.baseUri()).fetch(null, null);

        assertThat(result.failureKind()).isEqualTo(FailureKind.PERMANENT);
        assertThat(result.message()).doesNotContain("TESTKEY");
    }

    @Test
    void devCycleIgnoresConfigCatsRedirectPreferences() {
        server.enqueue(respond(200, redirectingConfig(other.baseUri(), 2)));

        FetchResult result = devCycleFetcherFor(server.baseUri()).fetch(null, null);

        assertThat(result.kind()).isEqualTo(Kind.FETCHED);
        assertThat(other.requestCount()).isZero();
    }

    @Test
    void configCatNeverSendsIfModifiedSince() {
        server.enqueue(respond(200, CONFIG, "ETag", "\"v1\"", "Last-Modified", "Tue, 01 Dec 2026 10:00:00 GMT"));

        fetcherFor(server.baseUri()).fetch("\"v0\"", "Tue, 01 Dec 2026 11:00:00 GMT");

        RecordedRequest request = server.takeRequest();
        assertThat(request.path).isEqualTo(PATH);
        assertThat(request.header("If-Modified-Since")).isNull();
    }
}
