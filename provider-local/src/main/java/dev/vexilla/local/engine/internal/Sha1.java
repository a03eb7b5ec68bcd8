package dev.vexilla.local.engine.internal;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * Allocation-free SHA-1 for percentage bucketing. {@link #bucket(String, String)} prefers the platform digest (a CPU
 * intrinsic on most machines) through a small pool of preallocated scratch buffers, and falls back to
 * {@link PortableSha1} for non-ASCII text or when the pooled scratch of its slot is busy.
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
        return (PortableSha1.hash(key, value, null) >>> 4) % 100;
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
}
