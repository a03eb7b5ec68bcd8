package dev.vexilla.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vexilla.model.FlagSetIds;
import org.junit.jupiter.api.Test;

final class SdkKeysTest {
    static final String K1 = "configcat-sdk-1/PKDVCLf-Hq-h-kCzMp-L7Q/psuH7BGHoUmdONrzzUOY7A";
    static final String K2 = "base64-like-key-with-padding==";

    @Test
    void parse_mapsKeysToConfigsIgnoringCommentsAndBlankLines() {
        SdkKeys keys = SdkKeys.parse("# comment\n\n  " + K1 + " = prod \r\n" + K2 + "=staging\n");

        assertThat(keys.configNameFor(K1)).hasValue("prod");
        assertThat(keys.configNameFor(K2)).hasValue("staging");
        assertThat(keys.configNames()).containsExactly("prod", "staging");
        assertThat(keys.size()).isEqualTo(2);
    }

    @Test
    void grant_carriesTheKeysFlagSetIdSoKeysOfOneConfigAreToldApart() {
        SdkKeys keys = SdkKeys.parse(K1 + " = prod\n" + K2 + " = prod\n");

        assertThat(keys.grantFor(K1)).hasValue(new SdkKeys.Grant("prod", FlagSetIds.of(K1)));
        assertThat(keys.grantFor(K2)).hasValue(new SdkKeys.Grant("prod", FlagSetIds.of(K2)));
        assertThat(SdkKeys.of(K2, "demo").grantFor(K2)).hasValue(new SdkKeys.Grant("demo", FlagSetIds.of(K2)));
        assertThat(keys.grantFor(K1 + "x")).isEmpty();
    }

    @Test
    void unknownNearMissOrNullKeys_findNothing() {
        SdkKeys keys = SdkKeys.parse(K1 + " = prod\n");

        assertThat(keys.configNameFor(K1 + "x")).isEmpty();
        assertThat(keys.configNameFor(K1.substring(1))).isEmpty();
        assertThat(keys.configNameFor(K1.toUpperCase())).isEmpty();
        assertThat(keys.configNameFor("")).isEmpty();
        assertThat(keys.configNameFor(null)).isEmpty();
        assertThat(keys.configNameFor("x".repeat(10_000))).isEmpty();
    }

    @Test
    void errors_nameTheLineNeverTheKey() {
        String secret = "short-secret";
        assertThatThrownBy(() -> SdkKeys.parse("# c\n" + secret + " = prod\n"))
                .hasMessageStartingWith("line 2: the SDK key must be 16 to 256 characters")
                .hasMessageNotContaining(secret);
        assertThatThrownBy(() -> SdkKeys.parse(K1 + " prod\n"))
                .hasMessage("line 1: expected '<sdk-key> = <config-name>'");
        assertThatThrownBy(() -> SdkKeys.parse(K1 + " = ../etc\n")).hasMessageContaining("line 1: config name");
        assertThatThrownBy(() -> SdkKeys.parse(K1 + " = a\n" + K1 + " = b\n"))
                .hasMessage("line 2: this SDK key is already listed above");
        assertThatThrownBy(() -> SdkKeys.parse("key with spaces in it!! = a\n"))
                .hasMessageContaining("visible ASCII")
                .hasMessageNotContaining("spaces");
    }

    @Test
    void toString_showsCountsAndConfigsButNoKeys() {
        SdkKeys keys = SdkKeys.parse(K1 + " = prod\n");

        assertThat(keys.toString())
                .contains("1 keys")
                .contains("prod")
                .doesNotContain(K1)
                .doesNotContain("psuH7");
    }

    @Test
    void digestLines_grantLikeTheKeyTheyDigest_withTheFlagSetIdTheyCarry() {
        SdkKeys.Digested digested = SdkKeys.digested(K1, "prod");
        SdkKeys keys = SdkKeys.parse("# added by the admin API\n" + digested.line() + "\n" + K2 + " = staging\n");

        assertThat(digested.line())
                .startsWith("sha256:")
                .doesNotContain(K1)
                .endsWith("#" + FlagSetIds.of(K1) + " = prod");
        assertThat(digested.keyId()).isEqualTo(FlagSetIds.of(K1));
        assertThat(keys.grantFor(K1)).hasValue(new SdkKeys.Grant("prod", FlagSetIds.of(K1)));
        assertThat(keys.grantFor(K2)).hasValue(new SdkKeys.Grant("staging", FlagSetIds.of(K2)));
        assertThat(keys.digests()).contains(digested).hasSize(2);
        assertThat(SdkKeys.fromDigests(keys.digests()).grantFor(K2))
                .hasValue(new SdkKeys.Grant("staging", FlagSetIds.of(K2)));
    }

    @Test
    void malformedDigestLines_areRejectedWithTheirLine() {
        assertThatThrownBy(() -> SdkKeys.parse("\nsha256:abc#x = prod\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("line 2: a digest line");
        String digestOfK1 = SdkKeys.digested(K1, "prod").digestHex();
        assertThatThrownBy(() -> SdkKeys.parse("sha256:" + digestOfK1 + "#a = prod\n" + K1 + " = prod\n"))
                .hasMessageContaining("line 2: this SDK key is already listed");
        assertThatThrownBy(() -> SdkKeys.digested("short", "prod"))
                .hasMessageStartingWith("the SDK key must be 16 to 256 characters");
    }
}
