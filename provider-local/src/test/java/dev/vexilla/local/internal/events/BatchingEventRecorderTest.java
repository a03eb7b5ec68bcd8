package dev.vexilla.local.internal.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ch.qos.logback.classic.Level;
import dev.vexilla.local.internal.events.ReceivedBatches.Received;
import dev.vexilla.local.internal.http.HttpClientFactory;
import dev.vexilla.local.internal.http.HttpClientOptions;
import dev.vexilla.model.ErrorKind;
import dev.vexilla.model.ResultReason;
import dev.vexilla.model.User;
import dev.vexilla.model.bucketing.DevCycleUser;
import dev.vexilla.model.events.RequestEvent;
import dev.vexilla.model.events.UserEvents;
import dev.vexilla.model.testsupport.LogCapture;
import dev.vexilla.model.testsupport.TcpFaultServer;
import dev.vexilla.model.testsupport.TestHttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class BatchingEventRecorderTest {
    static final String SDK_KEY = "dvc_server_TESTKEY_0123456789_secret";
    static final Instant NOW = Instant.parse("2026-11-22T03:00:00Z");
    static final String SDK_USER = "sdk-user@test-host";

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final TestHttpServer server = TestHttpServer.start();
    private final ReceivedBatches received = new ReceivedBatches();
    private final TestCounters counters = new TestCounters();
    private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "events-test-scheduler");
        t.setDaemon(true);
        return t;
    });
    private final CloseableHttpClient client = HttpClientFactory.create(HttpClientOptions.builder()
            .connectTimeout(Duration.ofSeconds(2))
            .responseTimeout(Duration.ofSeconds(2))
            .build());
    private EventRecorder recorder = EventRecorder.noop();

    @BeforeEach
    void setUp() {
        server.fallback(received.respond(201));
    }

    @AfterEach
    void tearDown() throws IOException {
        recorder.close();
        scheduler.shutdownNow();
        client.close();
        server.close();
    }

    private EventOptions.Builder options() {
        return options(server.baseUri());
    }

    static EventOptions.Builder options(URI url) {
        return EventOptions.builder(url, SDK_KEY)
                .flushInterval(Duration.ofHours(1))
                .retryDelay(Duration.ofMillis(10))
                .requestTimeout(Duration.ofSeconds(5))
                .sdkUserId(SDK_USER);
    }

    private EventRecorder start(EventOptions.Builder options) {
        recorder = EventRecorder.create(options.build(), client, counters, scheduler, clock);
        return recorder;
    }

    /** Waits until every task the scheduler was given before this call has run. */
    private void awaitSchedulerIdle() throws Exception {
        scheduler.submit(() -> {}).get(5, TimeUnit.SECONDS);
    }

    /** Holds the scheduler's only thread until the returned latch is released. */
    private CountDownLatch blockScheduler() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        scheduler.execute(() -> {
            running.countDown();
            try {
                gate.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        return gate;
    }

    private static RequestEvent single(List<RequestEvent> events, String type, String target, String variation) {
        List<RequestEvent> matching = events.stream()
                .filter(e -> e.type().equals(type)
                        && target.equals(e.target())
                        && variation.equals(e.metaData().get("_variation")))
                .collect(Collectors.toList());
        assertThat(matching).as(type + " " + target + " " + variation).hasSize(1);
        return matching.get(0);
    }

    @Test
    void flushPostsOneDevCycleBatchWithCountersUnderTheSdkUserAndCustomEventsUnderTheirUser() {
        start(options());
        counters.count("flagA", "v1", ResultReason.TARGETING_MATCH, null, 3);
        counters.count("flagA", "v1", ResultReason.SPLIT, null, 2);
        counters.count("flagA", "v2", ResultReason.DEFAULT, null, 1);
        counters.count("flagB", null, ResultReason.ERROR, ErrorKind.FLAG_NOT_FOUND, 4);
        counters.count("flagB", null, ResultReason.ERROR, ErrorKind.TYPE_MISMATCH, 1);
        recorder.track("checkout", User.of("u1"), 9.5, Map.of("currency", "EUR"));

        recorder.flush();
        Received r = received.take();

        assertThat(r.method).isEqualTo("POST");
        assertThat(r.path).isEqualTo("/v1/events/batch");
        assertThat(r.contentType).isEqualTo("application/json");
        assertThat(r.authorization).isEqualTo(SDK_KEY);
        assertThat(UUID.fromString(r.payloadId)).isNotNull();
        assertThat(r.body).doesNotContain(SDK_KEY);
        assertThat(r.batch.batch()).extracting(u -> u.user().userId()).containsExactly(SDK_USER, "u1");

        UserEvents sdk = r.batch.batch().get(0);
        assertThat(sdk.user().stringField("sdkPlatform")).isEqualTo(BatchingEventRecorder.SDK_PLATFORM);
        assertThat(sdk.events()).hasSize(3);
        RequestEvent v1 = single(sdk.events(), RequestEvent.AGG_VARIABLE_EVALUATED, "flagA", "v1");
        assertThat(v1.value()).isEqualTo(5.0);
        assertThat(v1.metaData()).containsEntry("_feature", "flagA");
        assertThat(v1.metaData().get("eval")).isEqualTo(Map.of("TARGETING_MATCH", 3, "SPLIT", 2));
        assertThat(v1.date()).isEqualTo(NOW);
        RequestEvent v2 = single(sdk.events(), RequestEvent.AGG_VARIABLE_EVALUATED, "flagA", "v2");
        assertThat(v2.value()).isEqualTo(1.0);
        assertThat(v2.metaData().get("eval")).isEqualTo(Map.of("DEFAULT", 1));
        RequestEvent b = single(sdk.events(), RequestEvent.AGG_VARIABLE_DEFAULTED, "flagB", "DEFAULT");
        assertThat(b.value()).isEqualTo(5.0);
        assertThat(b.metaData().get("eval")).isEqualTo(Map.of("DEFAULT", 5));
        assertThat(b.metaData().get(CounterAggregator.ERRORS_KEY))
                .isEqualTo(Map.of("FLAG_NOT_FOUND", 4, "TYPE_MISMATCH", 1));

        UserEvents u1 = r.batch.batch().get(1);
        assertThat(u1.events()).hasSize(1);
        RequestEvent custom = u1.events().get(0);
        assertThat(custom.type()).isEqualTo(RequestEvent.CUSTOM_EVENT);
        assertThat(custom.customType()).isEqualTo("checkout");
        assertThat(custom.userId()).isEqualTo("u1");
        assertThat(custom.value()).isEqualTo(9.5);
        assertThat(custom.metaData()).isEqualTo(Map.of("currency", "EUR"));
        assertThat(custom.date()).isEqualTo(NOW);

        await().atMost(Duration.ofSeconds(10)).until(() -> recorder.stats().sentEvents() == 4);
        assertThat(recorder.stats()).isEqualTo(new EventStats(4, 0, 0, false));
    }

    @Test
    void clientCustomDataSetAtRunTimeGoesWithTheNextBatches() {
        start(options().clientCustomData(Map.of("region", "eu")));
        counters.count("flag", "v1", ResultReason.STATIC, null, 1);
        recorder.flush();
        assertThat(received.take().batch.batch().get(0).user().customData()).isEqualTo(Map.of("region", "eu"));

        recorder.clientCustomData(Map.of("region", "us", "tier", 2));
        counters.count("flag", "v1", ResultReason.STATIC, null, 1);
        recorder.flush();

        UserEvents sdk = received.take().batch.batch().get(0);
        assertThat(sdk.user().userId()).isEqualTo(SDK_USER);
        assertThat(sdk.user().customData()).isEqualTo(Map.of("region", "us", "tier", 2));
    }

    @Test
    void countersAreDrainedSoEachEvaluationIsReportedOnce() {
        start(options());
        counters.count("flag", "v1", ResultReason.STATIC, null, 3);
        recorder.flush();
        assertThat(received.take().eventsOfUser(SDK_USER))
                .singleElement()
                .extracting(RequestEvent::value)
                .isEqualTo(3.0);
        assertThat(counters.pending()).isZero();

        counters.count("flag", "v1", ResultReason.STATIC, null, 2);
        recorder.flush();
        assertThat(received.take().eventsOfUser(SDK_USER))
                .singleElement()
                .extracting(RequestEvent::value)
                .isEqualTo(2.0);
    }

    @Test
    void privateAttributesAreNeverSent() {
        start(options());
        User user = User.builder()
                .identifier("u1")
                .email("u1@example.com")
                .attribute("plan", "gold")
                .privateAttribute("ssn", "123-45-6789")
                .build();

        recorder.track("signup", user, null, Map.of());
        recorder.flush();
        Received r = received.take();

        assertThat(r.body).doesNotContain("ssn").doesNotContain("123-45-6789");
        DevCycleUser sent = r.batch.batch().get(0).user();
        assertThat(sent.userId()).isEqualTo("u1");
        assertThat(sent.email()).isEqualTo("u1@example.com");
        assertThat(sent.customData()).isEqualTo(Map.of("plan", "gold"));
        assertThat(sent.privateCustomData()).isEmpty();
    }

    @Test
    void metadataJsonCannotCarryIsSentAsTextInsteadOfLosingTheBatch() {
        start(options());
        Object opaque = new Object() {
            @Override
            public String toString() {
                return "opaque";
            }
        };

        recorder.track("e", User.of("u1"), Double.NaN, Map.of("thing", opaque, "n", 1));
        recorder.track("e", User.of("u2"), 1.0, Map.of());
        recorder.flush();
        Received r = received.take();

        assertThat(r.batch.eventCount()).isEqualTo(2);
        RequestEvent odd = r.eventsOfUser("u1").get(0);
        assertThat(odd.metaData()).isEqualTo(Map.of("thing", "opaque", "n", 1));
        assertThat(odd.value()).isNull();
    }

    @Test
    void eventsTheServerWouldRefuseAreDroppedAtTrackAndLoggedOnce() throws Exception {
        try (LogCapture log = LogCapture.of(BatchingEventRecorder.class)) {
            start(options());

            recorder.track("e", User.empty(), null, Map.of());
            recorder.track("", User.of("u1"), null, Map.of());
            recorder.track("e".repeat(257), User.of("u1"), null, Map.of());
            recorder.track("e", User.of("u".repeat(257)), null, Map.of());
            recorder.flush();
            awaitSchedulerIdle();

            assertThat(server.requestCount()).isZero();
            assertThat(recorder.stats()).isEqualTo(new EventStats(0, 4, 0, false));
            assertThat(log.messages(Level.WARN)).singleElement().asString().contains("identifier");
        }
    }

    @Test
    void reachingTheFlushQueueSizeFlushesWithoutWaitingForTheInterval() throws Exception {
        start(options().flushQueueSize(3).maxQueueSize(10));
        recorder.track("e", User.of("u1"), null, Map.of());
        recorder.track("e", User.of("u1"), null, Map.of());
        awaitSchedulerIdle();
        assertThat(server.requestCount()).isZero();

        recorder.track("e", User.of("u1"), null, Map.of());

        assertThat(received.take().batch.eventCount()).isEqualTo(3);
    }

    @Test
    void aFullQueueDropsEventsCountsThemAndWarnsOncePerOverflowEpisode() throws Exception {
        try (LogCapture log = LogCapture.of(CustomEventQueue.class)) {
            start(options().flushQueueSize(5).maxQueueSize(5));
            CountDownLatch gate = blockScheduler();
            for (int i = 0; i < 8; i++) {
                recorder.track("e" + i, User.of("u1"), null, Map.of());
            }
            assertThat(recorder.stats().droppedEvents()).isEqualTo(3);
            assertThat(log.messages(Level.WARN)).hasSize(1);
            gate.countDown();
            assertThat(received.take().batch.eventCount()).isEqualTo(5);

            gate = blockScheduler();
            for (int i = 0; i < 7; i++) {
                recorder.track("f" + i, User.of("u1"), null, Map.of());
            }
            gate.countDown();

            assertThat(log.messages(Level.WARN)).hasSize(2).allMatch(m -> m.contains("queue is full"));
            assertThat(received.take().batch.eventCount()).isEqualTo(5);
            await().atMost(Duration.ofSeconds(10)).until(() -> recorder.stats().sentEvents() == 10);
            assertThat(recorder.stats().droppedEvents()).isEqualTo(5);
        }
    }

    @Test
    void http500IsRetriedOnceWithTheSamePayloadId() {
        server.enqueue(received.respond(500));
        start(options());
        recorder.track("e", User.of("u1"), null, Map.of());

        recorder.flush();
        Received first = received.take();
        Received retry = received.take();

        assertThat(retry.payloadId).isEqualTo(first.payloadId);
        assertThat(retry.body).isEqualTo(first.body);
        await().atMost(Duration.ofSeconds(10)).until(() -> recorder.stats().sentEvents() == 1);
        assertThat(recorder.stats()).isEqualTo(new EventStats(1, 0, 1, false));
    }

    @Test
    void eventsStillFailingAfterTheRetryAreDroppedAndReportedOncePerEpisode() {
        server.enqueue(received.respond(503), received.respond(500), received.respond(502), received.respond(500));
        try (LogCapture log = LogCapture.of(BatchDelivery.class)) {
            start(options());
            recorder.track("e", User.of("u1"), null, Map.of());
            recorder.flush();
            await().atMost(Duration.ofSeconds(10)).until(() -> recorder.stats().droppedEvents() == 1);
            recorder.track("e", User.of("u1"), null, Map.of());
            recorder.flush();
            await().atMost(Duration.ofSeconds(10)).until(() -> recorder.stats().droppedEvents() == 2);

            assertThat(server.requestCount()).isEqualTo(4);
            assertThat(recorder.stats().failedRequests()).isEqualTo(4);
            assertThat(log.messages(Level.WARN)).singleElement().asString().contains("HTTP 500 after one retry");

            recorder.track("e", User.of("u1"), null, Map.of());
            recorder.flush();
            await().atMost(Duration.ofSeconds(10)).until(() -> recorder.stats().sentEvents() == 1);
            assertThat(log.messages(Level.INFO)).singleElement().asString().contains("delivered again");
        }
    }

    @Test
    void http400IsNotRetriedAndItsEventsAreDropped() {
        server.enqueue(received.respond(400));
        start(options());
        recorder.track("e", User.of("u1"), null, Map.of());

        recorder.flush();

        await().atMost(Duration.ofSeconds(10)).until(() -> recorder.stats().droppedEvents() == 1);
        assertThat(server.requestCount()).isEqualTo(1);
        assertThat(recorder.stats()).isEqualTo(new EventStats(0, 1, 1, false));
    }

    @Test
    void http401StopsSendingForGoodWithOneErrorLineThatHidesTheKey() throws Exception {
        server.enqueue(received.respond(401));
        try (LogCapture log = LogCapture.of(BatchDelivery.class)) {
            start(options());
            recorder.track("e", User.of("u1"), null, Map.of());
            recorder.flush();
            await().atMost(Duration.ofSeconds(10)).until(() -> recorder.stats().sendingStopped());

            recorder.track("e", User.of("u1"), null, Map.of());
            counters.count("flag", "v1", ResultReason.STATIC, null, 7);
            recorder.flush();
            awaitSchedulerIdle();
            recorder.close();

            assertThat(server.requestCount()).isEqualTo(1);
            assertThat(recorder.stats()).isEqualTo(new EventStats(0, 3, 1, true));
            assertThat(log.messages(Level.ERROR)).singleElement().asString().contains("HTTP 401");
            assertThat(log.messages(Level.WARN)).isEmpty();
            assertThat(log.allText()).doesNotContain(SDK_KEY).doesNotContain("secret");
        }
    }

    @Test
    void http403AlsoStopsSending() throws Exception {
        server.enqueue(received.respond(403));
        start(options());
        recorder.track("e", User.of("u1"), null, Map.of());
        recorder.flush();
        await().atMost(Duration.ofSeconds(10)).until(() -> recorder.stats().sendingStopped());

        recorder.track("e", User.of("u1"), null, Map.of());
        recorder.flush();
        awaitSchedulerIdle();

        assertThat(server.requestCount()).isEqualTo(1);
        assertThat(recorder.stats().droppedEvents()).isEqualTo(2);
    }

    @Test
    void closeSendsWhatIsQueuedBeforeReturning() {
        start(options());
        recorder.track("e", User.of("u1"), 1.0, Map.of());
        recorder.track("e", User.of("u2"), 2.0, Map.of());
        counters.count("flag", "v1", ResultReason.STATIC, null, 1);

        recorder.close();

        List<Received> all = received.drain();
        assertThat(all).hasSize(1);
        assertThat(all.get(0).batch.eventCount()).isEqualTo(3);
        assertThat(recorder.stats()).isEqualTo(new EventStats(3, 0, 0, false));
    }

    @Test
    void closeRetriesAFailedRequestAtOnce() {
        server.enqueue(received.respond(500));
        start(options().retryDelay(EventOptions.MAX_RETRY_DELAY));
        recorder.track("e", User.of("u1"), null, Map.of());

        recorder.close();

        List<Received> all = received.drain();
        assertThat(all).hasSize(2);
        assertThat(all.get(1).payloadId).isEqualTo(all.get(0).payloadId);
        assertThat(recorder.stats()).isEqualTo(new EventStats(1, 0, 1, false));
    }

    @Test
    void closeSendsAPendingRetryAtOnce() throws Exception {
        server.enqueue(received.respond(500));
        start(options().retryDelay(EventOptions.MAX_RETRY_DELAY));
        recorder.track("e", User.of("u1"), null, Map.of());
        recorder.flush();
        Received first = received.take();
        awaitSchedulerIdle();

        recorder.close();

        assertThat(received.take().payloadId).isEqualTo(first.payloadId);
        assertThat(recorder.stats()).isEqualTo(new EventStats(1, 0, 1, false));
    }

    @Test
    void closeIsIdempotentAndLaterEventsAreCountedAsDropped() throws Exception {
        start(options());
        recorder.track("e", User.of("u1"), null, Map.of());
        recorder.close();
        recorder.close();

        recorder.track("late", User.of("u1"), null, Map.of());
        recorder.flush();
        awaitSchedulerIdle();

        assertThat(server.requestCount()).isEqualTo(1);
        assertThat(recorder.stats()).isEqualTo(new EventStats(1, 1, 0, false));
    }

    @Test
    void closeWithAZeroBudgetDropsWhatIsQueuedWithoutSending() {
        start(options().closeTimeout(Duration.ZERO));
        recorder.track("e", User.of("u1"), null, Map.of());
        recorder.track("e", User.of("u2"), null, Map.of());

        recorder.close();

        assertThat(server.requestCount()).isZero();
        assertThat(recorder.stats()).isEqualTo(new EventStats(0, 2, 0, false));
    }

    @Test
    void nothingIsSentWhenThereIsNothingToSend() throws Exception {
        start(options());
        recorder.flush();
        awaitSchedulerIdle();
        recorder.close();

        assertThat(counters.drains()).isEqualTo(2);
        assertThat(server.requestCount()).isZero();
        assertThat(recorder.stats()).isEqualTo(EventStats.EMPTY);
    }

    @Test
    void theSchedulerFlushesEveryInterval() {
        start(options().flushInterval(EventOptions.MIN_FLUSH_INTERVAL));
        recorder.track("e", User.of("u1"), null, Map.of());
        assertThat(received.take().batch.eventCount()).isEqualTo(1);

        counters.count("flag", "v1", ResultReason.STATIC, null, 1);
        assertThat(received.take().eventsOfUser(SDK_USER)).hasSize(1);
    }

    @Test
    void largeBatchesAreCutIntoRequestsOfAtMostTheChunkSize() {
        start(options().flushQueueSize(1000).maxQueueSize(1000));
        for (int i = 0; i < 250; i++) {
            recorder.track("e", User.of("u" + (i % 3)), (double) i, Map.of());
        }

        recorder.flush();
        List<Received> requests = List.of(received.take(), received.take(), received.take());

        assertThat(requests).extracting(r -> r.batch.eventCount()).containsExactly(100, 100, 50);
        assertThat(requests).extracting(r -> r.payloadId).doesNotHaveDuplicates();
        await().atMost(Duration.ofSeconds(10)).until(() -> recorder.stats().sentEvents() == 250);
    }

    @Test
    void aFailingCounterSourceDoesNotStopCustomEvents() {
        try (LogCapture log = LogCapture.of(BatchingEventRecorder.class)) {
            recorder = EventRecorder.create(
                    options().build(),
                    client,
                    sink -> {
                        throw new IllegalStateException("broken counters");
                    },
                    scheduler,
                    clock);
            recorder.track("e", User.of("u1"), null, Map.of());

            recorder.flush();

            assertThat(received.take().eventsOfUser("u1")).hasSize(1);
            assertThat(log.messages(Level.WARN)).singleElement().asString().contains("evaluation counters");
        }
    }

    @Test
    void disabledCustomEventsIgnoreTrack() throws Exception {
        start(options().disableCustomEventLogging(true));
        recorder.track("e", User.of("u1"), null, Map.of());
        recorder.flush();
        awaitSchedulerIdle();

        assertThat(server.requestCount()).isZero();
        assertThat(recorder.stats()).isEqualTo(EventStats.EMPTY);
    }

    @Test
    void disabledAutomaticEventsNeverDrainTheCounters() throws Exception {
        start(options().disableAutomaticEventLogging(true));
        counters.count("flag", "v1", ResultReason.STATIC, null, 5);
        recorder.track("e", User.of("u1"), null, Map.of());

        recorder.flush();

        assertThat(received.take().batch.batch())
                .extracting(u -> u.user().userId())
                .containsExactly("u1");
        assertThat(counters.drains()).isZero();
        assertThat(counters.pending()).isEqualTo(5);
    }

    @Test
    void aConnectionResetIsRetriedOnceWithTheSamePayloadId() throws Exception {
        try (TcpFaultServer tcp = TcpFaultServer.start()) {
            BlockingQueue<String> retried = new LinkedBlockingQueue<>();
            tcp.enqueue(TcpFaultServer.reset(), answer201(retried));
            start(options(tcp.baseUri()));
            recorder.track("e", User.of("u1"), null, Map.of());

            recorder.flush();
            String first = tcp.takeRequestHead();
            String retry = retried.poll(10, TimeUnit.SECONDS);

            assertThat(retry).isNotNull();
            assertThat(payloadId(retry)).isNotEmpty().isEqualTo(payloadId(first));
            await().atMost(Duration.ofSeconds(10)).until(() -> recorder.stats().sentEvents() == 1);
            assertThat(recorder.stats()).isEqualTo(new EventStats(1, 0, 1, false));
        }
    }

    @Test
    void closeWithAStalledServerReturnsAfterTheRequestTimeoutsAndCountsTheDrop() {
        try (TcpFaultServer tcp = TcpFaultServer.start()) {
            tcp.fallback(TcpFaultServer.stall());
            start(options(tcp.baseUri()).requestTimeout(Duration.ofMillis(200)));
            recorder.track("e", User.of("u1"), null, Map.of());

            assertTimeoutPreemptively(Duration.ofSeconds(5), recorder::close);

            assertThat(tcp.connectionCount()).isEqualTo(2);
            assertThat(recorder.stats()).isEqualTo(new EventStats(0, 1, 2, false));
        }
    }

    @Test
    void closeStopsAFlushInProgressAtTheDeadlineInsteadOfWaitingForEveryChunk() {
        try (TcpFaultServer tcp = TcpFaultServer.start()) {
            tcp.fallback(TcpFaultServer.stall());
            // The first chunk stalls until its request timeout; close() must set its deadline before that timeout
            // ends (else the flush would go on to the second chunk before close() is even called), so the timeout is
            // long enough for a loaded machine. Without the deadline close() would also wait for chunks 2 and 3.
            start(options(tcp.baseUri())
                    .chunkSize(1)
                    .requestTimeout(Duration.ofSeconds(5))
                    .closeTimeout(Duration.ZERO));
            for (int i = 0; i < 3; i++) {
                recorder.track("e", User.of("u" + i), null, Map.of());
            }
            recorder.flush();
            await().atMost(Duration.ofSeconds(30)).until(() -> tcp.connectionCount() == 1);

            assertTimeoutPreemptively(Duration.ofSeconds(60), recorder::close);

            assertThat(tcp.connectionCount()).isEqualTo(1);
            assertThat(recorder.stats()).isEqualTo(new EventStats(0, 3, 1, false));
        }
    }

    @Test
    void aSchedulerShutDownFirstStillLetsCloseSendOnTheCallingThread() {
        recorder = EventRecorder.create(options().build(), client, EvaluationCountSource.NONE, scheduler, clock);
        scheduler.shutdownNow();
        recorder.track("e", User.of("u1"), null, Map.of());

        recorder.flush();
        recorder.close();

        assertThat(received.take().eventsOfUser("u1")).hasSize(1);
        assertThat(recorder.stats()).isEqualTo(new EventStats(1, 0, 0, false));
    }

    @Test
    void aRetryTheSchedulerRefusesIsCountedAsDropped() {
        server.enqueue(exchange -> {
            scheduler.shutdown(); // while the flush waits for this answer: its retry will be refused
            received.respond(500).handle(exchange);
        });
        start(options());
        recorder.track("e", User.of("u1"), null, Map.of());

        recorder.flush();

        await().atMost(Duration.ofSeconds(10)).until(() -> recorder.stats().droppedEvents() == 1);
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void concurrentTrackingWhileFlushesRunAndCloseHappensSendsOrDropsEveryEvent() throws Exception {
        start(options().flushQueueSize(100).maxQueueSize(1_000).chunkSize(50));
        int threads = 8;
        int perThread = 1_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch halfway = new CountDownLatch(threads);
        List<Future<?>> tasks = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            User user = User.of("u" + t);
            tasks.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < perThread; i++) {
                    recorder.track("e", user, (double) i, Map.of());
                    if (i % 200 == 0) {
                        recorder.flush();
                    }
                    if (i == perThread / 2) {
                        halfway.countDown();
                    }
                }
                return null;
            }));
        }
        go.countDown();
        assertThat(halfway.await(10, TimeUnit.SECONDS)).isTrue();
        recorder.close(); // while the threads keep tracking
        for (Future<?> task : tasks) {
            task.get(10, TimeUnit.SECONDS);
        }
        pool.shutdown();

        EventStats stats = recorder.stats();
        assertThat(stats.sentEvents() + stats.droppedEvents()).isEqualTo((long) threads * perThread);
        assertThat(stats.sentEvents()).isPositive();
        assertThat(received.acceptedEvents()).isEqualTo(stats.sentEvents());
        assertThat(stats.failedRequests()).isZero();
    }

    /** Reads the request head and its body, records the head, answers 201 and closes. */
    private static TcpFaultServer.Behaviour answer201(BlockingQueue<String> heads) {
        return (socket, tcp) -> {
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            while (head.indexOf("\r\n\r\n") < 0) {
                int b = in.read();
                if (b < 0) {
                    return;
                }
                head.append((char) b);
            }
            Matcher length = Pattern.compile("(?im)^content-length:\\s*(\\d+)").matcher(head);
            in.readNBytes(length.find() ? Integer.parseInt(length.group(1)) : 0);
            heads.add(head.toString());
            OutputStream out = socket.getOutputStream();
            out.write("HTTP/1.1 201 Created\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.shutdownOutput();
        };
    }

    private static String payloadId(String head) {
        Matcher m = Pattern.compile("(?im)^" + EventsPoster.PAYLOAD_ID_HEADER + ":\\s*(\\S+)")
                .matcher(head);
        return m.find() ? m.group(1) : "";
    }
}
