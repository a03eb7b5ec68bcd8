package dev.vexilla.bench;

import dev.openfeature.sdk.FeatureProvider;
import dev.vexilla.cloud.CloudCache;
import dev.vexilla.cloud.Protocol;
import java.net.URI;

/**
 * Throughput of Vexilla's {@code CloudProvider} over OFREP, cache off, at one and eight threads sharing the
 * provider.
 */
public class VexillaOfrepScaling extends ScalingBench {

    @Override
    protected FeatureProvider createProvider(URI baseUrl, String sdkKey) {
        return LoopbackProviders.vexilla(baseUrl, sdkKey, Protocol.OFREP, CloudCache.disabled());
    }
}
