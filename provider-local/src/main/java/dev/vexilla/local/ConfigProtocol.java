package dev.vexilla.local;

import java.util.Objects;

/**
 * Which vendor's wire protocol {@link LocalProvider} speaks to its config source: where the config is downloaded
 * from, how the change stream is found and read, and the defaults of the base and events URLs.
 *
 * <p>Without an explicit choice ({@link LocalOptions.Builder#configProtocol(ConfigProtocol)}), the SDK key decides:
 * {@link #forSdkKey(String)}.
 *
 * @since 0.1.0
 */
public enum ConfigProtocol {
    /**
     * ConfigCat's: {@code GET {baseUrl}/configuration-files/{sdkKey}/config_v6.json} with {@code If-None-Match},
     * data-governance redirects, the change stream at {@code {baseUrl}/v1/stream} (off by default), no events unless
     * an events URL is set.
     */
    CONFIGCAT,
    /**
     * DevCycle's: {@code GET {baseUrl}/config/v2/server/{sdkKey}.json} with {@code If-None-Match} and
     * {@code If-Modified-Since} (default base URL {@link LocalOptions#DEVCYCLE_CDN}); realtime updates on by default,
     * from the stream the config names in its {@code sse} member; events to {@link LocalOptions#DEVCYCLE_EVENTS}
     * by default, in DevCycle's batch format.
     */
    DEVCYCLE;

    /**
     * Tells the protocol from an SDK key: DevCycle's server keys start with {@code dvc_server} or {@code server};
     * every other key is ConfigCat's (or a Vexilla server's).
     *
     * @param sdkKey the SDK key
     * @return {@link #DEVCYCLE} for a DevCycle server key, else {@link #CONFIGCAT}
     */
    public static ConfigProtocol forSdkKey(String sdkKey) {
        Objects.requireNonNull(sdkKey, "sdkKey");
        return sdkKey.startsWith("dvc_server") || sdkKey.startsWith("server") ? DEVCYCLE : CONFIGCAT;
    }
}
