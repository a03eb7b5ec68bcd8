package dev.vexilla.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DevCycle's option names, defaults and clamps, and how they become {@link LocalOptions}. */
final class DevCycleOptionsTest {

    private static final String KEY = "dvc_server_0123456789abcdef";

    @Test
    void defaultsAreDevCycles() {
        DevCycleOptions o = DevCycleOptions.builder().build();

        assertThat(o.configPollingIntervalMS()).isEqualTo(30_000);
        assertThat(o.configRequestTimeoutMs()).isEqualTo(10_000);
        assertThat(o.eventFlushIntervalMS()).isEqualTo(10_000);
        assertThat(o.flushEventQueueSize()).isEqualTo(1_000);
        assertThat(o.maxEventQueueSize()).isEqualTo(2_000);
        assertThat(o.eventRequestChunkSize()).isEqualTo(100);
        assertThat(o.disableRealtimeUpdates()).isFalse();
        assertThat(o.disableAutomaticEventLogging()).isFalse();
        assertThat(o.disableCustomEventLogging()).isFalse();
        assertThat(o.configCdnBaseUrl()).isEqualTo(URI.create("https://config-cdn.devcycle.com"));
        assertThat(o.eventsApiBaseUrl()).isEqualTo(URI.create("https://events.devcycle.com"));
        assertThat(o.adjustments()).isEmpty();
    }

    @Test
    void everyOptionMapsOntoLocalOptions() {
        LocalOptions local = DevCycleOptions.builder()
                .configPollingIntervalMS(45_000)
                .configRequestTimeoutMs(3_000)
                .eventFlushIntervalMS(2_000)
                .flushEventQueueSize(50)
                .maxEventQueueSize(500)
                .eventRequestChunkSize(25)
                .disableRealtimeUpdates(true)
                .disableAutomaticEventLogging(true)
                .disableCustomEventLogging(true)
                .configCdnBaseUrl("http://localhost:8080/")
                .eventsApiBaseUrl("http://localhost:8081")
                .build()
                .toLocalOptions(KEY)
                .build();

        assertThat(local.configProtocol()).isEqualTo(ConfigProtocol.DEVCYCLE);
        assertThat(local.sdkKey()).isEqualTo(KEY);
        assertThat(local.pollingMode().interval()).isEqualTo(Duration.ofSeconds(45));
        assertThat(local.readTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(local.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(local.eventFlushInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(local.eventFlushQueueSize()).isEqualTo(50);
        assertThat(local.eventMaxQueueSize()).isEqualTo(500);
        assertThat(local.eventChunkSize()).isEqualTo(25);
        assertThat(local.realtimeUpdates()).isFalse();
        assertThat(local.disableAutomaticEventLogging()).isTrue();
        assertThat(local.disableCustomEventLogging()).isTrue();
        assertThat(local.baseUrl()).isEqualTo(URI.create("http://localhost:8080/"));
        assertThat(local.eventsUrl()).isEqualTo(URI.create("http://localhost:8081"));
    }

    @Test
    void theDefaultsMapOntoDevCyclesLocalOptions() {
        LocalOptions local =
                DevCycleOptions.builder().build().toLocalOptions(KEY).build();

        assertThat(local.pollingMode().interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(local.readTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(local.connectTimeout()).isEqualTo(LocalOptions.DEFAULT_CONNECT_TIMEOUT);
        assertThat(local.realtimeUpdates()).isTrue();
        assertThat(local.streamUrlFromConfig()).isTrue();
        assertThat(local.streamBackstopInterval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(local.baseUrl()).isEqualTo(LocalOptions.DEVCYCLE_CDN);
        assertThat(local.eventsUrl()).isEqualTo(LocalOptions.DEVCYCLE_EVENTS);
    }

    @Test
    void zeroOrNegativeMeansTheDefault_asInDevCyclesSdk() {
        DevCycleOptions o = DevCycleOptions.builder()
                .configPollingIntervalMS(0)
                .configRequestTimeoutMs(-1)
                .eventFlushIntervalMS(0)
                .flushEventQueueSize(0)
                .maxEventQueueSize(-5)
                .eventRequestChunkSize(0)
                .build();

        assertThat(o.configPollingIntervalMS()).isEqualTo(DevCycleOptions.DEFAULT_CONFIG_POLLING_INTERVAL_MS);
        assertThat(o.configRequestTimeoutMs()).isEqualTo(DevCycleOptions.DEFAULT_CONFIG_REQUEST_TIMEOUT_MS);
        assertThat(o.eventFlushIntervalMS()).isEqualTo(DevCycleOptions.DEFAULT_EVENT_FLUSH_INTERVAL_MS);
        assertThat(o.flushEventQueueSize()).isEqualTo(DevCycleOptions.DEFAULT_FLUSH_EVENT_QUEUE_SIZE);
        assertThat(o.maxEventQueueSize()).isEqualTo(DevCycleOptions.DEFAULT_MAX_EVENT_QUEUE_SIZE);
        assertThat(o.eventRequestChunkSize()).isEqualTo(DevCycleOptions.DEFAULT_EVENT_REQUEST_CHUNK_SIZE);
        assertThat(o.adjustments()).isEmpty();
    }

    @Test
    void tooShortIntervalsAndTimeoutsAreRaisedToTheirMinimum() {
        DevCycleOptions o = DevCycleOptions.builder()
                .configPollingIntervalMS(10)
                .configRequestTimeoutMs(20)
                .eventFlushIntervalMS(30)
                .build();

        assertThat(o.configPollingIntervalMS()).isEqualTo(1_000);
        assertThat(o.configRequestTimeoutMs()).isEqualTo(1_000);
        assertThat(o.eventFlushIntervalMS()).isEqualTo(500);
        assertThat(o.adjustments())
                .containsExactly(
                        "configPollingIntervalMS must be >= 1000, was 10; using 1000",
                        "configRequestTimeoutMs must be >= 1000, was 20; using 1000",
                        "eventFlushIntervalMS must be >= 500, was 30; using 500");
        assertThat(o.toLocalOptions(KEY).build().pollingMode().interval()).isEqualTo(Duration.ofSeconds(1));
    }

    @ParameterizedTest(name = "flush {0}, max {1}, chunk {2} -> {3}, {4}, {5}")
    @CsvSource({
        "1000,  2000,  100,  1000,  2000,  100",
        "2000,  2000,  100,  1999,  2000,  100",
        "3000,  2000,  100,  1999,  2000,  100",
        "30000, 50000, 100,  19999, 20000, 100",
        "20000, 20000, 100,  19999, 20000, 100",
        "5,     1,     100,  1,     2,     1",
        "50,    500,   200,  50,    500,   50",
        "5000,  8000,  5000, 5000,  8000,  1000"
    })
    void queueSizesAndChunkSizeAreClampedIntoAConsistentWhole(
            int flush, int max, int chunk, int expectedFlush, int expectedMax, int expectedChunk) {
        DevCycleOptions o = DevCycleOptions.builder()
                .flushEventQueueSize(flush)
                .maxEventQueueSize(max)
                .eventRequestChunkSize(chunk)
                .build();

        assertThat(o.flushEventQueueSize()).isEqualTo(expectedFlush);
        assertThat(o.maxEventQueueSize()).isEqualTo(expectedMax);
        assertThat(o.eventRequestChunkSize()).isEqualTo(expectedChunk);
        LocalOptions local = o.toLocalOptions(KEY).build();
        assertThat(local.eventFlushQueueSize()).isEqualTo(expectedFlush);
        assertThat(local.eventMaxQueueSize()).isEqualTo(expectedMax);
        assertThat(local.eventChunkSize()).isEqualTo(expectedChunk);
    }

    @Test
    void badUrlsAreRefusedWithTheirName() {
        assertThatThrownBy(() -> DevCycleOptions.builder().configCdnBaseUrl("config-cdn.devcycle.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("configCdnBaseUrl must be an absolute http or https URL, was 'config-cdn.devcycle.com'");
        assertThatThrownBy(() -> DevCycleOptions.builder().eventsApiBaseUrl("ftp://events.example.com"))
                .hasMessageStartingWith("eventsApiBaseUrl must be an absolute http or https URL");
        assertThatThrownBy(() -> DevCycleOptions.builder().eventsApiBaseUrl("http://bad host"))
                .hasMessageStartingWith("eventsApiBaseUrl must be an absolute http or https URL");
        assertThat(DevCycleOptions.builder().configCdnBaseUrl(null).build().configCdnBaseUrl())
                .isEqualTo(DevCycleOptions.DEFAULT_CONFIG_CDN_BASE_URL);
    }

    @Test
    void aMalformedKeyIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> DevCycleOptions.builder().build().toLocalOptions("dvc_server secret with spaces"))
                .isInstanceOf(IllegalArgumentException.class)
                .message()
                .doesNotContain("secret");
    }
}
