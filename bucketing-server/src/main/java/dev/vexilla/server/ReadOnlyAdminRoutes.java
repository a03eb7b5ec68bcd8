package dev.vexilla.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The admin API of a server whose configs cannot be changed here (relay mode: they change at the upstream). Every
 * route of {@link AdminRoutes} is present and guarded by the same bearer token (401 without it), then answers 405
 * with a JSON message saying why, so a deploy script pointed at a relay fails clearly instead of with a 404 that
 * looks like a wrong URL. Nothing is read or written.
 */
final class ReadOnlyAdminRoutes {
    private static final Pattern CONFIG_PATH = Pattern.compile("/admin/v1/configs/[^/]+");
    private static final Pattern VERSIONS_PATH = Pattern.compile("/admin/v1/configs/[^/]+/versions");
    private static final Pattern ROLLBACK_PATH = Pattern.compile("/admin/v1/configs/[^/]+/rollback");
    private static final Pattern KEY_PATH = Pattern.compile("/admin/v1/keys/[^/]+");

    private final byte[] tokenDigest;
    private final String message;

    /**
     * Creates the routes.
     *
     * @param token the admin token
     * @param message why nothing can be changed, e.g. {@code relay mode: configs are read-only; ...}
     */
    ReadOnlyAdminRoutes(String token, String message) {
        this.tokenDigest = sha256(Objects.requireNonNull(token, "token"));
        this.message = Objects.requireNonNull(message, "message");
    }

    /**
     * Adds the refusing routes to a handler, one per operation of the admin API.
     *
     * @param api the handler
     * @return the handler
     */
    ApiHandler register(ApiHandler api) {
        Route refuse = this::refuse;
        return api.route("GET", AdminRoutes.CONFIGS, refuse)
                .route("PUT", AdminRoutes.CONFIG, CONFIG_PATH.asMatchPredicate(), refuse)
                .route("GET", AdminRoutes.CONFIG, CONFIG_PATH.asMatchPredicate(), refuse)
                .route("DELETE", AdminRoutes.CONFIG, CONFIG_PATH.asMatchPredicate(), refuse)
                .route("GET", AdminRoutes.VERSIONS, VERSIONS_PATH.asMatchPredicate(), refuse)
                .route("POST", AdminRoutes.ROLLBACK, ROLLBACK_PATH.asMatchPredicate(), refuse)
                .route("POST", AdminRoutes.KEYS, refuse)
                .route("GET", AdminRoutes.KEYS, refuse)
                .route("DELETE", AdminRoutes.KEY, KEY_PATH.asMatchPredicate(), refuse)
                .route("GET", AdminRoutes.AUDIT, refuse);
    }

    private void refuse(Request request, Response response, Callback callback) {
        String presented = HttpExchanges.sdkKey(request);
        if (presented == null || !MessageDigest.isEqual(sha256(presented), tokenDigest)) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"vexilla-admin\"");
            throw new HttpError(401, "Missing or wrong admin token in the Authorization header");
        }
        throw new HttpError(405, message);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
