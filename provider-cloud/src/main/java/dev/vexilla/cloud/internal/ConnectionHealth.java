package dev.vexilla.cloud.internal;

import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.ProviderEvent;
import dev.openfeature.sdk.ProviderEventDetails;
import java.time.Clock;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the outcomes of exchanges with the server into provider events.
 *
 * <p>The first failed exchange (timeout, connection error, 5xx) after a good one emits STALE; a failure when failures
 * have lasted the grace period emits ERROR ({@code GENERAL}); the next answered exchange emits READY. A refused key
 * (401/403) emits ERROR with {@code PROVIDER_FATAL} once and is final: {@link #isFatal()} stays true. A 429 blocks
 * requests until its retry time without changing the state. Each transition is logged once (WARN for recoverable
 * failures, ERROR for fatal), never once per failed request.
 *
 * <p>Thread-safe: reads are volatile, transitions are synchronized; the event sink is called under the lock, so it
 * must not block (OpenFeature's {@code emit} hands events to its own executor).
 */
public final class ConnectionHealth {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionHealth.class);

    /** The provider's connection state. */
    public enum State {
        /** The last exchange was answered. */
        READY,
        /** Exchanges fail, within the grace period. */
        STALE,
        /** Exchanges have failed for longer than the grace period. */
        ERROR,
        /** The key was refused; no further requests. */
        FATAL
    }

    private final Clock clock;
    private final long graceMillis;
    private final BiConsumer<ProviderEvent, ProviderEventDetails> events;
    private volatile State state = State.READY;
    private volatile long retryAtMillis;
    private long failingSinceMillis;

    /**
     * Creates a tracker in state READY.
     *
     * @param clock the clock
     * @param graceMillis how long failures last before ERROR
     * @param events where events go (the provider's {@code emit})
     */
    public ConnectionHealth(Clock clock, long graceMillis, BiConsumer<ProviderEvent, ProviderEventDetails> events) {
        this.clock = clock;
        this.graceMillis = graceMillis;
        this.events = events;
    }

    /**
     * Records the outcome of one exchange.
     *
     * @param answer the answer
     */
    public void record(RemoteAnswer answer) {
        switch (answer.outcome()) {
            case ANSWERED:
                if (state != State.READY) {
                    recovered();
                }
                break;
            case RATE_LIMITED:
                rateLimited(answer.retryAtMillis());
                break;
            case FATAL:
                fatal(String.valueOf(answer.result().errorMessage()));
                break;
            default:
                failed(String.valueOf(answer.result().errorMessage()));
        }
    }

    /**
     * Tells whether the key was refused.
     *
     * @return {@code true} after a 401 or 403
     */
    public boolean isFatal() {
        return state == State.FATAL;
    }

    /**
     * Tells whether requests must wait for a 429's {@code Retry-After}.
     *
     * @return {@code true} before the retry time
     */
    public boolean isRateLimited() {
        long at = retryAtMillis;
        return at != 0 && clock.millis() < at;
    }

    /**
     * Returns the current state.
     *
     * @return the state
     */
    public State state() {
        return state;
    }

    /**
     * Marks a failed initialization without an event (OpenFeature sets ERROR or FATAL itself when
     * {@code initialize} throws): a refused key becomes FATAL for good; otherwise the state becomes ERROR, so the
     * next answered exchange emits READY.
     *
     * @param fatal whether the key was refused
     * @param message what failed, for the log
     */
    public synchronized void initializationFailed(boolean fatal, String message) {
        if (state == State.FATAL) {
            return;
        }
        if (fatal) {
            LOG.error("Bucketing server refused the SDK key; the provider stops sending requests: {}", message);
        } else {
            LOG.warn("Bucketing server not reachable during initialization, will retry with evaluations: {}", message);
        }
        state = fatal ? State.FATAL : State.ERROR;
    }

    private synchronized void recovered() {
        if (state == State.READY || state == State.FATAL) {
            return;
        }
        LOG.info("Bucketing server reachable again; the provider is READY");
        state = State.READY;
        events.accept(
                ProviderEvent.PROVIDER_READY,
                ProviderEventDetails.builder()
                        .message("the bucketing server answers again")
                        .build());
    }

    private synchronized void rateLimited(long until) {
        if (until > retryAtMillis) {
            retryAtMillis = until;
            LOG.warn("Bucketing server rate-limited this client (429); no requests for {} ms", until - clock.millis());
        }
    }

    private synchronized void fatal(String message) {
        if (state == State.FATAL) {
            return;
        }
        LOG.error("Bucketing server refused the SDK key; the provider stops sending requests: {}", message);
        state = State.FATAL;
        events.accept(
                ProviderEvent.PROVIDER_ERROR,
                ProviderEventDetails.builder()
                        .message(message)
                        .errorCode(ErrorCode.PROVIDER_FATAL)
                        .build());
    }

    private synchronized void failed(String message) {
        long now = clock.millis();
        if (state == State.READY) {
            LOG.warn("Bucketing server unavailable, will retry with the next evaluations: {}", message);
            state = State.STALE;
            failingSinceMillis = now;
            events.accept(
                    ProviderEvent.PROVIDER_STALE,
                    ProviderEventDetails.builder().message(message).build());
        }
        if (state == State.STALE && now - failingSinceMillis >= graceMillis) {
            LOG.warn("Bucketing server unavailable for {} ms; the provider is in ERROR: {}", graceMillis, message);
            state = State.ERROR;
            events.accept(
                    ProviderEvent.PROVIDER_ERROR,
                    ProviderEventDetails.builder()
                            .message(message)
                            .errorCode(ErrorCode.GENERAL)
                            .build());
        }
    }
}
