package dev.vexilla.local.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vexilla.local.DataGovernance;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class ConfigFetcherOptionsTest {
    private static final String KEY = "configcat-sdk-1/abcdefghijklmnopqrstuv/SECRETwxyzabcdefghijk";

    @Test
    void defaultIsTheGlobalCdnAndNotCustom() {
        ConfigFetcherOptions options = ConfigFetcherOptions.builder(KEY).build();

        assertThat(options.baseUrl()).isEqualTo(DataGovernance.GLOBAL.baseUrl());
        assertThat(options.customBaseUrl()).isFalse();
        assertThat(options.maxConfigBytes()).isEqualTo(ConfigFetcherOptions.DEFAULT_MAX_CONFIG_BYTES);
        assertThat(options.downloadTimeout()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void euDataGovernanceUsesTheEuCdn() {
        ConfigFetcherOptions options = ConfigFetcherOptions.builder(KEY)
                .dataGovernance(DataGovernance.EU)
                .build();

        assertThat(options.baseUrl()).isEqualTo(URI.create("https://cdn-eu.configcat.com"));
        assertThat(options.customBaseUrl()).isFalse();
    }

    @Test
    void customBaseUrlWinsAndLosesItsTrailingSlashes() {
        ConfigFetcherOptions options = ConfigFetcherOptions.builder(KEY)
                .dataGovernance(DataGovernance.EU)
                .baseUrl(URI.create("https://flags.example.com/prefix//"))
                .build();

        assertThat(options.baseUrl()).isEqualTo(URI.create("https://flags.example.com/prefix"));
        assertThat(options.customBaseUrl()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://x.example", "/relative", "https://x.example/?q=1", "https://x.example/#f"})
    void unusableBaseUrlsAreRejected(String url) {
        assertThatThrownBy(() -> ConfigFetcherOptions.builder(KEY).baseUrl(URI.create(url)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("baseUrl must");
    }

    @Test
    void tinyBodyLimitIsRejected() {
        assertThatThrownBy(() -> ConfigFetcherOptions.builder(KEY).maxConfigBytes(10))
                .hasMessage("maxConfigBytes must be >= 1024, was 10");
    }

    @Test
    void downloadTimeoutBelowTheMinimumIsRejected() {
        assertThat(ConfigFetcherOptions.builder(KEY)
                        .downloadTimeout(Duration.ofMillis(1))
                        .build()
                        .downloadTimeout())
                .isEqualTo(ConfigFetcherOptions.MIN_DOWNLOAD_TIMEOUT);
        assertThatThrownBy(() -> ConfigFetcherOptions.builder(KEY).downloadTimeout(Duration.ZERO))
                .hasMessage("downloadTimeout must be >= PT0.001S, was PT0S");
    }

    @Test
    void toStringRedactsTheKey() {
        assertThat(ConfigFetcherOptions.builder(KEY).build().toString())
                .doesNotContain("SECRET")
                .doesNotContain("abcdefghijklmnop")
                .contains("sdk-****ghijk");
    }

    @Test
    void invalidKeyIsRejectedWithoutEchoingIt() {
        assertThatThrownBy(() -> ConfigFetcherOptions.builder("secret key")).hasMessageNotContaining("secret key");
    }
}
