package dev.vexilla.local;

import static dev.vexilla.model.testsupport.TestHttpServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.ProviderEvent;
import dev.openfeature.sdk.ProviderState;
import dev.openfeature.sdk.Value;
import dev.vexilla.model.internal.stream.SseClientOptions;
import dev.vexilla.model.testsupport.ManualScheduler;
import dev.vexilla.model.testsupport.MutableClock;
import dev.vexilla.model.testsupport.SseStreamHandler;
import dev.vexilla.model.testsupport.TestHttpServer;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link LocalProvider} in DevCycle mode against a loopback fake of DevCycle's CDN, change stream and events API:
 * mode selection by key, conditional downloads (ETag, Last-Modified, 304, an older config ignored), failures, realtime
 * updates in DevCycle's envelope, and the polling interval while the stream is up and after it drops.
 */
final class LocalProviderDevCycleModeTest {

    private static final Duration INTERVAL = LocalOptions.DEVCYCLE_POLL_INTERVAL;
    private static final String MODIFIED = "Tue, 01 Dec 2026 10:00:00 GMT";
    private static final String EARLIER = "Tue, 01 Dec 2026 09:00:00 GMT";
    private static final String LATER = "Tue, 01 Dec 2026 11:00:00 GMT";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T12:00:00Z"));
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final OpenFeatureAPI api = OpenFeatureAPI.createIsolated();
    private final EventLog events = new EventLog(api);
    private final FakeDevCycle devCycle = new FakeDevCycle();
    private final CountDownLatch stallReleased = new CountDownLatch(1);

    @AfterEach
    void tearDown() {
        stallReleased.countDown();
        api.shutdown();
        devCycle.close();
    }

    private LocalProvider start(Consumer<LocalOptions.Builder> more) throws Exception {
        devCycle.configResponses.add(
                respond(200, devCycle.config("/event-stream", "Pay now"), "ETag", "\"a\"", "Last-Modified", MODIFIED));
        LocalOptions.Builder options = LocalOptions.builder()
                .sdkKey(FakeDevCycle.KEY)
                .baseUrl(devCycle.baseUri())
                .eventsUrl(devCycle.baseUri())
                .clock(clock)
                .scheduler(scheduler);
        more.accept(options);
        LocalProvider provider = new LocalProvider(options.build());
        api.setProviderAndWait(provider);
        events.next(ProviderEvent.PROVIDER_READY);
        return provider;
    }

    private LocalProvider startPolling() throws Exception {
        return start(options -> options.realtimeUpdates(false));
    }

    @Test
    void aDevCycleServerKeySelectsDevCyclesCdnPathAndDefaults() throws Exception {
        LocalProvider provider = startPolling();

        FakeDevCycle.ConfigRequest first = devCycle.takeConfigRequest();
        assertThat(first.path).isEqualTo(FakeDevCycle.CONFIG_PATH);
        assertThat(first.ifNoneMatch).isEqualTo("-");
        assertThat(copy(provider)).isEqualTo("Pay now");
        assertThat(scheduler.pendingDelays()).contains(INTERVAL);
    }

    @Test
    void laterDownloadsAreConditional_andA304KeepsTheConfig() throws Exception {
        LocalProvider provider = startPolling();
        devCycle.takeConfigRequest();

        scheduler.advance(INTERVAL);

        FakeDevCycle.ConfigRequest second = devCycle.takeConfigRequest();
        assertThat(second.ifNoneMatch).isEqualTo("\"a\"");
        assertThat(second.ifModifiedSince).isEqualTo(MODIFIED);
        assertThat(copy(provider)).isEqualTo("Pay now");
        events.assertQuiet();
    }

    @Test
    void aConfigOlderThanTheOneHeldIsIgnored_aNewerOneIsServed() throws Exception {
        LocalProvider provider = startPolling();
        devCycle.takeConfigRequest();
        devCycle.configResponses.add(respond(
                200, devCycle.config("/event-stream", "Stale copy"), "ETag", "\"old\"", "Last-Modified", EARLIER));

        assertThat(provider.forceRefresh().isSuccess()).isTrue();

        assertThat(copy(provider)).isEqualTo("Pay now");
        events.assertQuiet();
        devCycle.takeConfigRequest();

        devCycle.configResponses.add(
                respond(200, devCycle.config("/event-stream", "Pay later"), "ETag", "\"b\"", "Last-Modified", LATER));
        provider.forceRefresh();

        assertThat(events.next(ProviderEvent.PROVIDER_CONFIGURATION_CHANGED)
                        .details
                        .getFlagsChanged())
                .contains("checkout-copy");
        assertThat(copy(provider)).isEqualTo("Pay later");
        devCycle.takeConfigRequest();
        scheduler.advance(INTERVAL);
        FakeDevCycle.ConfigRequest next = devCycle.takeConfigRequest();
        assertThat(next.ifNoneMatch).isEqualTo("\"b\"");
        assertThat(next.ifModifiedSince).isEqualTo(LATER);
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {401, 403})
    void http401And403AreFatal_andPollingStops(int status) throws Exception {
        LocalProvider provider = startPolling();
        devCycle.takeConfigRequest();
        devCycle.configResponses.add(respond(status, "{\"message\":\"Unauthorized\"}"));

        scheduler.advance(INTERVAL);

        events.next(ProviderEvent.PROVIDER_ERROR);
        // SDK 1.22 does not copy the error code into handler details; the FATAL state shows it was PROVIDER_FATAL
        assertThat(api.getClient().getProviderState()).isEqualTo(ProviderState.FATAL);
        assertThat(provider.getStringEvaluation("checkout-copy", "x", staff()).getErrorCode())
                .isEqualTo(ErrorCode.PROVIDER_FATAL);
        int requests = devCycle.configRequestCount.get();
        scheduler.advance(Duration.ofHours(1));
        assertThat(devCycle.configRequestCount.get())
                .as("no download after a refused key")
                .isEqualTo(requests);
        assertThat(scheduler.pendingDelays()).doesNotContain(INTERVAL);
    }

    static Stream<Arguments> transientFailures() {
        return Stream.of(
                Arguments.of("HTTP 500", respond(500, "oops")),
                Arguments.of("garbage", respond(200, "<html>not json", "ETag", "\"x\"")),
                Arguments.of("not a DevCycle config", respond(200, "{\"f\":{}}", "ETag", "\"y\"")),
                Arguments.of("a config without features", respond(200, "{\"project\":{}}", "ETag", "\"z\"")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transientFailures")
    void transientFailuresKeepTheLastGoodConfig(String name, TestHttpServer.Handler failure) throws Exception {
        LocalProvider provider = startPolling();
        devCycle.takeConfigRequest();
        devCycle.configResponses.add(failure);

        scheduler.advance(INTERVAL);

        events.next(ProviderEvent.PROVIDER_STALE);
        ProviderEvaluation<String> copy = provider.getStringEvaluation("checkout-copy", "x", staff());
        assertThat(copy.getValue()).isEqualTo("Pay now");
        assertThat(copy.getErrorCode()).isNull();
    }

    @Test
    void aStalledDownloadFailsAtTheReadTimeoutAndKeepsTheLastGoodConfig() throws Exception {
        LocalProvider provider = start(options -> options.realtimeUpdates(false).readTimeout(Duration.ofMillis(300)));
        devCycle.takeConfigRequest();
        devCycle.configResponses.add(exchange -> {
            try {
                stallReleased.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });

        assertThat(provider.forceRefresh().isSuccess()).isFalse();

        events.next(ProviderEvent.PROVIDER_STALE);
        assertThat(copy(provider)).isEqualTo("Pay now");
    }

    @Test
    void theStreamTheConfigNamesGetsNoAuthorizationHeader_theKeyGoesToNoForeignHost() throws Exception {
        start(options -> {});
        devCycle.stream("/event-stream").awaitOpened();

        assertThat(devCycle.streamAuthorizations.poll(30, TimeUnit.SECONDS)).isEqualTo("-");
    }

    @Test
    void aStreamUrlGivenInTheOptionsKeepsTheAuthorizationHeader() throws Exception {
        start(options -> options.streamUrl(devCycle.baseUri().resolve("/event-stream-own")));
        devCycle.stream("/event-stream-own").awaitOpened();

        assertThat(devCycle.streamAuthorizations.poll(30, TimeUnit.SECONDS)).isEqualTo(FakeDevCycle.KEY);
    }

    @Test
    void aRefetchMessageInDevCyclesEnvelopeDownloads_andSignalsTheChange() throws Exception {
        LocalProvider provider = start(options -> {});
        SseStreamHandler stream = devCycle.stream("/event-stream");
        stream.awaitOpened();
        devCycle.takeConfigRequest();
        devCycle.configResponses.add(
                respond(200, devCycle.config("/event-stream", "Pay later"), "ETag", "\"b\"", "Last-Modified", LATER));

        stream.send(envelope(message("refetchConfig", "\"b\"")));

        assertThat(events.next(ProviderEvent.PROVIDER_CONFIGURATION_CHANGED)
                        .details
                        .getFlagsChanged())
                .contains("checkout-copy");
        FakeDevCycle.ConfigRequest request = devCycle.takeConfigRequest();
        assertThat(request.ifNoneMatch).isEqualTo("\"a\"");
        assertThat(request.ifModifiedSince).isEqualTo(MODIFIED);
        assertThat(copy(provider)).isEqualTo("Pay later");
    }

    @Test
    void aRefetchMessageForTheEtagHeldIsSkipped_oneWithoutTypeDownloads() throws Exception {
        start(options -> {});
        SseStreamHandler stream = devCycle.stream("/event-stream");
        stream.awaitOpened();
        devCycle.takeConfigRequest();

        stream.send(envelope(message("refetchConfig", "\"a\"")));
        stream.send(envelope(message(null, "\"z\"")));

        FakeDevCycle.ConfigRequest request = devCycle.takeConfigRequest();
        assertThat(request.ifNoneMatch)
                .as("the message without a type downloads")
                .isEqualTo("\"a\"");
        assertThat(devCycle.configRequestCount.get())
                .as("the one naming the etag held did not")
                .isEqualTo(2);
    }

    @Test
    void whileTheStreamIsUp_pollingIsTheBackstop_andWhenItDrops_theNormalInterval() throws Exception {
        start(options -> {});
        SseStreamHandler stream = devCycle.stream("/event-stream");
        stream.awaitOpened();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(scheduler.pendingDelays())
                        .contains(LocalOptions.DEFAULT_STREAM_BACKSTOP_INTERVAL)
                        .doesNotContain(INTERVAL));

        stream.end();

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(scheduler.pendingDelays())
                        .contains(INTERVAL)
                        .doesNotContain(
                                LocalOptions.DEFAULT_STREAM_BACKSTOP_INTERVAL, SseClientOptions.DEFAULT_READ_TIMEOUT));
        int requests = devCycle.configRequestCount.get();
        scheduler.advance(INTERVAL);
        assertThat(devCycle.configRequestCount.get())
                .as("polling at the normal interval")
                .isEqualTo(requests + 1);
    }

    @Test
    void aConfigNamingAnotherStreamMovesTheStream() throws Exception {
        start(options -> {});
        SseStreamHandler first = devCycle.stream("/event-stream");
        first.awaitOpened();
        devCycle.takeConfigRequest();
        devCycle.configResponses.add(
                respond(200, devCycle.config("/event-stream-2", "Pay later"), "ETag", "\"b\"", "Last-Modified", LATER));

        first.send(envelope(message("refetchConfig", "\"b\"")));

        SseStreamHandler second = devCycle.stream("/event-stream-2");
        second.awaitOpened();
        events.next(ProviderEvent.PROVIDER_CONFIGURATION_CHANGED);
        devCycle.takeConfigRequest();
        devCycle.configResponses.add(respond(200, devCycle.config("/event-stream-2", "Pay at once"), "ETag", "\"c\""));

        second.send(envelope(message("refetchConfig", "\"c\"")));

        events.next(ProviderEvent.PROVIDER_CONFIGURATION_CHANGED);
        assertThat(devCycle.takeConfigRequest().ifNoneMatch).isEqualTo("\"b\"");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(scheduler.pendingDelays()).contains(LocalOptions.DEFAULT_STREAM_BACKSTOP_INTERVAL));
    }

    private static String copy(LocalProvider provider) {
        return provider.getStringEvaluation("checkout-copy", "x", staff()).getValue();
    }

    private static EvaluationContext staff() {
        return new ImmutableContext("u-1", Map.of("email", new Value("ada@vexilla.dev")));
    }

    /** DevCycle's inner message: {@code {type, etag, lastModified}}; a null type leaves it out. */
    private static String message(String type, String etag) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        if (type != null) {
            m.put("type", type);
        }
        m.put("etag", etag);
        m.put("lastModified", 1_796_119_200_000L);
        return JSON.writeValueAsString(m);
    }

    /** The SSE event of DevCycle's stream: an envelope whose {@code data} is the message as a JSON string. */
    private static String envelope(String message) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", "msg-1");
        m.put("timestamp", 1_796_119_200_000L);
        m.put("channel", "dvc_server_channel");
        m.put("data", message);
        m.put("name", "change");
        return "data: " + JSON.writeValueAsString(m) + "\n\n";
    }
}
