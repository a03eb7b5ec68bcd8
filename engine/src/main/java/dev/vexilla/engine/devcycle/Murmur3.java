package dev.vexilla.engine.devcycle;

/**
 * MurmurHash3 x86 32-bit over DevCycle's byte view of a string: each UTF-16 code unit is one byte, and a code unit
 * above 127 counts as a backslash ({@code 0x5C}), as DevCycle's engine hashes it. The length is the UTF-16 length.
 *
 * <p>{@link #hash(String, String, int)} hashes the concatenation of two strings without building it, so that the
 * rollout hash of {@code value + "_rollout"} allocates nothing.
 */
final class Murmur3 {

    /** The seed DevCycle hashes a target id with to get the target's own seed. */
    static final int BASE_SEED = 1;

    /** The largest unsigned 32-bit value: hashes are divided by it to get a number in [0, 1]. */
    static final double MAX_HASH = 4294967295.0;

    private static final int C1 = 0xcc9e2d51;
    private static final int C2 = 0x1b873593;

    private Murmur3() {}

    /**
     * Hashes a string.
     *
     * @param text the string
     * @param seed the seed
     * @return the 32-bit hash (to be read as unsigned)
     */
    static int hash(String text, int seed) {
        return hash(text, "", seed);
    }

    /**
     * Hashes the concatenation {@code head + tail} without building it.
     *
     * @param head the first part
     * @param tail the second part
     * @param seed the seed
     * @return the 32-bit hash (to be read as unsigned)
     */
    static int hash(String head, String tail, int seed) {
        int headLength = head.length();
        int length = headLength + tail.length();
        int h = seed;
        int i = 0;
        for (; i + 4 <= length; i += 4) {
            int k = unit(head, tail, headLength, i)
                    | unit(head, tail, headLength, i + 1) << 8
                    | unit(head, tail, headLength, i + 2) << 16
                    | unit(head, tail, headLength, i + 3) << 24;
            h ^= mixK(k);
            h = Integer.rotateLeft(h, 13);
            h = h * 5 + 0xe6546b64;
        }
        int k = 0;
        switch (length - i) {
            case 3:
                k ^= unit(head, tail, headLength, i + 2) << 16;
            // fall through
            case 2:
                k ^= unit(head, tail, headLength, i + 1) << 8;
            // fall through
            case 1:
                k ^= unit(head, tail, headLength, i);
                h ^= mixK(k);
                break;
            default:
                break;
        }
        h ^= length;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    /**
     * Returns a hash as a number in [0, 1]: the unsigned hash divided by {@link #MAX_HASH}.
     *
     * @param hash a hash
     * @return the bounded hash
     */
    static double bounded(int hash) {
        return (hash & 0xffffffffL) / MAX_HASH;
    }

    private static int unit(String head, String tail, int headLength, int index) {
        char c = index < headLength ? head.charAt(index) : tail.charAt(index - headLength);
        return c > 127 ? '\\' : c;
    }

    private static int mixK(int k) {
        k *= C1;
        k = Integer.rotateLeft(k, 15);
        return k * C2;
    }
}
