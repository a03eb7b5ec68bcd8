package dev.vexilla.bench;

import dev.openfeature.contrib.providers.flagd.Config;
import dev.openfeature.contrib.providers.flagd.FlagdOptions;
import dev.openfeature.contrib.providers.flagd.FlagdProvider;
import dev.openfeature.sdk.FeatureProvider;
import dev.vexilla.bench.scenario.BenchConfigs;
import dev.vexilla.bench.scenario.Scenarios;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The OpenFeature contrib flagd provider evaluating in-process, offline, from a flag file (resolver {@code FILE}):
 * json-logic rules equivalent to s1 to s4. s3 follows flagd's own {@code fractional} bucketing, so its expected
 * values differ from ConfigCat's user by user (still 50/50).
 */
public class FlagdOpenFeature extends OpenFeatureBench {

    /**
     * The provider waits up to twice this for its first flag set; the default 500 ms is too short for the first
     * load (schema validator, json-logic) on a busy machine.
     */
    private static final int INIT_DEADLINE_MS = 5_000;

    private @Nullable Path file;

    @Override
    protected FeatureProvider createProvider() throws Exception {
        Path flags = ScenarioFiles.write("flagd", BenchConfigs.flagdScenarios());
        file = flags;
        return new FlagdProvider(FlagdOptions.builder()
                .resolverType(Config.Resolver.FILE)
                .offlineFlagSourcePath(flags.toString())
                .deadline(INIT_DEADLINE_MS)
                .build());
    }

    @Override
    protected boolean expectedRollout(String identifier) {
        return Scenarios.s3ExpectedFlagd(identifier);
    }

    @Override
    protected void cleanUp() throws Exception {
        ScenarioFiles.delete(file);
    }
}
