package dev.vexilla.local.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

final class Sha1Test {

    private static byte[] reference(String prefix, String value) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-1").digest((prefix + value).getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 1000)
    void bucketIsFirstSevenHexDigitsModulo100(@ForAll @StringLength(max = 60) String key, @ForAll String value)
            throws NoSuchAlgorithmException {
        byte[] digest = reference(key, value);
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            hex.append(String.format("%02x", digest[i]));
        }
        int expected = Integer.parseInt(hex.substring(0, 7), 16) % 100;

        assertThat(Sha1.bucket(key, value)).isEqualTo(expected);
        assertThat(Sha1.portableBucket(key, value)).isEqualTo(expected);
    }
}
