package dev.vexilla.local.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vexilla.model.internal.stream.ApacheStreamTransport;
import dev.vexilla.model.internal.stream.BackoffPolicy;
import dev.vexilla.model.internal.stream.SseClient;
import dev.vexilla.model.internal.stream.SseClientOptions;
import dev.vexilla.model.internal.stream.SseEvent;
import dev.vexilla.model.internal.stream.StreamListener;
import dev.vexilla.model.internal.stream.StreamStatus;
import dev.vexilla.model.internal.stream.StreamStatus.Cause;
import dev.vexilla.model.internal.stream.StreamStatus.State;
import dev.vexilla.model.testsupport.ManualScheduler;
import dev.vexilla.model.testsupport.MutableClock;
import dev.vexilla.model.testsupport.TcpFaultServer;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Shared-model's stream client over the provider's HttpClient 5 client, against a raw TCP server: the faults the
 * client must tell apart reach it through this transport as they should.
 */
final class ApacheStreamTransportTest {
    private static final String SDK_KEY = "configcat-sdk-1/STREAMKEYxxxxxxxxxxxxx/SECRETzzzzzzzzzzzzzzz";
    private static final String SSE_HEAD = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\n";
    private static final Duration READ_TIMEOUT = Duration.ofMinutes(1);
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T00:00:00Z"));
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final CloseableHttpClient http = HttpClientFactory.create(HttpClientOptions.builder()
            .connectTimeout(Duration.ofSeconds(2))
            .responseTimeout(Duration.ofSeconds(2))
            .build());
    private final TcpFaultServer tcp = TcpFaultServer.start();
    private final BlockingQueue<StreamStatus> statuses = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> data = new LinkedBlockingQueue<>();
    private SseClient client;

    @AfterEach
    void tearDown() throws IOException {
        if (client != null) {
            client.close();
        }
        http.close();
        tcp.close();
    }

    private void start() {
        SseClientOptions options = SseClientOptions.builder(URI.create(tcp.baseUri() + "/v1/stream"), SDK_KEY)
                .readTimeout(READ_TIMEOUT)
                .backoff(BackoffPolicy.defaults()
                        .withInitialDelay(Duration.ofMillis(20))
                        .withJitter(0))
                .build();
        ApacheStreamTransport transport = new ApacheStreamTransport(
                http, options.socketTimeout(), HttpClientOptions.DEFAULT_CONNECTION_REQUEST_TIMEOUT);
        client = new SseClient(
                transport,
                options,
                new StreamListener() {
                    @Override
                    public void onEvent(SseEvent event) {
                        data.add(event.data());
                    }

                    @Override
                    public void onStatus(StreamStatus status) {
                        statuses.add(status);
                    }
                },
                clock,
                scheduler);
        client.start();
    }

    private StreamStatus take(State expected) throws InterruptedException {
        StreamStatus status = statuses.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(status).as("a status within %s", WAIT).isNotNull();
        assertThat(status.state()).as("state of %s", status).isEqualTo(expected);
        return status;
    }

    @Test
    void aResetIsAnIoErrorAndTheNextConnectionCarriesTheLastEventId() throws Exception {
        tcp.enqueue(
                TcpFaultServer.respondRawAndReset(SSE_HEAD + "id: 7\ndata: a\n\n"),
                TcpFaultServer.respondRawAndStall(SSE_HEAD + "data: b\n\n"));
        start();

        take(State.CONNECTED);
        StreamStatus dropped = take(State.DISCONNECTED);
        take(State.CONNECTED);

        assertThat(dropped.cause()).isIn(Cause.IO_ERROR, Cause.END_OF_STREAM);
        assertThat(data.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("a");
        assertThat(data.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("b");
        tcp.takeRequestHead();
        String second = tcp.takeRequestHead();
        assertThat(second).contains("Last-Event-ID: 7").contains("Accept: text/event-stream");
    }

    @Test
    void silenceBeforeTheResponseHeadAbortsTheRequestAsAReadTimeout() throws Exception {
        tcp.enqueue(TcpFaultServer.stall(), TcpFaultServer.respondRawAndStall(SSE_HEAD + "data: fresh\n\n"));
        start();
        tcp.takeRequestHead();

        scheduler.advance(READ_TIMEOUT);

        assertThat(take(State.DISCONNECTED).cause()).isEqualTo(Cause.READ_TIMEOUT);
        take(State.CONNECTED);
        assertThat(data.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("fresh");
    }

    @Test
    void closeWhileWaitingForTheResponseHeadEndsTheStreamThread() throws Exception {
        tcp.fallback(TcpFaultServer.stall());
        start();
        tcp.takeRequestHead();

        client.close();

        await().atMost(WAIT).until(() -> !client.isRunning());
        assertThat(statuses).isEmpty();
    }

    @Test
    void aClosedHttpClientStopsTheStreamForGood() throws Exception {
        http.close();
        start();

        assertThat(take(State.FAILED).cause()).isEqualTo(Cause.CLIENT_CLOSED);
        await().atMost(WAIT).until(() -> !client.isRunning());
        assertThat(tcp.connectionCount()).isZero();
    }
}
