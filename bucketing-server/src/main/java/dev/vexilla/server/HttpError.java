package dev.vexilla.server;

import org.jspecify.annotations.Nullable;

/**
 * An error a route answers with: an HTTP status and a message for the JSON error body. The message is sent to the
 * client, so it must never contain an SDK key or private user data.
 */
final class HttpError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final byte @Nullable [] body;

    /**
     * Creates the error; it is answered with the DevCycle-shaped body {@code {"statusCode":…,"message":…}}.
     *
     * @param status the HTTP status, 4xx or 5xx
     * @param message the client-facing message
     */
    HttpError(int status, String message) {
        this(status, message, null);
    }

    /**
     * Creates the error with its own JSON body (OFREP's error shapes, or DevCycle's with the Vexilla extension).
     *
     * @param status the HTTP status, 4xx or 5xx
     * @param message the message, for logs and tests
     * @param body the JSON body to answer with, or null for the DevCycle-shaped default
     */
    HttpError(int status, String message, byte @Nullable [] body) {
        super(message, null, false, false);
        this.status = status;
        this.body = body;
    }

    /**
     * Returns the JSON body to answer with.
     *
     * @return the body, or null for the DevCycle-shaped default built from the message
     */
    byte @Nullable [] body() {
        return body;
    }

    /** @return the HTTP status */
    int status() {
        return status;
    }
}
