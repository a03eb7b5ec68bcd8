package dev.vexilla.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.EventDetails;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.ProviderState;
import dev.openfeature.sdk.Value;
import dev.vexilla.local.LocalOptions;
import dev.vexilla.local.LocalProvider;
import dev.vexilla.local.PollingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code LocalProvider} in DevCycle mode against the real server's DevCycle paths (the CDN path
 * {@code /config/v2/server/{key}.json} and the stream its {@code sse} names), with the fault proxy in between: a 304
 * keeps the config; 401/403 (and the server's 404 for a key it does not know) are fatal and stop polling; a 500, a
 * body that is not JSON and a JSON body that is no config v2 keep the last good config, and the next good download
 * recovers; a stalled download ends at the read timeout; a stream dropped mid-way reconnects with
 * {@code Last-Event-ID} and picks up a change made while it was away.
 *
 * <p>Downloads are triggered with {@code forceRefresh()} (polling is set to 10 minutes), so no test waits for a timer;
 * the poll timer is read from the provider's own scheduler, which the test owns.
 */
final class LocalProviderDevCycleFaultTest {
    private static final Duration POLL = Duration.ofMinutes(10);
    private static final ImmutableContext STAFF =
            new ImmutableContext("u-1", Map.of("email", new Value("ada@vexilla.dev")));
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(2, r -> {
        Thread t = new Thread(r, "devcycle-fault-test");
        t.setDaemon(true);
        return t;
    });

    LocalProviderDevCycleFaultTest() {
        scheduler.setRemoveOnCancelPolicy(true);
    }

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    private LocalProvider provider(URI base, String key, Consumer<LocalOptions.Builder> more) {
        LocalOptions.Builder options = LocalOptions.builder()
                .sdkKey(key)
                .baseUrl(base)
                .eventsUrl(base)
                .disableAutomaticEventLogging(true)
                .pollingMode(PollingMode.autoPoll(POLL, Duration.ofSeconds(30)))
                .realtimeUpdates(false)
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(30))
                .scheduler(scheduler);
        more.accept(options);
        return new LocalProvider(options.build());
    }

    private static String copy(LocalProvider provider) {
        ProviderEvaluation<String> copy = provider.getStringEvaluation("checkout-copy", "none", STAFF);
        assertThat(copy.getErrorCode()).as(copy.getErrorMessage()).isNull();
        return copy.getValue();
    }

    /** True while the provider's scheduler holds a timer as long as the poll interval: the next poll. */
    private boolean pollScheduled() {
        return scheduler.getQueue().stream()
                .filter(task -> task instanceof Delayed)
                .mapToLong(task -> ((Delayed) task).getDelay(TimeUnit.MINUTES))
                .anyMatch(minutes -> minutes >= 5);
    }

    /**
     * Downloads until one download met the proxy's current fault: the first attempt after a mode change may fail on
     * a pooled connection the change closed, which is not the fault under test.
     */
    private static void refreshUntilTheFaultIsMet(LocalProvider provider, FaultProxy proxy, FaultProxy.Mode fault) {
        int before = proxy.accepted(fault);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            provider.forceRefresh();
            return proxy.accepted(fault) > before;
        });
    }

    /** Downloads until one succeeds: the first attempt after a mode change may meet a closed pooled connection. */
    private static void refreshUntilSuccess(LocalProvider provider) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> provider.forceRefresh().isSuccess());
    }

    private static String etag(TestServer server) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        server.baseUri().resolve("config/v2/server/" + TestServer.DEVCYCLE_KEY + ".json"))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding())
                .headers()
                .firstValue("ETag")
                .orElseThrow();
    }

    private static String lastEventId(String head) {
        return head.lines()
                .filter(line -> line.regionMatches(true, 0, "Last-Event-ID:", 0, 14))
                .map(line -> line.substring(14).strip())
                .findFirst()
                .orElse("(none)");
    }

    private static List<String> configRequests(FaultProxy proxy) {
        return proxy.forwardedRequests().stream()
                .filter(head -> head.startsWith("GET /config/v2/server/"))
                .toList();
    }

    @Test
    void laterDownloadsAreConditional_theServers304KeepsTheConfigAndSignalsNothing() throws Exception {
        try (TestServer server = TestServer.start(dir);
                FaultProxy proxy = new FaultProxy(server.port())) {
            LocalProvider provider = provider(proxy.baseUri(), TestServer.DEVCYCLE_KEY, o -> {});
            try (ProviderEvents events = new ProviderEvents(provider, true)) {
                assertThat(copy(provider)).isEqualTo(TestServer.DEVCYCLE_COPY);

                assertThat(provider.forceRefresh().isSuccess()).isTrue();

                List<String> requests = configRequests(proxy);
                assertThat(requests).hasSize(2);
                assertThat(requests.get(1)).containsIgnoringCase("If-None-Match: " + etag(server));
                assertThat(copy(provider)).isEqualTo(TestServer.DEVCYCLE_COPY);
                assertThat(events.changes()).isEmpty();
                assertThat(events.seen()).containsExactly("READY");
            }
        }
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {401, 403})
    void http401And403AreFatal_andPollingStops(int status) throws Exception {
        try (TestServer server = TestServer.start(dir);
                FaultProxy proxy = new FaultProxy(server.port())) {
            LocalProvider provider = provider(proxy.baseUri(), TestServer.DEVCYCLE_KEY, o -> {});
            try (ProviderEvents events = new ProviderEvents(provider, true)) {
                assertThat(pollScheduled())
                        .as("polling runs before the refusal")
                        .isTrue();

                proxy.answer(status, "{\"statusCode\":" + status + ",\"message\":\"Unauthorized\"}");
                refreshUntilTheFaultIsMet(provider, proxy, FaultProxy.Mode.CANNED);

                events.awaitLast("ERROR");
                assertThat(events.client().getProviderState()).isEqualTo(ProviderState.FATAL);
                assertThat(provider.getStringEvaluation("checkout-copy", "none", STAFF)
                                .getErrorCode())
                        .isEqualTo(ErrorCode.PROVIDER_FATAL);
                await().atMost(Duration.ofSeconds(60)).until(() -> !pollScheduled());
                proxy.mode(FaultProxy.Mode.FORWARD);
                int requests = configRequests(proxy).size();
                provider.forceRefresh();
                assertThat(configRequests(proxy))
                        .as("no download after a refused key")
                        .hasSize(requests);
            }
        }
    }

    @Test
    void aKeyTheServerDoesNotKnowIsFatalFromTheStart() throws Exception {
        try (TestServer server = TestServer.start(dir);
                FaultProxy proxy = new FaultProxy(server.port())) {
            LocalProvider provider = provider(proxy.baseUri(), "server-unknown-key-0123456789", o -> {});
            try (ProviderEvents events = new ProviderEvents(provider, false)) {
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> events.client().getProviderState() == ProviderState.FATAL);
                assertThat(provider.getStringEvaluation("checkout-copy", "none", STAFF)
                                .getErrorCode())
                        .isEqualTo(ErrorCode.PROVIDER_FATAL);
                assertThat(configRequests(proxy)).hasSize(1);
                assertThat(pollScheduled()).isFalse();
            }
        }
    }

    static Stream<Arguments> transientFailures() {
        return Stream.of(
                Arguments.of("HTTP 500", 500, "{\"statusCode\":500,\"message\":\"Internal server error\"}"),
                Arguments.of("HTTP 503", 503, "unavailable"),
                Arguments.of("a body that is not JSON", 200, "<html>not json"),
                Arguments.of("truncated JSON", 200, "{\"project\":{\"_id\":"),
                Arguments.of("JSON that is no config v2", 200, "{\"f\":{}}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transientFailures")
    void transientFailuresKeepTheLastGoodConfig_andTheNextGoodDownloadRecovers(String name, int status, String body)
            throws Exception {
        try (TestServer server = TestServer.start(dir);
                FaultProxy proxy = new FaultProxy(server.port())) {
            LocalProvider provider = provider(proxy.baseUri(), TestServer.DEVCYCLE_KEY, o -> {});
            try (ProviderEvents events = new ProviderEvents(provider, true)) {
                proxy.answer(status, body);

                refreshUntilTheFaultIsMet(provider, proxy, FaultProxy.Mode.CANNED);

                events.awaitLast("STALE");
                assertThat(copy(provider)).isEqualTo(TestServer.DEVCYCLE_COPY);
                assertThat(pollScheduled()).as("polling goes on").isTrue();

                proxy.mode(FaultProxy.Mode.FORWARD);
                server.publishDevCycle("Pay later");
                refreshUntilSuccess(provider);

                events.awaitLast("READY");
                assertThat(copy(provider)).isEqualTo("Pay later");
                assertThat(events.nextChange().getFlagsChanged()).contains("checkout-copy");
            }
        }
    }

    @Test
    void aStalledDownloadEndsAtTheReadTimeout_keepsTheConfig_andRecovers() throws Exception {
        try (TestServer server = TestServer.start(dir);
                FaultProxy proxy = new FaultProxy(server.port())) {
            LocalProvider provider =
                    provider(proxy.baseUri(), TestServer.DEVCYCLE_KEY, o -> o.readTimeout(Duration.ofMillis(500)));
            try (ProviderEvents events = new ProviderEvents(provider, true)) {
                proxy.mode(FaultProxy.Mode.STALL);

                refreshUntilTheFaultIsMet(provider, proxy, FaultProxy.Mode.STALL);

                events.awaitLast("STALE");
                assertThat(copy(provider)).isEqualTo(TestServer.DEVCYCLE_COPY);

                proxy.mode(FaultProxy.Mode.FORWARD);
                server.publishDevCycle("Pay later");
                refreshUntilSuccess(provider);
                events.awaitLast("READY");
                assertThat(copy(provider)).isEqualTo("Pay later");
            }
        }
    }

    @Test
    void aDroppedStreamReconnectsWithLastEventId_andPicksUpAChangeMadeWhileItWasAway() throws Exception {
        try (TestServer server = TestServer.start(dir);
                FaultProxy proxy = new FaultProxy(server.port())) {
            LocalProvider provider = provider(
                    proxy.baseUri(),
                    TestServer.DEVCYCLE_KEY,
                    o -> o.realtimeUpdates(true).streamBackstopInterval(Duration.ofHours(1)));
            try (ProviderEvents events = new ProviderEvents(provider, true)) {
                server.awaitOpenStreams(1);
                server.publishDevCycle("Pay soon");
                await("a change while connected arrives over the stream (polling is 10 min)")
                        .atMost(Duration.ofSeconds(60))
                        .until(() -> copy(provider).equals("Pay soon"));
                assertThat(events.nextChange().getFlagsChanged()).contains("checkout-copy");
                String seen = etag(server).replace("\"", "");

                proxy.mode(FaultProxy.Mode.RESET);
                server.publishDevCycle("Pay later");
                proxy.mode(FaultProxy.Mode.FORWARD);

                await("the change made while away arrives over the reconnected stream")
                        .atMost(Duration.ofSeconds(60))
                        .until(() -> copy(provider).equals("Pay later"));
                EventDetails change = events.nextChange();
                assertThat(change.getFlagsChanged()).contains("checkout-copy");
                List<String> streams = proxy.forwardedRequests().stream()
                        .filter(head -> head.startsWith("GET /v1/stream"))
                        .toList();
                assertThat(streams.size()).as("the stream reconnected").isGreaterThanOrEqualTo(2);
                assertThat(lastEventId(streams.get(streams.size() - 1))).contains(seen);
            }
        }
    }
}
