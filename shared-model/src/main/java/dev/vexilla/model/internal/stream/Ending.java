package dev.vexilla.model.internal.stream;

import dev.vexilla.model.internal.stream.StreamStatus.Cause;

/** How one stream connection ended, and whether the client may reconnect. Immutable. */
final class Ending {
    /** The client was closed; nothing is reported. */
    static final Ending CLOSED = new Ending(Cause.NONE, 0, "closed", false);

    final Cause cause;
    final int httpStatus;
    final String message;
    final boolean permanent;

    private Ending(Cause cause, int httpStatus, String message, boolean permanent) {
        this.cause = cause;
        this.httpStatus = httpStatus;
        this.message = message;
        this.permanent = permanent;
    }

    static Ending recoverable(Cause cause, int httpStatus, String message) {
        return new Ending(cause, httpStatus, message, false);
    }

    static Ending permanent(Cause cause, int httpStatus, String message) {
        return new Ending(cause, httpStatus, message, true);
    }

    /**
     * Classifies a response status other than 200: 204 and every 4xx except 400, 408 and 429 are permanent (the
     * server refuses the stream, or the key is wrong); 400, 408, 429, 5xx and unfollowed 1xx/2xx/3xx are
     * recoverable.
     */
    static Ending forStatus(int code) {
        if (code == 204) {
            return permanent(Cause.NO_CONTENT, code, "HTTP 204: the server asks not to reconnect");
        }
        boolean recoverable = code >= 500 || code == 400 || code == 408 || code == 429 || code < 400;
        String message = "HTTP " + code + (code == 401 || code == 403 ? ": access denied, check the SDK key" : "");
        return recoverable ? recoverable(Cause.HTTP_ERROR, code, message) : permanent(Cause.HTTP_ERROR, code, message);
    }
}
