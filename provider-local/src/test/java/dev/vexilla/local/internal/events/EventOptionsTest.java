package dev.vexilla.local.internal.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class EventOptionsTest {
    private static final String SDK_KEY = "dvc_server_TESTKEY_0123456789_abcde";
    private static final URI URL = URI.create("https://events.example.com");

    private static EventOptions.Builder builder() {
        return EventOptions.builder(URL, SDK_KEY);
    }

    @Test
    void defaultsAreTheDocumentedConstants() {
        EventOptions options = builder().build();

        assertThat(options.batchUri()).isEqualTo(URI.create("https://events.example.com/v1/events/batch"));
        assertThat(options.flushInterval()).isEqualTo(EventOptions.DEFAULT_FLUSH_INTERVAL);
        assertThat(options.flushQueueSize()).isEqualTo(EventOptions.DEFAULT_FLUSH_QUEUE_SIZE);
        assertThat(options.maxQueueSize()).isEqualTo(EventOptions.DEFAULT_MAX_QUEUE_SIZE);
        assertThat(options.chunkSize()).isEqualTo(EventOptions.DEFAULT_CHUNK_SIZE);
        assertThat(options.retryDelay()).isEqualTo(EventOptions.DEFAULT_RETRY_DELAY);
        assertThat(options.requestTimeout()).isEqualTo(EventOptions.DEFAULT_REQUEST_TIMEOUT);
        assertThat(options.closeTimeout()).isEqualTo(EventOptions.DEFAULT_CLOSE_TIMEOUT);
        assertThat(options.automaticEvents()).isTrue();
        assertThat(options.customEvents()).isTrue();
        assertThat(options.clientCustomData()).isEmpty();
        assertThat(options.sdkUserId()).matches("[0-9a-f-]{36}@.+");
    }

    @Test
    void eachOptionIsKept() {
        EventOptions options = builder()
                .flushInterval(Duration.ofSeconds(3))
                .flushQueueSize(10)
                .maxQueueSize(20)
                .chunkSize(5)
                .retryDelay(Duration.ZERO)
                .requestTimeout(Duration.ofSeconds(2))
                .closeTimeout(Duration.ofSeconds(1))
                .disableAutomaticEventLogging(true)
                .disableCustomEventLogging(true)
                .clientCustomData(Map.of("region", "eu"))
                .sdkUserId("me@host")
                .build();

        assertThat(options.flushInterval()).isEqualTo(Duration.ofSeconds(3));
        assertThat(options.flushQueueSize()).isEqualTo(10);
        assertThat(options.maxQueueSize()).isEqualTo(20);
        assertThat(options.chunkSize()).isEqualTo(5);
        assertThat(options.retryDelay()).isZero();
        assertThat(options.requestTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(options.closeTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(options.automaticEvents()).isFalse();
        assertThat(options.customEvents()).isFalse();
        assertThat(options.clientCustomData()).isEqualTo(Map.of("region", "eu"));
        assertThat(options.sdkUserId()).isEqualTo("me@host");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://events.example.com/", "https://events.example.com//"})
    void trailingSlashesOfTheEventsUrlAreIgnored(String url) {
        assertThat(EventOptions.builder(URI.create(url), SDK_KEY).build().batchUri())
                .isEqualTo(URI.create("https://events.example.com/v1/events/batch"));
    }

    @Test
    void aBasePathIsKept() {
        assertThat(EventOptions.builder(URI.create("http://localhost:8080/proxy"), SDK_KEY)
                        .build()
                        .batchUri())
                .isEqualTo(URI.create("http://localhost:8080/proxy/v1/events/batch"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"ftp://events.example.com", "/relative", "https://events.example.com?a=1", "https://e.com#x"})
    void unusableEventsUrlsAreRefused(String url) {
        assertThatThrownBy(() -> EventOptions.builder(URI.create(url), SDK_KEY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("eventsUrl must ")
                .hasMessageContaining(url);
    }

    @Test
    void anInvalidSdkKeyIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> EventOptions.builder(URL, "bad key with spaces"))
                .isInstanceOf(IllegalArgumentException.class)
                .message()
                .doesNotContain("bad key");
    }

    @Test
    void outOfRangeValuesAreRefusedWithPreciseMessages() {
        assertThatThrownBy(() -> builder().flushInterval(Duration.ofMillis(99)))
                .hasMessage("flushInterval must be >= PT0.1S, was PT0.099S");
        assertThatThrownBy(() -> builder().flushQueueSize(0)).hasMessage("flushQueueSize must be in [1, 20000], was 0");
        assertThatThrownBy(() -> builder().maxQueueSize(20_001))
                .hasMessage("maxQueueSize must be in [1, 20000], was 20001");
        assertThatThrownBy(() -> builder().chunkSize(1001)).hasMessage("chunkSize must be in [1, 1000], was 1001");
        assertThatThrownBy(() -> builder().retryDelay(Duration.ofMinutes(2)))
                .hasMessage("retryDelay must be in [0s, PT1M], was PT2M");
        assertThatThrownBy(() -> builder().retryDelay(Duration.ofMillis(-1)))
                .hasMessage("retryDelay must be in [0s, PT1M], was PT-0.001S");
        assertThatThrownBy(() -> builder().requestTimeout(Duration.ofMillis(9)))
                .hasMessage("requestTimeout must be >= PT0.01S, was PT0.009S");
        assertThatThrownBy(() -> builder().closeTimeout(Duration.ofMillis(-1)))
                .hasMessage("closeTimeout must be >= 0s, was PT-0.001S");
        assertThatThrownBy(() -> builder().sdkUserId(" "))
                .hasMessage("sdkUserId must be non-blank with at most 256 characters, had 1");
        assertThatThrownBy(() -> builder().sdkUserId("u".repeat(257)))
                .hasMessage("sdkUserId must be non-blank with at most 256 characters, had 257");
    }

    @Test
    void aFlushQueueSizeAboveTheMaxQueueSizeIsRefusedAtBuild() {
        assertThatThrownBy(() -> builder().maxQueueSize(10).flushQueueSize(11).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("flushQueueSize must be <= maxQueueSize (10), was 11");
    }

    @Test
    void toStringRedactsTheSdkKey() {
        String text = builder().build().toString();

        assertThat(text).doesNotContain(SDK_KEY).doesNotContain("TESTKEY").contains("sdk-****abcde");
    }

    @Test
    void clientCustomDataIsCopied() {
        Map<String, Object> data = new java.util.HashMap<>(Map.of("a", 1));
        EventOptions options = builder().clientCustomData(data).build();
        data.put("b", 2);

        assertThat(options.clientCustomData()).isEqualTo(Map.of("a", 1));
    }
}
