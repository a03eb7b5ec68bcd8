package dev.vexilla.local.engine.internal;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * An allocation-free SHA-1 for percentage bucketing. {@link #bucket(String, String)} prefers the platform digest
 * through a small pool of preallocated scratch buffers and falls back to the portable implementation in this class, which hashes the UTF-8 bytes of the flag key followed by the attribute
 * value without building the concatenated message. ASCII-only strings are read char by char; other strings are
 * encoded once (the only allocation, on that rare path).
 *
 * <p>The 80 rounds are written out (generated, not hand-edited) with the message schedule in 16 local variables,
 * so no work array is allocated and no round branches on its index.
 */
public final class Sha1 {

    private Sha1() {}

    /** Scratch slots; a thread uses the slot of its id, or the portable hash when that slot is busy. */
    private static final int SLOTS = 64;

    private static final int MAX_BUFFERED = 256;

    /** Returned by a scratch for non-ASCII text (a real first word of this value only costs the fallback). */
    private static final int NOT_ASCII = 0x0BADC0DE;

    private static final AtomicReferenceArray<Scratch> POOL = new AtomicReferenceArray<>(SLOTS);

    static {
        for (int i = 0; i < SLOTS; i++) {
            Scratch scratch = Scratch.create();
            if (scratch == null) {
                break;
            }
            POOL.set(i, scratch);
        }
    }

    /**
     * Returns the percentage bucket of ConfigCat's % options: the first 7 hex digits of
     * {@code SHA1(UTF8(key + value))} read as a number, modulo 100.
     *
     * <p>Allocation-free. When the message is ASCII and short, it is hashed with the platform's SHA-1 (a CPU
     * intrinsic on most machines) through a pooled, preallocated scratch; otherwise, or when the pooled scratch is
     * in use by another thread, with the portable implementation below.
     *
     * @param key the flag key
     * @param value the attribute value
     * @return the bucket, 0 to 99
     */
    public static int bucket(String key, String value) {
        int len = key.length() + value.length();
        if (len <= MAX_BUFFERED) {
            int slot = (int) Thread.currentThread().getId() & (SLOTS - 1);
            Scratch scratch = POOL.getAndSet(slot, null);
            if (scratch != null) {
                try {
                    int h0 = scratch.hash(key, value);
                    if (h0 != NOT_ASCII) {
                        return (h0 >>> 4) % 100;
                    }
                } finally {
                    POOL.set(slot, scratch);
                }
            }
        }
        return portableBucket(key, value);
    }

    /** The bucket computed by the portable allocation-free SHA-1 alone (used as fallback, and by tests). */
    static int portableBucket(String key, String value) {
        return (hash(key, value, null) >>> 4) % 100;
    }

    /** A preallocated platform digest with its message and output buffers. Used by one thread at a time. */
    private static final class Scratch {
        private final MessageDigest digest;
        private final byte[] message = new byte[MAX_BUFFERED];
        private final byte[] out = new byte[20];

        private Scratch(MessageDigest digest) {
            this.digest = digest;
        }

        static @Nullable Scratch create() {
            try {
                return new Scratch(MessageDigest.getInstance("SHA-1"));
            } catch (NoSuchAlgorithmException e) {
                return null;
            }
        }

        /** Returns the first digest word, or {@link #NOT_ASCII} when the text is not ASCII (not hashed then). */
        int hash(String key, String value) {
            int n = 0;
            for (int i = 0; i < key.length(); i++) {
                char c = key.charAt(i);
                if (c >= 0x80) {
                    return NOT_ASCII;
                }
                message[n++] = (byte) c;
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c >= 0x80) {
                    return NOT_ASCII;
                }
                message[n++] = (byte) c;
            }
            digest.update(message, 0, n);
            try {
                digest.digest(out, 0, out.length);
            } catch (DigestException e) {
                throw new IllegalStateException("SHA-1 digest failed", e);
            }
            return (out[0] & 0xff) << 24 | (out[1] & 0xff) << 16 | (out[2] & 0xff) << 8 | (out[3] & 0xff);
        }
    }

    /**
     * Computes the full digest of {@code UTF8(key + value)}, for tests and diagnostics.
     *
     * @param key the first part of the message
     * @param value the rest of the message
     * @return the 20-byte digest
     */
    public static byte[] digest(String key, String value) {
        int[] h = new int[5];
        hash(key, value, h);
        byte[] out = new byte[20];
        for (int i = 0; i < 20; i++) {
            out[i] = (byte) (h[i >> 2] >>> (24 - 8 * (i & 3)));
        }
        return out;
    }

    private static int hash(String p, String v, int @Nullable [] out) {
        byte[] pb = isAscii(p) ? null : p.getBytes(StandardCharsets.UTF_8);
        byte[] vb = isAscii(v) ? null : v.getBytes(StandardCharsets.UTF_8);
        int pl = pb != null ? pb.length : p.length();
        int len = pl + (vb != null ? vb.length : v.length());
        long bitLen = (long) len << 3;
        int blocks = (len + 8) / 64 + 1;
        int h0 = 0x67452301;
        int h1 = 0xEFCDAB89;
        int h2 = 0x98BADCFE;
        int h3 = 0x10325476;
        int h4 = 0xC3D2E1F0;
        for (int blk = 0; blk < blocks; blk++) {
            int base = blk << 6;
            boolean last = blk == blocks - 1;
            int w0 = word(p, v, pb, vb, pl, len, base + 0);
            int w1 = word(p, v, pb, vb, pl, len, base + 4);
            int w2 = word(p, v, pb, vb, pl, len, base + 8);
            int w3 = word(p, v, pb, vb, pl, len, base + 12);
            int w4 = word(p, v, pb, vb, pl, len, base + 16);
            int w5 = word(p, v, pb, vb, pl, len, base + 20);
            int w6 = word(p, v, pb, vb, pl, len, base + 24);
            int w7 = word(p, v, pb, vb, pl, len, base + 28);
            int w8 = word(p, v, pb, vb, pl, len, base + 32);
            int w9 = word(p, v, pb, vb, pl, len, base + 36);
            int w10 = word(p, v, pb, vb, pl, len, base + 40);
            int w11 = word(p, v, pb, vb, pl, len, base + 44);
            int w12 = word(p, v, pb, vb, pl, len, base + 48);
            int w13 = word(p, v, pb, vb, pl, len, base + 52);
            int w14 = last ? (int) (bitLen >>> 32) : word(p, v, pb, vb, pl, len, base + 56);
            int w15 = last ? (int) bitLen : word(p, v, pb, vb, pl, len, base + 60);
            int a = h0;
            int b = h1;
            int c = h2;
            int d = h3;
            int e = h4;
            int x;
            x = Integer.rotateLeft(a, 5) + ((b & c) | (~b & d)) + e + 0x5A827999 + w0;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            x = Integer.rotateLeft(a, 5) + ((b & c) | (~b & d)) + e + 0x5A827999 + w1;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            x = Integer.rotateLeft(a, 5) + ((b & c) | (~b & d)) + e + 0x5A827999 + w2;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            x = Integer.rotateLeft(a, 5) + ((b & c) | (~b & d)) + e + 0x5A827999 + w3;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            x = Integer.rotateLeft(a, 5) + ((b & c) | (~b & d)) + e + 0x5A827999 + w4;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            x = Integer.rotateLeft(a, 5) + ((b & c) | (~b & d)) + e + 0x5A827999 + w5;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            x = Integer.rotateLeft(a, 5) + ((b & c) | (~b & d)) + e + 0x5A827999 + w6;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            x = Integer.rotateLeft(a, 5) + ((b & c) | (~b & d)) + e + 0x5A827999 + w7;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            x = Integer.rotateLeft(a, 5) + ((b & c) | (~b & d)) + e + 0x5A827999 + w8;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            x = Integer.rotateLeft(a, 5) + ((b & c) | (~b & d)) + e + 0x5A827999 + w9;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            x = Integer.rotateLeft(a, 5) + ((b & c) | (~b & d)) + e + 0x5A827999 + w10;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            x = Integer.rotateLeft(a, 5) + ((b & c) | (~b & d)) + e + 0x5A827999 + w11;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            x = Integer.rotateLeft(a, 5) + ((b & c) | (~b & d)) + e + 0x5A827999 + w12;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            x = Integer.rotateLeft(a, 5) + ((b & c) | (~b & d)) + e + 0x5A827999 + w13;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            x = Integer.rotateLeft(a, 5) + ((b & c) | (~b & d)) + e + 0x5A827999 + w14;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            x = Integer.rotateLeft(a, 5) + ((b & c) | (~b & d)) + e + 0x5A827999 + w15;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w0 = Integer.rotateLeft(w13 ^ w8 ^ w2 ^ w0, 1);
            x = Integer.rotateLeft(a, 5) + ((b & c) | (~b & d)) + e + 0x5A827999 + w0;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w1 = Integer.rotateLeft(w14 ^ w9 ^ w3 ^ w1, 1);
            x = Integer.rotateLeft(a, 5) + ((b & c) | (~b & d)) + e + 0x5A827999 + w1;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w2 = Integer.rotateLeft(w15 ^ w10 ^ w4 ^ w2, 1);
            x = Integer.rotateLeft(a, 5) + ((b & c) | (~b & d)) + e + 0x5A827999 + w2;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w3 = Integer.rotateLeft(w0 ^ w11 ^ w5 ^ w3, 1);
            x = Integer.rotateLeft(a, 5) + ((b & c) | (~b & d)) + e + 0x5A827999 + w3;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w4 = Integer.rotateLeft(w1 ^ w12 ^ w6 ^ w4, 1);
            x = Integer.rotateLeft(a, 5) + (b ^ c ^ d) + e + 0x6ED9EBA1 + w4;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w5 = Integer.rotateLeft(w2 ^ w13 ^ w7 ^ w5, 1);
            x = Integer.rotateLeft(a, 5) + (b ^ c ^ d) + e + 0x6ED9EBA1 + w5;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w6 = Integer.rotateLeft(w3 ^ w14 ^ w8 ^ w6, 1);
            x = Integer.rotateLeft(a, 5) + (b ^ c ^ d) + e + 0x6ED9EBA1 + w6;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w7 = Integer.rotateLeft(w4 ^ w15 ^ w9 ^ w7, 1);
            x = Integer.rotateLeft(a, 5) + (b ^ c ^ d) + e + 0x6ED9EBA1 + w7;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w8 = Integer.rotateLeft(w5 ^ w0 ^ w10 ^ w8, 1);
            x = Integer.rotateLeft(a, 5) + (b ^ c ^ d) + e + 0x6ED9EBA1 + w8;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w9 = Integer.rotateLeft(w6 ^ w1 ^ w11 ^ w9, 1);
            x = Integer.rotateLeft(a, 5) + (b ^ c ^ d) + e + 0x6ED9EBA1 + w9;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w10 = Integer.rotateLeft(w7 ^ w2 ^ w12 ^ w10, 1);
            x = Integer.rotateLeft(a, 5) + (b ^ c ^ d) + e + 0x6ED9EBA1 + w10;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w11 = Integer.rotateLeft(w8 ^ w3 ^ w13 ^ w11, 1);
            x = Integer.rotateLeft(a, 5) + (b ^ c ^ d) + e + 0x6ED9EBA1 + w11;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w12 = Integer.rotateLeft(w9 ^ w4 ^ w14 ^ w12, 1);
            x = Integer.rotateLeft(a, 5) + (b ^ c ^ d) + e + 0x6ED9EBA1 + w12;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w13 = Integer.rotateLeft(w10 ^ w5 ^ w15 ^ w13, 1);
            x = Integer.rotateLeft(a, 5) + (b ^ c ^ d) + e + 0x6ED9EBA1 + w13;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w14 = Integer.rotateLeft(w11 ^ w6 ^ w0 ^ w14, 1);
            x = Integer.rotateLeft(a, 5) + (b ^ c ^ d) + e + 0x6ED9EBA1 + w14;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w15 = Integer.rotateLeft(w12 ^ w7 ^ w1 ^ w15, 1);
            x = Integer.rotateLeft(a, 5) + (b ^ c ^ d) + e + 0x6ED9EBA1 + w15;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w0 = Integer.rotateLeft(w13 ^ w8 ^ w2 ^ w0, 1);
            x = Integer.rotateLeft(a, 5) + (b ^ c ^ d) + e + 0x6ED9EBA1 + w0;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w1 = Integer.rotateLeft(w14 ^ w9 ^ w3 ^ w1, 1);
            x = Integer.rotateLeft(a, 5) + (b ^ c ^ d) + e + 0x6ED9EBA1 + w1;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w2 = Integer.rotateLeft(w15 ^ w10 ^ w4 ^ w2, 1);
            x = Integer.rotateLeft(a, 5) + (b ^ c ^ d) + e + 0x6ED9EBA1 + w2;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w3 = Integer.rotateLeft(w0 ^ w11 ^ w5 ^ w3, 1);
            x = Integer.rotateLeft(a, 5) + (b ^ c ^ d) + e + 0x6ED9EBA1 + w3;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w4 = Integer.rotateLeft(w1 ^ w12 ^ w6 ^ w4, 1);
            x = Integer.rotateLeft(a, 5) + (b ^ c ^ d) + e + 0x6ED9EBA1 + w4;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w5 = Integer.rotateLeft(w2 ^ w13 ^ w7 ^ w5, 1);
            x = Integer.rotateLeft(a, 5) + (b ^ c ^ d) + e + 0x6ED9EBA1 + w5;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w6 = Integer.rotateLeft(w3 ^ w14 ^ w8 ^ w6, 1);
            x = Integer.rotateLeft(a, 5) + (b ^ c ^ d) + e + 0x6ED9EBA1 + w6;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w7 = Integer.rotateLeft(w4 ^ w15 ^ w9 ^ w7, 1);
            x = Integer.rotateLeft(a, 5) + (b ^ c ^ d) + e + 0x6ED9EBA1 + w7;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w8 = Integer.rotateLeft(w5 ^ w0 ^ w10 ^ w8, 1);
            x = Integer.rotateLeft(a, 5) + ((b & c) | (b & d) | (c & d)) + e + 0x8F1BBCDC + w8;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w9 = Integer.rotateLeft(w6 ^ w1 ^ w11 ^ w9, 1);
            x = Integer.rotateLeft(a, 5) + ((b & c) | (b & d) | (c & d)) + e + 0x8F1BBCDC + w9;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w10 = Integer.rotateLeft(w7 ^ w2 ^ w12 ^ w10, 1);
            x = Integer.rotateLeft(a, 5) + ((b & c) | (b & d) | (c & d)) + e + 0x8F1BBCDC + w10;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w11 = Integer.rotateLeft(w8 ^ w3 ^ w13 ^ w11, 1);
            x = Integer.rotateLeft(a, 5) + ((b & c) | (b & d) | (c & d)) + e + 0x8F1BBCDC + w11;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w12 = Integer.rotateLeft(w9 ^ w4 ^ w14 ^ w12, 1);
            x = Integer.rotateLeft(a, 5) + ((b & c) | (b & d) | (c & d)) + e + 0x8F1BBCDC + w12;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w13 = Integer.rotateLeft(w10 ^ w5 ^ w15 ^ w13, 1);
            x = Integer.rotateLeft(a, 5) + ((b & c) | (b & d) | (c & d)) + e + 0x8F1BBCDC + w13;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w14 = Integer.rotateLeft(w11 ^ w6 ^ w0 ^ w14, 1);
            x = Integer.rotateLeft(a, 5) + ((b & c) | (b & d) | (c & d)) + e + 0x8F1BBCDC + w14;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w15 = Integer.rotateLeft(w12 ^ w7 ^ w1 ^ w15, 1);
            x = Integer.rotateLeft(a, 5) + ((b & c) | (b & d) | (c & d)) + e + 0x8F1BBCDC + w15;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w0 = Integer.rotateLeft(w13 ^ w8 ^ w2 ^ w0, 1);
            x = Integer.rotateLeft(a, 5) + ((b & c) | (b & d) | (c & d)) + e + 0x8F1BBCDC + w0;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w1 = Integer.rotateLeft(w14 ^ w9 ^ w3 ^ w1, 1);
            x = Integer.rotateLeft(a, 5) + ((b & c) | (b & d) | (c & d)) + e + 0x8F1BBCDC + w1;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w2 = Integer.rotateLeft(w15 ^ w10 ^ w4 ^ w2, 1);
            x = Integer.rotateLeft(a, 5) + ((b & c) | (b & d) | (c & d)) + e + 0x8F1BBCDC + w2;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w3 = Integer.rotateLeft(w0 ^ w11 ^ w5 ^ w3, 1);
            x = Integer.rotateLeft(a, 5) + ((b & c) | (b & d) | (c & d)) + e + 0x8F1BBCDC + w3;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w4 = Integer.rotateLeft(w1 ^ w12 ^ w6 ^ w4, 1);
            x = Integer.rotateLeft(a, 5) + ((b & c) | (b & d) | (c & d)) + e + 0x8F1BBCDC + w4;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w5 = Integer.rotateLeft(w2 ^ w13 ^ w7 ^ w5, 1);
            x = Integer.rotateLeft(a, 5) + ((b & c) | (b & d) | (c & d)) + e + 0x8F1BBCDC + w5;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w6 = Integer.rotateLeft(w3 ^ w14 ^ w8 ^ w6, 1);
            x = Integer.rotateLeft(a, 5) + ((b & c) | (b & d) | (c & d)) + e + 0x8F1BBCDC + w6;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w7 = Integer.rotateLeft(w4 ^ w15 ^ w9 ^ w7, 1);
            x = Integer.rotateLeft(a, 5) + ((b & c) | (b & d) | (c & d)) + e + 0x8F1BBCDC + w7;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w8 = Integer.rotateLeft(w5 ^ w0 ^ w10 ^ w8, 1);
            x = Integer.rotateLeft(a, 5) + ((b & c) | (b & d) | (c & d)) + e + 0x8F1BBCDC + w8;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w9 = Integer.rotateLeft(w6 ^ w1 ^ w11 ^ w9, 1);
            x = Integer.rotateLeft(a, 5) + ((b & c) | (b & d) | (c & d)) + e + 0x8F1BBCDC + w9;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w10 = Integer.rotateLeft(w7 ^ w2 ^ w12 ^ w10, 1);
            x = Integer.rotateLeft(a, 5) + ((b & c) | (b & d) | (c & d)) + e + 0x8F1BBCDC + w10;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w11 = Integer.rotateLeft(w8 ^ w3 ^ w13 ^ w11, 1);
            x = Integer.rotateLeft(a, 5) + ((b & c) | (b & d) | (c & d)) + e + 0x8F1BBCDC + w11;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w12 = Integer.rotateLeft(w9 ^ w4 ^ w14 ^ w12, 1);
            x = Integer.rotateLeft(a, 5) + (b ^ c ^ d) + e + 0xCA62C1D6 + w12;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w13 = Integer.rotateLeft(w10 ^ w5 ^ w15 ^ w13, 1);
            x = Integer.rotateLeft(a, 5) + (b ^ c ^ d) + e + 0xCA62C1D6 + w13;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w14 = Integer.rotateLeft(w11 ^ w6 ^ w0 ^ w14, 1);
            x = Integer.rotateLeft(a, 5) + (b ^ c ^ d) + e + 0xCA62C1D6 + w14;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w15 = Integer.rotateLeft(w12 ^ w7 ^ w1 ^ w15, 1);
            x = Integer.rotateLeft(a, 5) + (b ^ c ^ d) + e + 0xCA62C1D6 + w15;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w0 = Integer.rotateLeft(w13 ^ w8 ^ w2 ^ w0, 1);
            x = Integer.rotateLeft(a, 5) + (b ^ c ^ d) + e + 0xCA62C1D6 + w0;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w1 = Integer.rotateLeft(w14 ^ w9 ^ w3 ^ w1, 1);
            x = Integer.rotateLeft(a, 5) + (b ^ c ^ d) + e + 0xCA62C1D6 + w1;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w2 = Integer.rotateLeft(w15 ^ w10 ^ w4 ^ w2, 1);
            x = Integer.rotateLeft(a, 5) + (b ^ c ^ d) + e + 0xCA62C1D6 + w2;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w3 = Integer.rotateLeft(w0 ^ w11 ^ w5 ^ w3, 1);
            x = Integer.rotateLeft(a, 5) + (b ^ c ^ d) + e + 0xCA62C1D6 + w3;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w4 = Integer.rotateLeft(w1 ^ w12 ^ w6 ^ w4, 1);
            x = Integer.rotateLeft(a, 5) + (b ^ c ^ d) + e + 0xCA62C1D6 + w4;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w5 = Integer.rotateLeft(w2 ^ w13 ^ w7 ^ w5, 1);
            x = Integer.rotateLeft(a, 5) + (b ^ c ^ d) + e + 0xCA62C1D6 + w5;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w6 = Integer.rotateLeft(w3 ^ w14 ^ w8 ^ w6, 1);
            x = Integer.rotateLeft(a, 5) + (b ^ c ^ d) + e + 0xCA62C1D6 + w6;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w7 = Integer.rotateLeft(w4 ^ w15 ^ w9 ^ w7, 1);
            x = Integer.rotateLeft(a, 5) + (b ^ c ^ d) + e + 0xCA62C1D6 + w7;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w8 = Integer.rotateLeft(w5 ^ w0 ^ w10 ^ w8, 1);
            x = Integer.rotateLeft(a, 5) + (b ^ c ^ d) + e + 0xCA62C1D6 + w8;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w9 = Integer.rotateLeft(w6 ^ w1 ^ w11 ^ w9, 1);
            x = Integer.rotateLeft(a, 5) + (b ^ c ^ d) + e + 0xCA62C1D6 + w9;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w10 = Integer.rotateLeft(w7 ^ w2 ^ w12 ^ w10, 1);
            x = Integer.rotateLeft(a, 5) + (b ^ c ^ d) + e + 0xCA62C1D6 + w10;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w11 = Integer.rotateLeft(w8 ^ w3 ^ w13 ^ w11, 1);
            x = Integer.rotateLeft(a, 5) + (b ^ c ^ d) + e + 0xCA62C1D6 + w11;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w12 = Integer.rotateLeft(w9 ^ w4 ^ w14 ^ w12, 1);
            x = Integer.rotateLeft(a, 5) + (b ^ c ^ d) + e + 0xCA62C1D6 + w12;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w13 = Integer.rotateLeft(w10 ^ w5 ^ w15 ^ w13, 1);
            x = Integer.rotateLeft(a, 5) + (b ^ c ^ d) + e + 0xCA62C1D6 + w13;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w14 = Integer.rotateLeft(w11 ^ w6 ^ w0 ^ w14, 1);
            x = Integer.rotateLeft(a, 5) + (b ^ c ^ d) + e + 0xCA62C1D6 + w14;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            w15 = Integer.rotateLeft(w12 ^ w7 ^ w1 ^ w15, 1);
            x = Integer.rotateLeft(a, 5) + (b ^ c ^ d) + e + 0xCA62C1D6 + w15;
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = x;
            h0 += a;
            h1 += b;
            h2 += c;
            h3 += d;
            h4 += e;
        }
        if (out != null) {
            out[0] = h0;
            out[1] = h1;
            out[2] = h2;
            out[3] = h3;
            out[4] = h4;
        }
        return h0;
    }

    /** Reads message bytes i..i+3 as a big-endian word; whole words inside one ASCII part are read directly. */
    private static int word(String p, String v, byte @Nullable [] pb, byte @Nullable [] vb, int pl, int len, int i) {
        if (i + 4 <= pl && pb == null) {
            return p.charAt(i) << 24 | p.charAt(i + 1) << 16 | p.charAt(i + 2) << 8 | p.charAt(i + 3);
        }
        if (i >= pl && i + 4 <= len && vb == null) {
            int j = i - pl;
            return v.charAt(j) << 24 | v.charAt(j + 1) << 16 | v.charAt(j + 2) << 8 | v.charAt(j + 3);
        }
        return at(p, v, pb, vb, pl, len, i) << 24
                | at(p, v, pb, vb, pl, len, i + 1) << 16
                | at(p, v, pb, vb, pl, len, i + 2) << 8
                | at(p, v, pb, vb, pl, len, i + 3);
    }

    private static int at(String p, String v, byte @Nullable [] pb, byte @Nullable [] vb, int pl, int len, int i) {
        if (i < pl) {
            return pb != null ? pb[i] & 0xff : p.charAt(i);
        }
        if (i < len) {
            return vb != null ? vb[i - pl] & 0xff : v.charAt(i - pl);
        }
        return i == len ? 0x80 : 0;
    }

    private static boolean isAscii(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
