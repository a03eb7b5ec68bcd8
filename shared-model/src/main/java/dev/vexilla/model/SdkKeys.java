package dev.vexilla.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Redaction of SDK keys for {@code toString()}, logs and exception messages.
 *
 * <p>An SDK key is a secret: it travels only in an HTTP header. Wherever a key has to be identified by a human, use
 * {@link #redact(String)}, which keeps only its last {@value #VISIBLE_SUFFIX_LENGTH} characters.
 *
 * <pre>{@code
 * SdkKeys.redact("configcat-sdk-1/abcdefghij/klmnopqrstu") // "sdk-****qrstu"
 * SdkKeys.redact("short")                                  // "****"
 * }</pre>
 *
 * <p>Thread-safe: the class holds no state.
 *
 * @since 0.1.0
 */
public final class SdkKeys {

    /** How many trailing characters of a key stay visible. */
    public static final int VISIBLE_SUFFIX_LENGTH = 5;

    /** Keys shorter than this are redacted completely, since their suffix would reveal too much of them. */
    public static final int MIN_LENGTH_TO_SHOW_SUFFIX = 12;

    /** The text that replaces a key that is too short to show any of it, or absent. */
    public static final String FULLY_REDACTED = "****";

    /** The longest key accepted by {@link #requireValid(String)}. */
    public static final int MAX_LENGTH = 256;

    private static final String PREFIX = "sdk-****";

    private SdkKeys() {}

    /**
     * Returns a redacted form of an SDK key that is safe to log.
     *
     * @param sdkKey the key, may be {@code null}
     * @return {@code "sdk-****"} followed by the last {@value #VISIBLE_SUFFIX_LENGTH} characters of the key, or
     *     {@value #FULLY_REDACTED} when the key is {@code null} or shorter than {@value #MIN_LENGTH_TO_SHOW_SUFFIX}
     *     characters
     */
    public static String redact(@Nullable String sdkKey) {
        if (sdkKey == null || sdkKey.length() < MIN_LENGTH_TO_SHOW_SUFFIX) {
            return FULLY_REDACTED;
        }
        return PREFIX + sdkKey.substring(sdkKey.length() - VISIBLE_SUFFIX_LENGTH);
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
