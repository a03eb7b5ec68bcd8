package dev.vexilla.server.relay;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * What a downloaded ConfigCat config's data-governance preferences ask for, decided as ConfigCat's SDKs decide it
 * (see {@code docs/guide/relay.md}): {@code p.u} is the base URL the config should come from and {@code p.r} the
 * redirect mode, 0 = no redirect, 1 = should redirect, 2 = force redirect.
 *
 * <ul>
 *   <li>No usable {@code p.u}, or {@code p.u} equal to the current base URL: nothing to do.
 *   <li>A custom base URL (not ConfigCat's own CDN) follows only mode 2; the other modes are ignored.
 *   <li>Otherwise the base URL switches to {@code p.u} for this and later downloads; mode 0 keeps the downloaded
 *       response, modes 1 (with a warning) and 2 download again from the new base URL.
 * </ul>
 *
 * The caller bounds the number of downloads again ({@link #MAX_REDIRECTS}, as ConfigCat's SDKs do).
 *
 * @param newBaseUrl the base URL to use from now on, or null to keep the current one
 * @param downloadAgain true when the config must be downloaded again from {@code newBaseUrl}
 * @param shouldRedirect true for mode 1, which ConfigCat's SDKs report with a warning
 */
record ConfigCatRedirect(java.net.@Nullable URI newBaseUrl, boolean downloadAgain, boolean shouldRedirect) {
    /** Most downloads again for one fetch; the next one is a "redirect loop" failure. */
    static final int MAX_REDIRECTS = 2;

    static final int NO_REDIRECT = 0;
    static final int SHOULD_REDIRECT = 1;
    static final int FORCE_REDIRECT = 2;

    private static final ConfigCatRedirect NONE = new ConfigCatRedirect(null, false, false);

    /**
     * Decides what to do after a 200.
     *
     * @param root the downloaded config, or null when it is not JSON (then nothing is done)
     * @param currentBaseUrl the base URL the config was downloaded from, without trailing slash
     * @param customBaseUrl true unless the relay talks to ConfigCat's own CDN
     * @return the decision
     */
    static ConfigCatRedirect decide(@Nullable JsonNode root, java.net.URI currentBaseUrl, boolean customBaseUrl) {
        JsonNode preferences = root == null ? null : root.get("p");
        if (preferences == null || !preferences.isObject()) {
            return NONE;
        }
        JsonNode url = preferences.get("u");
        if (url == null || !url.isTextual() || url.asText().isBlank()) {
            return NONE;
        }
        int mode = preferences.path("r").asInt(NO_REDIRECT);
        if (customBaseUrl && mode != FORCE_REDIRECT) {
            return NONE;
        }
        java.net.URI target;
        try {
            target = RelayOptions.baseUrl("p.u", url.asText());
        } catch (IllegalArgumentException e) {
            return NONE;
        }
        if (target.equals(currentBaseUrl)) {
            return NONE;
        }
        return new ConfigCatRedirect(
                target, mode == SHOULD_REDIRECT || mode == FORCE_REDIRECT, mode == SHOULD_REDIRECT);
    }
}
