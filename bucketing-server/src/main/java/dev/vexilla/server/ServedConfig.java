package dev.vexilla.server;

import dev.vexilla.engine.FlagConfig;
import dev.vexilla.engine.FlagModel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * One version of one config as the server serves it: the exact bytes, their strong ETag, the compiled form from
 * the {@link ConfigValidator}, and a version number that grows by one with every accepted change. Immutable.
 *
 * @param name the config name
 * @param bytes the served JSON, never modified (callers must not modify it either)
 * @param etag the opaque tag: unpadded base64url of the SHA-256 of {@code bytes}, without quotes
 * @param compiled the validator's compiled form
 * @param version 1 for the first accepted version, then +1 per accepted change
 * @param loadedAt when this version was accepted
 * @param <C> the compiled form
 */
record ServedConfig<C>(String name, byte[] bytes, String etag, C compiled, long version, Instant loadedAt) {

    ServedConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(compiled, "compiled");
        Objects.requireNonNull(loadedAt, "loadedAt");
    }

    /**
     * Computes the ETag of some bytes.
     *
     * @param bytes the served bytes
     * @return unpadded base64url SHA-256, 43 characters
     */
    static String etagOf(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    /**
     * Returns the ETag as an HTTP header value: the tag in double quotes (a strong validator).
     *
     * @return the quoted tag
     */
    String etagHeader() {
        return '"' + etag + '"';
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServedConfig<?> other
                && name.equals(other.name)
                && Arrays.equals(bytes, other.bytes)
                && version == other.version;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, etag, version);
    }

    @Override
    public String toString() {
        return "ServedConfig{name=" + name + ", etag=" + etag + ", version=" + version + ", bytes=" + bytes.length
                + ", loadedAt=" + loadedAt + "}";
    }

    /**
     * Tells whether this is a DevCycle config v2, which the server serves and evaluates on DevCycle's wire (its CDN
     * path, its stream frames, its Bucketing API semantics).
     *
     * @return true when the compiled form is the engine's DevCycle model
     */
    boolean isDevCycle() {
        return compiled instanceof FlagConfig flags && flags.model() == FlagModel.DEVCYCLE_V2;
    }

    /**
     * Returns the bytes as text, for tests and logs of small configs.
     *
     * @return the JSON text
     */
    String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
