package dev.vexilla.bench;

import dev.openfeature.sdk.FeatureProvider;
import java.net.URI;

/**
 * Throughput of the OpenFeature contrib OFREP provider at one and eight threads sharing the provider.
 */
public class OfrepScaling extends ScalingBench {

    @Override
    protected FeatureProvider createProvider(URI baseUrl, String sdkKey) {
        return LoopbackProviders.ofrep(baseUrl, sdkKey);
    }
}
