package dev.vexilla.engine;

import java.util.Objects;

/**
 * Thrown when a config JSON cannot be used at all: it is not JSON, exceeds the read limits, or its top-level
 * structure has the wrong types. The message starts with the JSON path of the problem, for example
 * {@code "f.myFlag.r[2].c[0].u.c: unknown comparator 99"}.
 *
 * <p>A problem inside one flag does not make parsing fail: only that flag is broken and evaluates to a
 * {@code PARSE_ERROR}. A strict parse (ConfigCat's {@code parseStrict}) rejects such configs with this
 * exception instead.
 *
 * @since 0.1.0
 */
public final class ConfigParseException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String path;

    /**
     * Creates an exception.
     *
     * @param path the JSON path of the problem, {@code ""} for the document itself
     * @param reason why the config cannot be used
     */
    public ConfigParseException(String path, String reason) {
        super(path.isEmpty() ? reason : path + ": " + reason);
        this.path = Objects.requireNonNull(path, "path");
    }

    /**
     * Creates an exception with a cause.
     *
     * @param path the JSON path of the problem, {@code ""} for the document itself
     * @param reason why the config cannot be used
     * @param cause the underlying exception
     */
    public ConfigParseException(String path, String reason, Throwable cause) {
        super(path.isEmpty() ? reason : path + ": " + reason, cause);
        this.path = Objects.requireNonNull(path, "path");
    }

    /**
     * Returns the JSON path of the problem, such as {@code "f.myFlag.r[2].c[0].u.c"}.
     *
     * @return the path, {@code ""} when the problem is the document as a whole
     */
    public String path() {
        return path;
    }
}
