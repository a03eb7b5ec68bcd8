package dev.vexilla.contract.steps;

import dev.openfeature.sdk.FeatureProvider;

/**
 * Creates the "stable provider" of the specification suites: a ready provider that serves the flags of the spec's
 * {@code test-flags.json} (or their translation). A new instance is created for every scenario.
 */
public interface ProviderFactory {

    /**
     * Creates a provider that has not been initialised yet.
     *
     * @return a fresh provider, never registered anywhere before
     */
    FeatureProvider create();

    /**
     * Names the provider under test for failure messages.
     *
     * @return a short description, for example {@code "LocalProvider (spec-flags_v6.json)"}
     */
    String description();
}
