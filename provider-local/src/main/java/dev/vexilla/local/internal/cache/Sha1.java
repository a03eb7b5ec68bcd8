package dev.vexilla.local.internal.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-1 as lower-case hex; SHA-1 is what ConfigCat's cache key uses, not a security measure here. */
final class Sha1 {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Sha1() {}

    static String hex(String text) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every Java platform", e);
        }
        byte[] hash = digest.digest(text.getBytes(StandardCharsets.UTF_8));
        char[] out = new char[hash.length * 2];
        for (int i = 0; i < hash.length; i++) {
            out[2 * i] = HEX[(hash[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[hash[i] & 0xF];
        }
        return new String(out);
    }
}
