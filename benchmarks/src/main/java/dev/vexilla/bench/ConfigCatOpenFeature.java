package dev.vexilla.bench;

import com.configcat.OverrideBehaviour;
import com.configcat.OverrideDataSourceBuilder;
import dev.openfeature.contrib.providers.configcat.ConfigCatProvider;
import dev.openfeature.contrib.providers.configcat.ConfigCatProviderConfig;
import dev.openfeature.sdk.FeatureProvider;
import dev.vexilla.bench.scenario.BenchConfigs;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The OpenFeature contrib ConfigCat provider over the same {@code LOCAL_ONLY} config file as {@link ConfigCatRaw}.
 * The provider converts every context into a ConfigCat user per evaluation (all attributes as strings).
 */
public class ConfigCatOpenFeature extends OpenFeatureBench {

    private @Nullable Path file;

    @Override
    protected FeatureProvider createProvider() throws Exception {
        Path config = ScenarioFiles.write("configcat-of", BenchConfigs.configCatScenarios());
        file = config;
        return new ConfigCatProvider(ConfigCatProviderConfig.builder()
                .sdkKey(ScenarioFiles.uniqueSdkKey())
                .options(options -> options.flagOverrides(
                        OverrideDataSourceBuilder.localFile(config.toString(), false), OverrideBehaviour.LOCAL_ONLY))
                .build());
    }

    @Override
    protected void cleanUp() throws Exception {
        ScenarioFiles.delete(file);
    }
}
