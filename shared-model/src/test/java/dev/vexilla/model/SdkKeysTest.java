package dev.vexilla.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;

final class SdkKeysTest {

    @ParameterizedTest
    @CsvSource({
        "configcat-sdk-1/PKDVCLf-Hq-h-kCzMp-L7Q/psuH7BGHoUmdONrzzUOY7A, sdk-****UOY7A",
        "dvc_server_12345678-aaaa-bbbb-cccc-abcdefabcde, sdk-****bcde",
        "exactly12chr, sdk-****12chr",
        "elevenchars, ****",
        "short, ****",
        "'', ****"
    })
    void redactKeepsOnlyTheLastFiveCharactersOfLongEnoughKeys(String key, String expected) {
        String redacted = SdkKeys.redact(key);

        if (key.length() >= SdkKeys.MIN_LENGTH_TO_SHOW_SUFFIX) {
            assertThat(redacted).isEqualTo("sdk-****" + key.substring(key.length() - 5));
        } else {
            assertThat(redacted).isEqualTo(expected);
        }
        assertThat(key.isEmpty() || !redacted.contains(key)).isTrue();
    }

    @ParameterizedTest
    @NullSource
    void nullKeyIsFullyRedacted(String key) {
        assertThat(SdkKeys.redact(key)).isEqualTo(SdkKeys.FULLY_REDACTED);
    }
}
