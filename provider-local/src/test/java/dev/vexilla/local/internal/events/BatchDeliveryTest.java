package dev.vexilla.local.internal.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vexilla.local.internal.http.HttpClientFactory;
import dev.vexilla.local.internal.http.HttpClientOptions;
import dev.vexilla.model.ObjectMappers;
import dev.vexilla.model.bucketing.DevCycleUser;
import dev.vexilla.model.events.EventsBatch;
import dev.vexilla.model.events.RequestEvent;
import dev.vexilla.model.events.UserEvents;
import dev.vexilla.model.testsupport.TestHttpServer;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class BatchDeliveryTest {
    private static final Instant NOW = Instant.parse("2026-11-22T03:00:00Z");

    private final TestHttpServer server = TestHttpServer.start();
    private final ReceivedBatches received = new ReceivedBatches();
    private final CloseableHttpClient client = HttpClientFactory.create(HttpClientOptions.builder()
            .connectTimeout(Duration.ofSeconds(2))
            .responseTimeout(Duration.ofSeconds(5))
            .build());
    private final BatchDelivery delivery = new BatchDelivery(
            new EventsPoster(
                    client, BatchingEventRecorderTest.options(server.baseUri()).build()),
            ObjectMappers.shared(),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void setUp() {
        server.fallback(received.respond(201));
    }

    @AfterEach
    void tearDown() throws IOException {
        client.close();
        server.close();
    }

    private static EventsBatch batch(String userId, int events) {
        List<RequestEvent> list = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            list.add(RequestEvent.custom("e", userId, null, null, NOW));
        }
        return new EventsBatch(
                List.of(new UserEvents(DevCycleUser.builder().userId(userId).build(), list)));
    }

    @Test
    void eachBatchIsOneRequestWithItsOwnPayloadId() {
        delivery.deliver(List.of(batch("a", 2), batch("b", 3)));

        List<ReceivedBatches.Received> requests = received.drain();
        assertThat(requests).extracting(r -> r.batch.eventCount()).containsExactly(2, 3);
        assertThat(requests.get(0).payloadId).isNotEqualTo(requests.get(1).payloadId);
        assertThat(delivery.stats(0)).isEqualTo(new EventStats(5, 0, 0, false));
    }

    @Test
    void afterA401TheRemainingBatchesAreDroppedWithoutARequest() {
        server.enqueue(received.respond(401));

        delivery.deliver(List.of(batch("a", 2), batch("b", 3)));

        assertThat(server.requestCount()).isEqualTo(1);
        assertThat(delivery.isStopped()).isTrue();
        assertThat(delivery.stats(0)).isEqualTo(new EventStats(0, 5, 1, true));
    }

    @Test
    void aFailedBatchWaitsForItsRetryUntilRetryPendingIsCalled() {
        server.enqueue(received.respond(503));

        delivery.deliver(List.of(batch("a", 2)));
        assertThat(delivery.hasPending()).isTrue();
        assertThat(server.requestCount()).isEqualTo(1);

        delivery.retryPending();

        assertThat(delivery.hasPending()).isFalse();
        assertThat(server.requestCount()).isEqualTo(2);
        assertThat(delivery.stats(0)).isEqualTo(new EventStats(2, 0, 1, false));
    }

    @Test
    void onceClosingFailuresAreRetriedAtOnce() {
        server.enqueue(received.respond(500));
        delivery.closeBy(NOW.plusSeconds(5));

        delivery.deliver(List.of(batch("a", 1)));

        assertThat(server.requestCount()).isEqualTo(2);
        assertThat(delivery.hasPending()).isFalse();
        assertThat(delivery.stats(0)).isEqualTo(new EventStats(1, 0, 1, false));
    }

    @Test
    void pastTheCloseDeadlineNothingIsSentAndEverythingIsCountedAsDropped() {
        server.enqueue(received.respond(500));
        delivery.deliver(List.of(batch("a", 1)));
        delivery.closeBy(NOW);

        delivery.retryPending();
        delivery.deliver(List.of(batch("b", 4)));

        assertThat(server.requestCount()).isEqualTo(1);
        assertThat(delivery.stats(3)).isEqualTo(new EventStats(0, 8, 1, false));
    }

    @Test
    void droppedPendingPayloadsAreCounted() {
        server.enqueue(received.respond(502));
        delivery.deliver(List.of(batch("a", 2)));

        delivery.dropPending("scheduler shut down");

        assertThat(delivery.hasPending()).isFalse();
        assertThat(delivery.stats(0).droppedEvents()).isEqualTo(2);
    }
}
