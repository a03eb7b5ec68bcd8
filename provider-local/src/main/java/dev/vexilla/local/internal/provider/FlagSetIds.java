package dev.vexilla.local.internal.provider;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Derives the non-secret flag set id of a config from its SDK key. Static only. */
final class FlagSetIds {

    /** Hex digits of the SHA-256 of the key kept in the id: 64 bits, enough to tell configs apart, useless to attack. */
    static final int LENGTH = 16;

    private FlagSetIds() {}

    /**
     * Returns the id of the config downloaded with a key: the first {@value #LENGTH} hex digits of its SHA-256.
     *
     * @param sdkKey the SDK key
     * @return the id, never the key
     */
    static String of(String sdkKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sdkKey.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder(LENGTH);
            for (int i = 0; i < LENGTH / 2; i++) {
                sb.append(Character.forDigit((digest[i] >> 4) & 0xf, 16))
                        .append(Character.forDigit(digest[i] & 0xf, 16));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
