package dev.vexilla.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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
}
