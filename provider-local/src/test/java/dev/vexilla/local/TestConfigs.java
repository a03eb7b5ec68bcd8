package dev.vexilla.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The test configs of this package: {@code flags-a.json} and {@code flags-b.json} (textRule, doubleFlag, newFlag differ). */
final class TestConfigs {

    static final String SDK_KEY = "test-sdk-key-0123456789abcdef";
    static final String A = read("flags-a.json");
    static final String B = read("flags-b.json");

    private TestConfigs() {}

    private static String read(String name) {
        try (InputStream in = TestConfigs.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A complete raw HTTP/1.1 200 response carrying a config and an ETag. */
    static String rawOk(String json, String etag) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nETag: " + etag + "\r\nContent-Length: "
                + body.length + "\r\nConnection: close\r\n\r\n" + json;
    }
}
