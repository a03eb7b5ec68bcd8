package dev.vexilla.local.internal.provider;

import java.util.Set;

/**
 * What the provider's orchestration tells the OpenFeature provider, which turns each call into a provider event.
 * Calls come from background threads (and from {@code forceRefresh} callers); implementations must return quickly
 * and must not throw.
 *
 * @since 0.1.0
 */
public interface ProviderSignals {

    /** The source works (again) and a config is served. */
    void ready();

    /**
     * The served config changed.
     *
     * @param flagsChanged the keys whose evaluation may differ; never empty
     */
    void configurationChanged(Set<String> flagsChanged);

    /**
     * The source fails but a config is still served.
     *
     * @param message what went wrong
     */
    void stale(String message);

    /**
     * The source has failed for longer than the grace period, or fails with no config to serve, or failed for good.
     *
     * @param message what went wrong
     * @param fatal whether the failure is permanent (the provider will not recover)
     */
    void error(String message, boolean fatal);
}
