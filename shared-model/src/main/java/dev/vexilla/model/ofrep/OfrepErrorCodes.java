package dev.vexilla.model.ofrep;

import dev.vexilla.model.ErrorKind;
import org.jspecify.annotations.Nullable;

/**
 * The {@code errorCode} values of OFREP v0.3 and their relation to {@link ErrorKind} and HTTP status.
 *
 * <p>OFREP lists {@value #PARSE_ERROR}, {@value #TARGETING_KEY_MISSING}, {@value #INVALID_CONTEXT} and
 * {@value #GENERAL} for evaluation failures (HTTP 400) and {@value #FLAG_NOT_FOUND} (HTTP 404). Vexilla servers may
 * also send the other OpenFeature codes ({@code PROVIDER_NOT_READY}, {@code TYPE_MISMATCH}, {@code PROVIDER_FATAL})
 * inside a bulk response; clients map unknown codes to {@link ErrorKind#GENERAL}.
 *
 * <p>Thread-safe: the class holds no state.
 *
 * @since 0.1.0
 */
public final class OfrepErrorCodes {

    /** The flag's configuration could not be parsed. */
    public static final String PARSE_ERROR = "PARSE_ERROR";

    /** The flag needs a targeting key and the context has none. */
    public static final String TARGETING_KEY_MISSING = "TARGETING_KEY_MISSING";

    /** The context is malformed. */
    public static final String INVALID_CONTEXT = "INVALID_CONTEXT";

    /** Any other failure. */
    public static final String GENERAL = "GENERAL";

    /** The flag does not exist. */
    public static final String FLAG_NOT_FOUND = "FLAG_NOT_FOUND";

    private OfrepErrorCodes() {}

    /**
     * Maps an error code onto an error kind.
     *
     * @param errorCode the code as sent
     * @return the kind of the same name; {@link ErrorKind#GENERAL} for a null or unknown code
     */
    public static ErrorKind toErrorKind(@Nullable String errorCode) {
        if (errorCode == null) {
            return ErrorKind.GENERAL;
        }
        try {
            return ErrorKind.valueOf(errorCode);
        } catch (IllegalArgumentException e) {
            return ErrorKind.GENERAL;
        }
    }

    /**
     * Returns the HTTP status a server answers a failed single-flag evaluation with.
     *
     * @param kind the error kind
     * @return 404 for {@code FLAG_NOT_FOUND}, 503 for {@code PROVIDER_NOT_READY}, 500 for {@code GENERAL} and
     *     {@code PROVIDER_FATAL}, otherwise 400
     */
    public static int httpStatus(ErrorKind kind) {
        switch (kind) {
            case FLAG_NOT_FOUND:
                return 404;
            case PROVIDER_NOT_READY:
                return 503;
            case GENERAL:
            case PROVIDER_FATAL:
                return 500;
            default:
                return 400;
        }
    }
}
