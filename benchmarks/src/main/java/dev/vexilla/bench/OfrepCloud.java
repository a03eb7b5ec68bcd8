package dev.vexilla.bench;

import dev.openfeature.sdk.FeatureProvider;
import java.net.URI;

/**
 * The OpenFeature contrib OFREP provider ({@code dev.openfeature.contrib.providers:ofrep}) with its defaults against
 * the server's OFREP route: the peer the cache-off columns are compared with.
 */
public class OfrepCloud extends CloudBench {

    @Override
    protected FeatureProvider createProvider(URI baseUrl, String sdkKey) {
        return LoopbackProviders.ofrep(baseUrl, sdkKey);
    }
}
