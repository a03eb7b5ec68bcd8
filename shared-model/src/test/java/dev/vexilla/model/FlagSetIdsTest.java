package dev.vexilla.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class FlagSetIdsTest {

    @ParameterizedTest
    @CsvSource({
        // expected values: the first 16 hex digits of `printf '<key>' | sha256sum`
        "vexilla-demo-key-0000000000000000, 91273725953b74da",
        "cloud-test-key-0123456789abcdef, f116dd68272ea0fc",
        "'', e3b0c44298fc1c14"
    })
    void idIsTheFirstSixteenHexDigitsOfTheKeysSha256(String key, String expected) {
        assertThat(FlagSetIds.of(key)).isEqualTo(expected).hasSize(FlagSetIds.LENGTH);
    }

    @Test
    void idNeverContainsTheKeyAndDiffersPerKey() {
        String key = "configcat-sdk-1/AAAAAAAAAAAAAAAAAAAAAA/BBBBBBBBBBBBBBBBBBBBBB";

        assertThat(FlagSetIds.of(key)).doesNotContain("AAAA").matches("[0-9a-f]{16}");
        assertThat(FlagSetIds.of(key)).isNotEqualTo(FlagSetIds.of(key + "C"));
    }

    @Test
    void nullKeyIsRejectedWithItsName() {
        assertThatThrownBy(() -> FlagSetIds.of(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("sdkKey");
    }
}
