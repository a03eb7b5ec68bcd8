package dev.vexilla.local;

import static dev.vexilla.model.testsupport.TestHttpServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.ProviderEvent;
import dev.openfeature.sdk.ProviderState;
import dev.vexilla.model.FlagMetadata;
import dev.vexilla.model.testsupport.ManualScheduler;
import dev.vexilla.model.testsupport.MutableClock;
import dev.vexilla.model.testsupport.TcpFaultServer;
import dev.vexilla.model.testsupport.TestHttpServer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The provider against a real HTTP server (and a scripted TCP server) answering each kind of fault. */
final class LocalProviderFaultTest {

    private static final ImmutableContext EMPTY = new ImmutableContext();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final OpenFeatureAPI api = OpenFeatureAPI.createIsolated();
    private final EventLog events = new EventLog(api);
    private final TestHttpServer http = TestHttpServer.start();
    private final TcpFaultServer tcp = TcpFaultServer.start();

    @AfterEach
    void tearDown() {
        api.shutdown();
        http.close();
        tcp.close();
    }

    private LocalOptions.Builder options(URI baseUrl) {
        return LocalOptions.builder()
                .sdkKey(TestConfigs.SDK_KEY)
                .baseUrl(baseUrl)
                .pollingMode(PollingMode.autoPoll(Duration.ofSeconds(60), Duration.ofSeconds(5)))
                .connectTimeout(Duration.ofMillis(500))
                .readTimeout(Duration.ofMillis(500))
                .maxBackoff(Duration.ofSeconds(2))
                .errorGracePeriod(Duration.ofSeconds(30))
                .clock(clock)
                .scheduler(scheduler);
    }

    enum Expect {
        TRANSIENT,
        PERMANENT
    }

    static Stream<Arguments> httpFaults() {
        return Stream.of(
                Arguments.of(400, "bad request", Expect.TRANSIENT),
                Arguments.of(401, "", Expect.PERMANENT),
                Arguments.of(403, "", Expect.PERMANENT),
                Arguments.of(404, "", Expect.PERMANENT),
                Arguments.of(429, "slow down", Expect.TRANSIENT),
                Arguments.of(500, "oops", Expect.TRANSIENT),
                Arguments.of(503, "later", Expect.TRANSIENT),
                Arguments.of(200, "{\"f\": not json", Expect.TRANSIENT),
                Arguments.of(200, "[1, 2, 3]", Expect.TRANSIENT));
    }

    @ParameterizedTest(name = "HTTP {0} {1}")
    @MethodSource("httpFaults")
    void httpFault_afterAGoodConfig(int status, String body, Expect expect) {
        http.enqueue(respond(200, TestConfigs.A, "ETag", "\"a\""), respond(status, body));
        LocalProvider provider = new LocalProvider(options(http.baseUri()).build());
        api.setProviderAndWait(provider);
        events.next(ProviderEvent.PROVIDER_READY);

        RefreshResult result = provider.forceRefresh();

        assertThat(result.isSuccess()).isFalse();
        assertFaultOutcome(provider, expect);
        if (expect == Expect.PERMANENT) {
            int requests = http.requestCount();
            scheduler.advance(Duration.ofMinutes(10));
            assertThat(provider.forceRefresh().error()).get().asString().contains("permanently");
            assertThat(http.requestCount())
                    .as("no download after a permanent failure")
                    .isEqualTo(requests);
        }
    }

    static Stream<Arguments> socketFaults() {
        return Stream.of(
                Arguments.of(
                        "truncated body",
                        TcpFaultServer.respondRaw(
                                "HTTP/1.1 200 OK\r\nContent-Length: 500\r\n" + "Connection: close\r\n\r\n{\"f\": {")),
                Arguments.of("connection reset", TcpFaultServer.reset()),
                Arguments.of("stall past the read timeout", TcpFaultServer.stall()),
                Arguments.of("garbage instead of HTTP", TcpFaultServer.respondRaw("hello\r\n\r\n")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("socketFaults")
    void socketFault_afterAGoodConfig(String name, TcpFaultServer.Behaviour fault) {
        tcp.enqueue(TcpFaultServer.respondRaw(TestConfigs.rawOk(TestConfigs.A, "\"a\"")), fault);
        LocalProvider provider = new LocalProvider(options(tcp.baseUri()).build());
        api.setProviderAndWait(provider);
        events.next(ProviderEvent.PROVIDER_READY);

        assertThat(provider.forceRefresh().isSuccess()).isFalse();

        assertFaultOutcome(provider, Expect.TRANSIENT);
    }

    /** Issue 7, item 3: one byte every 20 ms defeats the read timeout, never the download's deadline. */
    @Test
    void slowDrip_forceRefreshFailsAtTheDownloadDeadline_andTheLastGoodConfigKeepsServing() {
        tcp.enqueue(
                TcpFaultServer.respondRaw(TestConfigs.rawOk(TestConfigs.A, "\"a\"")),
                TcpFaultServer.drip(TestConfigs.rawOk(TestConfigs.B, "\"b\""), Duration.ofMillis(20)));
        LocalProvider provider = new LocalProvider(options(tcp.baseUri()).build());
        api.setProviderAndWait(provider);
        events.next(ProviderEvent.PROVIDER_READY);

        long start = System.nanoTime();
        RefreshResult result = provider.forceRefresh();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(result.isSuccess()).isFalse();
        assertThat(result.error()).get().asString().contains("deadline of 1000 ms passed");
        // connect 500 ms + read 500 ms; a loaded machine gets a second of slack; the dripped config takes 27 s
        assertThat(elapsed).isBetween(Duration.ofMillis(1_000), Duration.ofMillis(2_000));
        assertFaultOutcome(provider, Expect.TRANSIENT);
    }

    @Test
    void connectionRefused_afterAGoodConfig() {
        tcp.enqueue(TcpFaultServer.respondRaw(TestConfigs.rawOk(TestConfigs.A, "\"a\"")));
        LocalProvider provider = new LocalProvider(options(tcp.baseUri()).build());
        api.setProviderAndWait(provider);
        events.next(ProviderEvent.PROVIDER_READY);
        tcp.close();

        assertThat(provider.forceRefresh().isSuccess()).isFalse();

        assertFaultOutcome(provider, Expect.TRANSIENT);
    }

    private void assertFaultOutcome(LocalProvider provider, Expect expect) {
        if (expect == Expect.PERMANENT) {
            events.next(ProviderEvent.PROVIDER_ERROR);
            // SDK 1.22 does not copy the error code into handler details; the FATAL state shows it was PROVIDER_FATAL
            assertThat(api.getClient().getProviderState()).isEqualTo(ProviderState.FATAL);
            ProviderEvaluation<Boolean> e = provider.getBooleanEvaluation("boolStatic", false, EMPTY);
            assertThat(e.getErrorCode()).isEqualTo(ErrorCode.PROVIDER_FATAL);
            assertThat(e.getValue()).isFalse();
        } else {
            events.next(ProviderEvent.PROVIDER_STALE);
            assertThat(api.getClient().getProviderState()).isEqualTo(ProviderState.STALE);
            ProviderEvaluation<String> e = provider.getStringEvaluation("textRule", "x", EMPTY);
            assertThat(e.getValue()).as("last good config keeps serving").isEqualTo("plain");
            assertThat(e.getFlagMetadata().getString(FlagMetadata.VERSION)).isEqualTo("a");
            assertThat(api.getClient().getStringValue("textRule", "x")).isEqualTo("plain");
        }
        events.assertQuiet();
    }

    @Test
    void notModified_keepsTheConfig_sendsTheEtag_andBumpsTheFetchTime() {
        http.enqueue(respond(200, TestConfigs.A, "ETag", "\"a\""), respond(304, ""));
        LocalProvider provider = new LocalProvider(options(http.baseUri()).build());
        api.setProviderAndWait(provider);
        events.next(ProviderEvent.PROVIDER_READY);
        http.takeRequest();
        clock.advance(Duration.ofMinutes(3));

        assertThat(provider.forceRefresh().isSuccess()).isTrue();

        assertThat(http.takeRequest().header("If-None-Match")).isEqualTo("\"a\"");
        ProviderEvaluation<String> e = provider.getStringEvaluation("textRule", "x", EMPTY);
        assertThat(e.getValue()).isEqualTo("plain");
        assertThat(e.getFlagMetadata().getLong(FlagMetadata.FETCH_TIME)).isEqualTo(clock.millis());
        events.assertQuiet();
    }

    @Test
    void changedConfig_emitsConfigurationChangedWithExactlyTheChangedKeys() {
        http.enqueue(respond(200, TestConfigs.A, "ETag", "\"a\""), respond(200, TestConfigs.B, "ETag", "\"b\""));
        LocalProvider provider = new LocalProvider(options(http.baseUri()).build());
        api.setProviderAndWait(provider);
        events.next(ProviderEvent.PROVIDER_READY);

        assertThat(provider.forceRefresh().isSuccess()).isTrue();

        EventLog.Seen changed = events.next(ProviderEvent.PROVIDER_CONFIGURATION_CHANGED);
        assertThat(changed.details.getFlagsChanged()).containsExactly("doubleFlag", "newFlag", "textRule");
        assertThat(provider.getStringEvaluation("textRule", "x", EMPTY).getValue())
                .isEqualTo("plain-v2");
        assertThat(provider.getStringEvaluation("textRule", "x", EMPTY)
                        .getFlagMetadata()
                        .getString("version"))
                .isEqualTo("b");
        events.assertQuiet();
    }

    @Test
    void transientFailuresBeyondTheGracePeriod_becomeError_andRecoveryIsReadyAgain() {
        http.enqueue(respond(200, TestConfigs.A, "ETag", "\"a\""));
        http.fallback(respond(503, ""));
        LocalProvider provider = new LocalProvider(options(http.baseUri()).build());
        api.setProviderAndWait(provider);
        events.next(ProviderEvent.PROVIDER_READY);

        scheduler.advance(Duration.ofSeconds(60));
        events.next(ProviderEvent.PROVIDER_STALE);
        scheduler.advance(Duration.ofSeconds(33)); // grace 30 s, retries at most 2 s apart
        events.next(ProviderEvent.PROVIDER_ERROR);
        assertThat(api.getClient().getProviderState()).isEqualTo(ProviderState.ERROR);
        assertThat(provider.getStringEvaluation("textRule", "x", EMPTY).getValue())
                .isEqualTo("plain");

        http.fallback(respond(304, ""));
        scheduler.advance(Duration.ofSeconds(3));
        events.next(ProviderEvent.PROVIDER_READY);
        assertThat(api.getClient().getProviderState()).isEqualTo(ProviderState.READY);
        events.assertQuiet();
    }

    @Test
    void permanentFailureAtStart_failsInitializeAsFatal() {
        http.fallback(respond(403, ""));
        LocalProvider provider = new LocalProvider(options(http.baseUri()).build());

        assertThatThrownBy(() -> api.setProviderAndWait(provider)).hasMessageContaining("403");

        assertThat(api.getClient().getProviderState()).isEqualTo(ProviderState.FATAL);
        assertThat(provider.getBooleanEvaluation("boolStatic", false, EMPTY).getErrorCode())
                .isEqualTo(ErrorCode.PROVIDER_FATAL);
    }

    @Test
    void transientFailureAtStart_failsInitialize_thenRecoversWithReady() {
        http.enqueue(respond(500, ""));
        http.fallback(respond(200, TestConfigs.A, "ETag", "\"a\""));
        LocalProvider provider = new LocalProvider(options(http.baseUri()).build());

        assertThatThrownBy(() -> api.setProviderAndWait(provider)).hasMessageContaining("500");
        assertThat(api.getClient().getProviderState()).isEqualTo(ProviderState.ERROR);
        assertThat(provider.getBooleanEvaluation("boolStatic", false, EMPTY).getErrorCode())
                .isEqualTo(ErrorCode.PROVIDER_NOT_READY);

        scheduler.advance(Duration.ofSeconds(3));

        events.next(ProviderEvent.PROVIDER_ERROR);
        events.next(ProviderEvent.PROVIDER_READY);
        assertThat(api.getClient().getBooleanValue("boolStatic", false)).isTrue();
    }

    @Test
    void slowFirstDownload_initializeGivesUpAfterMaxInitWait_thenReadyWhenAConfigArrives() {
        tcp.enqueue(TcpFaultServer.stall());
        tcp.fallback(TcpFaultServer.respondRaw(TestConfigs.rawOk(TestConfigs.A, "\"a\"")));
        LocalProvider provider = new LocalProvider(LocalOptions.builder()
                .sdkKey(TestConfigs.SDK_KEY)
                .baseUrl(tcp.baseUri())
                .pollingMode(PollingMode.autoPoll(Duration.ofSeconds(60), Duration.ofMillis(200)))
                .readTimeout(Duration.ofSeconds(3))
                .build());
        long start = System.nanoTime();

        assertThatThrownBy(() -> api.setProviderAndWait(provider)).hasMessageContaining("No config within PT0.2S");

        // The message shows initialize gave up after maxInitWait; the stalled download holds on for 3 s.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_500));
        assertThat(provider.getBooleanEvaluation("boolStatic", false, EMPTY).getErrorCode())
                .isEqualTo(ErrorCode.PROVIDER_NOT_READY);
        events.next(ProviderEvent.PROVIDER_ERROR);
        events.next(ProviderEvent.PROVIDER_READY);
        assertThat(api.getClient().getBooleanValue("boolStatic", false)).isTrue();
    }

    @Test
    void sdkKeyTravelsOnlyInThePath_andNeverInErrors() {
        http.fallback(respond(500, "boom"));
        LocalProvider provider = new LocalProvider(options(http.baseUri()).build());
        assertThatThrownBy(() -> api.setProviderAndWait(provider))
                .satisfies(e -> assertThat(String.valueOf(e.getMessage())).doesNotContain(TestConfigs.SDK_KEY));
        assertThat(http.takeRequest().path)
                .isEqualTo("/configuration-files/" + TestConfigs.SDK_KEY + "/config_v6.json");
    }
}
