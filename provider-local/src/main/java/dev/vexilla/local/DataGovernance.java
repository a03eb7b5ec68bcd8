package dev.vexilla.local;

import java.net.URI;

/**
 * Where ConfigCat keeps and serves a config: decides the CDN base URL the local provider downloads from when no
 * custom base URL is set. It must match the data-governance setting of the ConfigCat product; when it does not,
 * the config's own preferences redirect the first download (one extra request and a warning).
 *
 * @since 0.1.0
 */
public enum DataGovernance {
    /** Served from ConfigCat's global CDN, {@code https://cdn-global.configcat.com}. The default. */
    GLOBAL("https://cdn-global.configcat.com"),
    /** Served only from ConfigCat's EU CDN nodes, {@code https://cdn-eu.configcat.com}. */
    EU("https://cdn-eu.configcat.com");

    private final URI baseUrl;

    DataGovernance(String baseUrl) {
        this.baseUrl = URI.create(baseUrl);
    }

    /**
     * Returns the CDN base URL for this data governance.
     *
     * @return the base URL, without a trailing slash; never null
     */
    public URI baseUrl() {
        return baseUrl;
    }
}
