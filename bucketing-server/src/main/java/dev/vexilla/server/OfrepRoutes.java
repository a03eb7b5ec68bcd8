package dev.vexilla.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.openfeature.sdk.EvaluationContext;
import dev.vexilla.engine.FlagConfig;
import dev.vexilla.model.ContextMapper;
import dev.vexilla.model.ErrorKind;
import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.FlagMetadata;
import dev.vexilla.model.MappedUser;
import dev.vexilla.model.ObjectMappers;
import dev.vexilla.model.UserAttributes;
import dev.vexilla.model.WirePayloadException;
import dev.vexilla.model.ofrep.OfrepBulkResponse;
import dev.vexilla.model.ofrep.OfrepErrorCodes;
import dev.vexilla.model.ofrep.OfrepErrorResponse;
import dev.vexilla.model.ofrep.OfrepEvaluation;
import dev.vexilla.model.ofrep.OfrepEvaluationRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OFREP v0.3: {@code POST /ofrep/v1/evaluate/flags/{key}} (single flag) and {@code POST /ofrep/v1/evaluate/flags}
 * (bulk, with {@code ETag} and {@code If-None-Match} → 304).
 *
 * <p>Authentication: {@code X-API-Key: <sdkKey>}, or {@code Authorization: Bearer <sdkKey>} (a raw key in
 * {@code Authorization} works too); anything else is 401 {@code {"errorDetails":…}}. The body is
 * {@code {"context":{…}}}; the context maps to a user with {@link ContextMapper} after
 * {@link OfrepEvaluationRequest#toEvaluationContext()}, exactly as the providers map an OpenFeature context. The
 * {@code targetingKey} is optional, as in OFREP's schema: a context without one (nor {@code user_id}/{@code userId})
 * is evaluated exactly as {@code LocalProvider} evaluates it, without an identifier and with its other attributes,
 * and an empty context {@code {}} as no user at all (ConfigCat's missing User Object).
 *
 * <p>Errors, with the OpenAPI shapes ({@code key} only on the single-flag route):
 *
 * <ul>
 *   <li>400 {@code PARSE_ERROR}: the body is not JSON, or the flag is broken in the config (single flag only; in a
 *       bulk answer a broken flag is one {@code evaluationFailure} item).
 *   <li>400 {@code INVALID_CONTEXT}: {@code context} missing or not an object, or an attribute the mapping cannot use
 *       (e.g. a numeric {@code targetingKey}); the details list each problem.
 *   <li>404 {@code FLAG_NOT_FOUND} (single flag).
 *   <li>429 with {@code Retry-After} beyond {@code --rate-limit} (off by default): {@code {"errorDetails":…}}.
 *   <li>413, 415 and 500: {@code {"errorDetails":…}} ({@code generalErrorResponse}); 500 never names the cause.
 * </ul>
 *
 * <p>The bulk {@code ETag} is a strong tag over the served config's ETag and the canonical (key-sorted) context, so it
 * changes whenever either changes; a matching {@code If-None-Match} (or {@code *}) answers 304 without evaluating.
 * Results carry the config's flag metadata; the bulk {@code metadata} is the flag-set part of it
 * ({@code version}, {@code flagSetId}, {@code fetchTime}). Reasons are OpenFeature's, so {@code DEFAULT} appears
 * although OFREP's enum does not list it (see the shared-model OFREP package). Thread-safe.
 */
final class OfrepRoutes {
    static final String SINGLE_TEMPLATE = "/ofrep/v1/evaluate/flags/{key}";
    static final String BULK_PATH = "/ofrep/v1/evaluate/flags";
    static final String API_KEY_HEADER = "X-API-Key";

    private static final Logger LOG = LoggerFactory.getLogger(OfrepRoutes.class);
    private static final String SINGLE_PREFIX = "/ofrep/v1/evaluate/flags/";

    private final ConfigStore<FlagConfig> store;
    private final FlagEvaluations evaluations;
    private final EvaluationRateLimit rateLimit;
    private final ObjectMapper mapper;
    private final RequestBodies bodies;

    /**
     * Creates the routes.
     *
     * @param store resolves SDK keys to configs
     * @param evaluations evaluates and counts
     * @param rateLimit the evaluation rate limit
     * @param mapper the request mapper
     * @param bodies reads request bodies
     */
    OfrepRoutes(
            ConfigStore<FlagConfig> store,
            FlagEvaluations evaluations,
            EvaluationRateLimit rateLimit,
            ObjectMapper mapper,
            RequestBodies bodies) {
        this.store = Objects.requireNonNull(store, "store");
        this.evaluations = Objects.requireNonNull(evaluations, "evaluations");
        this.rateLimit = Objects.requireNonNull(rateLimit, "rateLimit");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
    }

    /**
     * Adds both routes to a handler.
     *
     * @param api the handler
     * @return the handler
     */
    ApiHandler register(ApiHandler api) {
        return api.route("POST", SINGLE_TEMPLATE, OfrepRoutes::isSinglePath, this::single, this::shaped)
                .route("POST", BULK_PATH, BULK_PATH::equals, this::bulk, this::shaped);
    }

    static boolean isSinglePath(String path) {
        return path.startsWith(SINGLE_PREFIX)
                && path.length() > SINGLE_PREFIX.length()
                && path.indexOf('/', SINGLE_PREFIX.length()) < 0;
    }

    private void single(Request request, Response response, Callback callback) {
        String key = request.getHttpURI().getDecodedPath().substring(SINGLE_PREFIX.length());
        guarded(key, () -> {
            KeyedConfig<FlagConfig> config = authorize(request, response);
            HttpExchanges.requireJsonContentType(request);
            bodies.read(
                    request,
                    response,
                    callback,
                    body -> guarded(key, () -> single(config, key, body.bytes(), response, callback)));
        });
    }

    private void single(KeyedConfig<FlagConfig> config, String key, byte[] body, Response response, Callback callback)
            throws JsonProcessingException {
        UserAttributes user = toUser(parseContext(body, key), key);
        EvaluationResult result = evaluations.evaluate(config.served(), key, user);
        OfrepEvaluation evaluation = OfrepEvaluation.fromResult(key, result, evaluations.metadataFor(config, result));
        ErrorKind kind = result.errorKind();
        int status = kind == null ? 200 : OfrepErrorCodes.httpStatus(kind);
        HttpExchanges.writeJson(response, callback, status, mapper.writeValueAsBytes(evaluation));
    }

    private void bulk(Request request, Response response, Callback callback) {
        guarded(null, () -> {
            KeyedConfig<FlagConfig> config = authorize(request, response);
            HttpExchanges.requireJsonContentType(request);
            bodies.read(
                    request,
                    response,
                    callback,
                    body -> guarded(null, () -> bulk(request, config, body.bytes(), response, callback)));
        });
    }

    private void bulk(
            Request request, KeyedConfig<FlagConfig> config, byte[] body, Response response, Callback callback)
            throws JsonProcessingException {
        JsonNode context = parseContext(body, null);
        UserAttributes user = toUser(context, null);
        String etag = bulkEtag(config.served(), context);
        response.getHeaders().put(HttpHeader.ETAG, etag);
        if (matches(request.getHeaders().get(HttpHeader.IF_NONE_MATCH), etag)) {
            response.setStatus(304);
            callback.succeeded();
            return;
        }
        List<OfrepEvaluation> flags = new ArrayList<>();
        evaluations.evaluateAll(
                config.served(),
                user,
                (key, result) ->
                        flags.add(OfrepEvaluation.fromResult(key, result, evaluations.metadataFor(config, result))));
        FlagMetadata meta = evaluations.flagMetadata(config);
        OfrepBulkResponse answer = new OfrepBulkResponse(flags, FlagMetadata.toWire(meta.metadata()), null);
        HttpExchanges.writeJson(response, callback, 200, mapper.writeValueAsBytes(answer));
    }

    @FunctionalInterface
    private interface Handling {
        void run() throws JsonProcessingException;
    }

    /** Runs a route body, turning every failure into an OFREP-shaped error. */
    private void guarded(@Nullable String key, Handling handling) {
        try {
            handling.run();
        } catch (HttpError e) {
            if (e.body() != null) {
                throw e;
            }
            throw general(e.status(), e.getMessage());
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.error("OFREP evaluation failed", e);
            throw general(500, "Internal server error");
        }
    }

    private KeyedConfig<FlagConfig> authorize(Request request, Response response) {
        String apiKey = request.getHeaders().get(API_KEY_HEADER);
        String key = apiKey != null && !apiKey.isBlank() ? apiKey.strip() : HttpExchanges.sdkKey(request);
        KeyedConfig<FlagConfig> config = store.keyed(key)
                .orElseThrow(() -> general(401, "Missing or unknown API key (X-API-Key or Authorization: Bearer)"));
        rateLimit.admit(config.served(), response);
        return config;
    }

    /** Answers the errors this route does not shape itself (503 when busy) in OFREP's general shape. */
    private HttpError shaped(HttpError error) {
        return general(error.status(), error.getMessage());
    }

    private JsonNode parseContext(byte[] body, @Nullable String key) {
        JsonNode root;
        try {
            root = ObjectMappers.read(mapper, body, JsonNode.class);
        } catch (WirePayloadException e) {
            throw failure(
                    key, OfrepErrorCodes.PARSE_ERROR, "Malformed request body at " + e.path() + ": " + e.problem());
        }
        if (!root.isObject()) {
            throw failure(key, OfrepErrorCodes.INVALID_CONTEXT, "The request body must be an object {\"context\":{…}}");
        }
        JsonNode context = root.get("context");
        if (context == null || context.isNull()) {
            throw failure(key, OfrepErrorCodes.INVALID_CONTEXT, "$.context is required");
        }
        if (!context.isObject()) {
            throw failure(key, OfrepErrorCodes.INVALID_CONTEXT, "$.context must be an object");
        }
        return context;
    }

    /**
     * Maps a request context to the engine's user, as {@code LocalProvider} maps the same OpenFeature context: no user
     * for an empty context, otherwise the mapped user (with or without identifier).
     */
    private @Nullable UserAttributes toUser(JsonNode context, @Nullable String key) {
        EvaluationContext ctx = new OfrepEvaluationRequest(context).toEvaluationContext();
        MappedUser mapped = ContextMapper.map(ctx);
        if (mapped.hasProblems()) {
            throw failure(
                    key, OfrepErrorCodes.INVALID_CONTEXT, "Invalid context: " + String.join("; ", mapped.problems()));
        }
        return ContextMapper.namesNoUser(ctx) ? null : mapped.user();
    }

    private String bulkEtag(ServedConfig<FlagConfig> config, JsonNode context) throws JsonProcessingException {
        Object plain = mapper.treeToValue(context, Object.class);
        byte[] canonical = mapper.writer()
                .with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .writeValueAsBytes(plain);
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(config.etag().getBytes(StandardCharsets.US_ASCII));
            digest.update((byte) '\n');
            digest.update(canonical);
            return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(digest.digest()) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    /**
     * Tells whether an {@code If-None-Match} header matches a strong tag (weak comparison, as RFC 9110 asks for
     * {@code If-None-Match}).
     *
     * @param header the header value, or null
     * @param etag the current tag, quoted
     * @return true when one of the listed tags, or {@code *}, matches
     */
    static boolean matches(@Nullable String header, String etag) {
        if (header == null) {
            return false;
        }
        for (String candidate : header.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private HttpError failure(@Nullable String key, String errorCode, String details) {
        try {
            byte[] body = key == null
                    ? mapper.writeValueAsBytes(new OfrepErrorResponse(errorCode, details))
                    : mapper.writeValueAsBytes(new OfrepEvaluation(key, null, null, null, errorCode, details, null));
            return new HttpError(400, details, body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an OFREP error body", e);
        }
    }

    private HttpError general(int status, String details) {
        try {
            return new HttpError(status, details, mapper.writeValueAsBytes(new OfrepErrorResponse(null, details)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an OFREP error body", e);
        }
    }
}
