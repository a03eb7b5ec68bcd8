package dev.vexilla.providers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openfeature.sdk.FeatureProvider;
import dev.vexilla.cloud.CloudProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** Runs alone: it sets process-wide system properties, which {@link VexillaProviders#fromEnvironment()} reads. */
@Isolated
final class FromEnvironmentTest {

    @Test
    void fromEnvironmentReadsTheSystemProperties() {
        System.setProperty("vexilla.mode", "cloud");
        System.setProperty("vexilla.sdk.key", "srv-7f3c0e5b9a1d4c8e8b2a6f0d3e9c1a7b");
        System.setProperty("vexilla.base.url", "http://127.0.0.1:9");
        FeatureProvider provider;
        try {
            provider = VexillaProviders.fromEnvironment();
        } finally {
            System.clearProperty("vexilla.mode");
            System.clearProperty("vexilla.sdk.key");
            System.clearProperty("vexilla.base.url");
        }
        try {
            assertThat(provider).isInstanceOf(CloudProvider.class);
        } finally {
            provider.shutdown();
        }
    }
}
