package dev.vexilla.server.relay;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The health of one relayed config, for {@code /readyz} and logs. Immutable.
 *
 * @param configName the local config name
 * @param loaded true once a version has been accepted (it keeps serving whatever happens upstream)
 * @param streaming true while the upstream's change stream is open
 * @param lastSuccess when the upstream last answered with a usable config or a 304, or null before that
 * @param lastFailure why the last attempt failed (no key in it), or null when the last attempt succeeded
 * @param lastFailureAt when the last attempt failed, or null when it succeeded
 * @since 0.1.0
 */
public record RelayStatus(
        String configName,
        boolean loaded,
        boolean streaming,
        @Nullable Instant lastSuccess,
        @Nullable String lastFailure,
        @Nullable Instant lastFailureAt) {

    /**
     * Checks the members.
     *
     * @param configName the local config name
     * @param loaded whether a version was accepted
     * @param streaming whether the stream is open
     * @param lastSuccess the last success, or null
     * @param lastFailure the last failure's reason, or null
     * @param lastFailureAt the last failure's time, or null
     */
    public RelayStatus {
        Objects.requireNonNull(configName, "configName");
    }

    /**
     * Tells whether the last attempt to reach the upstream succeeded.
     *
     * @return true when there is no failure since the last success
     */
    public boolean healthy() {
        return lastFailure == null;
    }

    /**
     * Returns why the last attempt failed.
     *
     * @return the reason, or empty when it succeeded
     */
    public Optional<String> failure() {
        return Optional.ofNullable(lastFailure);
    }

    RelayStatus succeeded(Instant at, boolean nowLoaded) {
        return new RelayStatus(configName, loaded || nowLoaded, streaming, at, null, null);
    }

    RelayStatus failed(String reason, Instant at) {
        return new RelayStatus(configName, loaded, streaming, lastSuccess, reason, at);
    }

    RelayStatus streaming(boolean open) {
        return new RelayStatus(configName, loaded, open, lastSuccess, lastFailure, lastFailureAt);
    }
}
