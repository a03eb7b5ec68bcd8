package dev.vexilla.engine.configcat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class Sha1Test {

    /** ConfigCat's definition, computed the slow and obvious way: hex digits of the full digest. */
    private static int reference(String key, String value) throws NoSuchAlgorithmException {
        byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + value).getBytes(StandardCharsets.UTF_8));
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            hex.append(String.format("%02x", digest[i]));
        }
        return Integer.parseInt(hex.substring(0, 7), 16) % 100;
    }

    private static void assertEveryPathMatches(String key, String value) throws NoSuchAlgorithmException {
        assertThat(Sha1.bucket(key, value)).as("bucket of %s + %s", key, value).isEqualTo(reference(key, value));
    }

    @Property(tries = 1000)
    void anyTextBucketsAsConfigCat(@ForAll @StringLength(max = 60) String key, @ForAll String value)
            throws NoSuchAlgorithmException {
        assertEveryPathMatches(key, value);
    }

    @Property(tries = 500)
    void asciiTextBucketsAsConfigCat(
            @ForAll @StringLength(max = 40) @CharRange(to = '\u007f') String key,
            @ForAll @StringLength(max = 300) @CharRange(to = '\u007f') String value)
            throws NoSuchAlgorithmException {
        assertEveryPathMatches(key, value);
    }

    @Property(tries = 500)
    void latin1TextBucketsAsConfigCat(
            @ForAll @StringLength(max = 20) @CharRange(to = '\u00ff') String key,
            @ForAll @StringLength(max = 150) @CharRange(to = '\u00ff') String value)
            throws NoSuchAlgorithmException {
        assertEveryPathMatches(key, value);
    }

    @Property(tries = 500)
    void bmpAndSupplementaryTextBucketsAsConfigCat(@ForAll("unicode") String key, @ForAll("unicode") String value)
            throws NoSuchAlgorithmException {
        assertEveryPathMatches(key, value);
    }

    @Provide
    Arbitrary<String> unicode() {
        Arbitrary<String> ascii = Arbitraries.strings().withCharRange('a', 'z').ofMaxLength(3);
        Arbitrary<String> bmp =
                Arbitraries.strings().withCharRange('\u0100', '\ud7ff').ofMaxLength(3);
        Arbitrary<String> supplementary = Arbitraries.integers()
                .between(Character.MIN_SUPPLEMENTARY_CODE_POINT, Character.MAX_CODE_POINT)
                .map(Character::toString);
        Arbitrary<String> loneSurrogate =
                Arbitraries.chars().range('\ud800', '\udfff').map(String::valueOf);
        return Arbitraries.oneOf(ascii, bmp, supplementary, loneSurrogate)
                .list()
                .ofMaxSize(40)
                .map(parts -> String.join("", parts));
    }

    @Test
    void everyMessageLengthAroundBlockAndBufferBoundariesMatches() throws NoSuchAlgorithmException {
        String key = "s3_rollout";
        for (int n = 0; n <= Sha1.MAX_BUFFERED + 10; n++) {
            assertEveryPathMatches(key, "u".repeat(n));
            assertEveryPathMatches(key, "é".repeat(n / 2));
            assertEveryPathMatches(key, "ü€🆃".repeat(n / 9) + "x".repeat(n % 9));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {45, 46, 54, 55, 56, 63, 64, 65, 109, 110, 119, 120, 121, 246, 247, 256, 257})
    void messagesAroundPaddingLimitsMatch(int messageBytes) throws NoSuchAlgorithmException {
        String key = "flagKey-10";
        String value = "v".repeat(messageBytes - key.length());

        assertEveryPathMatches(key, value);
        assertEveryPathMatches("", key + value);
    }

    @Test
    void emptyKeyAndValueMatch() throws NoSuchAlgorithmException {
        assertEveryPathMatches("", "");
        assertEveryPathMatches("flag", "");
        assertEveryPathMatches("", "user");
    }

    @Test
    void surrogatePairSplitBetweenKeyAndValueIsOneCodePoint() throws NoSuchAlgorithmException {
        String pair = "🆃";
        String high = pair.substring(0, 1);
        String low = pair.substring(1);

        assertEveryPathMatches("flag" + high, low + "user");
        assertEveryPathMatches("flag" + high, "user");
        assertEveryPathMatches("flag", low + "user");
        assertEveryPathMatches("flag" + low, high);
    }

    @Test
    void utf8EncodingEqualsTheJdkEncoderAndRefusesWhatDoesNotFit() {
        String key = "fl\u00e4g\ud83c";
        String value = "\udd83u\u20acser\udc00";
        byte[] expected = (key + value).getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[expected.length];

        assertThat(Sha1.Utf8.encode(key, value, out)).isEqualTo(expected.length);
        assertThat(out).isEqualTo(expected);
        assertThat(Sha1.Utf8.encode(key, value, new byte[expected.length - 1])).isEqualTo(-1);
    }

    @Test
    void concurrentCallersAllGetTheRightBucket() throws Exception {
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> wrong = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int seed = t;
                Callable<Integer> task = () -> {
                    String key = "flag-" + seed;
                    int mismatches = 0;
                    for (int i = 0; i < 2_000; i++) {
                        String value = "user-" + i;
                        if (Sha1.bucket(key, value) != reference(key, value)) {
                            mismatches++;
                        }
                    }
                    return mismatches;
                };
                wrong.add(pool.submit(task));
            }
            for (Future<Integer> result : wrong) {
                assertThat(result.get(60, TimeUnit.SECONDS)).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
