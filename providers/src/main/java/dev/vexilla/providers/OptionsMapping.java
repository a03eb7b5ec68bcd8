package dev.vexilla.providers;

import static dev.vexilla.providers.Setting.BASE_URL;
import static dev.vexilla.providers.Setting.CACHE;
import static dev.vexilla.providers.Setting.CACHE_MAX_ENTRIES;
import static dev.vexilla.providers.Setting.CACHE_TTL;
import static dev.vexilla.providers.Setting.CONFIG_CACHE_DIR;
import static dev.vexilla.providers.Setting.CONFIG_FILE;
import static dev.vexilla.providers.Setting.CONFIG_FILE_WATCH;
import static dev.vexilla.providers.Setting.CONFIG_PROTOCOL;
import static dev.vexilla.providers.Setting.CONNECT_TIMEOUT;
import static dev.vexilla.providers.Setting.DATA_GOVERNANCE;
import static dev.vexilla.providers.Setting.ENABLE_EDGEDB;
import static dev.vexilla.providers.Setting.EVENTS_URL;
import static dev.vexilla.providers.Setting.INIT_TIMEOUT;
import static dev.vexilla.providers.Setting.MAX_CONNECTIONS;
import static dev.vexilla.providers.Setting.POLL_INTERVAL;
import static dev.vexilla.providers.Setting.PROTOCOL;
import static dev.vexilla.providers.Setting.PROXY;
import static dev.vexilla.providers.Setting.READ_TIMEOUT;
import static dev.vexilla.providers.Setting.REALTIME;
import static dev.vexilla.providers.Setting.REQUEST_TIMEOUT;
import static dev.vexilla.providers.Setting.RETRIES;
import static dev.vexilla.providers.Setting.SDK_KEY;

import dev.vexilla.cloud.CloudCache;
import dev.vexilla.cloud.CloudOptions;
import dev.vexilla.cloud.Protocol;
import dev.vexilla.local.ConfigCache;
import dev.vexilla.local.ConfigProtocol;
import dev.vexilla.local.DataGovernance;
import dev.vexilla.local.FlagOverrides;
import dev.vexilla.local.LocalOptions;
import dev.vexilla.local.OverrideBehaviour;
import dev.vexilla.local.PollingMode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Turns {@link Settings} into each provider's options. Only options the providers have are set; everything not set
 * keeps the provider's own default. The caller's customizer runs last, so options set in code win over settings.
 */
final class OptionsMapping {

    private OptionsMapping() {}

    /**
     * Builds the local provider's options: offline from {@link Setting#CONFIG_FILE} when it is set, else downloading
     * with the SDK key.
     *
     * @param settings the settings in effect
     * @param customizer options set in code
     * @return the options
     * @throws IllegalArgumentException naming the setting at fault
     */
    static LocalOptions local(Settings settings, Consumer<LocalOptions.Builder> customizer) {
        LocalOptions.Builder options = LocalOptions.builder();
        Optional<Path> file = settings.get(CONFIG_FILE, Path.class);
        if (file.isPresent()) {
            boolean watch = settings.get(CONFIG_FILE_WATCH, Boolean.class).orElse(false);
            options.flagOverrides(FlagOverrides.file(file.get(), watch), OverrideBehaviour.LOCAL_ONLY);
        } else {
            String sdkKey = settings.required(
                    SDK_KEY, String.class, "in local mode, unless " + CONFIG_FILE.variable() + " names a config file");
            options.sdkKey(sdkKey);
            downloading(settings, options, sdkKey);
        }
        customizer.accept(options);
        return options.build();
    }

    /**
     * Builds the cloud provider's options.
     *
     * @param settings the settings in effect
     * @param environment where {@code CloudOptions} reads its {@code OFREP_*} variables
     * @param customizer options set in code
     * @return the options
     * @throws IllegalArgumentException naming the setting or variable at fault
     */
    static CloudOptions cloud(
            Settings settings, Map<String, String> environment, Consumer<CloudOptions.Builder> customizer) {
        CloudOptions.Builder options = CloudOptions.builder().environment(environment);
        options.sdkKey(settings.required(SDK_KEY, String.class, "in cloud mode"));
        String endpoint = environment.getOrDefault(CloudOptions.ENV_ENDPOINT, "");
        if (!settings.has(BASE_URL) && endpoint.trim().isEmpty()) {
            throw new IllegalArgumentException(
                    BASE_URL.variable() + " is required in cloud mode (or " + CloudOptions.ENV_ENDPOINT + ")");
        }
        settings.ifSet(BASE_URL, URI.class, options::baseUrl);
        settings.ifSet(PROTOCOL, Protocol.class, options::protocol);
        settings.ifSet(REQUEST_TIMEOUT, Duration.class, options::requestTimeout);
        settings.ifSet(CONNECT_TIMEOUT, Duration.class, options::connectTimeout);
        settings.ifSet(INIT_TIMEOUT, Duration.class, options::initializeTimeout);
        settings.ifSet(REALTIME, Boolean.class, options::changeStream);
        settings.ifSet(RETRIES, Integer.class, options::retries);
        settings.ifSet(MAX_CONNECTIONS, Integer.class, options::maxConnections);
        settings.ifSet(ENABLE_EDGEDB, Boolean.class, options::enableEdgeDB);
        settings.ifSet(PROXY, URI.class, options::proxy);
        if (settings.get(CACHE, Boolean.class).orElse(false)) {
            options.cache(cache(settings));
        }
        customizer.accept(options);
        return options.build();
    }

    /** The download settings; the protocol is the one set, else the key's (DevCycle keys select DevCycle's CDN). */
    private static void downloading(Settings settings, LocalOptions.Builder options, String sdkKey) {
        ConfigProtocol protocol =
                settings.get(CONFIG_PROTOCOL, ConfigProtocol.class).orElse(ConfigProtocol.forSdkKey(sdkKey));
        options.configProtocol(protocol);
        settings.ifSet(BASE_URL, URI.class, options::baseUrl);
        settings.ifSet(DATA_GOVERNANCE, DataGovernance.class, options::dataGovernance);
        if (settings.has(POLL_INTERVAL) || settings.has(INIT_TIMEOUT)) {
            Duration interval = settings.get(POLL_INTERVAL, Duration.class)
                    .orElse(
                            protocol == ConfigProtocol.DEVCYCLE
                                    ? LocalOptions.DEVCYCLE_POLL_INTERVAL
                                    : PollingMode.DEFAULT_POLL_INTERVAL);
            Duration wait = settings.get(INIT_TIMEOUT, Duration.class).orElse(PollingMode.DEFAULT_MAX_INIT_WAIT);
            // The wait is never negative (its form), so only the interval can be out of bounds.
            options.pollingMode(settings.applying(POLL_INTERVAL, () -> PollingMode.autoPoll(interval, wait)));
        }
        settings.ifSet(REALTIME, Boolean.class, options::realtimeUpdates);
        settings.ifSet(CONFIG_CACHE_DIR, Path.class, directory -> options.configCache(ConfigCache.file(directory)));
        settings.ifSet(EVENTS_URL, URI.class, options::eventsUrl);
        settings.ifSet(CONNECT_TIMEOUT, Duration.class, options::connectTimeout);
        settings.ifSet(READ_TIMEOUT, Duration.class, options::readTimeout);
        settings.ifSet(PROXY, URI.class, proxy -> options.proxy(proxy.getHost(), proxy.getPort()));
    }

    private static CloudCache cache(Settings settings) {
        int maxEntries =
                settings.get(CACHE_MAX_ENTRIES, Integer.class).orElse(VexillaProviders.DEFAULT_CACHE_MAX_ENTRIES);
        Duration ttl = settings.get(CACHE_TTL, Duration.class).orElse(VexillaProviders.DEFAULT_CACHE_TTL);
        // CloudCache checks both bounds in one call; checking the size with the default TTL first tells which
        // setting a complaint is about.
        settings.applying(CACHE_MAX_ENTRIES, () -> CloudCache.lru(maxEntries, VexillaProviders.DEFAULT_CACHE_TTL));
        return settings.applying(CACHE_TTL, () -> CloudCache.lru(maxEntries, ttl));
    }
}
