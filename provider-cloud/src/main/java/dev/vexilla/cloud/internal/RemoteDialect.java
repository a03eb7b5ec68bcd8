package dev.vexilla.cloud.internal;

import dev.openfeature.sdk.EvaluationContext;
import dev.vexilla.model.User;
import java.net.URI;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One wire protocol: where to send, how to authenticate, how to write a request and read the answers. */
interface RemoteDialect {

    /** The headers carrying the SDK key. */
    Map<String, String> authHeaders(String sdkKey);

    /** The JSON body for a context whose user mapping is {@code user}. */
    byte[] body(EvaluationContext ctx, User user) throws Exception;

    /** The URI of one flag's evaluation. */
    URI flagUri(String flagKey);

    /** The URI of the evaluation of all flags. */
    URI allUri();

    /** The URI of the initialization check: all flags, never storing the probe user (no EdgeDB). */
    URI probeUri();

    /** Reads a 200, 400 or 404 answer for one flag. */
    RemoteAnswer single(String flagKey, HttpResult response);

    /**
     * Reads a 200 (or 304) answer for all flags.
     *
     * @return the answers by key, or {@code null} when the body cannot be read
     */
    @Nullable
    Map<String, RemoteAnswer> all(HttpResult response);

    /** Whether the all-flags request uses {@code ETag}/{@code If-None-Match}. */
    boolean conditionalAll();
}
