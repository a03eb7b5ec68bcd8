package dev.vexilla.server;

import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * Makes the errors Jetty produces itself (unparseable requests: 400; oversized request line or headers: 431;
 * failures outside the routes) answer with the same JSON body as the routes, {@code {"statusCode":…,"message":…}},
 * and counts them under the route label {@value ApiHandler#UNMATCHED}. Messages are Jetty's generic reason
 * phrases, never request content.
 */
final class JsonErrorHandler extends ErrorHandler {
    private final MetricsRegistry.Counter requests;

    /**
     * Creates the handler.
     *
     * @param requests the request counter shared with {@link ApiHandler}
     */
    JsonErrorHandler(MetricsRegistry.Counter requests) {
        this.requests = requests;
        setShowStacks(false);
        setShowCauses(false);
    }

    @Override
    protected void generateResponse(
            Request request,
            Response response,
            int code,
            @Nullable String message,
            @Nullable Throwable cause,
            Callback callback) {
        requests.inc(ApiHandler.UNMATCHED, Integer.toString(code));
        HttpExchanges.writeError(response, callback, code, messageFor(code, message));
    }

    private static String messageFor(int status, @Nullable String reason) {
        String phrase = HttpStatus.getMessage(status);
        if (status == 431) {
            return "Request header fields too large";
        }
        return phrase == null || phrase.isEmpty() ? (reason == null ? "Error" : reason) : phrase;
    }
}
