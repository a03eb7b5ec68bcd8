package dev.vexilla.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openfeature.sdk.FeatureProvider;
import dev.vexilla.cloud.CloudProvider;
import dev.vexilla.local.LocalProvider;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class VexillaProvidersTest {
    private static final String KEY = "srv-7f3c0e5b9a1d4c8e8b2a6f0d3e9c1a7b";

    private static FeatureProvider build(Map<String, String> systemProperties, Map<String, String> environment) {
        return VexillaProviders.builder()
                .systemProperties(systemProperties)
                .environment(environment)
                .build();
    }

    @Test
    void modeLocalIsTheDefaultAndBuildsTheLocalProvider() {
        FeatureProvider provider = build(Map.of(), Map.of("VEXILLA_SDK_KEY", KEY));
        try {
            assertThat(provider).isInstanceOf(LocalProvider.class);
        } finally {
            provider.shutdown();
        }
    }

    @Test
    void modeCloudBuildsTheCloudProvider() {
        FeatureProvider provider = build(
                Map.of("vexilla.mode", "cloud"),
                Map.of("VEXILLA_MODE", "local", "VEXILLA_SDK_KEY", KEY, "VEXILLA_BASE_URL", "http://127.0.0.1:9"));
        try {
            assertThat(provider).isInstanceOf(CloudProvider.class);
        } finally {
            provider.shutdown();
        }
    }

    @Test
    void aSettingGivenInCodeWinsOverTheProcessConfiguration() {
        FeatureProvider provider = VexillaProviders.builder()
                .systemProperties(Map.of("vexilla.mode", "local"))
                .environment(Map.of("VEXILLA_SDK_KEY", KEY, "VEXILLA_BASE_URL", "http://127.0.0.1:9"))
                .set(Setting.MODE, "cloud")
                .build();
        try {
            assertThat(provider).isInstanceOf(CloudProvider.class);
        } finally {
            provider.shutdown();
        }
    }

    @Test
    void aBlankSettingGivenInCodeRemovesItFromThatLayer() {
        VexillaProviders.Builder builder = VexillaProviders.builder()
                .systemProperties(Map.of())
                .environment(Map.of("VEXILLA_SDK_KEY", KEY, "VEXILLA_POLL_INTERVAL", "2m"))
                .set(Setting.POLL_INTERVAL, "10s")
                .set(Setting.POLL_INTERVAL, " ");

        assertThat(builder.buildLocalOptions().pollingMode().interval()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void defaultsApplyUnderTheEnvironment() {
        FeatureProvider provider = VexillaProviders.builder()
                .systemProperties(Map.of())
                .environment(Map.of("VEXILLA_MODE", "local"))
                .defaults(Map.of(
                        "VEXILLA_MODE", "cloud", "vexilla.sdk.key", KEY, "VEXILLA_BASE_URL", "http://127.0.0.1:9"))
                .build();
        try {
            assertThat(provider).isInstanceOf(LocalProvider.class);
        } finally {
            provider.shutdown();
        }
    }

    @Test
    void aKeyAmongTheDefaultsIsNotShownEither() {
        assertThatThrownBy(() -> VexillaProviders.builder()
                        .systemProperties(Map.of())
                        .environment(Map.of("VEXILLA_POLL_INTERVAL", KEY))
                        .defaults(Map.of("VEXILLA_SDK_KEY", KEY))
                        .build())
                .hasMessage("VEXILLA_POLL_INTERVAL must be a duration like 500ms, 30s, 5m, 1h or PT30S, was"
                        + " 'sdk-****c1a7b'");
    }

    @Test
    void fromPropertiesReadsOnlyTheGivenMap() {
        FeatureProvider provider = VexillaProviders.fromProperties(Map.of(
                "vexilla.mode", "cloud",
                "vexilla.sdk.key", KEY,
                "VEXILLA_BASE_URL", "http://127.0.0.1:9",
                "app.name", "checkout"));
        try {
            assertThat(provider).isInstanceOf(CloudProvider.class);
        } finally {
            provider.shutdown();
        }
    }

    @Test
    void fromPropertiesRejectsAnUnknownSettingAtOnce() {
        assertThatThrownBy(() -> VexillaProviders.fromProperties(Map.of("vexilla.realtimeupdates", "true")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown setting vexilla.realtimeupdates (given setting); the settings are vexilla.mode,"
                        + " vexilla.sdk.key, vexilla.base.url, vexilla.config.file, vexilla.config.file.watch,"
                        + " vexilla.poll.interval, vexilla.init.timeout, vexilla.realtime, vexilla.config.protocol,"
                        + " vexilla.data.governance, vexilla.config.cache.dir, vexilla.events.url,"
                        + " vexilla.connect.timeout, vexilla.read.timeout, vexilla.request.timeout, vexilla.proxy,"
                        + " vexilla.protocol,"
                        + " vexilla.cache, vexilla.cache.ttl, vexilla.cache.max.entries, vexilla.retries,"
                        + " vexilla.max.connections, vexilla.enable.edgedb");
    }

    @Test
    void anInvalidCombinationMadeInCodeIsReportedAsIs() {
        VexillaProviders.Builder builder = VexillaProviders.builder()
                .systemProperties(Map.of())
                .environment(Map.of("VEXILLA_SDK_KEY", KEY))
                .localOptions(options -> options.maxBackoff(Duration.ofMinutes(5)));

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("errorGracePeriod must be longer than maxBackoff (PT5M), was PT1M");
    }

    static Stream<Arguments> configurationsWithAKeyThatFail() {
        String url = "https://flags.example.com";
        return Stream.of(
                Arguments.of(
                        "the key itself is malformed",
                        Map.of(),
                        Map.of("VEXILLA_MODE", "cloud", "VEXILLA_SDK_KEY", KEY + " !", "VEXILLA_BASE_URL", url),
                        KEY + " !",
                        "VEXILLA_SDK_KEY"),
                Arguments.of(
                        "the key was pasted into the base URL",
                        Map.of(),
                        Map.of("VEXILLA_MODE", "cloud", "VEXILLA_SDK_KEY", KEY, "VEXILLA_BASE_URL", KEY),
                        KEY,
                        "VEXILLA_BASE_URL"),
                Arguments.of(
                        "the key is in the base URL's query",
                        Map.of("vexilla.sdk.key", KEY),
                        Map.of("VEXILLA_MODE", "cloud", "VEXILLA_BASE_URL", url + "/?key=" + KEY),
                        KEY,
                        "VEXILLA_BASE_URL"),
                Arguments.of(
                        "the key was pasted into a duration",
                        Map.of(),
                        Map.of("VEXILLA_SDK_KEY", KEY, "VEXILLA_POLL_INTERVAL", KEY),
                        KEY,
                        "VEXILLA_POLL_INTERVAL"),
                Arguments.of(
                        "the key was pasted into the proxy",
                        Map.of("vexilla.sdk.key", KEY),
                        Map.of("VEXILLA_PROXY", "http://" + KEY + ":3128/x"),
                        KEY,
                        "VEXILLA_PROXY"),
                Arguments.of(
                        "the base URL is missing",
                        Map.of("vexilla.mode", "cloud"),
                        Map.of("VEXILLA_SDK_KEY", KEY),
                        KEY,
                        "VEXILLA_BASE_URL"),
                Arguments.of(
                        "a name is misspelled",
                        Map.of(),
                        Map.of("VEXILLA_SDK_KEY", KEY, "VEXILLA_SDK_KY", KEY),
                        KEY,
                        "VEXILLA_SDK_KY"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurationsWithAKeyThatFail")
    void noMessageShowsTheKey(
            String situation,
            Map<String, String> systemProperties,
            Map<String, String> environment,
            String key,
            String named) {
        assertThatThrownBy(() -> build(systemProperties, environment))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(named)
                .satisfies(failure -> {
                    for (Throwable t = failure; t != null; t = t.getCause()) {
                        assertThat(String.valueOf(t.getMessage())).doesNotContain(key);
                    }
                });
    }

    @Test
    void aKeyInAMessageIsReplacedByItsRedactedForm() {
        assertThatThrownBy(() -> build(Map.of(), Map.of("VEXILLA_SDK_KEY", KEY, "VEXILLA_BASE_URL", KEY)))
                .hasMessage("VEXILLA_BASE_URL must be an absolute http or https URL, was 'sdk-****c1a7b'")
                .hasNoCause();
    }
}
