package dev.vexilla.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class LocalOptionsTest {

    private static final String KEY = "configcat-sdk-1/abcdefghijklmnopqrstuv/ABCDEFGHIJKLMNOPQRSTUV";

    @Test
    void defaults() {
        LocalOptions o = LocalOptions.builder().sdkKey(KEY).build();
        assertThat(o.baseUrl()).isEqualTo(LocalOptions.GLOBAL_CDN);
        assertThat(o.hasCustomBaseUrl()).isFalse();
        assertThat(o.pollingMode()).isEqualTo(PollingMode.autoPoll());
        assertThat(o.readTimeout()).isEqualTo(LocalOptions.DEFAULT_READ_TIMEOUT);
        assertThat(o.errorGracePeriod()).isGreaterThan(o.maxBackoff());
        assertThat(o.eventsUrl()).isNull();
        assertThat(o.scheduler()).isNull();
        assertThat(o.clientCustomData()).isEmpty();
        assertThat(o.evaluationLog())
                .isEqualTo(LocalOptions.DEFAULT_EVALUATION_LOG)
                .isFalse();
    }

    @Test
    void evaluationLog_isKeptAndShownWhenOn() {
        LocalOptions on = LocalOptions.builder().sdkKey(KEY).evaluationLog(true).build();

        assertThat(on.evaluationLog()).isTrue();
        assertThat(on.toString()).contains("evaluationLog=true");
        assertThat(LocalOptions.builder().sdkKey(KEY).build().toString()).doesNotContain("evaluationLog");
    }

    @Test
    void dataGovernanceEu_picksTheEuCdn_andACustomBaseUrlWins() {
        assertThat(LocalOptions.builder()
                        .sdkKey(KEY)
                        .dataGovernance(DataGovernance.EU)
                        .build()
                        .baseUrl())
                .isEqualTo(LocalOptions.EU_CDN);
        LocalOptions custom = LocalOptions.builder()
                .sdkKey(KEY)
                .dataGovernance(DataGovernance.EU)
                .baseUrl(URI.create("http://localhost:8080/"))
                .build();
        assertThat(custom.hasCustomBaseUrl()).isTrue();
        assertThat(custom.streamUrl()).isEqualTo(URI.create("http://localhost:8080/v1/stream"));
    }

    @Test
    void toString_redactsTheSdkKey() {
        String text = LocalOptions.builder().sdkKey(KEY).build().toString();
        assertThat(text)
                .doesNotContain(KEY)
                .doesNotContain("abcdefghijklmnopqrstuv")
                .contains("sdk-****");
    }

    @Test
    void anSdkKeyIsRequiredUnlessOverridesAreLocalOnly() {
        assertThatThrownBy(() -> LocalOptions.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sdkKey is required");
        assertThat(LocalOptions.builder()
                        .flagOverrides(FlagOverrides.map(Map.of("a", true)), OverrideBehaviour.LOCAL_ONLY)
                        .build()
                        .sdkKey())
                .isNull();
        assertThatThrownBy(() -> LocalOptions.builder()
                        .flagOverrides(FlagOverrides.map(Map.of("a", true)), OverrideBehaviour.LOCAL_OVER_REMOTE)
                        .build())
                .hasMessageContaining("sdkKey is required");
    }

    @Test
    void invalidValues_areRejectedWithPreciseMessages() {
        assertThatThrownBy(() -> LocalOptions.builder().sdkKey("bad key!"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("bad key!");
        assertThatThrownBy(() -> LocalOptions.builder().baseUrl(URI.create("ftp://x")))
                .hasMessage("baseUrl must be an absolute http or https URL, was ftp://x");
        assertThatThrownBy(() -> LocalOptions.builder().eventFlushInterval(Duration.ofMillis(100)))
                .hasMessage("eventFlushInterval must be >= PT0.5S, was PT0.1S");
        assertThatThrownBy(() -> LocalOptions.builder().eventQueueSizes(10, 5))
                .hasMessageContaining("1 <= flushQueueSize < maxQueueSize");
        assertThatThrownBy(() -> LocalOptions.builder().proxy("proxy", 0)).hasMessageContaining("1..65535");
        assertThatThrownBy(() -> LocalOptions.builder()
                        .sdkKey(KEY)
                        .maxBackoff(Duration.ofSeconds(30))
                        .errorGracePeriod(Duration.ofSeconds(30))
                        .build())
                .hasMessageContaining("errorGracePeriod must be longer than maxBackoff");
    }

    @Test
    void devCycleServerKeysSelectDevCyclesProtocol_otherKeysConfigCats() {
        assertThat(ConfigProtocol.forSdkKey("dvc_server_0123456789abcdef")).isEqualTo(ConfigProtocol.DEVCYCLE);
        assertThat(ConfigProtocol.forSdkKey("server-0123456789abcdef")).isEqualTo(ConfigProtocol.DEVCYCLE);
        assertThat(ConfigProtocol.forSdkKey(KEY)).isEqualTo(ConfigProtocol.CONFIGCAT);
        assertThat(ConfigProtocol.forSdkKey("dvc_client_0123456789abcdef")).isEqualTo(ConfigProtocol.CONFIGCAT);
        assertThat(LocalOptions.builder().sdkKey(KEY).build().configProtocol()).isEqualTo(ConfigProtocol.CONFIGCAT);
    }

    @Test
    void devCycleDefaults() {
        LocalOptions o =
                LocalOptions.builder().sdkKey("dvc_server_0123456789abcdef").build();

        assertThat(o.configProtocol()).isEqualTo(ConfigProtocol.DEVCYCLE);
        assertThat(o.baseUrl()).isEqualTo(LocalOptions.DEVCYCLE_CDN);
        assertThat(o.hasCustomBaseUrl()).isFalse();
        assertThat(o.eventsUrl()).isEqualTo(LocalOptions.DEVCYCLE_EVENTS);
        assertThat(o.realtimeUpdates()).isTrue();
        assertThat(o.streamUrlFromConfig()).isTrue();
        assertThat(o.pollingMode().interval()).isEqualTo(LocalOptions.DEVCYCLE_POLL_INTERVAL);
        assertThat(o.streamBackstopInterval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(o.eventChunkSize()).isEqualTo(LocalOptions.DEFAULT_EVENT_CHUNK_SIZE);
        assertThat(o.toString()).contains("DEVCYCLE").doesNotContain("0123456789abcdef");
    }

    @Test
    void anExplicitProtocolAndExplicitSettingsWinOverTheKeys() {
        LocalOptions o = LocalOptions.builder()
                .sdkKey("vexilla-key-0123456789")
                .configProtocol(ConfigProtocol.DEVCYCLE)
                .baseUrl(URI.create("http://localhost:8080"))
                .streamUrl(URI.create("http://localhost:8080/v1/stream"))
                .realtimeUpdates(false)
                .pollingMode(PollingMode.manualPoll())
                .build();

        assertThat(o.configProtocol()).isEqualTo(ConfigProtocol.DEVCYCLE);
        assertThat(o.baseUrl()).isEqualTo(URI.create("http://localhost:8080"));
        assertThat(o.realtimeUpdates()).isFalse();
        assertThat(o.streamUrlFromConfig()).isFalse();
        assertThat(o.pollingMode().kind()).isEqualTo(PollingMode.Kind.MANUAL_POLL);
        assertThat(LocalOptions.builder()
                        .sdkKey("dvc_server_0123456789abcdef")
                        .configProtocol(ConfigProtocol.CONFIGCAT)
                        .build()
                        .baseUrl())
                .isEqualTo(LocalOptions.GLOBAL_CDN);
    }

    @Test
    void eventChunkSizeIsChecked() {
        assertThat(LocalOptions.builder()
                        .sdkKey(KEY)
                        .eventChunkSize(1000)
                        .build()
                        .eventChunkSize())
                .isEqualTo(1000);
        assertThatThrownBy(() -> LocalOptions.builder().eventChunkSize(0))
                .hasMessage("eventChunkSize must be in [1, 1000], was 0");
        assertThatThrownBy(() -> LocalOptions.builder().eventChunkSize(1001))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
