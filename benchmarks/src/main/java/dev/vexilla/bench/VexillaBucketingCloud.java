package dev.vexilla.bench;

import dev.openfeature.sdk.FeatureProvider;
import dev.vexilla.cloud.CloudCache;
import dev.vexilla.cloud.Protocol;
import java.net.URI;

/**
 * Vexilla's {@code CloudProvider} over DevCycle's Bucketing API v1 ({@code POST /v1/variables/{key}}), cache off:
 * every evaluation is one request to the loopback server.
 */
public class VexillaBucketingCloud extends CloudBench {

    @Override
    protected FeatureProvider createProvider(URI baseUrl, String sdkKey) {
        return LoopbackProviders.vexilla(baseUrl, sdkKey, Protocol.BUCKETING_V1, CloudCache.disabled());
    }
}
