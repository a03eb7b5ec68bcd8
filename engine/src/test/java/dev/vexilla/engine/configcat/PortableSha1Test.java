package dev.vexilla.engine.configcat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

final class PortableSha1Test {

    private static byte[] reference(String prefix, String value) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-1").digest((prefix + value).getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 2000)
    void digestEqualsMessageDigest(
            @ForAll @StringLength(max = 150) String prefix, @ForAll @StringLength(max = 150) String value)
            throws NoSuchAlgorithmException {
        assertThat(PortableSha1.digest(prefix, value)).isEqualTo(reference(prefix, value));
    }

    @Test
    void everyMessageLengthAroundBlockBoundariesMatches() throws NoSuchAlgorithmException {
        for (int n = 0; n < 200; n++) {
            String ascii = "k".repeat(n);
            String unicode = "é🆃".repeat(n % 40);
            String key = "f".repeat(n % 70);
            assertThat(PortableSha1.digest(key, ascii)).as("ascii %d", n).isEqualTo(reference(key, ascii));
            assertThat(PortableSha1.digest(key, unicode)).as("unicode %d", n).isEqualTo(reference(key, unicode));
            assertThat(PortableSha1.digest(unicode, ascii))
                    .as("unicode key %d", n)
                    .isEqualTo(reference(unicode, ascii));
        }
    }

    @Test
    void surrogatePairSplitBetweenTheTwoPartsIsHashedAsOneCodePoint() throws NoSuchAlgorithmException {
        String pair = "\ud83c\udd83";
        String high = pair.substring(0, 1);
        String low = pair.substring(1);

        assertThat(PortableSha1.digest("flag" + high, low + "user")).isEqualTo(reference("flag" + high, low + "user"));
        assertThat(PortableSha1.digest("flag" + high, "user")).isEqualTo(reference("flag" + high, "user"));
        assertThat(PortableSha1.digest("flag", low)).isEqualTo(reference("flag", low));
    }
}
