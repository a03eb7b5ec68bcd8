package dev.vexilla.bench.scenario;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Independent implementations of the percentage-bucketing algorithms the scenarios use, so that the setup of
 * every benchmark can check the answer of the implementation under test user by user.
 *
 * <p>ConfigCat (config JSON v6): {@code SHA1(UTF8(flagKey + attributeValue))}, the first 7 hex digits as an
 * integer, modulo 100; options are walked accumulating their percentages and the first whose running sum exceeds
 * the bucket is chosen. flagd {@code fractional} as implemented by the Java flagd provider 0.11.x ("v1"):
 * {@code MurmurHash3_x86_32(UTF8(flagKey + targetingKey), seed 0)}, {@code |hash| / 2147483647 * 100} in
 * {@code float}, walked against cumulative weights in percent. DevCycle (config v2, local bucketing):
 * {@code MurmurHash3_x86_32} over the string's UTF-16 code units taken as one byte each (a unit above 127 counts as a
 * backslash), seeded with the hash of the target id under seed 1, read unsigned and divided by {@code 2^32 - 1}; the
 * distribution is walked in descending order of variation id, and the first entry whose running sum exceeds the hash
 * wins; a rollout is passed when the hash of {@code value + "_rollout"} is at most its current percentage.
 *
 * <p>Thread-safe and stateless.
 */
public final class ReferenceBucketing {

    private static final double DEVCYCLE_MAX_HASH = 4294967295.0;

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
     * Computes DevCycle's bucketing hash of a value for a target: in {@code [0, 1]}.
     *
     * @param targetId the target's {@code _id}
     * @param value the bucketing value (the user id)
     * @return the hash divided by {@code 2^32 - 1}
     */
    public static double devCycleBucketingHash(String targetId, String value) {
        return Integer.toUnsignedLong(devCycleMurmur(value, devCycleMurmur(targetId, 1))) / DEVCYCLE_MAX_HASH;
    }

    /**
     * Computes DevCycle's rollout hash of a value for a target: in {@code [0, 1]}.
     *
     * @param targetId the target's {@code _id}
     * @param value the bucketing value (the user id)
     * @return the hash of {@code value + "_rollout"} divided by {@code 2^32 - 1}
     */
    public static double devCycleRolloutHash(String targetId, String value) {
        return devCycleBucketingHash(targetId, value + "_rollout");
    }

    /**
     * Tells whether a user passes a target's rollout at its current percentage.
     *
     * @param targetId the target's {@code _id}
     * @param value the bucketing value (the user id)
     * @param percentage the rollout's current percentage, between 0 and 1
     * @return {@code true} when the percentage is not 0 and the rollout hash is at most the percentage
     */
    public static boolean devCyclePassesRollout(String targetId, String value, double percentage) {
        return percentage != 0 && devCycleRolloutHash(targetId, value) <= percentage;
    }

    /**
     * Chooses the variation of a DevCycle target's distribution for a value.
     *
     * @param targetId the target's {@code _id}
     * @param value the bucketing value (the user id)
     * @param distribution the distribution entries in config order
     * @return the chosen variation's {@code _id}
     * @throws IllegalArgumentException if the percentages sum to no more than the hash
     */
    static String devCycleVariation(String targetId, String value, List<DevCycleFeature.Share> distribution) {
        double hash = devCycleBucketingHash(targetId, value);
        List<DevCycleFeature.Share> walk = new ArrayList<>(distribution);
        walk.sort(Comparator.comparing(DevCycleFeature.Share::variationId).reversed());
        double sum = 0;
        for (DevCycleFeature.Share share : walk) {
            sum += share.percentage();
            if (sum > hash) {
                return share.variationId();
            }
        }
        throw new IllegalArgumentException("the distribution of target " + targetId + " sums to " + sum);
    }

    /**
     * Computes MurmurHash3 x86 32-bit over DevCycle's byte view of a string: one byte per UTF-16 code unit, a unit
     * above 127 replaced by a backslash.
     *
     * @param text the string
     * @param seed the seed
     * @return the hash (to be read unsigned)
     */
    public static int devCycleMurmur(String text, int seed) {
        byte[] bytes = new byte[text.length()];
        for (int i = 0; i < bytes.length; i++) {
            char c = text.charAt(i);
            bytes[i] = (byte) (c > 127 ? '\\' : c);
        }
        return murmur3x86(bytes, seed);
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
