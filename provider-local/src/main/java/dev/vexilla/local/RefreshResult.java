package dev.vexilla.local;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of {@link LocalProvider#forceRefresh()}: success (a new config, or the server confirmed the one held),
 * or the reason the refresh failed.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class RefreshResult {

    private static final RefreshResult SUCCESS = new RefreshResult(null);

    private final @Nullable String error;

    private RefreshResult(@Nullable String error) {
        this.error = error;
    }

    /**
     * Returns the successful result.
     *
     * @return the shared success instance
     */
    public static RefreshResult success() {
        return SUCCESS;
    }

    /**
     * Returns a failed result.
     *
     * @param error why the refresh failed; never contains the SDK key
     * @return the result
     */
    public static RefreshResult failure(String error) {
        return new RefreshResult(Objects.requireNonNull(error, "error"));
    }

    /**
     * Tells whether the refresh succeeded.
     *
     * @return {@code true} on success
     */
    public boolean isSuccess() {
        return error == null;
    }

    /**
     * Returns why the refresh failed.
     *
     * @return the error message, empty on success
     */
    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof RefreshResult && Objects.equals(error, ((RefreshResult) o).error);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(error);
    }

    @Override
    public String toString() {
        return error == null ? "RefreshResult{success}" : "RefreshResult{failure: " + error + "}";
    }
}
