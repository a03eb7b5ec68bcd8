package dev.vexilla.server;

import java.util.Objects;

/**
 * Thrown by a {@link ConfigValidator} when a config file is rejected. The message says what is wrong and
 * {@link #jsonPath()} says where, e.g. {@code $.f.myFlag.r[0].c[1].u.c}. Messages never contain SDK keys.
 *
 * @since 0.1.0
 */
public final class InvalidConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String jsonPath;
    private final String reason;

    /**
     * Creates the exception.
     *
     * @param jsonPath where the problem is, as a JSONPath-style location ({@code $} for the root)
     * @param reason what is wrong
     */
    public InvalidConfigException(String jsonPath, String reason) {
        this(jsonPath, reason, null);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param jsonPath where the problem is ({@code $} for the root)
     * @param reason what is wrong
     * @param cause the underlying error, may be null
     */
    public InvalidConfigException(String jsonPath, String reason, @org.jspecify.annotations.Nullable Throwable cause) {
        super(reason + " at " + jsonPath, cause);
        this.jsonPath = Objects.requireNonNull(jsonPath, "jsonPath");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * Returns where the problem is.
     *
     * @return the JSON path, {@code $} for the root
     */
    public String jsonPath() {
        return jsonPath;
    }

    /**
     * Returns what is wrong, without the location.
     *
     * @return the reason
     */
    public String reason() {
        return reason;
    }
}
