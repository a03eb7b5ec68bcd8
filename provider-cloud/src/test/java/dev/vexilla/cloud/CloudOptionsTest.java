package dev.vexilla.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class CloudOptionsTest {
    private static final String KEY = "srv-7f3c0e5b9a1d4c8e8b2a6f0d3e9c1a7b";

    private static CloudOptions.Builder valid() {
        return CloudOptions.builder()
                .sdkKey(KEY)
                .baseUrl(URI.create("http://flags.example.com"))
                .environment(Map.of());
    }

    @Test
    void defaultsAreTheDocumentedConstants() {
        CloudOptions o = valid().build();
        assertThat(o.protocol()).isEqualTo(CloudOptions.DEFAULT_PROTOCOL).isEqualTo(Protocol.BUCKETING_V1);
        assertThat(o.requestTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(o.connectTimeout()).isEqualTo(CloudOptions.DEFAULT_CONNECT_TIMEOUT);
        assertThat(o.maxConnections()).isEqualTo(CloudOptions.DEFAULT_MAX_CONNECTIONS);
        assertThat(o.retries()).isEqualTo(CloudOptions.DEFAULT_RETRIES);
        assertThat(o.cache()).isEqualTo(CloudCache.disabled());
        assertThat(o.enableEdgeDb()).isFalse();
        assertThat(o.headers()).isEmpty();
        assertThat(o.proxy()).isNull();
        assertThat(o.baseUrl()).isEqualTo(URI.create("http://flags.example.com/"));
        assertThat(o.changeStream())
                .isEqualTo(CloudOptions.DEFAULT_CHANGE_STREAM)
                .isTrue();
    }

    @Test
    void theChangeStreamCanBeTurnedOffAndToStringSaysSo() {
        CloudOptions o = valid().changeStream(false).build();

        assertThat(o.changeStream()).isFalse();
        assertThat(o.toString()).contains("changeStream=false");
    }

    @Test
    void invalidValuesAreRejectedWithPreciseMessages() {
        assertThatThrownBy(() -> valid().requestTimeout(Duration.ZERO))
                .hasMessage("requestTimeout must be >= 1ms, was PT0S");
        assertThatThrownBy(() -> valid().connectTimeout(Duration.ofMillis(-5)))
                .hasMessage("connectTimeout must be >= 1ms, was PT-0.005S");
        assertThatThrownBy(() -> valid().maxConnections(0)).hasMessage("maxConnections must be in [1, 10000], was 0");
        assertThatThrownBy(() -> valid().retries(11)).hasMessage("retries must be in [0, 10], was 11");
        assertThatThrownBy(() -> valid().baseUrl(URI.create("ftp://x/")))
                .hasMessage("baseUrl must be an absolute http(s) URL, was 'ftp://x/'");
        assertThatThrownBy(() -> valid().baseUrl(URI.create("http://x/?a=1")))
                .hasMessage("baseUrl must have no query or fragment, was 'http://x/?a=1'");
        assertThatThrownBy(() -> valid().staleGracePeriod(Duration.ofSeconds(-1)))
                .hasMessage("staleGracePeriod must be >= 0s, was PT-1S");
        assertThatThrownBy(() -> valid().header("X-A", "a\r\nb"))
                .hasMessage("header: header value of 'X-A' contains a line break");
        assertThatThrownBy(() -> valid().proxy(URI.create("https://proxy:8443")))
                .hasMessage("proxy must be http://host:port, was https://proxy:8443");
        assertThatThrownBy(() -> CloudOptions.builder()
                        .baseUrl(URI.create("http://x/"))
                        .environment(Map.of())
                        .build())
                .hasMessage("sdkKey is required");
        assertThatThrownBy(() ->
                        CloudOptions.builder().sdkKey(KEY).environment(Map.of()).build())
                .hasMessage("baseUrl is required (or the OFREP_ENDPOINT variable)");
    }

    @Test
    void connectTimeoutNeverExceedsTheRequestTimeout() {
        CloudOptions o = valid().connectTimeout(Duration.ofSeconds(5))
                .requestTimeout(Duration.ofMillis(200))
                .build();
        assertThat(o.connectTimeout()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void environmentVariablesConfigureTheProviderAndProgrammaticOptionsWin() {
        Map<String, String> env = Map.of(
                "OFREP_ENDPOINT", "https://ofrep.example.com/base",
                "OFREP_HEADERS", "X-Team=checkout, X-Env=prod",
                "OFREP_TIMEOUT_MS", "250");
        CloudOptions fromEnv =
                CloudOptions.builder().sdkKey(KEY).environment(env).build();
        assertThat(fromEnv.baseUrl()).isEqualTo(URI.create("https://ofrep.example.com/base/"));
        assertThat(fromEnv.headers()).containsExactly(Map.entry("X-Team", "checkout"), Map.entry("X-Env", "prod"));
        assertThat(fromEnv.requestTimeout()).isEqualTo(Duration.ofMillis(250));

        CloudOptions programmatic = CloudOptions.builder()
                .sdkKey(KEY)
                .environment(env)
                .baseUrl(URI.create("http://local:8080/"))
                .requestTimeout(Duration.ofSeconds(1))
                .header("X-Env", "staging")
                .build();
        assertThat(programmatic.baseUrl()).isEqualTo(URI.create("http://local:8080/"));
        assertThat(programmatic.requestTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(programmatic.headers()).containsEntry("X-Env", "staging").containsEntry("X-Team", "checkout");
    }

    @Test
    void malformedEnvironmentVariablesNameTheVariable() {
        assertThatThrownBy(() ->
                        valid().environment(Map.of("OFREP_TIMEOUT_MS", "soon")).build())
                .hasMessage("OFREP_TIMEOUT_MS must be a whole number of milliseconds, was 'soon'");
        assertThatThrownBy(() ->
                        valid().environment(Map.of("OFREP_TIMEOUT_MS", "0")).build())
                .hasMessage("OFREP_TIMEOUT_MS must be >= 1ms, was PT0S");
        assertThatThrownBy(() -> valid().environment(Map.of("OFREP_HEADERS", "X-A=1,broken"))
                        .build())
                .hasMessage("OFREP_HEADERS entry 1 must be name=value");
        assertThatThrownBy(() -> CloudOptions.builder()
                        .sdkKey(KEY)
                        .environment(Map.of("OFREP_ENDPOINT", "not a url"))
                        .build())
                .hasMessageStartingWith("OFREP_ENDPOINT must be an http(s) URL");
    }

    @Test
    void toStringRedactsTheKeyAndHidesHeaderValues() {
        CloudOptions o = valid().header("X-Secret", "hunter2").build();
        assertThat(o.toString())
                .doesNotContain(KEY)
                .contains("sdk-****" + KEY.substring(KEY.length() - 5))
                .contains("X-Secret")
                .doesNotContain("hunter2");
    }

    @Test
    void aMalformedKeyIsRejectedWithoutShowingIt() {
        assertThatThrownBy(() -> valid().sdkKey("bad key with spaces"))
                .isInstanceOf(IllegalArgumentException.class)
                .message()
                .doesNotContain("bad key with spaces");
    }
}
