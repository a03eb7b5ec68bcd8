package dev.vexilla.bench;

import dev.openfeature.sdk.FeatureProvider;
import dev.vexilla.bench.scenario.DevCycleConfigs;
import org.jspecify.annotations.Nullable;

/**
 * DevCycle's own OpenFeature provider ({@code DevCycleLocalClient.getOpenFeatureProvider()}) over a local client fed
 * the scenario config by a loopback CDN (see {@link DevCycleSdkEvaluator}). The client has its config before the
 * provider is registered: the provider's {@code initialize} waits at most 2 s for it, less than the WASM takes to
 * compile on a loaded machine. Each evaluation maps the whole context to a {@code DevCycleUser}, then evaluates as
 * {@link DevCycleRaw} does.
 */
public class DevCycleOpenFeature extends DevCycleOpenFeatureBench {

    private @Nullable DevCycleSdkEvaluator sdk;

    @Override
    protected FeatureProvider createProvider() throws Exception {
        DevCycleSdkEvaluator started = DevCycleSdkEvaluator.start(DevCycleConfigs.scenarios());
        sdk = started;
        return started.client().getOpenFeatureProvider();
    }

    @Override
    protected void cleanUp() {
        if (sdk != null) {
            sdk.close();
            sdk = null;
        }
    }
}
