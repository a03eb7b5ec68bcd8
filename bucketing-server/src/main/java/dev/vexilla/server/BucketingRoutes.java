package dev.vexilla.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vexilla.engine.FlagConfig;
import dev.vexilla.model.ErrorKind;
import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.ObjectMappers;
import dev.vexilla.model.WirePayloadException;
import dev.vexilla.model.bucketing.DevCycleUser;
import dev.vexilla.model.bucketing.ErrorBody;
import dev.vexilla.model.bucketing.Feature;
import dev.vexilla.model.bucketing.TrackEvent;
import dev.vexilla.model.bucketing.TrackRequest;
import dev.vexilla.model.bucketing.Variable;
import dev.vexilla.model.bucketing.VexillaDetails;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The Bucketing API v1 (DevCycle's shapes and status codes): {@code POST /v1/variables/{key}},
 * {@code POST /v1/variables}, {@code POST /v1/features} and {@code POST /v1/track}.
 *
 * <p>Every route checks, in order: the SDK key in {@code Authorization} (raw or {@code Bearer}; 401), the rate limit
 * ({@code --rate-limit}, off by default; 429 with {@code Retry-After}), a JSON content type (415), the body size (413,
 * the body is not read past the limit) and its arrival within the body deadline (408; read by {@link RequestBodies},
 * which holds no thread meanwhile), the body (400 naming the JSON path for malformed JSON, a wrong type, or a
 * missing or empty {@code user_id} on a user not marked {@code isAnonymous}; {@link BucketingUsers} says how
 * anonymous users are evaluated). Then:
 *
 * <ul>
 *   <li>{@code /v1/variables/{key}}: 200 with the {@link Variable} of that flag, or 404 (an {@link ErrorBody} with
 *       {@code FLAG_NOT_FOUND} whose {@code vexilla} extension carries the engine's message and the config's flag
 *       metadata, as OFREP's 404 does) for a key the config does not have. A flag broken in the config answers 200
 *       with a defaulted variable whose {@code vexilla} extension carries {@code PARSE_ERROR}.
 *   <li>{@code /v1/variables}: 200 with every flag as key → {@link Variable}.
 *   <li>{@code /v1/features}: 200 with one {@link Feature} per flag (its key as {@code _id} and {@code key}, type
 *       {@code release}, the served variation id as {@code _variation} and {@code variationKey}).
 *   <li>{@code /v1/track}: 201 {@code {"message":"Successfully received N events."}}; the events are counted as
 *       custom events by type and stored in the events sink without user data (503 when the sink fails). Its user
 *       always needs a {@code user_id}, anonymous or not.
 * </ul>
 *
 * <p>On a DevCycle config v2 the three evaluation routes answer with DevCycle's semantics instead
 * ({@link DevCycleBucketing}): real variable and feature ids, a 404 for a variable the user gets from no feature, and
 * one entry per feature the user is bucketed into on {@code /v1/features}.
 *
 * <p>The first three honour {@code ?enableEdgeDB=true} ({@link BucketingUsers}). Variable types follow the setting
 * type (Boolean, String, Number); a string setting holding JSON text stays a String. Results carry the config's
 * flag metadata ({@link FlagEvaluations}). Thread-safe.
 */
final class BucketingRoutes {
    static final String VARIABLE_TEMPLATE = "/v1/variables/{key}";
    static final String VARIABLES_PATH = "/v1/variables";
    static final String FEATURES_PATH = "/v1/features";
    static final String TRACK_PATH = "/v1/track";
    static final String FEATURE_TYPE = "release";

    private static final String VARIABLE_PREFIX = "/v1/variables/";
    private static final int MAX_EVENT_TYPE_LENGTH = 256;

    private final ConfigStore<FlagConfig> store;
    private final FlagEvaluations evaluations;
    private final BucketingUsers users;
    private final EventsRoute events;
    private final EvaluationRateLimit rateLimit;
    private final DevCycleBucketing devCycle;
    private final ObjectMapper mapper;
    private final RequestBodies bodies;

    /**
     * Creates the routes.
     *
     * @param store resolves SDK keys to configs
     * @param evaluations evaluates and counts
     * @param users reads bodies and applies EdgeDB
     * @param events stores tracked events
     * @param rateLimit the evaluation rate limit
     * @param mapper the request mapper
     * @param bodies reads request bodies
     */
    BucketingRoutes(
            ConfigStore<FlagConfig> store,
            FlagEvaluations evaluations,
            BucketingUsers users,
            EventsRoute events,
            EvaluationRateLimit rateLimit,
            ObjectMapper mapper,
            RequestBodies bodies) {
        this.store = Objects.requireNonNull(store, "store");
        this.evaluations = Objects.requireNonNull(evaluations, "evaluations");
        this.users = Objects.requireNonNull(users, "users");
        this.events = Objects.requireNonNull(events, "events");
        this.rateLimit = Objects.requireNonNull(rateLimit, "rateLimit");
        this.devCycle = new DevCycleBucketing(evaluations);
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
    }

    /**
     * Adds the four routes to a handler.
     *
     * @param api the handler
     * @return the handler
     */
    ApiHandler register(ApiHandler api) {
        return api.route("POST", VARIABLE_TEMPLATE, BucketingRoutes::isVariablePath, this::variable)
                .route("POST", VARIABLES_PATH, this::variables)
                .route("POST", FEATURES_PATH, this::features)
                .route("POST", TRACK_PATH, this::track);
    }

    static boolean isVariablePath(String path) {
        return path.startsWith(VARIABLE_PREFIX)
                && path.length() > VARIABLE_PREFIX.length()
                && path.indexOf('/', VARIABLE_PREFIX.length()) < 0;
    }

    private void variable(Request request, Response response, Callback callback) {
        String path = request.getHttpURI().getDecodedPath();
        String key = path.substring(VARIABLE_PREFIX.length());
        KeyedConfig<FlagConfig> config = authorize(request, response);
        withUser(request, response, callback, user -> variable(config, key, user, response, callback));
    }

    private void variable(
            KeyedConfig<FlagConfig> config, String key, DevCycleUser user, Response response, Callback callback)
            throws JsonProcessingException {
        if (config.served().isDevCycle()) {
            Variable variable = devCycle.variable(config, key, BucketingUsers.engineUser(user), mapper);
            HttpExchanges.writeJson(response, callback, 200, mapper.writeValueAsBytes(variable));
            return;
        }
        EvaluationResult result = evaluations.evaluate(config.served(), key, BucketingUsers.engineUser(user));
        if (result.errorKind() == ErrorKind.FLAG_NOT_FOUND) {
            String message = "Variable not found for key: " + key;
            VexillaDetails details = VexillaDetails.of(result, evaluations.metadataFor(config, result));
            throw new HttpError(404, message, mapper.writeValueAsBytes(new ErrorBody(404, message, null, details)));
        }
        Variable variable = Variable.fromResult(key, result, evaluations.metadataFor(config, result));
        HttpExchanges.writeJson(response, callback, 200, mapper.writeValueAsBytes(variable));
    }

    private void variables(Request request, Response response, Callback callback) {
        KeyedConfig<FlagConfig> config = authorize(request, response);
        withUser(request, response, callback, user -> variables(config, user, response, callback));
    }

    private void variables(KeyedConfig<FlagConfig> config, DevCycleUser user, Response response, Callback callback)
            throws JsonProcessingException {
        if (config.served().isDevCycle()) {
            Map<String, Variable> body = devCycle.variables(config, BucketingUsers.engineUser(user));
            HttpExchanges.writeJson(response, callback, 200, mapper.writeValueAsBytes(body));
            return;
        }
        Map<String, Variable> body = new LinkedHashMap<>();
        evaluations.evaluateAll(
                config.served(),
                BucketingUsers.engineUser(user),
                (key, result) ->
                        body.put(key, Variable.fromResult(key, result, evaluations.metadataFor(config, result))));
        HttpExchanges.writeJson(response, callback, 200, mapper.writeValueAsBytes(body));
    }

    private void features(Request request, Response response, Callback callback) {
        KeyedConfig<FlagConfig> config = authorize(request, response);
        withUser(request, response, callback, user -> features(config, user, response, callback));
    }

    private void features(KeyedConfig<FlagConfig> config, DevCycleUser user, Response response, Callback callback)
            throws JsonProcessingException {
        if (config.served().isDevCycle()) {
            Map<String, Feature> body = devCycle.features(config, BucketingUsers.engineUser(user));
            HttpExchanges.writeJson(response, callback, 200, mapper.writeValueAsBytes(body));
            return;
        }
        Map<String, Feature> body = new LinkedHashMap<>();
        evaluations.evaluateAll(
                config.served(),
                BucketingUsers.engineUser(user),
                (key, result) -> body.put(key, feature(config, key, result)));
        HttpExchanges.writeJson(response, callback, 200, mapper.writeValueAsBytes(body));
    }

    private Feature feature(KeyedConfig<FlagConfig> config, String key, EvaluationResult result) {
        Variable variable = Variable.fromResult(key, result, evaluations.metadataFor(config, result));
        String variation = result.variationId();
        return new Feature(key, key, FEATURE_TYPE, variation, variation, null, variable.eval());
    }

    private void track(Request request, Response response, Callback callback) {
        KeyedConfig<FlagConfig> config = authorize(request, response);
        HttpExchanges.requireJsonContentType(request);
        bodies.read(request, response, callback, body -> track(request, config, body.bytes(), response, callback));
    }

    private void track(
            Request request, KeyedConfig<FlagConfig> config, byte[] body, Response response, Callback callback)
            throws JsonProcessingException {
        TrackRequest track;
        try {
            track = ObjectMappers.read(mapper, body, TrackRequest.class);
        } catch (WirePayloadException e) {
            throw BucketingUsers.badRequest(e);
        }
        BucketingUsers.requireUserId(track.user(), "$.user.user_id");
        if (BucketingUsers.edgeDbRequested(request)) {
            users.merged(track.user());
        }
        Map<String, Long> custom = new TreeMap<>();
        List<TrackEvent> list = track.events();
        for (int i = 0; i < list.size(); i++) {
            String type = list.get(i).type();
            if (type.isEmpty() || type.length() > MAX_EVENT_TYPE_LENGTH) {
                throw new HttpError(
                        400, "$.events[" + i + "].type must be 1 to " + MAX_EVENT_TYPE_LENGTH + " characters");
            }
            custom.merge(type, 1L, Long::sum);
        }
        events.accept(config.name(), new EventBatchSummary(1, list.size(), Map.of(), Map.of(), custom, Map.of()));
        Map<String, String> answer = Map.of("message", "Successfully received " + list.size() + " events.");
        HttpExchanges.writeJson(response, callback, 201, mapper.writeValueAsBytes(answer));
    }

    private KeyedConfig<FlagConfig> authorize(Request request, Response response) {
        KeyedConfig<FlagConfig> config = store.keyed(HttpExchanges.sdkKey(request))
                .orElseThrow(() -> new HttpError(401, "Missing or unknown SDK key in the Authorization header"));
        rateLimit.admit(config.served(), response);
        return config;
    }

    /** What an evaluation route does with the request's user once its body has arrived. */
    @FunctionalInterface
    private interface UserHandling {
        void handle(DevCycleUser user) throws JsonProcessingException;
    }

    private void withUser(Request request, Response response, Callback callback, UserHandling then) {
        HttpExchanges.requireJsonContentType(request);
        boolean edgeDb = BucketingUsers.edgeDbRequested(request);
        bodies.read(request, response, callback, body -> then.handle(users.read(body.bytes(), edgeDb)));
    }
}
