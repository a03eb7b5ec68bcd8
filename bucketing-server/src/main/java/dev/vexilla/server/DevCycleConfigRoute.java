package dev.vexilla.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.URIUtil;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /config/v2/server/{sdkKey}.json}: DevCycle's config CDN path, so DevCycle's local-bucketing server SDKs
 * can use the server as their CDN ({@code configCdnBaseUrl}).
 *
 * <p>200 with the config's JSON, in which {@code sse} is rewritten to this server's change stream, as DevCycle's SDK
 * proxy does: {@code hostname} is the server's public base URL (the {@code --public-url} option, else the request's
 * scheme and {@code Host}), {@code path} is {@code /v1/stream?sdkKey=<key>} (DevCycle's Java SDK opens the stream with
 * a plain GET, without {@code Authorization}). The member is always there: DevCycle's Java SDK 2.6.0 stops polling for
 * good after a config without it. The rewritten bytes are kept per SDK key for the current version and base URL, so a
 * request does not parse the config again.
 *
 * <p>Headers: a strong {@code ETag} (the config version's, the one the stream announces), {@code Last-Modified} = when
 * the server accepted that version (RFC 1123, to the second; not the file's time), {@code Cache-Control: no-cache}.
 * 304 when {@code If-None-Match} names the ETag (a list, weak tags and {@code *} accepted), or, without
 * {@code If-None-Match}, when {@code If-Modified-Since} is not older than {@code Last-Modified}. An empty header counts
 * as absent (DevCycle's Java SDK sends both empty on its first request); an unparseable date is ignored.
 *
 * <p>404 {@code {"statusCode":404,"message":…}} for an unknown key and for a key whose config is ConfigCat's v6
 * (served on {@link ConfigFileRoute}'s path instead). The key is part of the path, so the path is never logged or
 * used as a metrics label. Thread-safe.
 */
final class DevCycleConfigRoute implements Route {
    static final String TEMPLATE = "/config/v2/server/{sdkKey}.json";
    private static final String PREFIX = "/config/v2/server/";
    private static final String SUFFIX = ".json";
    private static final String NOT_FOUND = "Unknown SDK key, or it does not read a DevCycle config";

    /** One SDK key's rewritten bytes of one config version for one base URL. */
    private record Rewritten(ServedConfig<?> served, String baseUrl, byte[] bytes) {}

    private final ConfigStore<?> store;
    private final @Nullable String publicUrl;
    /** Rewritten bytes by the key's flag set id: one entry per key of the keys file. */
    private final Map<String, Rewritten> rewritten = new ConcurrentHashMap<>();

    /**
     * Creates the route.
     *
     * @param store the configs and keys
     * @param publicUrl the server's public base URL, or null to use each request's scheme and {@code Host}
     */
    DevCycleConfigRoute(ConfigStore<?> store, @Nullable URI publicUrl) {
        this.store = Objects.requireNonNull(store, "store");
        this.publicUrl = publicUrl == null ? null : withoutTrailingSlash(publicUrl.toString());
    }

    /**
     * Tells whether a raw request path belongs to this route.
     *
     * @param path the raw path
     * @return true for {@code /config/v2/server/<one segment>.json}
     */
    static boolean matches(String path) {
        return path.startsWith(PREFIX)
                && path.endsWith(SUFFIX)
                && path.length() > PREFIX.length() + SUFFIX.length()
                && path.indexOf('/', PREFIX.length()) < 0;
    }

    @Override
    public void handle(Request request, Response response, Callback callback) {
        String path = request.getHttpURI().getPath();
        String key;
        try {
            key = URIUtil.decodePath(path.substring(PREFIX.length(), path.length() - SUFFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new HttpError(404, NOT_FOUND);
        }
        KeyedConfig<?> config = store.keyed(key)
                .filter(keyed -> keyed.served().isDevCycle())
                .orElseThrow(() -> new HttpError(404, NOT_FOUND));
        ServedConfig<?> served = config.served();
        long lastModified = DevCycleStreamMessages.lastModifiedMillis(served);
        response.getHeaders().put(HttpHeader.ETAG, served.etagHeader());
        response.getHeaders().put(HttpHeader.LAST_MODIFIED, httpDate(lastModified));
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, ConfigFileRoute.CACHE_CONTROL);
        if (notModified(request, served.etagHeader(), lastModified)) {
            response.setStatus(304);
            callback.succeeded();
            return;
        }
        byte[] bytes = rewrite(config, key, baseUrl(request));
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, HttpExchanges.JSON);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes).asReadOnlyBuffer(), callback);
    }

    /**
     * Formats epoch milliseconds as an HTTP date.
     *
     * @param epochMillis the time
     * @return e.g. {@code Mon, 7 Dec 2026 02:30:00 GMT}
     */
    static String httpDate(long epochMillis) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC));
    }

    private static boolean notModified(Request request, String etagHeader, long lastModified) {
        String ifNoneMatch = request.getHeaders().get(HttpHeader.IF_NONE_MATCH);
        if (ifNoneMatch != null && !ifNoneMatch.isBlank()) {
            return OfrepRoutes.matches(ifNoneMatch, etagHeader);
        }
        String ifModifiedSince = request.getHeaders().get(HttpHeader.IF_MODIFIED_SINCE);
        if (ifModifiedSince == null || ifModifiedSince.isBlank()) {
            return false;
        }
        try {
            Instant since = ZonedDateTime.parse(ifModifiedSince.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            return lastModified <= since.toEpochMilli();
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private String baseUrl(Request request) {
        if (publicUrl != null) {
            return publicUrl;
        }
        HttpURI uri = request.getHttpURI();
        String scheme = uri.getScheme() == null ? "http" : uri.getScheme();
        String host = Request.getServerName(request);
        int port = Request.getServerPort(request);
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        boolean defaultPort = port <= 0
                || (port == 80 && scheme.equalsIgnoreCase("http"))
                || (port == 443 && scheme.equalsIgnoreCase("https"));
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }

    private byte[] rewrite(KeyedConfig<?> config, String key, String baseUrl) {
        Rewritten known = rewritten.get(config.flagSetId());
        if (known != null
                && known.served() == config.served()
                && known.baseUrl().equals(baseUrl)) {
            return known.bytes();
        }
        byte[] bytes = withStream(config.served().bytes(), baseUrl, key);
        rewritten.put(config.flagSetId(), new Rewritten(config.served(), baseUrl, bytes));
        return bytes;
    }

    /**
     * Returns a config document with its {@code sse} member pointing at this server's stream (replaced where it was,
     * added at the end otherwise); every other member is kept as it was.
     *
     * @param json the served config, a JSON object (the engine accepted it)
     * @param baseUrl the server's base URL without trailing slash
     * @param key the SDK key the stream is opened with
     * @return the rewritten document
     */
    static byte[] withStream(byte[] json, String baseUrl, String key) {
        try {
            JsonNode root = ServerJson.mapper().readTree(json);
            if (!(root instanceof ObjectNode object)) {
                throw new IllegalStateException("an accepted DevCycle config is not a JSON object");
            }
            ObjectNode sse = ServerJson.mapper().createObjectNode();
            sse.put("hostname", baseUrl);
            sse.put(
                    "path",
                    VexillaServer.STREAM_PATH + "?" + VexillaServer.STREAM_KEY_PARAMETER + "="
                            + URLEncoder.encode(key, StandardCharsets.UTF_8));
            object.set("sse", sse);
            return ServerJson.mapper().writeValueAsBytes(object);
        } catch (IOException e) {
            throw new IllegalStateException("an accepted DevCycle config cannot be read again", e);
        }
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
