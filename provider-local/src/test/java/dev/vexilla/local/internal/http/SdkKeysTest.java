package dev.vexilla.local.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class SdkKeysTest {
    @ParameterizedTest
    @CsvSource({
        "configcat-sdk-1/PKDVCLf-Hq-h-kCzMp-L7Q/HhOWfwVtZ0mb30i9wi17GQ, sdk-****i17GQ",
        "abcdefghijk, sdk-****ghijk",
        "abcdefghij, sdk-****",
        "x, sdk-****"
    })
    void redactKeepsOnlyTheLastFiveCharactersOfLongKeys(String key, String redacted) {
        assertThat(SdkKeys.redact(key)).isEqualTo(redacted);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "configcat-sdk-1/PKDVCLf-Hq-h-kCzMp-L7Q/HhOWfwVtZ0mb30i9wi17GQ",
                "PKDVCLf-Hq-h-kCzMp-L7Q/HhOWfwVtZ0mb30i9wi17GQ",
                "configcat-proxy/my_proxy.key~1"
            })
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
