package dev.vexilla.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.codec.digest.DigestUtils;
import org.apache.commons.codec.digest.MurmurHash3;
import org.junit.jupiter.api.Test;

final class ReferenceBucketingTest {

    @Test
    void murmur3MatchesCommonsCodecForEveryTailLength() {
        for (int length = 0; length < 40; length++) {
            byte[] data = "s3_rollout-rollout-user-0042-éß-padding-text-xyz"
                    .substring(0, length)
                    .getBytes(StandardCharsets.UTF_8);
            assertThat(ReferenceBucketing.murmur3x86(data, 0))
                    .as("length %d", length)
                    .isEqualTo(MurmurHash3.hash32x86(data, 0, data.length, 0));
        }
    }

    @Test
    void murmur3OfHelloIsTheKnownVector() {
        assertThat(ReferenceBucketing.murmur3x86("hello".getBytes(StandardCharsets.UTF_8), 0))
                .isEqualTo(0x248bfa47);
    }

    @Test
    void configCatBucketIsFirstSevenHexDigitsOfSha1ModuloHundred() {
        for (BenchUser user : BenchUsers.rolloutUsers()) {
            String hex = DigestUtils.sha1Hex(Scenarios.S3_ROLLOUT + user.identifier());
            int expected = Integer.parseInt(hex.substring(0, 7), 16) % 100;

            assertThat(ReferenceBucketing.configCatBucket(Scenarios.S3_ROLLOUT, user.identifier()))
                    .isEqualTo(expected);
        }
    }

    @Test
    void configCatOptionWalksCumulativePercentages() {
        String id = BenchUsers.MAIN.identifier();
        int bucket = ReferenceBucketing.configCatBucket("k", id);
        int expected = bucket < 20 ? 0 : bucket < 50 ? 1 : 2;

        assertThat(ReferenceBucketing.configCatOption("k", id, 20, 30, 50)).isEqualTo(expected);
    }

    @Test
    void bothRolloutsSplitTheUsersRoughlyInHalf() {
        int configCat = 0;
        int flagd = 0;
        for (BenchUser user : BenchUsers.rolloutUsers()) {
            configCat += Scenarios.s3ExpectedConfigCat(user.identifier()) ? 1 : 0;
            flagd += Scenarios.s3ExpectedFlagd(user.identifier()) ? 1 : 0;
        }

        assertThat(configCat).isBetween(450, 574);
        assertThat(flagd).isBetween(450, 574);
    }

    @Test
    void devCycleMurmurOfTestUnderSeedOneIsDevCyclesVector() {
        assertThat(ReferenceBucketing.devCycleMurmur("test", 1)).isEqualTo(0x99c02ae2);
    }

    @Test
    void devCycleMurmurHashesEveryNonAsciiUnitAsABackslash() {
        assertThat(ReferenceBucketing.devCycleMurmur("a\u00e9b", 7))
                .isEqualTo(ReferenceBucketing.devCycleMurmur("a\\b", 7));
        assertThat(ReferenceBucketing.devCycleMurmur("\ud83d\ude00", 7))
                .as("a surrogate pair is two units")
                .isEqualTo(ReferenceBucketing.devCycleMurmur("\\\\", 7));
    }

    @Test
    void devCycleBucketingHashIsTheUnsignedHashSeededByTheTargetOverMaxUnsigned() {
        int seed = ReferenceBucketing.devCycleMurmur("target-1", 1);
        long hash = Integer.toUnsignedLong(ReferenceBucketing.devCycleMurmur("user-1", seed));

        assertThat(ReferenceBucketing.devCycleBucketingHash("target-1", "user-1"))
                .isEqualTo(hash / 4294967295.0);
        assertThat(ReferenceBucketing.devCycleRolloutHash("target-1", "user-1"))
                .isEqualTo(ReferenceBucketing.devCycleBucketingHash("target-1", "user-1_rollout"));
    }

    @Test
    void devCycleDistributionIsWalkedInDescendingVariationIdOrder() {
        List<DevCycleFeature.Share> shares =
                List.of(new DevCycleFeature.Share("aaa", 0.5), new DevCycleFeature.Share("bbb", 0.5));
        for (BenchUser user : BenchUsers.rolloutUsers().subList(0, 64)) {
            double hash = ReferenceBucketing.devCycleBucketingHash("t", user.identifier());

            assertThat(ReferenceBucketing.devCycleVariation("t", user.identifier(), shares))
                    .isEqualTo(hash < 0.5 ? "bbb" : "aaa");
        }
    }
}
