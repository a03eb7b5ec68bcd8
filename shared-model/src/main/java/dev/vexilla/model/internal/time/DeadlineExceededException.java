package dev.vexilla.model.internal.time;

import java.io.InterruptedIOException;

/**
 * Thrown when an I/O operation is abandoned because its {@link Deadline} passed. It is an
 * {@link InterruptedIOException}, like a socket timeout, so callers that treat timeouts as transient failures treat
 * it so too.
 *
 * @since 0.1.0
 */
public final class DeadlineExceededException extends InterruptedIOException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what passed and while doing what; never a secret
     */
    public DeadlineExceededException(String message) {
        super(message);
    }
}
