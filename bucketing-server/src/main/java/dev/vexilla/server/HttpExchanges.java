package dev.vexilla.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/** Static helpers the routes share: JSON responses, JSON errors, content type and auth. */
final class HttpExchanges {
    static final String JSON = "application/json";

    private HttpExchanges() {}

    /**
     * Writes a complete JSON response.
     *
     * @param response the response
     * @param callback completed when written
     * @param status the HTTP status
     * @param body the JSON body
     */
    static void writeJson(Response response, Callback callback, int status, JsonNode body) {
        writeJson(response, callback, status, body.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes a complete JSON response from bytes.
     *
     * @param response the response
     * @param callback completed when written
     * @param status the HTTP status
     * @param body the JSON bytes
     */
    static void writeJson(Response response, Callback callback, int status, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /**
     * Writes the DevCycle-shaped JSON error {@code {"statusCode":…,"message":…}}.
     *
     * @param response the response
     * @param callback completed when written
     * @param status the HTTP status
     * @param message the client-facing message
     */
    static void writeError(Response response, Callback callback, int status, String message) {
        writeJson(response, callback, status, errorBody(status, message));
    }

    /**
     * Builds the JSON error body.
     *
     * @param status the HTTP status
     * @param message the message
     * @return {@code {"statusCode":status,"message":message}}
     */
    static ObjectNode errorBody(int status, String message) {
        ObjectNode body = ServerJson.mapper().createObjectNode();
        body.put("statusCode", status);
        body.put("message", message);
        return body;
    }

    /**
     * Checks that the request declares a JSON body.
     *
     * @param request the request
     * @throws HttpError 415 when the content type is missing or not JSON
     */
    static void requireJsonContentType(Request request) {
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        String mime = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!mime.equals(JSON) && !(mime.startsWith("application/") && mime.endsWith("+json"))) {
            throw new HttpError(415, "Content-Type must be application/json");
        }
    }

    /**
     * Returns the SDK key from the {@code Authorization} header: the raw value, or the token after
     * {@code Bearer }.
     *
     * @param request the request
     * @return the presented key, or null when the header is absent or blank
     */
    static @Nullable String sdkKey(Request request) {
        String value = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (value == null) {
            return null;
        }
        String key = value.strip();
        if (key.regionMatches(true, 0, "Bearer ", 0, 7)) {
            key = key.substring(7).strip();
        }
        return key.isEmpty() ? null : key;
    }
}
