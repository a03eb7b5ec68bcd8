package dev.vexilla.server;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vexilla.model.ObjectMappers;
import dev.vexilla.model.User;
import dev.vexilla.model.UserAttributes;
import dev.vexilla.model.WirePayloadException;
import dev.vexilla.model.bucketing.DevCycleUser;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;
import org.jspecify.annotations.Nullable;

/**
 * Reads request bodies of the Bucketing API v1 and applies EdgeDB.
 *
 * <p><b>Validation.</b> Malformed JSON, a value of the wrong type or a missing or empty {@code user_id} is an
 * {@link HttpError} 400 whose message names the JSON path, e.g. {@code $.user_id must be a non-empty string}. The
 * message never repeats payload values.
 *
 * <p><b>Anonymous users.</b> A user with {@code "isAnonymous": true} may leave {@code user_id} out (or empty); it is
 * evaluated without an identifier ({@link #engineUser}), exactly as {@code LocalProvider} evaluates an OpenFeature
 * context without targeting key, and never touches EdgeDB (there is nothing to key it by).
 *
 * <p><b>EdgeDB</b> ({@code ?enableEdgeDB=true}). The user's non-private fields
 * ({@link DevCycleUser#withoutPrivateCustomData()}) are merged <em>over</em> what is stored under its
 * {@code user_id} (top-level fields: the request's win; {@code customData}: merged key by key, the request's entries
 * win), the merge is stored, and the request is evaluated with the merge plus its own {@code privateCustomData}.
 * Private custom data is never stored. When the store fails the request proceeds with its own fields only (the store
 * counts and logs the failure).
 *
 * <p>Thread-safe; blocks for the duration of one EdgeDB read and one write.
 */
final class BucketingUsers {
    /** The query parameter that turns EdgeDB on for a request. */
    static final String EDGE_DB_PARAMETER = "enableEdgeDB";

    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {};
    private static final String CUSTOM_DATA = "customData";

    private final ObjectMapper mapper;
    private final EdgeDbStore edgeDb;

    /**
     * Creates the reader.
     *
     * @param mapper the request mapper (bounded by the body limit)
     * @param edgeDb the EdgeDB store
     */
    BucketingUsers(ObjectMapper mapper, EdgeDbStore edgeDb) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.edgeDb = Objects.requireNonNull(edgeDb, "edgeDb");
    }

    /**
     * Tells whether a request asks for EdgeDB ({@code ?enableEdgeDB=true}, case-insensitive).
     *
     * @param request the request
     * @return true when EdgeDB applies
     */
    static boolean edgeDbRequested(Request request) {
        Fields query = Request.extractQueryParameters(request);
        return "true".equalsIgnoreCase(query.getValue(EDGE_DB_PARAMETER));
    }

    /**
     * Reads a user body (the body of {@code /v1/variables…} and {@code /v1/features}), applying EdgeDB if asked.
     *
     * @param body the request body
     * @param edgeDbEnabled whether EdgeDB applies
     * @return the user to evaluate
     * @throws HttpError 400 when the body is not a valid user
     */
    DevCycleUser read(byte[] body, boolean edgeDbEnabled) {
        DevCycleUser user;
        try {
            user = ObjectMappers.read(mapper, body, DevCycleUser.class);
        } catch (WirePayloadException e) {
            throw badRequest(e);
        }
        if (user.isAnonymousWithoutId()) {
            return user;
        }
        requireUserId(user, "$.user_id");
        return edgeDbEnabled ? merged(user) : user;
    }

    /**
     * Returns what the engine evaluates for a request's user. A user without an identifier is evaluated as
     * {@code LocalProvider} evaluates a context without targeting key: with its other attributes, or, when the body
     * holds no field at all besides {@code isAnonymous} (the wire form of an empty OpenFeature context), as no user
     * (ConfigCat's missing User Object: targeting rules and percentage options are skipped). Any field, even
     * {@code "user_id": ""}, makes it a user without identifier.
     *
     * @param user the user read by {@link #read}
     * @return the engine's user, or {@code null} for none
     */
    static @Nullable UserAttributes engineUser(DevCycleUser user) {
        User mapped = user.toUser();
        if (user.userId() == null && mapped.equals(User.empty())) {
            return null;
        }
        return mapped;
    }

    /**
     * Checks that a user has a non-empty {@code user_id}.
     *
     * @param user the user
     * @param path the JSON path of the field, for the message
     * @throws HttpError 400 when it is missing or empty
     */
    static void requireUserId(DevCycleUser user, String path) {
        String id = user.userId();
        if (id == null || id.isEmpty()) {
            throw new HttpError(400, path + " must be a non-empty string");
        }
    }

    /**
     * Turns a payload failure into a 400 naming the JSON path.
     *
     * @param e the failure
     * @return the error to throw
     */
    static HttpError badRequest(WirePayloadException e) {
        return new HttpError(400, "Invalid request body at " + e.path() + ": " + e.problem());
    }

    /**
     * Stores the user's non-private fields merged over the stored ones and returns the user to evaluate.
     *
     * @param user the request's user, with a user id
     * @return the merged user plus the request's private custom data
     */
    DevCycleUser merged(DevCycleUser user) {
        String userId = Objects.requireNonNull(user.userId());
        Map<String, Object> fresh = mapper.convertValue(user.withoutPrivateCustomData(), FIELDS);
        Optional<Map<String, Object>> stored = edgeDb.get(userId);
        Map<String, Object> merged = stored.isPresent() ? merge(stored.get(), fresh) : fresh;
        edgeDb.put(userId, merged);
        if (stored.isEmpty()) {
            return user;
        }
        try {
            return mapper.convertValue(merged, DevCycleUser.class).toBuilder()
                    .privateCustomData(user.privateCustomData())
                    .build();
        } catch (IllegalArgumentException e) {
            // a stored entry this server cannot read (another version wrote it): evaluate the request as sent
            return user;
        }
    }

    /**
     * Merges request fields over stored fields: top-level fields of the request win; {@code customData} is merged
     * key by key with the request's entries winning.
     *
     * @param stored the stored fields
     * @param fresh the request's non-private fields
     * @return a new map
     */
    static Map<String, Object> merge(Map<String, Object> stored, Map<String, Object> fresh) {
        Map<String, Object> merged = new LinkedHashMap<>(stored);
        merged.putAll(fresh);
        if (stored.get(CUSTOM_DATA) instanceof Map<?, ?> old && fresh.get(CUSTOM_DATA) instanceof Map<?, ?> now) {
            Map<Object, Object> data = new LinkedHashMap<>(old);
            data.putAll(now);
            merged.put(CUSTOM_DATA, data);
        }
        return merged;
    }
}
