package dev.vexilla.cloud.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.openfeature.sdk.EvaluationContext;
import dev.vexilla.cloud.CloudOptions;
import dev.vexilla.cloud.Protocol;
import dev.vexilla.model.ObjectMappers;
import dev.vexilla.model.User;
import dev.vexilla.model.bucketing.Feature;
import dev.vexilla.model.bucketing.TrackRequest;
import dev.vexilla.model.internal.time.Deadline;
import dev.vexilla.model.internal.time.DeadlineExceededException;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Asks the bucketing server for evaluations in the configured protocol and classifies every exchange.
 *
 * <p><b>Failure policy.</b> 200, and 400/404 for one flag, are answers (a 400 or 404 is that flag's error: invalid
 * context, missing targeting key, unknown flag, broken flag). 401 and 403 are {@link RemoteAnswer.Outcome#FATAL}.
 * 429 is {@link RemoteAnswer.Outcome#RATE_LIMITED} until its {@code Retry-After} (seconds or an HTTP date; one second
 * when absent or unreadable). 5xx after the transport's retries, other statuses, timeouts, connection errors and
 * unreadable bodies are {@link RemoteAnswer.Outcome#FAILED} with {@code GENERAL}. No method throws for a server
 * problem. The all-flags request of OFREP sends the last {@code ETag} as {@code If-None-Match} and reuses the last
 * answer on 304. {@link #close()} closes the transport and is idempotent.
 *
 * <p>Thread-safe.
 */
public final class RemoteEvaluator implements Closeable {
    static final long DEFAULT_RETRY_AFTER_MILLIS = 1000;
    private static final TypeReference<Map<String, Feature>> FEATURES = Feature.MAP_TYPE;

    private final RemoteDialect dialect;
    private final HttpTransport transport;
    private final Clock clock;
    private final @Nullable BucketingDialect bucketing;
    private final URI trackUri;
    private final AtomicReference<Bulk> lastBulk = new AtomicReference<>();

    /**
     * Creates the evaluator and its transport.
     *
     * @param options the provider options
     */
    public RemoteEvaluator(CloudOptions options) {
        this.clock = options.clock();
        if (options.protocol() == Protocol.OFREP) {
            this.bucketing = null;
            this.dialect = new OfrepDialect(options.baseUrl());
        } else {
            this.bucketing = new BucketingDialect(options.baseUrl(), options.enableEdgeDb());
            this.dialect = bucketing;
        }
        // Tracking is a Bucketing API route under either protocol, below the base URL's path.
        this.trackUri =
                bucketing != null ? bucketing.trackUri() : options.baseUrl().resolve("v1/track");
        this.transport = new HttpTransport(options, dialect.authHeaders(options.sdkKey()));
    }

    /**
     * Writes the request body for a context: the user JSON (Bucketing API) or the OFREP request. It is also the
     * user part of a cache key.
     *
     * @param ctx the context
     * @param user the context's user mapping
     * @return the JSON bytes
     * @throws Exception if the context cannot be written as JSON
     */
    public byte[] body(EvaluationContext ctx, User user) throws Exception {
        return dialect.body(ctx, user);
    }

    /**
     * Evaluates one flag.
     *
     * @param flagKey the flag key
     * @param body the request body from {@link #body}
     * @param deadline the deadline of the exchange, retries included
     * @return the answer, never null
     */
    public RemoteAnswer evaluate(String flagKey, byte[] body, Deadline deadline) {
        HttpResult response;
        try {
            response = transport.post(dialect.flagUri(flagKey), body, null, deadline);
        } catch (IOException e) {
            return RemoteAnswer.failed(describe(e));
        }
        int status = response.status();
        if (status == 200 || status == 400 || status == 404) {
            return dialect.single(flagKey, response);
        }
        return classify(response);
    }

    /**
     * Evaluates all flags in one request.
     *
     * @param body the request body from {@link #body}
     * @param deadline the deadline of the exchange, retries included
     * @return the answers by flag key (empty on failure) and the exchange's outcome
     */
    public BulkAnswer evaluateAll(byte[] body, Deadline deadline) {
        Bulk last = dialect.conditionalAll() ? lastBulk.get() : null;
        HttpResult response;
        try {
            response = transport.post(dialect.allUri(), body, last == null ? null : last.etag, deadline);
        } catch (IOException e) {
            return new BulkAnswer(Collections.emptyMap(), RemoteAnswer.failed(describe(e)));
        }
        if (response.status() == 304 && last != null && Arrays.equals(last.body, body)) {
            return new BulkAnswer(last.answers, RemoteAnswer.exchanged());
        }
        if (response.status() != 200) {
            return new BulkAnswer(Collections.emptyMap(), classify(response));
        }
        Map<String, RemoteAnswer> answers = dialect.all(response);
        if (answers == null) {
            return new BulkAnswer(Collections.emptyMap(), RemoteAnswer.failed("unreadable all-flags answer"));
        }
        Map<String, RemoteAnswer> frozen = Collections.unmodifiableMap(answers);
        if (dialect.conditionalAll() && response.etag() != null) {
            lastBulk.set(new Bulk(response.etag(), body.clone(), frozen));
        }
        return new BulkAnswer(frozen, RemoteAnswer.exchanged());
    }

    /**
     * Checks that the server answers and accepts the key, with an all-flags request for a probe user that is never
     * stored in EdgeDB.
     *
     * @param body the probe user's request body from {@link #body}
     * @param deadline the deadline of the exchange, retries included
     * @return the exchange's outcome
     */
    public RemoteAnswer probe(byte[] body, Deadline deadline) {
        try {
            HttpResult response = transport.post(dialect.probeUri(), body, null, deadline);
            return response.status() == 200 ? RemoteAnswer.exchanged() : classify(response);
        } catch (IOException e) {
            return RemoteAnswer.failed(describe(e));
        }
    }

    /**
     * Fetches the features of the Bucketing API ({@code /v1/features}).
     *
     * @param body the user body from {@link #body}
     * @param deadline the deadline of the exchange, retries included
     * @return the features by key, or {@code null} when the request failed or the protocol is OFREP
     */
    public @Nullable Map<String, Feature> features(byte[] body, Deadline deadline) {
        if (bucketing == null) {
            return null;
        }
        try {
            HttpResult response = transport.post(bucketing.featuresUri(), body, null, deadline);
            if (response.status() != 200) {
                return null;
            }
            return ObjectMappers.read(ObjectMappers.shared(), response.body(), FEATURES);
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * Sends tracked events ({@code POST /v1/track}), with the Bucketing API path under either protocol.
     *
     * @param request the user and events
     * @param deadline the deadline of the exchange, retries included
     * @return the HTTP status
     * @throws IOException if the request could not be sent or answered
     */
    public int track(TrackRequest request, Deadline deadline) throws IOException {
        URI uri = trackUri;
        byte[] json = ObjectMappers.shared().writeValueAsBytes(request);
        return transport.post(uri, json, null, deadline).status();
    }

    /** Where tracked events go: the Bucketing API's {@code v1/track} below the base URL, under either protocol. */
    URI trackUri() {
        return trackUri;
    }

    private RemoteAnswer classify(HttpResult response) {
        int status = response.status();
        if (status == 401 || status == 403) {
            return RemoteAnswer.fatal("the server refused the SDK key (HTTP " + status + ")");
        }
        if (status == 429) {
            return RemoteAnswer.rateLimited(clock.millis() + retryAfterMillis(response.retryAfter()));
        }
        return RemoteAnswer.failed("unexpected HTTP " + status + " from the server");
    }

    long retryAfterMillis(@Nullable String header) {
        if (header == null || header.trim().isEmpty()) {
            return DEFAULT_RETRY_AFTER_MILLIS;
        }
        String v = header.trim();
        try {
            return Math.max(0, Long.parseLong(v)) * 1000;
        } catch (NumberFormatException notSeconds) {
            try {
                long at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant()
                        .toEpochMilli();
                return Math.max(0, at - clock.millis());
            } catch (RuntimeException notDate) {
                return DEFAULT_RETRY_AFTER_MILLIS;
            }
        }
    }

    private static String describe(IOException e) {
        if (e instanceof DeadlineExceededException) {
            return String.valueOf(e.getMessage());
        }
        String m = e.getMessage();
        return "request failed: " + e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    @Override
    public void close() {
        transport.close();
    }

    /** The last OFREP bulk answer, for {@code If-None-Match}. */
    private static final class Bulk {
        final String etag;
        final byte[] body;
        final Map<String, RemoteAnswer> answers;

        Bulk(String etag, byte[] body, Map<String, RemoteAnswer> answers) {
            this.etag = etag;
            this.body = body;
            this.answers = answers;
        }
    }
}
