package dev.vexilla.local.internal.http;

import java.util.Objects;

/**
 * Checks and redacts SDK keys. The raw key must never reach a log line, a {@code toString()} or an exception
 * message; {@link #redact} gives the form that may ({@code sdk-****abcde}: the last five characters only).
 *
 * @since 0.1.0
 */
public final class SdkKeys {
    private static final int VISIBLE_TAIL = 5;
    private static final int MAX_LENGTH = 256;

    private SdkKeys() {}

    /**
     * Returns the redacted form of a key: {@code sdk-****} followed by its last five characters (none when the key
     * is ten characters or shorter, so short keys are not revealed whole).
     *
     * @param sdkKey the key
     * @return the redacted key
     */
    public static String redact(String sdkKey) {
        Objects.requireNonNull(sdkKey, "sdkKey");
        if (sdkKey.length() <= 2 * VISIBLE_TAIL) {
            return "sdk-****";
        }
        return "sdk-****" + sdkKey.substring(sdkKey.length() - VISIBLE_TAIL);
    }

    /**
     * Checks that a key can be placed in a URL path (ConfigCat's CDN path carries it) and in a header: 1 to 256
     * characters among letters, digits and {@code - _ . ~ /}, and no {@code ..} segment. The message of the
     * exception never contains the key.
     *
     * @param sdkKey the key
     * @return the key
     * @throws IllegalArgumentException if the key is empty, too long or holds another character
     */
    public static String requireValid(String sdkKey) {
        Objects.requireNonNull(sdkKey, "sdkKey");
        if (sdkKey.isEmpty() || sdkKey.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "sdkKey must have 1 to " + MAX_LENGTH + " characters, had " + sdkKey.length());
        }
        for (int i = 0; i < sdkKey.length(); i++) {
            char c = sdkKey.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_'
                    || c == '.'
                    || c == '~'
                    || c == '/';
            if (!ok) {
                throw new IllegalArgumentException("sdkKey may hold only letters, digits and - _ . ~ /,"
                        + " but has another character at index " + i);
            }
        }
        if (sdkKey.contains("..") || sdkKey.startsWith("/") || sdkKey.endsWith("/")) {
            throw new IllegalArgumentException("sdkKey must not contain '..' or start or end with '/'");
        }
        return sdkKey;
    }
}
