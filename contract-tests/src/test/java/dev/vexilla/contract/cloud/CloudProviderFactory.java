package dev.vexilla.contract.cloud;

import dev.openfeature.sdk.FeatureProvider;
import dev.vexilla.cloud.CloudOptions;
import dev.vexilla.cloud.CloudProvider;
import dev.vexilla.cloud.Protocol;
import dev.vexilla.contract.steps.ProviderFactory;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * {@code CloudProvider} asking the runner's {@link SpecServer} over one protocol, without cache (so no answer is
 * {@code CACHED}) and without reading {@code OFREP_*} environment variables.
 */
public final class CloudProviderFactory implements ProviderFactory {

    /** Generous, so that a slow build machine never turns an answer into a timeout. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final Protocol protocol;

    /**
     * Creates a factory.
     *
     * @param protocol the protocol the providers speak
     */
    public CloudProviderFactory(Protocol protocol) {
        this.protocol = Objects.requireNonNull(protocol, "protocol");
    }

    @Override
    public FeatureProvider create() {
        return new CloudProvider(CloudOptions.builder()
                .sdkKey(SpecServer.SDK_KEY)
                .baseUrl(SpecServer.baseUri())
                .protocol(protocol)
                .requestTimeout(REQUEST_TIMEOUT)
                .environment(Map.of())
                .build());
    }

    @Override
    public String description() {
        return "CloudProvider (" + protocol + ", spec-flags_v6.json on a local bucketing server)";
    }
}
