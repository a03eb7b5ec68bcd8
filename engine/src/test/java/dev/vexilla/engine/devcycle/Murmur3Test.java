package dev.vexilla.engine.devcycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.hash.Hashing;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** MurmurHash3 x86 32-bit over DevCycle's byte view, checked against Guava's independent implementation. */
final class Murmur3Test {

    /** DevCycle's byte view: one byte per UTF-16 code unit, every unit above 127 a backslash. */
    private static byte[] devCycleBytes(String s) {
        byte[] bytes = new byte[s.length()];
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            bytes[i] = (byte) (c > 127 ? '\\' : c);
        }
        return bytes;
    }

    private static int guava(String s, int seed) {
        return Hashing.murmur3_32_fixed(seed).hashBytes(devCycleBytes(s)).asInt();
    }

    @Test
    void knownVectorOfTestWithSeedOne() {
        assertThat(Murmur3.hash("test", 1)).isEqualTo(0x99c02ae2);
    }

    @Property(tries = 2000)
    void asciiMatchesGuava(@ForAll @CharRange(from = 0, to = 127) @StringLength(max = 64) String s, @ForAll int seed) {
        assertThat(Murmur3.hash(s, seed)).isEqualTo(guava(s, seed));
    }

    @Property(tries = 2000)
    void anyUtf16TextMatchesGuavaOnTheBackslashSubstitutedBytes(
            @ForAll @StringLength(max = 64) String s, @ForAll int seed) {
        assertThat(Murmur3.hash(s, seed)).isEqualTo(guava(s, seed));
    }

    @Property(tries = 1000)
    void hashingTwoPartsEqualsHashingTheirConcatenation(
            @ForAll @StringLength(max = 40) String head,
            @ForAll @StringLength(max = 12) String tail,
            @ForAll int seed) {
        assertThat(Murmur3.hash(head, tail, seed)).isEqualTo(Murmur3.hash(head + tail, seed));
    }

    @Test
    void boundedHashIsTheUnsignedHashOverTheLargestUnsigned32BitValue() {
        assertThat(Murmur3.bounded(0)).isZero();
        assertThat(Murmur3.bounded(-1)).isEqualTo(1.0);
        assertThat(Murmur3.bounded(0x80000000)).isEqualTo(2147483648.0 / 4294967295.0);
    }

    @Test
    void bucketingAndRolloutHashesDependOnTheTargetSeedAndDiffer() {
        // bucketing.test.ts "User Hashing and Bucketing": deterministic, seed-dependent, rollout != bucketing.
        int seed = Murmur3.hash("fake", Murmur3.BASE_SEED);
        int otherSeed = Murmur3.hash("fake2", Murmur3.BASE_SEED);
        String user = "5b7c4a3e-0a54-4cf4-9d7b-4f5e3f7e2a11";

        assertThat(Murmur3.hash(user, seed)).isEqualTo(Murmur3.hash(user, seed));
        assertThat(Murmur3.hash(user, seed)).isNotEqualTo(Murmur3.hash(user, otherSeed));
        assertThat(Murmur3.hash(user, "_rollout", seed)).isEqualTo(Murmur3.hash(user + "_rollout", seed));
        assertThat(Murmur3.hash(user, "_rollout", seed)).isNotEqualTo(Murmur3.hash(user, seed));
    }
}
