package dev.vexilla.server.relay;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One version of a relayed config, accepted by the validator: the upstream's exact bytes, their compiled form and the
 * upstream's validators. Immutable.
 *
 * @param configName the local config name the key is served as
 * @param bytes the upstream's bytes, unmodified (callers must not modify them either)
 * @param compiled the validator's compiled form
 * @param etag the upstream's {@code ETag} header value as sent (quotes included), or null when it sent none
 * @param lastModified the upstream's {@code Last-Modified} header value as sent, or null when it sent none
 * @param fetchedAt when this version was downloaded
 * @param <C> the compiled form
 * @since 0.1.0
 */
public record RelayedConfig<C>(
        String configName,
        byte[] bytes,
        C compiled,
        @Nullable String etag,
        @Nullable String lastModified,
        Instant fetchedAt) {

    /**
     * Checks the members.
     *
     * @param configName the local config name
     * @param bytes the bytes
     * @param compiled the compiled form
     * @param etag the upstream's ETag, or null
     * @param lastModified the upstream's Last-Modified, or null
     * @param fetchedAt when it was downloaded
     */
    public RelayedConfig {
        Objects.requireNonNull(configName, "configName");
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(compiled, "compiled");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
    }

    /**
     * Returns the upstream's ETag.
     *
     * @return the header value as sent, or empty
     */
    public Optional<String> upstreamEtag() {
        return Optional.ofNullable(etag);
    }

    /**
     * Returns the upstream's Last-Modified.
     *
     * @return the header value as sent, or empty
     */
    public Optional<String> upstreamLastModified() {
        return Optional.ofNullable(lastModified);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RelayedConfig<?> other
                && configName.equals(other.configName)
                && Arrays.equals(bytes, other.bytes)
                && Objects.equals(etag, other.etag)
                && Objects.equals(lastModified, other.lastModified);
    }

    @Override
    public int hashCode() {
        return Objects.hash(configName, Arrays.hashCode(bytes), etag, lastModified);
    }

    @Override
    public String toString() {
        return "RelayedConfig{configName=" + configName + ", bytes=" + bytes.length + ", etag=" + etag
                + ", lastModified=" + lastModified + ", fetchedAt=" + fetchedAt + '}';
    }
}
