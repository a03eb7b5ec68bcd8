package dev.vexilla.local.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class CacheEntryTest {
    private static final String JSON = "{\"f\":{\"a\":{\"t\":0,\"v\":{\"b\":true}}}}\n";

    @Test
    void cacheKeyIsConfigCatsSha1OfKeyAndSuffix() throws Exception {
        String sdkKey = "configcat-sdk-1/PKDVCLf-Hq-h-kCzMp-L7Q/HhOWfwVtZ0mb30i9wi17GQ";
        byte[] digest = MessageDigest.getInstance("SHA-1")
                .digest((sdkKey + "_config_v6.json_v2").getBytes(StandardCharsets.UTF_8));
        StringBuilder expected = new StringBuilder();
        for (byte b : digest) {
            expected.append(String.format("%02x", b));
        }

        assertThat(CacheEntry.cacheKey(sdkKey))
                .isEqualTo(expected.toString())
                .hasSize(40)
                .doesNotContain("PKDV");
    }

    @Test
    void encodeWritesConfigCatsFormat() {
        CacheEntry entry = new CacheEntry(Instant.ofEpochMilli(1_700_000_000_123L), "W/\"abc\"", JSON);

        assertThat(entry.encode()).isEqualTo("1700000000123\nW/\"abc\"\n" + JSON);
    }

    @Test
    void decodeReadsWhatEncodeWrote() {
        CacheEntry entry = new CacheEntry(Instant.parse("2026-03-04T05:06:07.891Z"), "etag-1", JSON);

        CacheEntry back = CacheEntry.decode(entry.encode());

        assertThat(back).isEqualTo(entry);
        assertThat(back.fetchTime()).isEqualTo(Instant.parse("2026-03-04T05:06:07.891Z"));
        assertThat(back.etag()).isEqualTo("etag-1");
        assertThat(back.configJson()).isEqualTo(JSON);
    }

    @Test
    void jsonMayContainLineBreaks() {
        CacheEntry back = CacheEntry.decode("5\ne\n{\n\"f\": {}\n}");

        assertThat(back.configJson()).isEqualTo("{\n\"f\": {}\n}");
    }

    @Test
    void fetchTimeIsKeptInWholeMilliseconds() {
        CacheEntry entry = new CacheEntry(Instant.parse("2026-01-01T00:00:00.123456789Z"), "e", "{}");

        assertThat(entry.fetchTime()).isEqualTo(Instant.parse("2026-01-01T00:00:00.123Z"));
    }

    @Test
    void withFetchTimeKeepsEtagAndJson() {
        CacheEntry entry = new CacheEntry(Instant.ofEpochMilli(1), "e", "{}");

        CacheEntry bumped = entry.withFetchTime(Instant.ofEpochMilli(99));

        assertThat(bumped.encode()).isEqualTo("99\ne\n{}");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "no line break at all|malformed cache entry: expected 'fetchTimeMillis\\netag\\nconfigJson', found no"
                        + " line break",
                "12\\netag-only|malformed cache entry: expected 'fetchTimeMillis\\netag\\nconfigJson', found one line"
                        + " break",
                "12x\\ne\\n{}|malformed cache entry: fetch time '12x' is not a whole number",
                "\\ne\\n{}|malformed cache entry: fetch time '' is not a whole number",
                "-4\\ne\\n{}|malformed cache entry: fetch time -4 is negative",
                "12\\n\\n{}|malformed cache entry: the etag is empty",
                "12\\ne\\n|malformed cache entry: the config JSON is empty"
            })
    void malformedEntriesAreRejectedWithAClearMessage(String raw, String message) {
        String value = raw.replace("\\n", "\n");

        assertThatThrownBy(() -> CacheEntry.decode(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void invalidEntriesCannotBeBuilt() {
        Instant now = Instant.ofEpochMilli(5);

        assertThatThrownBy(() -> new CacheEntry(now, "", "{}")).hasMessageContaining("etag must be non-empty");
        assertThatThrownBy(() -> new CacheEntry(now, "a\nb", "{}")).hasMessageContaining("on one line");
        assertThatThrownBy(() -> new CacheEntry(now, "e", "")).hasMessage("configJson must not be empty");
        assertThatThrownBy(() -> new CacheEntry(Instant.ofEpochMilli(-1), "e", "{}"))
                .hasMessageContaining("fetchTime must not be before 1970");
    }

    @Test
    void toStringShowsSizesNotTheConfig() {
        CacheEntry entry = new CacheEntry(Instant.ofEpochMilli(5), "e", "{\"secret\":1}");

        assertThat(entry.toString()).contains("etag=e", "configJsonLength=12").doesNotContain("secret");
    }
}
