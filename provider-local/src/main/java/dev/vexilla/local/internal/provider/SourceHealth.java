package dev.vexilla.local.internal.provider;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the outcomes of config downloads into provider state transitions, each signalled once: READY on success
 * after trouble; STALE on the first transient failure while a config is served; ERROR once the failures have lasted
 * the grace period (or at once when there is no config to serve); ERROR with FATAL on a permanent failure, after
 * which nothing changes any more. Logs once per transition (WARN "will retry", ERROR "giving up"), never per retry.
 *
 * <p>Thread-safe (synchronized; called from background threads and {@code forceRefresh} callers).
 */
final class SourceHealth {

    private static final Logger LOG = LoggerFactory.getLogger("dev.vexilla.local.LocalProvider");

    enum State {
        OK,
        STALE,
        ERROR,
        FATAL
    }

    private final Clock clock;
    private final Duration gracePeriod;
    private final ProviderSignals signals;
    private State state = State.OK;
    private @Nullable Instant failingSince;

    SourceHealth(Clock clock, Duration gracePeriod, ProviderSignals signals) {
        this.clock = clock;
        this.gracePeriod = gracePeriod;
        this.signals = signals;
    }

    synchronized State state() {
        return state;
    }

    /** Initialisation ended without a config: the next success must signal READY. */
    synchronized void initialisationFailed() {
        if (state == State.OK) {
            state = State.ERROR;
        }
    }

    /** A download succeeded (200 or 304) or a config was installed. */
    synchronized void succeeded() {
        if (state == State.FATAL) {
            return;
        }
        failingSince = null;
        if (state != State.OK) {
            state = State.OK;
            LOG.info("Config source recovered; serving fresh flags again");
            signals.ready();
        }
    }

    /**
     * A download failed in a way worth retrying.
     *
     * @param message what went wrong (no secrets)
     * @param hasConfig whether a config is being served
     */
    synchronized void failed(String message, boolean hasConfig) {
        if (state == State.FATAL) {
            return;
        }
        Instant now = clock.instant();
        if (failingSince == null) {
            failingSince = now;
        }
        boolean graceOver = Duration.between(failingSince, now).compareTo(gracePeriod) >= 0;
        if ((graceOver || !hasConfig) && state != State.ERROR) {
            state = State.ERROR;
            LOG.warn("Config source failing{}: {}; will retry", hasConfig ? " beyond the grace period" : "", message);
            signals.error(message, false);
        } else if (state == State.OK && hasConfig) {
            state = State.STALE;
            LOG.warn("Config download failed: {}; serving the last good config, will retry", message);
            signals.stale(message);
        }
    }

    /**
     * A download failed for good (the SDK key is wrong).
     *
     * @param message what went wrong (no secrets)
     */
    synchronized void failedPermanently(String message) {
        if (state == State.FATAL) {
            return;
        }
        state = State.FATAL;
        LOG.error("Config download failed permanently: {}; giving up (check the SDK key)", message);
        signals.error(message, true);
    }
}
