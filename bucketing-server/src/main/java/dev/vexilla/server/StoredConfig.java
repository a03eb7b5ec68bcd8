package dev.vexilla.server;

import java.time.Instant;
import java.util.Objects;

/**
 * One accepted version of one config as a source keeps it: the bytes, their ETag and the time it was accepted. The
 * accept time is stored with the version so that every server reading the same source reports the same
 * {@code Last-Modified} for it. Immutable (callers must not modify the bytes).
 *
 * @param name the config name
 * @param bytes the config JSON
 * @param etag {@link ServedConfig#etagOf(byte[])} of the bytes, without quotes
 * @param acceptedAt when this version was accepted
 */
record StoredConfig(String name, byte[] bytes, String etag, Instant acceptedAt) {

    StoredConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredConfig other
                && name.equals(other.name)
                && etag.equals(other.etag)
                && acceptedAt.equals(other.acceptedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, etag, acceptedAt);
    }

    @Override
    public String toString() {
        return "StoredConfig{name=" + name + ", etag=" + etag + ", bytes=" + bytes.length + ", acceptedAt=" + acceptedAt
                + "}";
    }
}
