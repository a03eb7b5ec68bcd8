package dev.vexilla.local.engine.internal;

import java.nio.charset.StandardCharsets;

/**
 * A small SHA-256 for the hashed comparators: {@code SHA256(UTF8(value) + suffix)} where the suffix (config salt
 * plus context salt) is encoded once at compile time. The digest is returned as eight big-endian words, compared
 * with the precompiled comparison hashes without building hex strings.
 */
public final class Sha256 {

    private static final int[] K = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
    };

    private Sha256() {}

    /**
     * Hashes a string followed by a byte suffix.
     *
     * @param value the text, encoded as UTF-8
     * @param suffix bytes appended after the text
     * @return the digest as eight words
     */
    public static int[] digest(String value, byte[] suffix) {
        byte[] v = value.getBytes(StandardCharsets.UTF_8);
        return digest(v, 0, v.length, suffix);
    }

    /**
     * Hashes a slice of bytes followed by a byte suffix.
     *
     * @param bytes the source bytes
     * @param from the first byte of the slice
     * @param length the slice length
     * @param suffix bytes appended after the slice
     * @return the digest as eight words
     */
    public static int[] digest(byte[] bytes, int from, int length, byte[] suffix) {
        byte[] msg = new byte[(length + suffix.length + 8) / 64 * 64 + 64];
        System.arraycopy(bytes, from, msg, 0, length);
        System.arraycopy(suffix, 0, msg, length, suffix.length);
        int len = length + suffix.length;
        msg[len] = (byte) 0x80;
        long bits = (long) len << 3;
        for (int i = 0; i < 8; i++) {
            msg[msg.length - 1 - i] = (byte) (bits >>> (8 * i));
        }
        int[] h = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
        int[] w = new int[64];
        for (int off = 0; off < msg.length; off += 64) {
            compress(msg, off, w, h);
        }
        return h;
    }

    private static void compress(byte[] msg, int off, int[] w, int[] h) {
        for (int t = 0; t < 16; t++) {
            int i = off + 4 * t;
            w[t] = (msg[i] & 0xff) << 24 | (msg[i + 1] & 0xff) << 16 | (msg[i + 2] & 0xff) << 8 | (msg[i + 3] & 0xff);
        }
        for (int t = 16; t < 64; t++) {
            int s0 = Integer.rotateRight(w[t - 15], 7) ^ Integer.rotateRight(w[t - 15], 18) ^ (w[t - 15] >>> 3);
            int s1 = Integer.rotateRight(w[t - 2], 17) ^ Integer.rotateRight(w[t - 2], 19) ^ (w[t - 2] >>> 10);
            w[t] = w[t - 16] + s0 + w[t - 7] + s1;
        }
        int a = h[0];
        int b = h[1];
        int c = h[2];
        int d = h[3];
        int e = h[4];
        int f = h[5];
        int g = h[6];
        int hh = h[7];
        for (int t = 0; t < 64; t++) {
            int s1 = Integer.rotateRight(e, 6) ^ Integer.rotateRight(e, 11) ^ Integer.rotateRight(e, 25);
            int ch = (e & f) ^ (~e & g);
            int t1 = hh + s1 + ch + K[t] + w[t];
            int s0 = Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22);
            int maj = (a & b) ^ (a & c) ^ (b & c);
            int t2 = s0 + maj;
            hh = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }
        h[0] += a;
        h[1] += b;
        h[2] += c;
        h[3] += d;
        h[4] += e;
        h[5] += f;
        h[6] += g;
        h[7] += hh;
    }

    /**
     * Parses a lower-case 64-digit hex digest, the form ConfigCat stores hashed comparison values in.
     *
     * @param hex the text
     * @return the eight words, or {@code null} when the text is not 64 lower-case hex digits (it can never match)
     */
    public static int @org.jspecify.annotations.Nullable [] parseHex(String hex) {
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
    public static String toHex(int[] digest) {
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
