package dev.vexilla.engine.configcat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * SHA-256 for the hashed comparators: {@code SHA256(UTF8(value) + suffix)} where the suffix (config salt plus
 * context salt) is encoded once at compile time. Uses the platform digest (pooled instances, so the common case
 * allocates only the small input and result arrays). The digest is returned as eight big-endian words, compared
 * with the precompiled comparison hashes without building hex strings.
 */
final class Sha256 {

    private static final int SLOTS = 64;
    private static final AtomicReferenceArray<MessageDigest> POOL = new AtomicReferenceArray<>(SLOTS);

    private Sha256() {}

    /**
     * Hashes a string followed by a byte suffix.
     *
     * @param value the text, encoded as UTF-8
     * @param suffix bytes appended after the text
     * @return the digest as eight words
     */
    static int[] digest(String value, byte[] suffix) {
        byte[] v = value.getBytes(StandardCharsets.UTF_8);
        return digest(v, 0, v.length, suffix);
    }

    /**
     * Hashes a slice of bytes followed by a byte suffix with the platform's SHA-256 (a CPU intrinsic on most
     * machines), reusing a pooled digest instance when one is free.
     *
     * @param bytes the source bytes
     * @param from the first byte of the slice
     * @param length the slice length
     * @param suffix bytes appended after the slice
     * @return the digest as eight words
     */
    static int[] digest(byte[] bytes, int from, int length, byte[] suffix) {
        int slot = (int) Thread.currentThread().getId() & (SLOTS - 1);
        MessageDigest md = POOL.getAndSet(slot, null);
        if (md == null) {
            md = newDigest();
        }
        try {
            md.update(bytes, from, length);
            byte[] out = md.digest(suffix);
            int[] words = new int[8];
            for (int i = 0; i < 32; i++) {
                words[i >> 2] = (words[i >> 2] << 8) | (out[i] & 0xff);
            }
            return words;
        } finally {
            md.reset();
            POOL.set(slot, md);
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /**
     * Parses a lower-case 64-digit hex digest, the form ConfigCat stores hashed comparison values in.
     *
     * @param hex the text
     * @return the eight words, or {@code null} when the text is not 64 lower-case hex digits (it can never match)
     */
    static int @org.jspecify.annotations.Nullable [] parseHex(String hex) {
        if (hex.length() != 64) {
            return null;
        }
        int[] out = new int[8];
        for (int i = 0; i < 64; i++) {
            char ch = hex.charAt(i);
            int v;
            if (ch >= '0' && ch <= '9') {
                v = ch - '0';
            } else if (ch >= 'a' && ch <= 'f') {
                v = ch - 'a' + 10;
            } else {
                return null;
            }
            out[i >> 3] = (out[i >> 3] << 4) | v;
        }
        return out;
    }

    /**
     * Formats a digest as lower-case hex.
     *
     * @param digest eight words
     * @return 64 hex digits
     */
    static String toHex(int[] digest) {
        StringBuilder sb = new StringBuilder(64);
        for (int word : digest) {
            String s = Integer.toHexString(word);
            for (int i = s.length(); i < 8; i++) {
                sb.append('0');
            }
            sb.append(s);
        }
        return sb.toString();
    }
}
