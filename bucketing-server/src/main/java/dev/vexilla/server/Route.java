package dev.vexilla.server;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One endpoint's request handling. A route completes {@code callback} exactly once (possibly later, as the change
 * stream does), or throws an {@link HttpError} before writing anything, which the {@link ApiHandler} turns into a
 * JSON error response.
 */
@FunctionalInterface
interface Route {
    /**
     * Handles one request.
     *
     * @param request the request
     * @param response the response
     * @param callback completed when the response is done
     * @throws Exception any failure; {@link HttpError} gives its status, anything else 500
     */
    void handle(Request request, Response response, Callback callback) throws Exception;
}
