package dev.vexilla.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * The admin API ({@code /admin/v1/...}), the write side of the config source, registered only when an admin token
 * is configured. Every request needs {@code Authorization: Bearer <token>}; the presented token is compared with
 * the configured one by their SHA-256 digests in constant time ({@link MessageDigest#isEqual}), and neither is ever
 * logged. The audit trail names the caller by the token's label ({@code token-<8 hex of its SHA-256>}).
 *
 * <p>Routes: {@code PUT|GET|DELETE /admin/v1/configs/{name}}, {@code GET /admin/v1/configs},
 * {@code GET /admin/v1/configs/{name}/versions}, {@code POST /admin/v1/configs/{name}/rollback},
 * {@code POST|GET /admin/v1/keys}, {@code DELETE /admin/v1/keys/{keyId}} and {@code GET /admin/v1/audit}; the
 * OpenAPI file {@code openapi/vexilla-server.yaml} describes their bodies.
 *
 * <p>Failure policy: a bad or missing token is 401; a config the engine rejects is 400 with the JSON path and
 * nothing is stored; a lost update ({@code If-Match} not current) is 412; a key mapped twice is 409; a source that
 * cannot be written (Redis down, directory not writable) or is degraded is 503 and nothing is changed.
 *
 * @param <C> the compiled form of a config
 */
final class AdminRoutes<C> {
    static final String CONFIGS = "/admin/v1/configs";
    static final String CONFIG = "/admin/v1/configs/{name}";
    static final String VERSIONS = "/admin/v1/configs/{name}/versions";
    static final String ROLLBACK = "/admin/v1/configs/{name}/rollback";
    static final String KEYS = "/admin/v1/keys";
    static final String KEY = "/admin/v1/keys/{keyId}";
    static final String AUDIT = "/admin/v1/audit";

    private static final Pattern CONFIG_PATH = Pattern.compile("/admin/v1/configs/([^/]+)");
    private static final Pattern VERSIONS_PATH = Pattern.compile("/admin/v1/configs/([^/]+)/versions");
    private static final Pattern ROLLBACK_PATH = Pattern.compile("/admin/v1/configs/([^/]+)/rollback");
    private static final Pattern KEY_PATH = Pattern.compile("/admin/v1/keys/([^/]+)");
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final byte[] tokenDigest;
    private final String actor;
    private final ConfigWriter writer;
    private final ConfigStore<C> store;
    private final ConfigValidator<C> validator;
    private final RequestBodies bodies;
    private final MetricsRegistry.Counter writes;

    /**
     * Creates the routes.
     *
     * @param token the admin token
     * @param writer the write side of the config source
     * @param store the serving store (its health gates writes)
     * @param validator validates every config before it is stored
     * @param bodies reads request bodies
     * @param metrics where write counts go
     */
    AdminRoutes(
            String token,
            ConfigWriter writer,
            ConfigStore<C> store,
            ConfigValidator<C> validator,
            RequestBodies bodies,
            MetricsRegistry metrics) {
        this.tokenDigest = sha256(Objects.requireNonNull(token, "token"));
        this.actor = "token-" + HexFormat.of().formatHex(tokenDigest).substring(0, 8);
        this.writer = Objects.requireNonNull(writer, "writer");
        this.store = Objects.requireNonNull(store, "store");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
        this.writes = metrics.counter(
                "vexilla_admin_writes_total", "Admin API writes by action and outcome.", "action", "outcome");
    }

    /**
     * Adds the admin routes to a handler.
     *
     * @param api the handler
     * @return the handler
     */
    ApiHandler register(ApiHandler api) {
        return api.route("GET", CONFIGS, authorized(this::list))
                .route("PUT", CONFIG, matching(CONFIG_PATH), authorized(this::put))
                .route("GET", CONFIG, matching(CONFIG_PATH), authorized(this::get))
                .route("DELETE", CONFIG, matching(CONFIG_PATH), authorized(this::delete))
                .route("GET", VERSIONS, matching(VERSIONS_PATH), authorized(this::versions))
                .route("POST", ROLLBACK, matching(ROLLBACK_PATH), authorized(this::rollback))
                .route("POST", KEYS, authorized(this::addKey))
                .route("GET", KEYS, authorized(this::keys))
                .route("DELETE", KEY, matching(KEY_PATH), authorized(this::deleteKey))
                .route("GET", AUDIT, authorized(this::audit));
    }

    private static Predicate<String> matching(Pattern pattern) {
        return path -> pattern.matcher(path).matches();
    }

    private Route authorized(Route route) {
        return (request, response, callback) -> {
            String presented = HttpExchanges.sdkKey(request);
            byte[] digest = sha256(presented == null ? "" : presented);
            if (!MessageDigest.isEqual(digest, tokenDigest) || presented == null) {
                response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"vexilla-admin\"");
                throw new HttpError(401, "Missing or wrong admin token in the Authorization header");
            }
            try {
                route.handle(request, response, callback);
            } catch (ConfigWriter.Unavailable e) {
                throw new HttpError(503, e.getMessage());
            }
        };
    }

    private void list(Request request, Response response, Callback callback) {
        ArrayNode configs = ServerJson.mapper().createArrayNode();
        for (StoredConfig config : writer.list()) {
            configs.addObject()
                    .put("name", config.name())
                    .put("etag", config.etag())
                    .put("acceptedAt", config.acceptedAt().toString());
        }
        ObjectNode body = ServerJson.mapper().createObjectNode();
        body.set("configs", configs);
        HttpExchanges.writeJson(response, callback, 200, body);
    }

    private void get(Request request, Response response, Callback callback) {
        String name = name(CONFIG_PATH, request);
        StoredConfig config = writer.read(name).orElseThrow(() -> noSuchConfig(name));
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, HttpExchanges.JSON);
        response.getHeaders().put(HttpHeader.ETAG, '"' + config.etag() + '"');
        response.getHeaders().put(HttpHeader.LAST_MODIFIED, HTTP_DATE.format(config.acceptedAt()));
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, config.bytes().length);
        response.write(true, ByteBuffer.wrap(config.bytes()), callback);
    }

    private void put(Request request, Response response, Callback callback) {
        String name = name(CONFIG_PATH, request);
        @Nullable String ifMatch = ifMatch(request, name);
        HttpExchanges.requireJsonContentType(request);
        requireWritable();
        bodies.read(request, response, callback, body -> {
            byte[] json = body.bytes();
            validate(name, json, "put");
            store(name, json, ifMatch, "PUT " + CONFIG, response, callback);
        });
    }

    private void rollback(Request request, Response response, Callback callback) {
        String name = name(ROLLBACK_PATH, request);
        @Nullable String ifMatch = ifMatch(request, name);
        HttpExchanges.requireJsonContentType(request);
        requireWritable();
        bodies.read(request, response, callback, body -> {
            JsonNode etag = readJson(body.bytes()).path("etag");
            if (!etag.isTextual()) {
                throw new HttpError(400, "Invalid request body at $.etag: expected the ETag of a version (string)");
            }
            String target = unquote(etag.asText());
            byte[] json = guarded(() -> writer.version(name, target))
                    .orElseThrow(() -> new HttpError(404, "Config '" + name + "' has no version " + target));
            validate(name, json, "rollback");
            store(name, json, ifMatch, "POST " + ROLLBACK, response, callback);
        });
    }

    private void store(
            String name, byte[] json, @Nullable String ifMatch, String action, Response response, Callback callback) {
        ConfigWriter.Written written;
        try {
            written = writer.put(name, json, ifMatch, actor, action);
        } catch (ConfigWriter.Conflict e) {
            writes.inc(action, "conflict");
            throw new HttpError(412, "Precondition failed: " + e.getMessage());
        } catch (ConfigWriter.Unavailable e) {
            writes.inc(action, "unavailable");
            throw new HttpError(503, e.getMessage());
        }
        writes.inc(action, "stored");
        response.getHeaders().put(HttpHeader.ETAG, '"' + written.config().etag() + '"');
        ObjectNode answer = ServerJson.mapper().createObjectNode();
        answer.put("name", name).put("etag", written.config().etag());
        HttpExchanges.writeJson(response, callback, written.created() ? 201 : 200, answer);
    }

    private void validate(String name, byte[] json, String action) {
        try {
            validator.compile(name, json);
        } catch (InvalidConfigException e) {
            writes.inc(action, "invalid");
            ObjectNode error = HttpExchanges.errorBody(400, "Invalid config: " + e.reason() + " at " + e.jsonPath());
            error.put("path", e.jsonPath()).put("reason", e.reason());
            throw new HttpError(400, e.getMessage(), error.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private void delete(Request request, Response response, Callback callback) {
        String name = name(CONFIG_PATH, request);
        @Nullable String ifMatch = ifMatch(request, name);
        requireWritable();
        StoredConfig removed;
        try {
            removed = writer.delete(name, ifMatch, actor).orElseThrow(() -> noSuchConfig(name));
        } catch (ConfigWriter.Conflict e) {
            throw new HttpError(412, "Precondition failed: " + e.getMessage());
        }
        writes.inc("DELETE " + CONFIG, "stored");
        ObjectNode answer = ServerJson.mapper().createObjectNode();
        answer.put("name", name).put("etag", removed.etag());
        HttpExchanges.writeJson(response, callback, 200, answer);
    }

    private void versions(Request request, Response response, Callback callback) {
        String name = name(VERSIONS_PATH, request);
        Optional<StoredConfig> current = writer.read(name);
        List<ConfigWriter.Version> versions = writer.versions(name);
        if (versions.isEmpty() && current.isEmpty()) {
            throw noSuchConfig(name);
        }
        ArrayNode list = ServerJson.mapper().createArrayNode();
        for (ConfigWriter.Version version : versions) {
            list.addObject()
                    .put("etag", version.etag())
                    .put("acceptedAt", version.acceptedAt().toString())
                    .put("actor", version.actor());
        }
        ObjectNode body = ServerJson.mapper().createObjectNode();
        body.put("name", name);
        if (current.isPresent()) {
            body.put("current", current.get().etag());
        } else {
            body.putNull("current");
        }
        body.set("versions", list);
        HttpExchanges.writeJson(response, callback, 200, body);
    }

    private void addKey(Request request, Response response, Callback callback) {
        HttpExchanges.requireJsonContentType(request);
        requireWritable();
        bodies.read(request, response, callback, body -> {
            JsonNode json = readJson(body.bytes());
            JsonNode sdkKey = json.path("sdkKey");
            JsonNode config = json.path("config");
            if (!sdkKey.isTextual()) {
                throw new HttpError(400, "Invalid request body at $.sdkKey: expected a string");
            }
            if (!config.isTextual()
                    || !SdkKeys.CONFIG_NAME.matcher(config.asText()).matches()) {
                throw new HttpError(
                        400,
                        "Invalid request body at $.config: expected a config name matching "
                                + SdkKeys.CONFIG_NAME.pattern());
            }
            SdkKeys.Digested key;
            try {
                key = SdkKeys.digested(sdkKey.asText(), config.asText());
            } catch (IllegalArgumentException e) {
                throw new HttpError(400, "Invalid request body at $.sdkKey: " + e.getMessage());
            }
            try {
                writer.addKey(key, actor);
            } catch (ConfigWriter.Conflict e) {
                throw new HttpError(409, e.getMessage());
            } catch (ConfigWriter.Unavailable e) {
                throw new HttpError(503, e.getMessage());
            }
            writes.inc("POST " + KEYS, "stored");
            ObjectNode answer = ServerJson.mapper().createObjectNode();
            answer.put("keyId", key.keyId()).put("config", key.configName());
            HttpExchanges.writeJson(response, callback, 201, answer);
        });
    }

    private void keys(Request request, Response response, Callback callback) {
        ArrayNode list = ServerJson.mapper().createArrayNode();
        for (SdkKeys.Digested key : writer.keys()) {
            list.addObject().put("keyId", key.keyId()).put("config", key.configName());
        }
        ObjectNode body = ServerJson.mapper().createObjectNode();
        body.set("keys", list);
        HttpExchanges.writeJson(response, callback, 200, body);
    }

    private void deleteKey(Request request, Response response, Callback callback) {
        Matcher matcher = KEY_PATH.matcher(request.getHttpURI().getPath());
        String keyId = matcher.matches() ? matcher.group(1) : "";
        if (!keyId.matches("[0-9a-f]{" + SdkKeys.KEY_ID_LENGTH + "}")) {
            throw new HttpError(400, "A key id is " + SdkKeys.KEY_ID_LENGTH + " lower-case hex digits");
        }
        requireWritable();
        if (!writer.deleteKey(keyId, actor)) {
            throw new HttpError(404, "No key with id " + keyId);
        }
        writes.inc("DELETE " + KEY, "stored");
        ObjectNode answer = ServerJson.mapper().createObjectNode();
        answer.put("keyId", keyId);
        HttpExchanges.writeJson(response, callback, 200, answer);
    }

    private void audit(Request request, Response response, Callback callback) {
        ArrayNode entries = ServerJson.mapper().createArrayNode();
        writer.audit().forEach(entry -> entries.add(AuditTrail.toJson(entry)));
        ObjectNode body = ServerJson.mapper().createObjectNode();
        body.set("entries", entries);
        HttpExchanges.writeJson(response, callback, 200, body);
    }

    /** Runs a read of the writer inside a body continuation, where {@link #authorized} does not catch. */
    private static <T> T guarded(Supplier<T> read) {
        try {
            return read.get();
        } catch (ConfigWriter.Unavailable e) {
            throw new HttpError(503, e.getMessage());
        }
    }

    private void requireWritable() {
        store.sourceFailure().ifPresent(reason -> {
            throw new HttpError(503, "The config source is degraded (" + reason + "); nothing was changed");
        });
    }

    private static String name(Pattern pattern, Request request) {
        Matcher matcher = pattern.matcher(request.getHttpURI().getPath());
        String name = matcher.matches() ? matcher.group(1) : "";
        if (!SdkKeys.CONFIG_NAME.matcher(name).matches()) {
            throw new HttpError(400, "A config name must match " + SdkKeys.CONFIG_NAME.pattern());
        }
        return name;
    }

    private @Nullable String ifMatch(Request request, String name) {
        String value = request.getHeaders().get(HttpHeader.IF_MATCH);
        if (value == null) {
            return null;
        }
        String tag = value.strip();
        if (tag.equals("*")) {
            return writer.read(name)
                    .map(StoredConfig::etag)
                    .orElseThrow(() -> new HttpError(412, "Precondition failed: config '" + name + "' does not exist"));
        }
        return unquote(tag);
    }

    private static String unquote(String tag) {
        String value = tag.startsWith("W/") ? tag.substring(2) : tag;
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }

    private static JsonNode readJson(byte[] bytes) {
        try {
            JsonNode node = ServerJson.mapper().readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new HttpError(400, "Invalid request body at $: expected a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new HttpError(400, "Invalid request body at $: malformed JSON");
        }
    }

    private static HttpError noSuchConfig(String name) {
        return new HttpError(404, "No config named '" + name + "'");
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
