package dev.vexilla.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vexilla.cloud.CloudCache;
import dev.vexilla.cloud.CloudOptions;
import dev.vexilla.cloud.Protocol;
import dev.vexilla.local.ConfigProtocol;
import dev.vexilla.local.FlagOverrides;
import dev.vexilla.local.LocalOptions;
import dev.vexilla.local.OverrideBehaviour;
import dev.vexilla.local.PollingMode;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which provider option each setting sets, what stays the provider's default, and how complaints are named. */
final class OptionsMappingTest {
    private static final String KEY = "srv-7f3c0e5b9a1d4c8e8b2a6f0d3e9c1a7b";

    @TempDir
    Path directory;

    private static LocalOptions local(Map<String, String> environment) {
        return VexillaProviders.builder()
                .environment(environment)
                .systemProperties(Map.of())
                .buildLocalOptions();
    }

    private static CloudOptions cloud(Map<String, String> environment) {
        return VexillaProviders.builder()
                .environment(environment)
                .systemProperties(Map.of())
                .buildCloudOptions();
    }

    private static Map<String, String> cloudBase(String... more) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "VEXILLA_MODE", "cloud", "VEXILLA_SDK_KEY", KEY, "VEXILLA_BASE_URL", "https://flags.example.com"));
        for (int i = 0; i < more.length; i += 2) {
            environment.put(more[i], more[i + 1]);
        }
        return environment;
    }

    @Test
    void localWithOnlyAKeyKeepsEveryProviderDefault() {
        LocalOptions options = local(Map.of("VEXILLA_SDK_KEY", KEY));

        assertThat(options.sdkKey()).isEqualTo(KEY);
        assertThat(options.baseUrl()).isEqualTo(LocalOptions.GLOBAL_CDN);
        assertThat(options.pollingMode()).isEqualTo(PollingMode.autoPoll());
        assertThat(options.realtimeUpdates()).isFalse();
        assertThat(options.flagOverrides()).isNull();
        assertThat(options.eventsUrl()).isNull();
        assertThat(options.connectTimeout()).isEqualTo(LocalOptions.DEFAULT_CONNECT_TIMEOUT);
        assertThat(options.readTimeout()).isEqualTo(LocalOptions.DEFAULT_READ_TIMEOUT);
        assertThat(options.proxy()).isNull();
    }

    @Test
    void localSettingsSetTheLocalOptions() {
        LocalOptions options = local(Map.ofEntries(
                Map.entry("VEXILLA_SDK_KEY", KEY),
                Map.entry("VEXILLA_BASE_URL", "https://flags.example.com"),
                Map.entry("VEXILLA_POLL_INTERVAL", "30s"),
                Map.entry("VEXILLA_INIT_TIMEOUT", "2s"),
                Map.entry("VEXILLA_REALTIME", "true"),
                Map.entry("VEXILLA_EVENTS_URL", "https://events.example.com"),
                Map.entry("VEXILLA_CONNECT_TIMEOUT", "1500ms"),
                Map.entry("VEXILLA_READ_TIMEOUT", "PT20S"),
                Map.entry("VEXILLA_PROXY", "http://proxy.internal:3128")));

        assertThat(options.baseUrl()).isEqualTo(URI.create("https://flags.example.com"));
        assertThat(options.pollingMode())
                .isEqualTo(PollingMode.autoPoll(Duration.ofSeconds(30), Duration.ofSeconds(2)));
        assertThat(options.realtimeUpdates()).isTrue();
        assertThat(options.eventsUrl()).isEqualTo(URI.create("https://events.example.com"));
        assertThat(options.connectTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(options.readTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(options.proxy()).isEqualTo(InetSocketAddress.createUnresolved("proxy.internal", 3128));
    }

    @Test
    void initTimeoutAloneKeepsTheDefaultPollInterval() {
        LocalOptions options = local(Map.of("VEXILLA_SDK_KEY", KEY, "VEXILLA_INIT_TIMEOUT", "0"));

        assertThat(options.pollingMode())
                .isEqualTo(PollingMode.autoPoll(PollingMode.DEFAULT_POLL_INTERVAL, Duration.ZERO));
    }

    @Test
    void aDevCycleServerKeySelectsDevCyclesProtocolAndDefaults() {
        LocalOptions options = local(Map.of("VEXILLA_SDK_KEY", "dvc_server_0123456789abcdef"));

        assertThat(options.configProtocol()).isEqualTo(ConfigProtocol.DEVCYCLE);
        assertThat(options.baseUrl()).isEqualTo(LocalOptions.DEVCYCLE_CDN);
        assertThat(options.eventsUrl()).isEqualTo(LocalOptions.DEVCYCLE_EVENTS);
        assertThat(options.realtimeUpdates()).isTrue();
        assertThat(options.streamUrlFromConfig()).isTrue();
        assertThat(options.pollingMode().interval()).isEqualTo(LocalOptions.DEVCYCLE_POLL_INTERVAL);
        assertThat(local(Map.of("VEXILLA_SDK_KEY", "server-0123456789abcdef")).configProtocol())
                .isEqualTo(ConfigProtocol.DEVCYCLE);
        assertThat(local(Map.of("VEXILLA_SDK_KEY", KEY)).configProtocol()).isEqualTo(ConfigProtocol.CONFIGCAT);
    }

    @Test
    void withDevCyclesProtocolInitTimeoutAloneKeepsDevCyclesPollInterval() {
        LocalOptions options =
                local(Map.of("VEXILLA_SDK_KEY", "dvc_server_0123456789abcdef", "VEXILLA_INIT_TIMEOUT", "2s"));

        assertThat(options.pollingMode())
                .isEqualTo(PollingMode.autoPoll(LocalOptions.DEVCYCLE_POLL_INTERVAL, Duration.ofSeconds(2)));
    }

    @Test
    void configProtocolOverridesTheKeysChoice_andOtherSettingsStillApply() {
        LocalOptions devCycle = local(Map.of(
                "VEXILLA_SDK_KEY", KEY,
                "VEXILLA_CONFIG_PROTOCOL", "DevCycle",
                "VEXILLA_BASE_URL", "https://flags.example.com",
                "VEXILLA_EVENTS_URL", "https://flags.example.com",
                "VEXILLA_REALTIME", "false"));
        LocalOptions configCat =
                local(Map.of("VEXILLA_SDK_KEY", "dvc_server_0123456789abcdef", "VEXILLA_CONFIG_PROTOCOL", "configcat"));

        assertThat(devCycle.configProtocol()).isEqualTo(ConfigProtocol.DEVCYCLE);
        assertThat(devCycle.baseUrl()).isEqualTo(URI.create("https://flags.example.com"));
        assertThat(devCycle.eventsUrl()).isEqualTo(URI.create("https://flags.example.com"));
        assertThat(devCycle.realtimeUpdates()).isFalse();
        assertThat(configCat.configProtocol()).isEqualTo(ConfigProtocol.CONFIGCAT);
        assertThat(configCat.baseUrl()).isEqualTo(LocalOptions.GLOBAL_CDN);
        assertThat(configCat.eventsUrl()).isNull();
    }

    @Test
    void anUnknownConfigProtocolIsNamed() {
        assertThatThrownBy(() -> local(Map.of("VEXILLA_SDK_KEY", KEY, "VEXILLA_CONFIG_PROTOCOL", "launchdarkly")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("VEXILLA_CONFIG_PROTOCOL must be configcat or devcycle, was 'launchdarkly'");
    }

    @Test
    void euDataGovernanceReadsConfigCatsEuCdn() {
        assertThat(local(Map.of("VEXILLA_SDK_KEY", KEY, "VEXILLA_DATA_GOVERNANCE", "eu"))
                        .baseUrl())
                .isEqualTo(LocalOptions.EU_CDN);
    }

    @Test
    void configCacheDirectoryKeepsTheConfigInFiles() throws Exception {
        Path cacheDirectory = directory.resolve("cache");
        LocalOptions options =
                local(Map.of("VEXILLA_SDK_KEY", KEY, "VEXILLA_CONFIG_CACHE_DIR", cacheDirectory.toString()));

        options.configCache().write("entry", "1700000000000\n\"etag\"\n{}");

        try (var files = Files.list(cacheDirectory)) {
            assertThat(files).isNotEmpty();
        }
        assertThat(options.configCache().read("entry")).isEqualTo("1700000000000\n\"etag\"\n{}");
    }

    @Test
    void aConfigFileServesOfflineWithoutKeyOrNetworkSettings() throws Exception {
        Path file = Files.writeString(directory.resolve("flags.json"), "{\"flags\":{\"checkoutEnabled\":true}}");

        LocalOptions options = local(Map.of(
                "VEXILLA_CONFIG_FILE",
                file.toString(),
                "VEXILLA_CONFIG_FILE_WATCH",
                "true",
                "VEXILLA_SDK_KEY",
                KEY,
                "VEXILLA_REALTIME",
                "true"));

        assertThat(options.flagOverrides()).isEqualTo(FlagOverrides.file(file, true));
        assertThat(options.overrideBehaviour()).isEqualTo(OverrideBehaviour.LOCAL_ONLY);
        assertThat(options.sdkKey()).isNull();
        assertThat(options.realtimeUpdates()).isFalse();
    }

    @Test
    void aConfigFileIsNotWatchedUnlessAsked() throws Exception {
        Path file = Files.writeString(directory.resolve("flags.json"), "{\"flags\":{}}");

        assertThat(local(Map.of("VEXILLA_CONFIG_FILE", file.toString())).flagOverrides())
                .isEqualTo(FlagOverrides.file(file, false));
    }

    @Test
    void localWithoutKeyOrFileNamesBothWays() {
        assertThatThrownBy(() -> local(Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("VEXILLA_SDK_KEY is required in local mode, unless VEXILLA_CONFIG_FILE names a config"
                        + " file");
    }

    @Test
    void aPollIntervalBelowTheProvidersMinimumIsNamed() {
        assertThatThrownBy(() -> local(Map.of("VEXILLA_SDK_KEY", KEY, "VEXILLA_POLL_INTERVAL", "500ms")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("VEXILLA_POLL_INTERVAL: pollInterval must be >= PT1S, was PT0.5S");
    }

    @Test
    void aZeroReadTimeoutIsNamed() {
        assertThatThrownBy(() -> local(Map.of("VEXILLA_SDK_KEY", KEY, "VEXILLA_READ_TIMEOUT", "0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("VEXILLA_READ_TIMEOUT: readTimeout must be >= PT0.001S, was PT0S");
    }

    @Test
    void cloudWithKeyAndUrlKeepsEveryProviderDefault() {
        CloudOptions options = cloud(cloudBase());

        assertThat(options.sdkKey()).isEqualTo(KEY);
        assertThat(options.baseUrl()).isEqualTo(URI.create("https://flags.example.com/"));
        assertThat(options.protocol()).isEqualTo(CloudOptions.DEFAULT_PROTOCOL);
        assertThat(options.requestTimeout()).isEqualTo(CloudOptions.DEFAULT_REQUEST_TIMEOUT);
        assertThat(options.initializeTimeout()).isEqualTo(CloudOptions.DEFAULT_INITIALIZE_TIMEOUT);
        assertThat(options.changeStream()).isEqualTo(CloudOptions.DEFAULT_CHANGE_STREAM);
        assertThat(options.cache()).isEqualTo(CloudCache.disabled());
        assertThat(options.retries()).isEqualTo(CloudOptions.DEFAULT_RETRIES);
        assertThat(options.enableEdgeDb()).isFalse();
        assertThat(options.proxy()).isNull();
    }

    @Test
    void cloudSettingsSetTheCloudOptions() {
        CloudOptions options = cloud(cloudBase(
                "VEXILLA_PROTOCOL", "ofrep",
                "VEXILLA_REQUEST_TIMEOUT", "2s",
                "VEXILLA_CONNECT_TIMEOUT", "300ms",
                "VEXILLA_INIT_TIMEOUT", "10s",
                "VEXILLA_REALTIME", "false",
                "VEXILLA_RETRIES", "3",
                "VEXILLA_MAX_CONNECTIONS", "16",
                "VEXILLA_ENABLE_EDGEDB", "true",
                "VEXILLA_PROXY", "http://proxy.internal:3128"));

        assertThat(options.protocol()).isEqualTo(Protocol.OFREP);
        assertThat(options.requestTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(options.connectTimeout()).isEqualTo(Duration.ofMillis(300));
        assertThat(options.initializeTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.changeStream()).isFalse();
        assertThat(options.retries()).isEqualTo(3);
        assertThat(options.maxConnections()).isEqualTo(16);
        assertThat(options.enableEdgeDb()).isTrue();
        assertThat(options.proxy()).isEqualTo(URI.create("http://proxy.internal:3128"));
    }

    @Test
    void cacheOnUsesTheDefaultSizeAndTtl() {
        assertThat(cloud(cloudBase("VEXILLA_CACHE", "true")).cache())
                .isEqualTo(
                        CloudCache.lru(VexillaProviders.DEFAULT_CACHE_MAX_ENTRIES, VexillaProviders.DEFAULT_CACHE_TTL));
    }

    @Test
    void cacheSizeAndTtlApplyWhenTheCacheIsOn() {
        assertThat(cloud(cloudBase(
                                "VEXILLA_CACHE", "true", "VEXILLA_CACHE_TTL", "5m", "VEXILLA_CACHE_MAX_ENTRIES", "500"))
                        .cache())
                .isEqualTo(CloudCache.lru(500, Duration.ofMinutes(5)));
        assertThat(cloud(cloudBase("VEXILLA_CACHE_TTL", "5m")).cache()).isEqualTo(CloudCache.disabled());
    }

    @Test
    void aCacheSizeOutOfRangeIsNamed() {
        assertThatThrownBy(() -> cloud(cloudBase("VEXILLA_CACHE", "true", "VEXILLA_CACHE_MAX_ENTRIES", "0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("VEXILLA_CACHE_MAX_ENTRIES: cache maxEntries must be in [1, 1000000], was 0");
    }

    @Test
    void aZeroCacheTtlIsNamed() {
        assertThatThrownBy(() -> cloud(cloudBase("VEXILLA_CACHE", "true", "VEXILLA_CACHE_TTL", "0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("VEXILLA_CACHE_TTL: cache ttl must be >= PT0.001S, was PT0S");
    }

    @Test
    void tooManyRetriesAreNamed() {
        assertThatThrownBy(() -> cloud(cloudBase("VEXILLA_RETRIES", "11")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("VEXILLA_RETRIES: retries must be in [0, 10], was 11");
    }

    @Test
    void cloudWithoutAKeyNamesTheMissingVariable() {
        assertThatThrownBy(
                        () -> cloud(Map.of("VEXILLA_MODE", "cloud", "VEXILLA_BASE_URL", "https://flags.example.com")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("VEXILLA_SDK_KEY is required in cloud mode");
    }

    @Test
    void cloudWithoutABaseUrlNamesBothVariablesThatCanGiveIt() {
        assertThatThrownBy(() -> cloud(Map.of("VEXILLA_MODE", "cloud", "VEXILLA_SDK_KEY", KEY)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("VEXILLA_BASE_URL is required in cloud mode (or OFREP_ENDPOINT)");
    }

    @Test
    void ofrepVariablesApplyBelowTheVexillaSettings() {
        CloudOptions fromOfrep = cloud(Map.of(
                "VEXILLA_SDK_KEY", KEY,
                "OFREP_ENDPOINT", "https://ofrep.example.com/",
                "OFREP_TIMEOUT_MS", "800",
                "OFREP_HEADERS", "X-Team=checkout"));
        CloudOptions overridden = cloud(cloudBase(
                "OFREP_ENDPOINT", "https://ofrep.example.com/",
                "OFREP_TIMEOUT_MS", "800",
                "VEXILLA_REQUEST_TIMEOUT", "1s"));

        assertThat(fromOfrep.baseUrl()).isEqualTo(URI.create("https://ofrep.example.com/"));
        assertThat(fromOfrep.requestTimeout()).isEqualTo(Duration.ofMillis(800));
        assertThat(fromOfrep.headers()).containsEntry("X-Team", "checkout");
        assertThat(overridden.baseUrl()).isEqualTo(URI.create("https://flags.example.com/"));
        assertThat(overridden.requestTimeout()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void optionsSetInCodeWinOverSettings() {
        VexillaProviders.Builder builder = VexillaProviders.builder()
                .environment(cloudBase("VEXILLA_REALTIME", "true", "VEXILLA_PROTOCOL", "bucketing"))
                .systemProperties(Map.of())
                .localOptions(options -> options.realtimeUpdates(false))
                .cloudOptions(options -> options.protocol(Protocol.OFREP));

        assertThat(builder.buildLocalOptions().realtimeUpdates()).isFalse();
        assertThat(builder.buildCloudOptions().protocol()).isEqualTo(Protocol.OFREP);
        assertThat(builder.buildCloudOptions().changeStream()).isTrue();
    }
}
