package dev.vexilla.model.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

final class SseClientOptionsTest {
    private static final String KEY = "configcat-sdk-1/STREAMKEYxxxxxxxxxxxxx/SECRETzzzzzzzzzzzzzzz";
    private static final URI URI_ = URI.create("http://localhost/v1/stream");

    @Test
    void defaultsAreTheDocumentedConstants() {
        SseClientOptions options = SseClientOptions.builder(URI_, KEY).build();

        assertThat(options.uri()).isEqualTo(URI_);
        assertThat(options.sdkKey()).isEqualTo(KEY);
        assertThat(options.readTimeout()).isEqualTo(SseClientOptions.DEFAULT_READ_TIMEOUT);
        assertThat(options.backoff()).isEqualTo(BackoffPolicy.defaults());
        assertThat(options.listenerQueueCapacity()).isEqualTo(SseClientOptions.DEFAULT_LISTENER_QUEUE_CAPACITY);
        assertThat(options.threadNamePrefix()).isEqualTo(SseClientOptions.DEFAULT_THREAD_NAME_PREFIX);
        assertThat(options.headers()).isEmpty();
        assertThat(options.sendsAuthorization()).isTrue();
        assertThat(SseClientOptions.builder(URI_, KEY)
                        .sendAuthorization(false)
                        .build()
                        .sendsAuthorization())
                .isFalse();
        assertThat(options.socketTimeout()).isEqualTo(SseClientOptions.DEFAULT_READ_TIMEOUT.multipliedBy(2));
    }

    @Test
    void badValuesAreRejectedWithPreciseMessages() {
        assertThatThrownBy(() -> SseClientOptions.builder(URI.create("ftp://x/y"), KEY))
                .hasMessage("uri must be an absolute http or https URL, was 'ftp://x/y'");
        assertThatThrownBy(() -> SseClientOptions.builder(URI_, KEY).readTimeout(Duration.ofMillis(5)))
                .hasMessage("readTimeout must be >= PT0.1S, was PT0.005S");
        assertThatThrownBy(() -> SseClientOptions.builder(URI_, KEY).listenerQueueCapacity(0))
                .hasMessage("listenerQueueCapacity must be >= 1, was 0");
        assertThatThrownBy(() -> SseClientOptions.builder(URI_, KEY).header("X-Evil", "a\r\nInjected: 1"))
                .hasMessage("header 'X-Evil' must have a name, and no CR or LF");
        assertThatThrownBy(() -> SseClientOptions.builder(URI_, KEY).threadNamePrefix(""))
                .hasMessage("threadNamePrefix must not be empty");
    }

    @Test
    void keyThatCouldInjectHeadersIsRejectedWithoutEchoingIt() {
        assertThatThrownBy(() -> SseClientOptions.builder(URI_, "bad key\r\nX-Injected: 1"))
                .hasMessageNotContaining("bad key")
                .hasMessageContaining("index 3");
    }

    @Test
    void toStringRedactsTheKey() {
        assertThat(SseClientOptions.builder(URI_, KEY).build().toString())
                .doesNotContain("SECRET")
                .doesNotContain("STREAMKEY")
                .contains("sdk-****zzzzz");
    }
}
