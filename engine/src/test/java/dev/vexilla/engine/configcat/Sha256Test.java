package dev.vexilla.engine.configcat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

final class Sha256Test {

    @Property(tries = 1000)
    void digestEqualsMessageDigest(
            @ForAll @StringLength(max = 200) String value, @ForAll @Size(max = 100) byte[] suffix)
            throws NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update(value.getBytes(StandardCharsets.UTF_8));
        byte[] expected = md.digest(suffix);

        assertThat(Sha256.toHex(Sha256.digest(value, suffix))).isEqualTo(hex(expected));
    }

    @Test
    void sliceHashesOnlyTheSlice() throws NoSuchAlgorithmException {
        byte[] bytes = "hello world".getBytes(StandardCharsets.UTF_8);
        byte[] expected = MessageDigest.getInstance("SHA-256").digest("worldSALT".getBytes(StandardCharsets.UTF_8));

        assertThat(Sha256.digest(bytes, 6, 5, "SALT".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(Sha256.parseHex(hex(expected)));
    }

    @Test
    void parseHexAcceptsOnlyLowerCaseSixtyFourDigits() {
        String hex = "a".repeat(64);
        assertThat(Sha256.toHex(Sha256.parseHex(hex))).isEqualTo(hex);
        assertThat(Sha256.parseHex("A".repeat(64))).isNull();
        assertThat(Sha256.parseHex("a".repeat(63))).isNull();
        assertThat(Sha256.parseHex("g".repeat(64))).isNull();
    }

    private static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            sb.append(String.format("%02x", b));
        }
        return sb.toString();
    }
}
