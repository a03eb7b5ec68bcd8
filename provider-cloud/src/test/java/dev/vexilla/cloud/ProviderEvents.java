package dev.vexilla.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.EventDetails;
import dev.openfeature.sdk.FeatureProvider;
import dev.openfeature.sdk.NoOpProvider;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.ProviderEvent;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Binds a provider to its own OpenFeature domain and records the events its client sees, as {@code "STALE"},
 * {@code "ERROR"}, {@code "READY"}, and the details of every {@code PROVIDER_CONFIGURATION_CHANGED}.
 */
final class ProviderEvents implements AutoCloseable {
    private final String domain = "cloud-test-" + UUID.randomUUID();
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final BlockingQueue<EventDetails> changes = new LinkedBlockingQueue<>();
    private final Client client;

    ProviderEvents(FeatureProvider provider, boolean wait) {
        OpenFeatureAPI api = OpenFeatureAPI.getInstance();
        client = api.getClient(domain);
        for (ProviderEvent e :
                List.of(ProviderEvent.PROVIDER_READY, ProviderEvent.PROVIDER_STALE, ProviderEvent.PROVIDER_ERROR)) {
            client.on(e, details -> seen.add(name(e, details)));
        }
        client.onProviderConfigurationChanged(changes::add);
        if (wait) {
            api.setProviderAndWait(domain, provider);
            // handlers run on the SDK's executor: let the initial READY arrive before the test provokes more
            awaitLast("READY");
        } else {
            api.setProvider(domain, provider);
        }
    }

    private static String name(ProviderEvent e, EventDetails details) {
        // OpenFeature 1.22 does not pass the provider's error code on to client handlers; tests check the client's
        // provider state (FATAL after a PROVIDER_FATAL error) instead.
        return e.name().substring("PROVIDER_".length());
    }

    Client client() {
        return client;
    }

    List<String> seen() {
        return seen;
    }

    /** Returns the configuration changes seen and not yet taken, oldest first. */
    BlockingQueue<EventDetails> changes() {
        return changes;
    }

    /** Takes the next configuration change, waiting at most 60 s for it. */
    EventDetails nextChange() throws InterruptedException {
        EventDetails next = changes.poll(60, TimeUnit.SECONDS);
        assertThat(next)
                .as("a PROVIDER_CONFIGURATION_CHANGED event within 60 s")
                .isNotNull();
        return next;
    }

    /** Waits until the events seen so far end with {@code expected}. */
    void awaitLast(String expected) {
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(seen).isNotEmpty().last().isEqualTo(expected));
    }

    @Override
    public void close() {
        OpenFeatureAPI.getInstance().setProvider(domain, new NoOpProvider());
    }
}
