package dev.vexilla.server;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.URIUtil;

/**
 * {@code GET /configuration-files/{sdkKey}/config_v6.json}: ConfigCat's CDN path, so ConfigCat SDKs and
 * provider-local can use the server as their base URL.
 *
 * <p>200 with the exact stored bytes, a strong {@code ETag} and {@code Cache-Control: no-cache} (clients revalidate
 * every time); 304 when {@code If-None-Match} (or ConfigCat's {@code ccetag} query parameter) names the current
 * ETag; 404 with a JSON body for an unknown key (ConfigCat's clients treat 403/404 as an invalid key). The key is
 * part of the path, so the path is never logged or used as a metrics label.
 */
final class ConfigFileRoute implements Route {
    static final String TEMPLATE = "/configuration-files/{sdkKey}/config_v6.json";
    static final String CACHE_CONTROL = "no-cache";
    private static final String PREFIX = "/configuration-files/";
    private static final String SUFFIX = "/config_v6.json";

    private final ConfigStore<?> store;

    /**
     * Creates the route.
     *
     * @param store the configs and keys
     */
    ConfigFileRoute(ConfigStore<?> store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Tells whether a raw request path belongs to this route.
     *
     * @param path the raw path
     * @return true for {@code /configuration-files/<anything>/config_v6.json}
     */
    static boolean matches(String path) {
        return path.startsWith(PREFIX) && path.endsWith(SUFFIX) && path.length() > PREFIX.length() + SUFFIX.length();
    }

    @Override
    public void handle(Request request, Response response, Callback callback) {
        String path = request.getHttpURI().getPath();
        String key;
        try {
            key = URIUtil.decodePath(path.substring(PREFIX.length(), path.length() - SUFFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new HttpError(404, "Unknown SDK key, or its config is not available");
        }
        ServedConfig<?> config = store.forKey(key)
                .orElseThrow(() -> new HttpError(404, "Unknown SDK key, or its config is not available"));
        response.getHeaders().put(HttpHeader.ETAG, config.etagHeader());
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, CACHE_CONTROL);
        if (notModified(request, config)) {
            response.setStatus(304);
            callback.succeeded();
            return;
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, HttpExchanges.JSON);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, config.bytes().length);
        response.write(true, ByteBuffer.wrap(config.bytes()).asReadOnlyBuffer(), callback);
    }

    private static boolean notModified(Request request, ServedConfig<?> config) {
        String ifNoneMatch = request.getHeaders().get(HttpHeader.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            for (String candidate : ifNoneMatch.split(",")) {
                String tag = candidate.strip();
                if (tag.startsWith("W/")) {
                    tag = tag.substring(2);
                }
                if (tag.equals("*") || tag.equals(config.etagHeader())) {
                    return true;
                }
            }
            return false;
        }
        Fields query = Request.extractQueryParameters(request);
        String ccetag = query.getValue("ccetag");
        return ccetag != null && (ccetag.equals(config.etagHeader()) || ccetag.equals(config.etag()));
    }
}
