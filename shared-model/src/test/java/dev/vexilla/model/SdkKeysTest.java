package dev.vexilla.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

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

    void realKeyShapesAreValid(String key) {
        assertThat(SdkKeys.requireValid(key)).isEqualTo(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"has space", "new\nline", "query?x", "pct%20", "ü-key", "hash#"})
    void keysWithCharactersOutsideAUrlPathAreRejectedWithoutEchoingThem(String key) {
        assertThatThrownBy(() -> SdkKeys.requireValid(key))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("sdkKey may hold only letters, digits and - _ . ~ /")
                .hasMessageNotContaining(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/../b", "/leading", "trailing/"})
    void pathTricksAreRejected(String key) {
        assertThatThrownBy(() -> SdkKeys.requireValid(key))
                .hasMessage("sdkKey must not contain '..' or start or end with '/'");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 257})
    void emptyOrOverlongKeysAreRejected(int length) {
        assertThatThrownBy(() -> SdkKeys.requireValid("k".repeat(length)))
                .hasMessage("sdkKey must have 1 to 256 characters, had " + length);
    }
}
