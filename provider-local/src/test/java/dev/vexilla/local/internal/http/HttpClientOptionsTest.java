package dev.vexilla.local.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.apache.hc.core5.http.HttpHost;
import org.junit.jupiter.api.Test;

final class HttpClientOptionsTest {
    @Test
    void defaultsAreTheDocumentedConstants() {
        HttpClientOptions settings = HttpClientOptions.defaults();

        assertThat(settings.connectTimeout()).isEqualTo(HttpClientOptions.DEFAULT_CONNECT_TIMEOUT);
        assertThat(settings.connectionRequestTimeout()).isEqualTo(HttpClientOptions.DEFAULT_CONNECTION_REQUEST_TIMEOUT);
        assertThat(settings.responseTimeout()).isEqualTo(HttpClientOptions.DEFAULT_RESPONSE_TIMEOUT);
        assertThat(settings.maxConnections()).isEqualTo(HttpClientOptions.DEFAULT_MAX_CONNECTIONS);
        assertThat(settings.proxy()).isNull();
        assertThat(settings.userAgent()).isEqualTo(HttpClientOptions.DEFAULT_USER_AGENT);
    }

    @Test
    void builderKeepsEveryValue() {
        HttpClientOptions settings = HttpClientOptions.builder()
                .connectTimeout(Duration.ofSeconds(1))
                .connectionRequestTimeout(Duration.ofMillis(250))
                .responseTimeout(Duration.ofSeconds(3))
                .maxConnections(4)
                .proxy(new HttpHost("proxy.local", 3128))
                .userAgent("app/1")
                .build();

        assertThat(settings.toString())
                .contains("connectTimeout=PT1S", "PT0.25S", "PT3S", "maxConnections=4", "proxy.local:3128", "app/1");
    }

    @Test
    void invalidValuesAreRejectedWithPreciseMessages() {
        HttpClientOptions.Builder builder = HttpClientOptions.builder();

        assertThatThrownBy(() -> builder.connectTimeout(Duration.ofMillis(5)))
                .hasMessage("connectTimeout must be >= PT0.01S, was PT0.005S");
        assertThatThrownBy(() -> builder.responseTimeout(Duration.ZERO))
                .hasMessage("responseTimeout must be >= PT0.01S, was PT0S");
        assertThatThrownBy(() -> builder.connectionRequestTimeout(Duration.ofMillis(-1)))
                .hasMessage("connectionRequestTimeout must be >= PT0.01S, was PT-0.001S");
        assertThatThrownBy(() -> builder.maxConnections(1)).hasMessage("maxConnections must be >= 2, was 1");
        assertThatThrownBy(() -> builder.userAgent("a\r\nX: y")).hasMessageContaining("single line");
    }
}
