package dev.vexilla.bench;

import dev.openfeature.sdk.FeatureProvider;
import java.net.URI;

/**
 * Vexilla's {@code CloudProvider} with its LRU cache on ({@code CloudCache.lru}), measured on the hit path: the
 * setup's checks fill the cache (s1, s2, s4 for the main user, s3 for all 1024 users) and require reason
 * {@code CACHED} afterwards, so every measured call with the same context is answered without a request. A hit still
 * maps the context to a user and serialises it, because the cache key holds the whole user. The column is compared
 * with {@link VexillaLocalOpenFeature}, which evaluates the same config in-process.
 */
public class VexillaCachedCloud extends CloudBench {

    @Override
    protected FeatureProvider createProvider(URI baseUrl, String sdkKey) {
        return LoopbackProviders.vexillaCached(baseUrl, sdkKey);
    }

    @Override
    protected boolean servesFromCache() {
        return true;
    }
}
