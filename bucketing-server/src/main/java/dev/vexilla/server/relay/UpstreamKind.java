package dev.vexilla.server.relay;

import java.util.Locale;

/**
 * The kind of upstream a relay mirrors: which paths it downloads configs from and how it learns of changes.
 *
 * @since 0.1.0
 */
public enum UpstreamKind {
    /**
     * Another Vexilla server: configs from {@code /configuration-files/{key}/config_v6.json}, changes announced on
     * its {@code /v1/stream} (key in {@code Authorization}), events to {@code /v1/events/batch}.
     */
    VEXILLA,
    /**
     * ConfigCat's CDN (or anything serving its path): configs from {@code /configuration-files/{key}/config_v6.json}
     * with the config's data-governance redirect ({@code p.u}, {@code p.r}) followed; no stream, so polling only.
     */
    CONFIGCAT,
    /**
     * DevCycle's CDN: configs v2 from {@code /config/v2/server/{key}.json} with {@code ETag} and
     * {@code Last-Modified}; changes announced on the server-sent-events URL the config names ({@code sse}).
     */
    DEVCYCLE;

    /**
     * Returns the kind named by an option value: {@code vexilla}, {@code configcat} or {@code devcycle}, any case.
     *
     * @param name the name
     * @return the kind
     * @throws IllegalArgumentException if the name is none of the three
     */
    public static UpstreamKind of(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "vexilla" -> VEXILLA;
            case "configcat" -> CONFIGCAT;
            case "devcycle" -> DEVCYCLE;
            default -> throw new IllegalArgumentException("must be vexilla, configcat or devcycle, was '" + name + "'");
        };
    }

    /**
     * Returns the path of a key's config on this kind of upstream, relative to the upstream's base URL.
     *
     * @param sdkKey the key, already checked to be path-safe
     * @return the path, starting with {@code /}
     */
    String configPath(String sdkKey) {
        return this == DEVCYCLE
                ? "/config/v2/server/" + sdkKey + ".json"
                : "/configuration-files/" + sdkKey + "/config_v6.json";
    }
}
