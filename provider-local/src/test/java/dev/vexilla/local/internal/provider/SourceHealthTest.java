package dev.vexilla.local.internal.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vexilla.model.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

final class SourceHealthTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final List<String> signals = new CopyOnWriteArrayList<>();
    private final SourceHealth health = new SourceHealth(clock, Duration.ofSeconds(60), new ProviderSignals() {
        @Override
        public void ready() {
            signals.add("READY");
        }

        @Override
        public void configurationChanged(Set<String> flagsChanged) {
            signals.add("CHANGED");
        }

        @Override
        public void stale(String message) {
            signals.add("STALE " + message);
        }

        @Override
        public void error(String message, boolean fatal) {
            signals.add((fatal ? "FATAL " : "ERROR ") + message);
        }
    });

    @Test
    void failuresWithAConfig_areStaleOnce_thenErrorAfterTheGracePeriod_thenReadyOnRecovery() {
        health.failed("503", true);
        clock.advance(Duration.ofSeconds(30));
        health.failed("503", true);
        clock.advance(Duration.ofSeconds(30));
        health.failed("reset", true);
        health.failed("reset", true);
        health.succeeded();
        health.succeeded();
        assertThat(signals).containsExactly("STALE 503", "ERROR reset", "READY");
        assertThat(health.state()).isEqualTo(SourceHealth.State.OK);
    }

    @Test
    void failureWithoutAConfig_isErrorAtOnce() {
        health.failed("refused", false);
        health.failed("refused", false);
        assertThat(signals).containsExactly("ERROR refused");
    }

    @Test
    void permanentFailure_isFatalOnce_andNothingChangesAfterwards() {
        health.failed("500", true);
        health.failedPermanently("401");
        health.failedPermanently("401");
        health.succeeded();
        health.failed("500", true);
        assertThat(signals).containsExactly("STALE 500", "FATAL 401");
        assertThat(health.state()).isEqualTo(SourceHealth.State.FATAL);
    }

    @Test
    void failedInitialisation_makesTheNextSuccessSignalReady() {
        health.initialisationFailed();
        health.succeeded();
        assertThat(signals).containsExactly("READY");
    }

    @Test
    void graceRestartsAfterARecovery() {
        health.failed("a", true);
        clock.advance(Duration.ofSeconds(59));
        health.succeeded();
        clock.advance(Duration.ofSeconds(10));
        health.failed("b", true);
        assertThat(signals).containsExactly("STALE a", "READY", "STALE b");
    }
}
