package dev.vexilla.contract.local;

import dev.openfeature.sdk.FeatureProvider;
import dev.vexilla.contract.steps.ProviderFactory;
import dev.vexilla.local.FlagOverrides;
import dev.vexilla.local.LocalOptions;
import dev.vexilla.local.LocalProvider;
import dev.vexilla.local.OverrideBehaviour;

/**
 * {@code LocalProvider} serving the translated spec flags from the classpath with {@code LOCAL_ONLY} overrides: no
 * SDK key, no network, ready as soon as {@code initialize} returns.
 */
final class LocalProviderFactory implements ProviderFactory {

    /** The spec's {@code test-flags.json} translated into ConfigCat config JSON v6 (see the module README). */
    static final String SPEC_FLAGS_V6 = "dev/vexilla/contract/spec-flags_v6.json";

    @Override
    public FeatureProvider create() {
        return new LocalProvider(LocalOptions.builder()
                .flagOverrides(FlagOverrides.classpath(SPEC_FLAGS_V6), OverrideBehaviour.LOCAL_ONLY)
                .build());
    }

    @Override
    public String description() {
        return "LocalProvider (" + SPEC_FLAGS_V6 + ", LOCAL_ONLY)";
    }
}
