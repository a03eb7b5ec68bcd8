package dev.vexilla.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * Derives the non-secret flag set id ({@link FlagMetadata#FLAG_SET_ID}) of a config from the SDK key that reads it.
 *
 * <p>Both providers and the bucketing server use this one function, so an evaluation carries the same
 * {@code flagSetId} whether {@code LocalProvider} downloaded the config with a key or the server evaluated it for a
 * request presenting that key. The id is the first {@value #LENGTH} hex digits of the key's SHA-256: 64 bits, enough
 * to tell configs apart in logs and metrics, and useless for recovering the key.
 *
 * <pre>{@code
 * FlagMetadata meta = FlagMetadata.of(etag, FlagSetIds.of(sdkKey), fetchTime);
 * }</pre>
 *
 * <p>Thread-safe: the class holds no state.
 *
 * @since 0.1.0
 */
public final class FlagSetIds {

    /** How many lowercase hex digits of the key's SHA-256 the id keeps. */
    public static final int LENGTH = 16;

    private FlagSetIds() {}

    /**
     * Returns the flag set id of the config read with an SDK key.
     *
     * @param sdkKey the SDK key, as sent in the {@code Authorization} header
     * @return {@value #LENGTH} lowercase hex digits; never contains the key
     * @throws NullPointerException if {@code sdkKey} is null
     */
    public static String of(String sdkKey) {
        Objects.requireNonNull(sdkKey, "sdkKey");
        byte[] digest = sha256(sdkKey.getBytes(StandardCharsets.UTF_8));
        StringBuilder sb = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH / 2; i++) {
            sb.append(Character.forDigit((digest[i] >> 4) & 0xf, 16)).append(Character.forDigit(digest[i] & 0xf, 16));
        }
        return sb.toString();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
