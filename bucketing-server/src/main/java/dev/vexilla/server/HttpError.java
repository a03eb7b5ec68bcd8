package dev.vexilla.server;

/**
 * An error a route answers with: an HTTP status and a message for the JSON error body. The message is sent to the
 * client, so it must never contain an SDK key or private user data.
 */
final class HttpError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    /**
     * Creates the error.
     *
     * @param status the HTTP status, 4xx or 5xx
     * @param message the client-facing message
     */
    HttpError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    /** @return the HTTP status */
    int status() {
        return status;
    }
}
