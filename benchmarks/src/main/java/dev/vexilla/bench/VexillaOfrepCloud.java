package dev.vexilla.bench;

import dev.openfeature.sdk.FeatureProvider;
import dev.vexilla.cloud.CloudCache;
import dev.vexilla.cloud.Protocol;
import java.net.URI;

/**
 * Vexilla's {@code CloudProvider} over OFREP ({@code POST /ofrep/v1/evaluate/flags/{key}}), cache off: every
 * evaluation is one request to the loopback server, the same route as {@link OfrepCloud}'s.
 */
public class VexillaOfrepCloud extends CloudBench {

    @Override
    protected FeatureProvider createProvider(URI baseUrl, String sdkKey) {
        return LoopbackProviders.vexilla(baseUrl, sdkKey, Protocol.OFREP, CloudCache.disabled());
    }
}
