package dev.vexilla.bench;

import dev.openfeature.sdk.FeatureProvider;
import dev.vexilla.bench.scenario.DevCycleConfigs;
import dev.vexilla.local.FlagOverrides;
import dev.vexilla.local.LocalOptions;
import dev.vexilla.local.LocalProvider;
import dev.vexilla.local.OverrideBehaviour;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Vexilla's {@link LocalProvider} over the DevCycle scenario config (config v2), read from a file as
 * {@code LOCAL_ONLY} overrides without reloading (no network, no file watching). Events are off (no events URL), as for
 * the peers.
 */
public class VexillaDevCycleOpenFeature extends DevCycleOpenFeatureBench {

    private @Nullable Path file;

    @Override
    protected FeatureProvider createProvider() throws Exception {
        Path config = ScenarioFiles.write("vexilla-devcycle-of", DevCycleConfigs.scenarios());
        file = config;
        return new LocalProvider(LocalOptions.builder()
                .flagOverrides(FlagOverrides.file(config, false), OverrideBehaviour.LOCAL_ONLY)
                .build());
    }

    @Override
    protected void cleanUp() throws Exception {
        ScenarioFiles.delete(file);
    }
}
