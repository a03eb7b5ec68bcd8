package dev.vexilla.bench;

import dev.openfeature.sdk.FeatureProvider;
import dev.vexilla.bench.scenario.BenchConfigs;
import dev.vexilla.local.FlagOverrides;
import dev.vexilla.local.LocalOptions;
import dev.vexilla.local.LocalProvider;
import dev.vexilla.local.OverrideBehaviour;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Vexilla's {@link LocalProvider} over the same scenario config, read from a file as {@code LOCAL_ONLY} overrides
 * (no network). Events are off (no events URL), as for the peers, so no counter is bumped.
 */
public class VexillaLocalOpenFeature extends OpenFeatureBench {

    private @Nullable Path file;

    @Override
    protected FeatureProvider createProvider() throws Exception {
        Path config = ScenarioFiles.write("vexilla-of", BenchConfigs.configCatScenarios());
        file = config;
        return new LocalProvider(LocalOptions.builder()
                .flagOverrides(FlagOverrides.file(config), OverrideBehaviour.LOCAL_ONLY)
                .build());
    }

    @Override
    protected void cleanUp() throws Exception {
        ScenarioFiles.delete(file);
    }
}
