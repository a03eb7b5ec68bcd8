package dev.vexilla.cloud.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.ImmutableMetadata;
import dev.vexilla.model.ContextMapper;
import dev.vexilla.model.ErrorKind;
import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.ObjectMappers;
import dev.vexilla.model.User;
import dev.vexilla.model.WirePayloadException;
import dev.vexilla.model.bucketing.DevCycleUser;
import dev.vexilla.model.bucketing.ErrorBody;
import dev.vexilla.model.bucketing.Variable;
import dev.vexilla.model.bucketing.VexillaDetails;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * DevCycle's Bucketing API v1: the user JSON in, variables out, the key as the plain {@code Authorization}.
 *
 * <p>A user without identifier is sent as DevCycle's anonymous user ({@code "isAnonymous": true}, no {@code user_id})
 * with its other attributes, which the server evaluates without an identifier. An empty context becomes
 * {@code {"isAnonymous":true}}, which the server evaluates as no user, as {@code LocalProvider} does for an empty
 * context; a non-empty context none of whose attributes maps to anything (say only {@code email: ""}) is sent with
 * {@code "user_id": ""}, so that it stays a user without attributes, again as {@code LocalProvider} sees it.
 */
final class BucketingDialect implements RemoteDialect {
    private final ObjectMapper mapper = ObjectMappers.shared();
    private final URI base;
    private final String query;

    BucketingDialect(URI base, boolean enableEdgeDb) {
        this.base = base;
        this.query = enableEdgeDb ? "?enableEdgeDB=true" : "";
    }

    @Override
    public Map<String, String> authHeaders(String sdkKey) {
        return Collections.singletonMap("Authorization", sdkKey);
    }

    @Override
    public byte[] body(EvaluationContext ctx, User user) throws Exception {
        return mapper.writeValueAsBytes(wireUser(ctx, user));
    }

    private static final DevCycleUser EMPTY_WIRE_USER = DevCycleUser.fromUser(User.empty());

    static DevCycleUser wireUser(EvaluationContext ctx, User user) {
        DevCycleUser wire = DevCycleUser.fromUser(user);
        if (user.identifier() != null) {
            return wire;
        }
        // A context naming a user whose attributes all stay off the wire (an empty e-mail, an alias the user's own
        // fields carry) sends an empty user_id: the server reads a body with nothing but isAnonymous as no user.
        boolean nothingTravels = wire.equals(EMPTY_WIRE_USER);
        return wire.toBuilder()
                .isAnonymous(true)
                .userId(nothingTravels && !ContextMapper.namesNoUser(ctx) ? "" : null)
                .build();
    }

    @Override
    public URI flagUri(String flagKey) {
        return base.resolve("v1/variables/" + pathSegment(flagKey) + query);
    }

    @Override
    public URI allUri() {
        return base.resolve("v1/variables" + query);
    }

    @Override
    public URI probeUri() {
        return base.resolve("v1/variables");
    }

    URI featuresUri() {
        return base.resolve("v1/features" + query);
    }

    URI trackUri() {
        return base.resolve("v1/track" + query);
    }

    @Override
    public RemoteAnswer single(String flagKey, HttpResult response) {
        try {
            if (response.status() == 200) {
                return answer(ObjectMappers.read(mapper, response.body(), Variable.class));
            }
            ErrorBody error = ObjectMappers.read(mapper, response.body(), ErrorBody.class);
            RemoteAnswer notTargeted = notTargeted(response.status(), error);
            if (notTargeted != null) {
                return notTargeted;
            }
            ErrorKind kind = error.errorKind();
            if (response.status() == 400
                    && kind == ErrorKind.INVALID_CONTEXT
                    && error.message().contains("user_id")) {
                kind = ErrorKind.TARGETING_KEY_MISSING;
            }
            VexillaDetails details = error.vexilla();
            ImmutableMetadata metadata = details == null ? ImmutableMetadata.EMPTY : details.flagMetadata();
            String engineMessage = details == null ? null : details.errorMessage();
            String message = engineMessage != null ? engineMessage : error.message();
            return RemoteAnswer.answered(EvaluationResult.error(kind, message), metadata);
        } catch (WirePayloadException | RuntimeException e) {
            return RemoteAnswer.failed(
                    "unreadable answer for '" + flagKey + "' (HTTP " + response.status() + "): " + e.getMessage());
        }
    }

    /** A variable; one of a DevCycle config is read with DevCycle's types (see {@link DevCycleAnswers}). */
    private static RemoteAnswer answer(Variable v) {
        VexillaDetails details = v.vexilla();
        ImmutableMetadata metadata = v.flagMetadata();
        EvaluationResult devCycle = details == null || details.errorCode() != null
                ? null
                : DevCycleAnswers.read(v.value(), details.reason(), details.variant(), metadata);
        return RemoteAnswer.answered(devCycle != null ? devCycle : v.toEvaluationResult(), metadata);
    }

    /**
     * DevCycle's "User Not Targeted" on a config v2: a 404 whose {@code vexilla} extension says reason
     * {@code DEFAULT} and names no error code. Without the extension (a server that is not Vexilla's) the 404 stays
     * {@code FLAG_NOT_FOUND}: DevCycle's body does not tell an unknown variable from an untargeted user.
     */
    private static @Nullable RemoteAnswer notTargeted(int status, ErrorBody error) {
        VexillaDetails details = error.vexilla();
        if (status != 404 || details == null || details.errorCode() != null) {
            return null;
        }
        ImmutableMetadata metadata = details.flagMetadata();
        EvaluationResult result = DevCycleAnswers.read(null, details.reason(), null, metadata);
        return result == null ? null : RemoteAnswer.answered(result, metadata);
    }

    @Override
    public @Nullable Map<String, RemoteAnswer> all(HttpResult response) {
        try {
            Map<String, Variable> vars = ObjectMappers.read(mapper, response.body(), Variable.MAP_TYPE);
            Map<String, RemoteAnswer> out = new LinkedHashMap<>();
            vars.forEach((key, v) -> out.put(key, answer(v)));
            return out;
        } catch (WirePayloadException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public boolean conditionalAll() {
        return false;
    }

    static String pathSegment(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
