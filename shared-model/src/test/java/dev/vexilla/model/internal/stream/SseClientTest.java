package dev.vexilla.model.internal.stream;

import static dev.vexilla.model.testsupport.TestHttpServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.vexilla.model.internal.stream.StreamStatus.Cause;
import dev.vexilla.model.internal.stream.StreamStatus.State;
import dev.vexilla.model.testsupport.LogCapture;
import dev.vexilla.model.testsupport.ManualScheduler;
import dev.vexilla.model.testsupport.MutableClock;
import dev.vexilla.model.testsupport.SocketStreamTransport;
import dev.vexilla.model.testsupport.SseStreamHandler;
import dev.vexilla.model.testsupport.TcpFaultServer;
import dev.vexilla.model.testsupport.TestHttpServer;
import dev.vexilla.model.testsupport.TestHttpServer.RecordedRequest;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

// Several tests assert that no vexilla-sse-* thread is alive in the JVM: no other test class may run meanwhile.
@Isolated
final class SseClientTest {
    private static final String SDK_KEY = "configcat-sdk-1/STREAMKEYxxxxxxxxxxxxx/SECRETzzzzzzzzzzzzzzz";
    private static final String SSE_HEAD = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\n";
    /** The read timeout of the timeout tests: only the test's clock ever gets there. */
    private static final Duration READ_TIMEOUT = Duration.ofMinutes(1);
    /** Generous bound of every wait for something the client does on its own threads. */
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static final BackoffPolicy FAST = BackoffPolicy.defaults()
            .withInitialDelay(Duration.ofMillis(20))
            .withMaxDelay(Duration.ofMillis(200))
            .withJitter(0);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T00:00:00Z"));
    /** Runs the read-timeout checks only when a test moves time on: silences are measured, never waited for. */
    private final ManualScheduler scheduler = new ManualScheduler(clock);

    /** Plain sockets: no retries or pooling between the client and the test servers. */
    private final SocketStreamTransport http = new SocketStreamTransport();

    private final TestHttpServer server = TestHttpServer.start();
    private final TcpFaultServer tcp = TcpFaultServer.start();
    private final RecordingListener listener = new RecordingListener();
    private final List<SseClient> clients = new ArrayList<>();

    @AfterEach
    void tearDown() throws IOException {
        clients.forEach(SseClient::close);
        http.close();
        server.close();
        tcp.close();
    }

    private SseClient start(URI base, SseClientOptions.Builder options) {
        SseClient client = new SseClient(http, options.build(), listener, clock, scheduler, () -> 0.0);
        clients.add(client);
        client.start();
        return client;
    }

    private SseClient start(URI base) {
        return start(base, options(base));
    }

    private static SseClientOptions.Builder options(URI base) {
        return SseClientOptions.builder(URI.create(base + "/v1/stream"), SDK_KEY)
                .backoff(FAST);
    }

    private static List<Thread> liveSseThreads() {
        List<Thread> live = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && t.getName().startsWith("vexilla-sse-")) {
                live.add(t);
            }
        }
        return live;
    }

    @Test
    void eventsArriveInOrderOnTheListenerThread() throws Exception {
        SseStreamHandler stream = new SseStreamHandler();
        server.enqueue(stream);
        start(server.baseUri());

        stream.send("event: refetchConfig\ndata: {\"type\":\"refetchConfig\",\"etag\":\"e1\"}\n\n")
                .send("data: second\n\n");

        listener.takeStatus(State.CONNECTED);
        assertThat(listener.takeEvent())
                .isEqualTo(new SseEvent("refetchConfig", "{\"type\":\"refetchConfig\",\"etag\":\"e1\"}", ""));
        assertThat(listener.takeEvent().data()).isEqualTo("second");
        assertThat(listener.threadNames).allMatch(name -> name.startsWith("vexilla-sse-listener-"));
    }

    @Test
    void requestCarriesAcceptAuthorizationAndNoLastEventIdAtFirst() throws Exception {
        server.enqueue(new SseStreamHandler());
        start(server.baseUri());

        RecordedRequest request = server.takeRequest();

        assertThat(request.path).isEqualTo("/v1/stream");
        assertThat(request.header("Accept")).isEqualTo("text/event-stream");
        assertThat(request.header("Authorization")).isEqualTo(SDK_KEY);
        assertThat(request.header("Last-Event-ID")).isNull();
    }

    @Test
    void extraHeadersAreSentButTheKeyWinsTheAuthorizationHeader() throws Exception {
        server.enqueue(new SseStreamHandler());
        start(
                server.baseUri(),
                options(server.baseUri()).header("X-Team", "checkout").header("authorization", "no"));

        RecordedRequest request = server.takeRequest();

        assertThat(request.header("X-Team")).isEqualTo("checkout");
        assertThat(request.headers.get("Authorization")).containsExactly(SDK_KEY);
    }

    @Test
    void withAuthorizationOffTheRequestHasNoAuthorizationHeaderAtAll_evenAnExtraOne() throws Exception {
        SseStreamHandler stream = new SseStreamHandler();
        server.enqueue(stream);
        start(
                server.baseUri(),
                options(server.baseUri()).sendAuthorization(false).header("Authorization", "Bearer other"));

        RecordedRequest request = server.takeRequest();
        stream.send("data: still streams\n\n");

        assertThat(request.headers.keySet()).noneMatch(name -> name.equalsIgnoreCase("Authorization"));
        assertThat(request.header("Accept")).isEqualTo("text/event-stream");
        assertThat(listener.takeEvent().data()).isEqualTo("still streams");
    }

    @Test
    void threadsAreNamedWithTheConfiguredPrefix() throws Exception {
        server.enqueue(new SseStreamHandler().send("data: x\n\n"));
        start(server.baseUri(), options(server.baseUri()).threadNamePrefix("vexilla-sse-cloud"));

        listener.takeEvent();

        assertThat(listener.threadNames).allMatch(name -> name.startsWith("vexilla-sse-cloud-listener-"));
        assertThat(liveSseThreads())
                .extracting(Thread::getName)
                .anyMatch(n -> n.startsWith("vexilla-sse-cloud-stream-"));
    }

    @Test
    void aClosedTransportStopsTheClientForGood() throws Exception {
        http.close();
        SseClient client = start(server.baseUri());

        StreamStatus failed = listener.takeStatus(State.FAILED);

        assertThat(failed.cause()).isEqualTo(Cause.CLIENT_CLOSED);
        await().atMost(WAIT).until(() -> !client.isRunning());
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void reconnectsAfterEndOfStreamAndSendsLastEventId() throws Exception {
        server.enqueue(new SseStreamHandler().send("id: 42\ndata: one\n\n").end());
        SseStreamHandler second = new SseStreamHandler();
        server.enqueue(second);
        start(server.baseUri());

        listener.takeStatus(State.CONNECTED);
        StreamStatus disconnected = listener.takeStatus(State.DISCONNECTED);
        listener.takeStatus(State.CONNECTED);

        assertThat(disconnected.cause()).isEqualTo(Cause.END_OF_STREAM);
        assertThat(disconnected.retryDelay()).contains(Duration.ofMillis(20));
        server.takeRequest();
        assertThat(server.takeRequest().header("Last-Event-ID")).isEqualTo("42");
        second.send("data: two\n\n");
        assertThat(listener.takeEvent().lastEventId()).isEqualTo("42");
        assertThat(listener.takeEvent()).isEqualTo(new SseEvent("message", "two", "42"));
    }

    @Test
    void partialEventIsDiscardedOnReconnect() throws Exception {
        server.enqueue(new SseStreamHandler()
                .send("id: 1\ndata: complete\n\nid: 2\ndata: partial")
                .end());
        SseStreamHandler second = new SseStreamHandler().send("\ndata: fresh\n\n");
        server.enqueue(second);
        start(server.baseUri());

        assertThat(listener.takeEvent()).isEqualTo(new SseEvent("message", "complete", "1"));
        assertThat(listener.takeEvent()).isEqualTo(new SseEvent("message", "fresh", "1"));
        server.takeRequest();
        assertThat(server.takeRequest().header("Last-Event-ID")).isEqualTo("1");
    }

    @Test
    void reconnectsAfterConnectionReset() throws Exception {
        tcp.enqueue(TcpFaultServer.reset(), TcpFaultServer.respondRawAndStall(SSE_HEAD + "data: after reset\n\n"));
        start(tcp.baseUri());

        StreamStatus first = listener.takeStatus(State.DISCONNECTED);
        listener.takeStatus(State.CONNECTED);

        assertThat(first.cause()).isEqualTo(Cause.IO_ERROR);
        assertThat(first.httpStatus()).isEmpty();
        assertThat(first.message()).doesNotContain("SECRET");
        assertThat(listener.takeEvent().data()).isEqualTo("after reset");
    }

    @Test
    void reconnectsWhenTheResetComesMidStream() throws Exception {
        tcp.enqueue(
                TcpFaultServer.respondRawAndReset(SSE_HEAD + "id: 7\ndata: a\n\n"),
                TcpFaultServer.respondRawAndStall(SSE_HEAD + "data: b\n\n"));
        start(tcp.baseUri());

        assertThat(listener.takeEvent().data()).isEqualTo("a");
        assertThat(listener.takeEvent().data()).isEqualTo("b");
        tcp.takeRequestHead();
        assertThat(tcp.takeRequestHead()).contains("Last-Event-ID: 7");
    }

    @Test
    void delaysGrowWhileTheServerKeepsFailing() throws Exception {
        server.fallback(respond(503, "down"));
        start(server.baseUri());

        List<Duration> delays = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            StreamStatus status = listener.takeStatus(State.DISCONNECTED);
            assertThat(status.httpStatus()).isEqualTo(OptionalInt.of(503));
            delays.add(status.retryDelay().orElseThrow());
        }

        assertThat(delays)
                .containsExactly(
                        Duration.ofMillis(20), Duration.ofMillis(40), Duration.ofMillis(80), Duration.ofMillis(160));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 408, 429, 500, 502, 503})
    void recoverableStatusesReconnect(int status) throws Exception {
        server.enqueue(respond(status, "no"), new SseStreamHandler().send("data: ok\n\n"));
        start(server.baseUri());

        StreamStatus failed = listener.takeStatus(State.DISCONNECTED);
        listener.takeStatus(State.CONNECTED);

        assertThat(failed.cause()).isEqualTo(Cause.HTTP_ERROR);
        assertThat(failed.httpStatus()).isEqualTo(OptionalInt.of(status));
        assertThat(listener.takeEvent().data()).isEqualTo("ok");
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403, 404, 204})
    void unrecoverableStatusesStopForGood(int status) throws Exception {
        server.fallback(respond(status, ""));
        SseClient client = start(server.baseUri());

        StreamStatus failed = listener.takeStatus(State.FAILED);

        assertThat(failed.cause()).isEqualTo(status == 204 ? Cause.NO_CONTENT : Cause.HTTP_ERROR);
        assertThat(failed.httpStatus()).isEqualTo(OptionalInt.of(status));
        await().atMost(WAIT)
                .until(() ->
                        liveSseThreads().stream().noneMatch(t -> t.getName().startsWith("vexilla-sse-stream")));
        assertThat(server.requestCount()).isEqualTo(1);
        assertThat(client.status()).isEqualTo(failed);
    }

    @Test
    void aReadTimeoutOfSilenceOnTheClockTriggersAReconnect() throws Exception {
        tcp.enqueue(
                TcpFaultServer.respondRawAndStall(SSE_HEAD + "data: then silence\n\n"),
                TcpFaultServer.respondRawAndStall(SSE_HEAD + "data: fresh\n\n"));
        start(tcp.baseUri(), options(tcp.baseUri()).readTimeout(READ_TIMEOUT));
        listener.takeStatus(State.CONNECTED);
        assertThat(listener.takeEvent().data()).isEqualTo("then silence");

        scheduler.advance(READ_TIMEOUT.minusMillis(1));
        assertThat(listener.allStatuses).extracting(StreamStatus::state).containsExactly(State.CONNECTED);
        scheduler.advance(Duration.ofMillis(1));

        StreamStatus timedOut = listener.takeStatus(State.DISCONNECTED);
        assertThat(timedOut.cause()).isEqualTo(Cause.READ_TIMEOUT);
        assertThat(timedOut.message()).isEqualTo("no data within the read timeout of PT1M");
        listener.takeStatus(State.CONNECTED);
        assertThat(listener.takeEvent().data()).isEqualTo("fresh");
    }

    @Test
    void silenceBeforeTheResponseHeadIsAReadTimeoutToo() throws Exception {
        tcp.enqueue(TcpFaultServer.stall(), TcpFaultServer.respondRawAndStall(SSE_HEAD + "data: fresh\n\n"));
        start(tcp.baseUri(), options(tcp.baseUri()).readTimeout(READ_TIMEOUT));
        tcp.takeRequestHead();

        scheduler.advance(READ_TIMEOUT);

        assertThat(listener.takeStatus(State.DISCONNECTED).cause()).isEqualTo(Cause.READ_TIMEOUT);
        listener.takeStatus(State.CONNECTED);
        assertThat(listener.takeEvent().data()).isEqualTo("fresh");
    }

    /**
     * Issue 7, item 6: this test sent real heartbeats every 50 ms against a real 1 s socket timeout, so a pause of
     * the JVM's threads longer than that (a long GC on a loaded machine) failed it. Now every silence is measured on
     * the test's clock, and the socket's own timeout (twice the read timeout) is never reached.
     */
    @Test
    void heartbeatCommentsKeepTheStreamAlive() throws Exception {
        SseStreamHandler stream = new SseStreamHandler();
        server.enqueue(stream);
        start(server.baseUri(), options(server.baseUri()).readTimeout(READ_TIMEOUT));
        listener.takeStatus(State.CONNECTED);
        Duration step = Duration.ofSeconds(45);

        for (int i = 1; i <= 6; i++) { // four and a half read timeouts, none of them silent
            stream.send(": heartbeat\n");
            int received = i;
            await().atMost(WAIT).until(() -> listener.comments.size() == received);
            scheduler.advance(step);
            assertThat(scheduler.nextDelay())
                    .as("the check found the stream alive and looks again when a silent read timeout would end")
                    .isEqualTo(READ_TIMEOUT.minus(step));
        }
        assertThat(listener.allStatuses).extracting(StreamStatus::state).containsExactly(State.CONNECTED);
        assertThat(listener.comments).allMatch(" heartbeat"::equals);

        scheduler.advance(READ_TIMEOUT.minus(step));

        assertThat(listener.takeStatus(State.DISCONNECTED).cause()).isEqualTo(Cause.READ_TIMEOUT);
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void retryFieldSetsTheReconnectDelay() throws Exception {
        server.enqueue(new SseStreamHandler().send("retry: 150\n\n").end(), new SseStreamHandler());
        start(server.baseUri());

        listener.takeStatus(State.CONNECTED);

        assertThat(listener.takeStatus(State.DISCONNECTED).retryDelay()).contains(Duration.ofMillis(150));
    }

    @Test
    void hugeRetryFieldIsCappedAtTheMaximumDelay() throws Exception {
        server.enqueue(new SseStreamHandler().send("retry: 86400000\n\n").end(), new SseStreamHandler());
        start(server.baseUri());

        listener.takeStatus(State.CONNECTED);

        assertThat(listener.takeStatus(State.DISCONNECTED).retryDelay()).contains(FAST.maxDelay());
    }

    @Test
    void tinyRetryFieldIsRaisedToTheMinimum() throws Exception {
        server.enqueue(new SseStreamHandler().send("retry: 1\n\n").end(), new SseStreamHandler());
        start(server.baseUri());

        listener.takeStatus(State.CONNECTED);

        assertThat(listener.takeStatus(State.DISCONNECTED).retryDelay())
                .contains(Duration.ofMillis(SseClient.MIN_RETRY_MILLIS));
    }

    @Test
    void sixtySecondsConnectedResetsTheBackoff() throws Exception {
        SseStreamHandler longLived = new SseStreamHandler();
        server.enqueue(respond(500, ""), respond(500, ""), longLived, new SseStreamHandler());
        start(server.baseUri());
        assertThat(listener.takeStatus(State.DISCONNECTED).retryDelay()).contains(Duration.ofMillis(20));
        assertThat(listener.takeStatus(State.DISCONNECTED).retryDelay()).contains(Duration.ofMillis(40));
        listener.takeStatus(State.CONNECTED);

        clock.advance(Duration.ofSeconds(60));
        longLived.end();

        assertThat(listener.takeStatus(State.DISCONNECTED).retryDelay()).contains(Duration.ofMillis(20));
    }

    @Test
    void wrongContentTypeIsRecoverable() throws Exception {
        server.enqueue(respond(200, "<html>maintenance</html>", "Content-Type", "text/html"), new SseStreamHandler());
        start(server.baseUri());

        StreamStatus status = listener.takeStatus(State.DISCONNECTED);
        listener.takeStatus(State.CONNECTED);

        assertThat(status.cause()).isEqualTo(Cause.BAD_CONTENT_TYPE);
    }

    @Test
    void listenerExceptionDoesNotStopTheStream() throws Exception {
        List<String> seen = new ArrayList<>();
        StreamListener throwing = new StreamListener() {
            @Override
            public void onEvent(SseEvent event) {
                seen.add(event.data());
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void onStatus(StreamStatus status) {}
        };
        server.enqueue(new SseStreamHandler().send("data: 1\n\ndata: 2\n\n"));
        SseClient client =
                new SseClient(http, options(server.baseUri()).build(), throwing, clock, scheduler, () -> 0.0);
        clients.add(client);
        client.start();

        await().atMost(WAIT).until(() -> seen.size() == 2);
        assertThat(client.status().state()).isEqualTo(State.CONNECTED);
    }

    @Test
    void closeAbortsAConnectedStreamQuicklyAndLeavesNoThread() throws Exception {
        SseStreamHandler stream = new SseStreamHandler();
        server.enqueue(stream);
        SseClient client = start(server.baseUri());
        listener.takeStatus(State.CONNECTED);

        long started = System.nanoTime();
        client.close();

        // close() waits up to 5 s for a stream thread that does not end; the abort ends it at once
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
        assertThat(liveSseThreads()).isEmpty();
    }

    @Test
    void closeWhileWaitingForResponseHeadersAbortsAtOnce() throws Exception {
        tcp.fallback(TcpFaultServer.stall());
        SseClient client = start(tcp.baseUri());
        tcp.takeRequestHead();

        long started = System.nanoTime();
        client.close();

        // close() waits up to 5 s for a stream thread that does not end; the abort ends it at once
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
        assertThat(liveSseThreads()).isEmpty();
        assertThat(listener.statuses).isEmpty();
    }

    @Test
    void closeDuringBackoffLeavesNoThreadAndReportsNothingMore() throws Exception {
        server.fallback(respond(503, ""));
        SseClient client = start(
                server.baseUri(), options(server.baseUri()).backoff(FAST.withInitialDelay(Duration.ofSeconds(30))));
        listener.takeStatus(State.DISCONNECTED);

        client.close();
        client.close();

        assertThat(liveSseThreads()).isEmpty();
        assertThat(listener.statuses).isEmpty();
        assertThatThrownBy(client::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closeFromTheListenerThreadDoesNotDeadlock() throws Exception {
        server.fallback(respond(401, ""));
        SseClient[] holder = new SseClient[1];
        StreamListener closing = new StreamListener() {
            @Override
            public void onEvent(SseEvent event) {}

            @Override
            public void onStatus(StreamStatus status) {
                holder[0].close();
            }
        };
        holder[0] = new SseClient(http, options(server.baseUri()).build(), closing, clock, scheduler, () -> 0.0);
        clients.add(holder[0]);
        holder[0].start();

        await().atMost(WAIT).until(() -> liveSseThreads().isEmpty());
    }

    @Test
    void closeBeforeStartIsAllowed() {
        SseClient client = new SseClient(http, options(server.baseUri()).build(), listener, clock, scheduler);

        client.close();

        assertThat(client.status().state()).isEqualTo(State.INITIALIZING);
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void logsNeverShowTheSdkKey() throws Exception {
        try (LogCapture logs = LogCapture.of(SseClient.class)) {
            tcp.enqueue(TcpFaultServer.reset());
            tcp.fallback(TcpFaultServer.respondRaw("HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n"));
            start(tcp.baseUri());

            listener.takeStatus(State.DISCONNECTED);
            listener.takeStatus(State.FAILED);

            assertThat(logs.allText())
                    .contains("will retry", "stopped for good")
                    .doesNotContain("SECRET")
                    .doesNotContain("STREAMKEY");
        }
    }
}
