package dev.vexilla.bench;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.openfeature.contrib.providers.ofrep.OfrepProvider;
import dev.openfeature.contrib.providers.ofrep.OfrepProviderOptions;
import dev.openfeature.sdk.FeatureProvider;
import dev.vexilla.cloud.CloudCache;
import dev.vexilla.cloud.CloudOptions;
import dev.vexilla.cloud.CloudProvider;
import dev.vexilla.cloud.Protocol;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** The providers of the network benchmarks, configured once here so that latency and scaling measure the same. */
final class LoopbackProviders {

    /** Entries of the measured cache: far more than the 1027 answers the scenarios need. */
    static final int CACHE_ENTRIES = 10_000;

    /** Lifetime of a cached answer: longer than any trial, so that every measured call is a hit. */
    static final Duration CACHE_TTL = Duration.ofHours(1);

    private LoopbackProviders() {}

    /**
     * Vexilla's {@link CloudProvider} with its defaults (500 ms deadline, 64 pooled connections, one retry), the
     * given protocol and cache, and an empty environment, so that {@code OFREP_*} variables of the shell cannot
     * change what is measured.
     *
     * @param baseUrl the server's base URL
     * @param sdkKey the SDK key
     * @param protocol the protocol
     * @param cache the cache
     * @return the provider, not yet initialised
     */
    static CloudProvider vexilla(URI baseUrl, String sdkKey, Protocol protocol, CloudCache cache) {
        return new CloudProvider(CloudOptions.builder()
                .sdkKey(sdkKey)
                .baseUrl(baseUrl)
                .protocol(protocol)
                .cache(cache)
                .environment(Map.of())
                .build());
    }

    /**
     * Vexilla's {@link CloudProvider} answering from its LRU cache (see {@link #CACHE_ENTRIES}, {@link #CACHE_TTL}).
     *
     * @param baseUrl the server's base URL
     * @param sdkKey the SDK key
     * @return the provider, not yet initialised
     */
    static CloudProvider vexillaCached(URI baseUrl, String sdkKey) {
        return vexilla(baseUrl, sdkKey, Protocol.BUCKETING_V1, CloudCache.lru(CACHE_ENTRIES, CACHE_TTL));
    }

    /**
     * The OpenFeature contrib OFREP provider ({@code dev.openfeature.contrib.providers:ofrep}) with its defaults
     * (the JDK's {@code HttpClient}, a five-thread executor, 10 s timeouts), the SDK key as a bearer token. It
     * appends {@code /ofrep/v1/evaluate/flags/<key>} to the base URL, so the URL's trailing slash is dropped.
     *
     * @param baseUrl the server's base URL
     * @param sdkKey the SDK key
     * @return the provider
     */
    static FeatureProvider ofrep(URI baseUrl, String sdkKey) {
        String base = baseUrl.toString();
        return OfrepProvider.constructProvider(OfrepProviderOptions.builder()
                .baseUrl(base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                .headers(ImmutableMap.of("Authorization", ImmutableList.of("Bearer " + sdkKey)))
                .build());
    }
}
