package dev.vexilla.bench.scenario;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Independent implementations of the two percentage-bucketing algorithms the scenarios use, so that the setup of
 * every benchmark can check the answer of the implementation under test user by user.
 *
 * <p>ConfigCat (config JSON v6): {@code SHA1(UTF8(flagKey + attributeValue))}, the first 7 hex digits as an
 * integer, modulo 100; options are walked accumulating their percentages and the first whose running sum exceeds
 * the bucket is chosen. flagd {@code fractional} as implemented by the Java flagd provider 0.11.x ("v1"):
 * {@code MurmurHash3_x86_32(UTF8(flagKey + targetingKey), seed 0)}, {@code |hash| / 2147483647 * 100} in
 * {@code float}, walked against cumulative weights in percent.
 *
 * <p>Thread-safe and stateless.
 */
public final class ReferenceBucketing {

    private ReferenceBucketing() {}

    /**
     * Computes ConfigCat's bucket for a flag and an attribute value.
     *
     * @param flagKey the setting key
     * @param attributeValue the value of the percentage attribute (the identifier by default)
     * @return the bucket in {@code [0, 99]}
     */
    public static int configCatBucket(String flagKey, String attributeValue) {
        byte[] digest = sha1(flagKey + attributeValue);
        // The first 7 hex digits are the first 28 bits of the digest.
        int first28 = ((digest[0] & 0xff) << 20)
                | ((digest[1] & 0xff) << 12)
                | ((digest[2] & 0xff) << 4)
                | ((digest[3] & 0xff) >>> 4);
        return first28 % 100;
    }

    /**
     * Chooses a ConfigCat percentage option.
     *
     * @param flagKey the setting key
     * @param attributeValue the value of the percentage attribute
     * @param percentages the options' percentages in order, summing to 100
     * @return the index of the chosen option
     * @throws IllegalArgumentException if the percentages sum to less than 100
     */
    public static int configCatOption(String flagKey, String attributeValue, int... percentages) {
        int bucket = configCatBucket(flagKey, attributeValue);
        int sum = 0;
        for (int i = 0; i < percentages.length; i++) {
            sum += percentages[i];
            if (bucket < sum) {
                return i;
            }
        }
        throw new IllegalArgumentException("percentages sum to " + sum + ", less than 100");
    }

    /**
     * Chooses a flagd {@code fractional} bucket the way the Java flagd provider 0.11.x does.
     *
     * @param flagKey the flag key
     * @param targetingKey the targeting key
     * @param weights the buckets' weights in order
     * @return the index of the chosen bucket
     * @throws IllegalArgumentException if no bucket is chosen (all weights zero)
     */
    public static int flagdFractional(String flagKey, String targetingKey, int... weights) {
        byte[] bytes = (flagKey + targetingKey).getBytes(StandardCharsets.UTF_8);
        int hash = murmur3x86(bytes, 0);
        float bucket = Math.abs(hash) * 1.0f / 2.14748365E9f * 100.0f;
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        float sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i] == 0 ? 0f : (weights[i] * 100) / (float) total;
            if (bucket < sum) {
                return i;
            }
        }
        throw new IllegalArgumentException("no bucket chosen for " + flagKey);
    }

    /**
     * Computes MurmurHash3 x86 32-bit.
     *
     * @param data the bytes to hash
     * @param seed the seed
     * @return the hash
     */
    public static int murmur3x86(byte[] data, int seed) {
        final int c1 = 0xcc9e2d51;
        final int c2 = 0x1b873593;
        int h = seed;
        int blocks = data.length / 4;
        for (int i = 0; i < blocks; i++) {
            int k = (data[4 * i] & 0xff)
                    | (data[4 * i + 1] & 0xff) << 8
                    | (data[4 * i + 2] & 0xff) << 16
                    | (data[4 * i + 3] & 0xff) << 24;
            h ^= Integer.rotateLeft(k * c1, 15) * c2;
            h = Integer.rotateLeft(h, 13) * 5 + 0xe6546b64;
        }
        int tail = blocks * 4;
        int k = 0;
        switch (data.length & 3) {
            case 3:
                k ^= (data[tail + 2] & 0xff) << 16;
            // fall through
            case 2:
                k ^= (data[tail + 1] & 0xff) << 8;
            // fall through
            case 1:
                k ^= data[tail] & 0xff;
                h ^= Integer.rotateLeft(k * c1, 15) * c2;
                break;
            default:
                break;
        }
        h ^= data.length;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    private static byte[] sha1(String text) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-1", e);
        }
    }
}
