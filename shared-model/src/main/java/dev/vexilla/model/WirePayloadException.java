package dev.vexilla.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A JSON payload that could not be read: malformed JSON, a value of the wrong type, a missing required field, or a
 * document beyond the configured read limits.
 *
 * <p>The message always names where the problem is, as a JSON path from the document root (for example
 * {@code "$.user.customData.plan: expected a string"}). It never contains payload values, so it is safe to log and
 * to return to an HTTP client.
 *
 * @since 0.1.0
 */
public final class WirePayloadException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The JSON path of the problem. */
    private final String path;

    /** What is wrong at {@link #path}. */
    private final String problem;

    /**
     * Creates the exception.
     *
     * @param path the JSON path of the problem, starting with {@code $}
     * @param problem what is wrong there, for example {@code "expected a string"}
     * @param cause the underlying parser failure, or {@code null}
     */
    public WirePayloadException(String path, String problem, @Nullable Throwable cause) {
        super(Objects.requireNonNull(path, "path") + ": " + Objects.requireNonNull(problem, "problem"), cause);
        this.path = path;
        this.problem = problem;
    }

    /**
     * Returns the JSON path of the problem.
     *
     * @return a path such as {@code $.flags[2].key}; {@code $} for the whole document
     */
    public String path() {
        return path;
    }

    /**
     * Returns what is wrong, without the path.
     *
     * @return the problem description
     */
    public String problem() {
        return problem;
    }
}
