package dev.vexilla.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openfeature.sdk.EventDetails;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.ProviderEvent;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Collects the provider events an isolated OpenFeature API dispatches, for assertions with bounded waits. */
final class EventLog {

    /** One observed event. */
    static final class Seen {
        final ProviderEvent event;
        final EventDetails details;

        Seen(ProviderEvent event, EventDetails details) {
            this.event = event;
            this.details = details;
        }

        @Override
        public String toString() {
            return event + " " + details.getErrorCode() + " " + details.getFlagsChanged() + " " + details.getMessage();
        }
    }

    private final BlockingQueue<Seen> queue = new LinkedBlockingQueue<>();

    EventLog(OpenFeatureAPI api) {
        api.onProviderReady(d -> queue.add(new Seen(ProviderEvent.PROVIDER_READY, d)));
        api.onProviderStale(d -> queue.add(new Seen(ProviderEvent.PROVIDER_STALE, d)));
        api.onProviderError(d -> queue.add(new Seen(ProviderEvent.PROVIDER_ERROR, d)));
        api.onProviderConfigurationChanged(d -> queue.add(new Seen(ProviderEvent.PROVIDER_CONFIGURATION_CHANGED, d)));
    }

    /** Waits up to 10 s for the next event and checks its kind. */
    Seen next(ProviderEvent expected) {
        Seen seen;
        try {
            seen = queue.poll(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        assertThat(seen).as("an event %s within 10 s", expected).isNotNull();
        assertThat(seen.event).as("event %s", seen).isEqualTo(expected);
        return seen;
    }

    /** Checks that no event arrives within a short quiet period. */
    void assertQuiet() {
        try {
            Seen seen = queue.poll(300, TimeUnit.MILLISECONDS);
            assertThat(seen).as("no further event").isNull();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
