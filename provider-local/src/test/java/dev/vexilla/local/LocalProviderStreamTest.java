package dev.vexilla.local;

import static dev.vexilla.model.testsupport.TestHttpServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.ProviderEvent;
import dev.vexilla.model.internal.stream.SseClientOptions;
import dev.vexilla.model.testsupport.ManualScheduler;
import dev.vexilla.model.testsupport.MutableClock;
import dev.vexilla.model.testsupport.SseStreamHandler;
import dev.vexilla.model.testsupport.TestHttpServer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Realtime updates: a refetchConfig message triggers a download; polling switches between backstop and normal. */
final class LocalProviderStreamTest {

    private static final Duration INTERVAL = Duration.ofSeconds(30);
    private static final Duration BACKSTOP = Duration.ofMinutes(20);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final OpenFeatureAPI api = OpenFeatureAPI.createIsolated();
    private final EventLog events = new EventLog(api);
    private final TestHttpServer http = TestHttpServer.start();
    private final SseStreamHandler stream = new SseStreamHandler();
    private final AtomicInteger streamRequests = new AtomicInteger();
    private final BlockingQueue<TestHttpServer.Handler> configResponses = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> configEtags = new LinkedBlockingQueue<>();

    @AfterEach
    void tearDown() {
        api.shutdown();
        stream.end();
        http.close();
    }

    private LocalProvider startProvider() {
        http.fallback(exchange -> {
            if (exchange.getRequestURI().getPath().equals("/v1/stream")) {
                assertThat(exchange.getRequestHeaders().getFirst("Authorization"))
                        .isEqualTo(TestConfigs.SDK_KEY);
                (streamRequests.incrementAndGet() == 1 ? stream : respond(204, "")).handle(exchange);
                return;
            }
            String etag = exchange.getRequestHeaders().getFirst("If-None-Match");
            configEtags.add(etag == null ? "-" : etag);
            TestHttpServer.Handler next = configResponses.poll();
            (next != null ? next : respond(304, "")).handle(exchange);
        });
        configResponses.add(respond(200, TestConfigs.A, "ETag", "\"a\""));
        LocalProvider provider = new LocalProvider(LocalOptions.builder()
                .sdkKey(TestConfigs.SDK_KEY)
                .baseUrl(http.baseUri())
                .pollingMode(PollingMode.autoPoll(INTERVAL, Duration.ofSeconds(5)))
                .realtimeUpdates(true)
                .streamBackstopInterval(BACKSTOP)
                .clock(clock)
                .scheduler(scheduler)
                .build());
        api.setProviderAndWait(provider);
        events.next(ProviderEvent.PROVIDER_READY);
        return provider;
    }

    @Test
    void refetchMessage_triggersADownloadWithTheEtag_andAConfigurationChangedEvent() throws Exception {
        LocalProvider provider = startProvider();
        stream.awaitOpened();
        assertThat(configEtags.take()).isEqualTo("-");
        configResponses.add(respond(200, TestConfigs.B, "ETag", "\"b\""));

        stream.send("data: {\"type\":\"refetchConfig\",\"etag\":\"\\\"b\\\"\"}\n\n");

        assertThat(events.next(ProviderEvent.PROVIDER_CONFIGURATION_CHANGED)
                        .details
                        .getFlagsChanged())
                .contains("textRule");
        assertThat(configEtags.take()).isEqualTo("\"a\"");
        assertThat(provider.getStringEvaluation("textRule", "x", new ImmutableContext())
                        .getValue())
                .isEqualTo("plain-v2");
    }

    @Test
    void refetchMessageForTheEtagHeld_isSkipped() throws Exception {
        startProvider();
        stream.awaitOpened();
        stream.send("data: {\"type\":\"refetchConfig\",\"etag\":\"\\\"a\\\"\"}\n\n");
        stream.send("data: {\"type\":\"somethingElse\"}\n\n");
        stream.send("data: {\"type\":\"refetchConfig\"}\n\n");

        assertThat(configEtags.take()).isEqualTo("-");
        assertThat(configEtags.take())
                .as("only the message without an etag downloads")
                .isEqualTo("\"a\"");
        events.assertQuiet();
        assertThat(configEtags).isEmpty();
    }

    @Test
    void devCycleEnvelopes_refetchUnlessTheyNameTheEtagHeld() throws Exception {
        startProvider();
        stream.awaitOpened();
        assertThat(configEtags.take()).isEqualTo("-");
        configResponses.add(respond(200, TestConfigs.B, "ETag", "\"b\""));

        // DevCycle's realtime envelope: the message is a JSON string in "data", and it names no type.
        stream.send("data: {\"id\":\"m1\",\"timestamp\":1,\"channel\":\"c\",\"name\":\"change\","
                + "\"data\":\"{\\\"etag\\\":\\\"\\\\\\\"a\\\\\\\"\\\",\\\"lastModified\\\":1}\"}\n\n");
        stream.send("data: {\"id\":\"m2\",\"data\":\"{\\\"etag\\\":\\\"\\\\\\\"b\\\\\\\"\\\"}\"}\n\n");

        assertThat(events.next(ProviderEvent.PROVIDER_CONFIGURATION_CHANGED)
                        .details
                        .getFlagsChanged())
                .contains("textRule");
        assertThat(configEtags.take())
                .as("only the envelope naming another etag downloads")
                .isEqualTo("\"a\"");
        assertThat(configEtags).isEmpty();
    }

    @Test
    void whileConnected_pollingSlowsToTheBackstop_andIsFastAgainWhenTheStreamDrops() throws Exception {
        startProvider();
        stream.awaitOpened();
        // the next poll, and the stream's read-timeout check on the provider's clock
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(scheduler.pendingDelays())
                        .containsExactly(SseClientOptions.DEFAULT_READ_TIMEOUT, BACKSTOP));

        stream.end();

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(scheduler.pendingDelays()).containsExactly(INTERVAL));
        assertThat(streamRequests.get()).isGreaterThanOrEqualTo(1);
    }
}
