package dev.vexilla.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openfeature.sdk.ProviderEventDetails;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** What a provider emits for the change stream's reports (cache drops are covered by {@code CloudCacheTest}). */
final class ChangeEventsTest {
    private final List<ProviderEventDetails> emitted = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ChangeEvents events = new ChangeEvents(null, closed::get, emitted::add);

    @Test
    void listedFlagsBecomeTheEventsFlagsChanged() {
        events.configChanged(new TreeSet<>(Set.of("b", "a")));

        assertThat(emitted).singleElement().satisfies(d -> {
            assertThat(d.getFlagsChanged()).containsExactly("a", "b");
            assertThat(d.getMessage()).isEqualTo(ChangeEvents.MESSAGE);
        });
    }

    @Test
    void anUnlistedChangeEmitsAnEventWithoutFlagsChanged() {
        events.configChanged(null);

        assertThat(emitted).singleElement().satisfies(d -> {
            assertThat(d.getFlagsChanged()).isNull();
            assertThat(d.getMessage()).isEqualTo(ChangeEvents.MESSAGE_UNLISTED);
        });
    }

    @Test
    void aChangeThatAltersNoFlagAndAReconnectEmitNothing() {
        events.configChanged(Set.of());
        events.connected();

        assertThat(emitted).isEmpty();
    }

    @Test
    void nothingIsEmittedAfterShutdown() {
        closed.set(true);

        events.configChanged(Set.of("a"));
        events.configChanged(null);

        assertThat(emitted).isEmpty();
    }
}
