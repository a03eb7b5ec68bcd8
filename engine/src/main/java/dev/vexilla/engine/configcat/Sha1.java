package dev.vexilla.engine.configcat;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * SHA-1 for percentage bucketing: {@code SHA1(UTF8(key + value))} through the platform digest (a CPU intrinsic on
 * most machines), with {@link PortableSha1} as the fallback.
 *
 * <p>Why the design is what it is. The platform's {@code MessageDigest} compresses a block with the CPU's SHA
 * instructions (HotSpot's {@code UseSHA1Intrinsics}), far faster than Java code can. Measured in isolation with JMH
 * on a 2-core AMD EPYC with SHA-NI, JDK 17 (other builds running): one 64-byte compression through {@code update}
 * costs 41 ns, and a whole {@code update} + {@code digest(byte[], int, int)} of a prepared one-block message 82 ns; a
 * fully unrolled pure-Java compression of one block costs 217 to 242 ns, 270 ns with the copy and padding, and the
 * general {@link PortableSha1} about 500 ns. The 40 ns that {@code digest} adds to the compression (padding through
 * the provider's buffer, the big-endian output, the provider's reset of its 80-word work array) cannot be avoided
 * through the public API: {@code digest(byte[], int, int)} is the only non-allocating way to finish, and a
 * self-padded block given to {@code update} reaches the intrinsic but leaves the state unreadable. So the fast path
 * only keeps what surrounds the digest small:
 *
 * <ul>
 *   <li>key and value are copied char by char with the chars OR-ed into one accumulator and checked once after the
 *       loop, no branch per char (95 ns with the digest, against 92 ns for an unchecked {@code String.getBytes}
 *       copy, 97 ns for a check loop then {@code getBytes}, 104 ns through {@code getChars}); text with a non-ASCII
 *       char is then encoded as UTF-8 into the same buffer and still hashed by the platform (160 ns, where it took
 *       {@link PortableSha1} before);
 *   <li>the digest and its buffers come from a fixed pool of {@value #SLOTS} preallocated scratches, taken with one
 *       atomic swap on the slot of the calling thread's id and given back with a release store, which is all the
 *       next swap needs (98 ns; a volatile store measured the same, a {@code ThreadLocal} scratch 94 ns).
 * </ul>
 *
 * <p>Preparing the flag key's bytes once saved 2 to 5 ns more in isolation; not done, as it would cost every flag
 * with options a prepared copy of its key.
 *
 * <p>A pool rather than a {@code ThreadLocal}, for a few nanoseconds: a {@code ThreadLocal} would create one digest
 * and buffers per thread that ever evaluates, which with virtual threads (JDK 21) means a new {@code MessageDigest}
 * per request; the pool bounds the memory to {@value #SLOTS} scratches whatever the threading. When the slot is
 * busy (two threads whose ids share a slot evaluate at the same instant), when the message is longer than a
 * scratch, or when the platform has no SHA-1, {@link PortableSha1} computes the same bucket, only slower.
 *
 * <p>Thread-safe. Allocation-free, except for non-ASCII text that takes the portable fallback.
 */
final class Sha1 {

    /** Scratch slots; a thread uses the slot of its id, or the portable hash when that slot is busy. */
    private static final int SLOTS = 64;

    /** Capacity of a scratch's message buffer, in UTF-8 bytes. */
    static final int MAX_BUFFERED = 256;

    /** Returned by a scratch that could not hash the message (never a bucket). */
    private static final int NOT_BUFFERED = -1;

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

    private Sha1() {}

    /**
     * Returns the percentage bucket of ConfigCat's % options: the first 7 hex digits of
     * {@code SHA1(UTF8(key + value))} read as a number, modulo 100.
     *
     * <p>Allocation-free.
     *
     * @param key the flag key
     * @param value the attribute value
     * @return the bucket, 0 to 99
     */
    static int bucket(String key, String value) {
        if (key.length() + value.length() <= MAX_BUFFERED) {
            int slot = (int) Thread.currentThread().getId() & (SLOTS - 1);
            Scratch scratch = POOL.getAndSet(slot, null);
            if (scratch != null) {
                try {
                    int bucket = scratch.bucket(key, value);
                    if (bucket != NOT_BUFFERED) {
                        return bucket;
                    }
                } finally {
                    POOL.lazySet(slot, scratch);
                }
            }
        }
        return portableBucket(key, value);
    }

    /** The bucket computed by the portable allocation-free SHA-1 alone (used as fallback, and by tests). */
    static int portableBucket(String key, String value) {
        return bucketOf(PortableSha1.hash(key, value, null));
    }

    /** The bucket of a digest's first word: its first 7 hex digits, modulo 100. */
    private static int bucketOf(int firstWord) {
        return (firstWord >>> 4) % 100;
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

        /**
         * Returns the bucket of {@code key + value}, or {@link #NOT_BUFFERED} when its UTF-8 form does not fit.
         * The caller checked that {@code key.length() + value.length() <= MAX_BUFFERED}.
         */
        int bucket(String key, String value) {
            byte[] m = message;
            int n = key.length();
            int chars = copyChars(key, m, 0);
            chars |= copyChars(value, m, n);
            n += value.length();
            if (chars >= 0x80) {
                n = Utf8.encode(key, value, m);
                if (n < 0) {
                    return NOT_BUFFERED;
                }
            }
            digest.update(m, 0, n);
            try {
                digest.digest(out, 0, out.length);
            } catch (DigestException e) {
                throw new IllegalStateException("SHA-1 digest failed", e);
            }
            return bucketOf((out[0] & 0xff) << 24 | (out[1] & 0xff) << 16 | (out[2] & 0xff) << 8 | (out[3] & 0xff));
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
