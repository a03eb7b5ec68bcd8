package dev.vexilla.engine.configcat;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * SHA-1 for percentage bucketing: ConfigCat's bucket of {@code SHA1(UTF8(key + value))}, computed by the platform's
 * SHA-1 digest, which every Java SE runtime provides (a CPU intrinsic on most machines).
 *
 * <p>The digests and their buffers come from a fixed pool of {@value #SLOTS} preallocated scratches: a caller takes
 * the scratch of its thread id's slot with one atomic swap and gives it back with a release store. Key and value are
 * copied char by char into the scratch's message buffer; text with a non-ASCII char is then encoded as UTF-8 into the
 * same buffer. A pool rather than a {@code ThreadLocal} bounds the memory to {@value #SLOTS} scratches whatever the
 * threading (with virtual threads a {@code ThreadLocal} would mean a new digest per request).
 *
 * <p>Thread-safe. Allocation-free, except on two rare paths that compute the same bucket: a message longer than
 * {@value #MAX_BUFFERED} UTF-8 bytes is encoded by {@link String#getBytes}, and a caller that finds its slot busy
 * (another thread whose id shares the slot is hashing at that instant) uses a scratch of its own.
 */
final class Sha1 {

    /** Scratch slots; a thread uses the slot of its id. */
    private static final int SLOTS = 64;

    /** Capacity of a scratch's message buffer, in UTF-8 bytes. */
    static final int MAX_BUFFERED = 256;

    private static final AtomicReferenceArray<Scratch> POOL = new AtomicReferenceArray<>(SLOTS);

    static {
        for (int i = 0; i < SLOTS; i++) {
            POOL.set(i, new Scratch());
        }
    }

    private Sha1() {}

    /**
     * Returns the percentage bucket of ConfigCat's % options: the first 7 hex digits of
     * {@code SHA1(UTF8(key + value))} read as a number, modulo 100.
     *
     * @param key the flag key
     * @param value the attribute value
     * @return the bucket, 0 to 99
     */
    static int bucket(String key, String value) {
        int slot = (int) Thread.currentThread().getId() & (SLOTS - 1);
        Scratch scratch = POOL.getAndSet(slot, null);
        if (scratch == null) {
            return new Scratch().bucket(key, value); // the slot is busy: a scratch for this call alone
        }
        try {
            return scratch.bucket(key, value);
        } finally {
            POOL.lazySet(slot, scratch);
        }
    }

    /** A platform digest with its message and output buffers. Used by one thread at a time. */
    private static final class Scratch {
        private final MessageDigest digest = newDigest();
        private final byte[] message = new byte[MAX_BUFFERED];
        private final byte[] out = new byte[20];

        int bucket(String key, String value) {
            int length = encode(key, value);
            if (length >= 0) {
                digest.update(message, 0, length);
            } else {
                digest.update((key + value).getBytes(StandardCharsets.UTF_8));
            }
            try {
                digest.digest(out, 0, out.length);
            } catch (DigestException e) {
                throw new IllegalStateException("SHA-1 digest failed", e);
            }
            int firstWord = (out[0] & 0xff) << 24 | (out[1] & 0xff) << 16 | (out[2] & 0xff) << 8 | (out[3] & 0xff);
            return (firstWord >>> 4) % 100;
        }

        /** Writes {@code UTF8(key + value)} into the message buffer; returns its length, or -1 when it does not fit. */
        private int encode(String key, String value) {
            int length = key.length() + value.length();
            if (length > MAX_BUFFERED) {
                return -1;
            }
            int chars = copyChars(key, message, 0) | copyChars(value, message, key.length());
            return chars < 0x80 ? length : Utf8.encode(key, value, message);
        }

        /** Copies the low byte of every char of {@code s} to {@code m[at..]}; returns the chars OR-ed together. */
        private static int copyChars(String s, byte[] m, int at) {
            int chars = 0;
            for (int i = 0, n = s.length(); i < n; i++) {
                char c = s.charAt(i);
                chars |= c;
                m[at + i] = (byte) c;
            }
            return chars;
        }

        private static MessageDigest newDigest() {
            try {
                return MessageDigest.getInstance("SHA-1");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-1 is required on every Java SE platform", e);
            }
        }
    }

    /**
     * UTF-8 of {@code key + value} into a buffer, exactly as {@code (key + value).getBytes(UTF_8)} (a surrogate pair
     * split between key and value is one code point; a lone surrogate becomes {@code '?'}). Allocation-free.
     */
    static final class Utf8 {

        private Utf8() {}

        /**
         * Encodes {@code key + value} into {@code out} from index 0.
         *
         * @return the number of bytes written, or -1 when they do not fit in {@code out}
         */
        static int encode(String key, String value, byte[] out) {
            int keyLength = key.length();
            int length = keyLength + value.length();
            int n = 0;
            for (int i = 0; i < length; i++) {
                char c = charAt(key, value, keyLength, i);
                int cp = c;
                if (Character.isSurrogate(c)) {
                    char low = i + 1 < length ? charAt(key, value, keyLength, i + 1) : 0;
                    boolean pair = Character.isHighSurrogate(c) && Character.isLowSurrogate(low);
                    cp = pair ? Character.toCodePoint(c, low) : '?';
                    i += pair ? 1 : 0;
                }
                n = put(cp, out, n);
                if (n < 0) {
                    return -1;
                }
            }
            return n;
        }

        /** Writes the UTF-8 form of a code point at {@code out[n]}; returns the next index, or -1 if it won't fit. */
        private static int put(int cp, byte[] out, int n) {
            int width = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (n + width > out.length) {
                return -1;
            }
            if (width == 1) {
                out[n] = (byte) cp;
                return n + 1;
            }
            // Lead byte: width-many high 1 bits, then the top payload bits; each continuation byte carries 6 bits.
            int shift = 6 * (width - 1);
            out[n] = (byte) ((0xF00 >> width) | cp >> shift);
            for (int k = 1; k < width; k++) {
                shift -= 6;
                out[n + k] = (byte) (0x80 | (cp >> shift & 0x3F));
            }
            return n + width;
        }

        private static char charAt(String key, String value, int keyLength, int i) {
            return i < keyLength ? key.charAt(i) : value.charAt(i - keyLength);
        }
    }
}
