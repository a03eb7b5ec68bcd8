package dev.vexilla.local.internal.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vexilla.local.ConfigProtocol;
import dev.vexilla.local.internal.http.FetchResult.FailureKind;
import dev.vexilla.model.SdkKeys;
import dev.vexilla.model.internal.time.Deadline;
import dev.vexilla.model.internal.time.DeadlineTimer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.utils.DateUtils;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads the config of the {@link ConfigFetcherOptions#protocol() protocol}: ConfigCat's config JSON v6 from
 * {@code GET {baseUrl}/configuration-files/{sdkKey}/config_v6.json} with {@code If-None-Match}, following the
 * data-governance preferences of the downloaded config; or DevCycle's config v2 from
 * {@code GET {baseUrl}/config/v2/server/{sdkKey}.json} with {@code If-None-Match} and {@code If-Modified-Since}.
 *
 * <p><b>Failure policy.</b> {@link #fetch} never throws; every outcome is a {@link FetchResult}:
 * <ul>
 *   <li>200 with a JSON object body: {@code FETCHED}; a body that is not a JSON object, or larger than
 *       {@link ConfigFetcherOptions#maxConfigBytes()}, is a {@code TRANSIENT} failure ("malformed").</li>
 *   <li>304: {@code NOT_MODIFIED}.</li>
 *   <li>DevCycle: a 200 whose {@code Last-Modified} is older than the one of the config held (a CDN edge behind the
 *       others) is {@code NOT_MODIFIED} too: the newer config held keeps serving, as DevCycle's SDKs do.</li>
 *   <li>401, 403, 404: {@code PERMANENT} failure: the SDK key is wrong, retrying cannot help.</li>
 *   <li>every other status, I/O errors (refused, reset, truncated body), and timeouts: {@code TRANSIENT}
 *       failure. Nothing is retried here: automatic retries are disabled and retrying is the caller's job (with
 *       {@link dev.vexilla.model.internal.stream.Backoff}).</li>
 *   <li>One download as a whole (waiting for a pooled connection, connecting, sending, reading the answer to its
 *       last byte, and the redirects below) ends by {@link ConfigFetcherOptions#downloadTimeout()}: a request still
 *       running then is aborted on the {@link DeadlineTimer} (its connection closed) and the result is a
 *       {@code TRANSIENT} failure saying the deadline passed. The client's socket timeouts bound each wait for a
 *       byte only; a server that sends one byte just before each would otherwise stretch a download for as long
 *       as its body lasts.</li>
 *   <li>ConfigCat only: after a 200, the config's preferences {@code p.u} (base URL) and {@code p.r} (redirect mode) are applied as
 *       ConfigCat's SDKs do: a custom base URL only follows {@code r == 2}; otherwise the base URL switches to
 *       {@code p.u}; {@code r == 0} keeps the response, {@code r == 1} logs a warning and downloads again,
 *       {@code r == 2} downloads again. After {@value #MAX_REDIRECTS} redirects the result is a {@code TRANSIENT}
 *       "redirect loop" failure. The switched base URL is kept for later downloads.</li>
 *   <li>After the HTTP client is closed, results are {@code TRANSIENT} failures.</li>
 * </ul>
 * Failures are not logged here (the caller logs transitions); messages never contain the SDK key, and the request
 * URL, which carries it, is never logged.
 *
 * <pre>{@code
 * ConfigFetcher fetcher =
 *         new ConfigFetcher(httpClient, deadlineTimer, ConfigFetcherOptions.builder(sdkKey).build(), clock);
 * FetchResult result = fetcher.fetch(lastEtag);
 * if (result.kind() == FetchResult.Kind.FETCHED) {
 *     apply(result.json(), result.etag());
 * }
 * }</pre>
 *
 * <p>Thread-safe; {@link #fetch} blocks for at most the download deadline (redirects included). Callers normally
 * run one fetch at a time.
 *
 * @since 0.1.0
 */
public final class ConfigFetcher {
    /** Most redirects followed for one fetch; ConfigCat's SDKs allow the same. */
    public static final int MAX_REDIRECTS = 2;

    private static final Logger LOG = LoggerFactory.getLogger(ConfigFetcher.class);
    private static final int NO_REDIRECT = 0;
    private static final int SHOULD_REDIRECT = 1;
    private static final int FORCE_REDIRECT = 2;

    private final CloseableHttpClient client;
    private final DeadlineTimer timer;
    private final ConfigFetcherOptions options;
    private final Clock clock;
    private final ObjectMapper mapper;
    private volatile URI baseUrl;

    /**
     * Creates a fetcher.
     *
     * @param client the HTTP client (see {@link HttpClientFactory}); the caller keeps ownership and closes it
     * @param timer aborts downloads past their deadline; the caller keeps ownership and closes it
     * @param options the SDK key, base URL, size limit and download deadline
     * @param clock the clock that stamps each result
     */
    public ConfigFetcher(CloseableHttpClient client, DeadlineTimer timer, ConfigFetcherOptions options, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.timer = Objects.requireNonNull(timer, "timer");
        this.options = Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.baseUrl = options.baseUrl();
        this.mapper = newMapper(options.maxConfigBytes());
    }

    /**
     * Downloads the config, following data-governance redirects.
     *
     * @param etag the ETag of the config the caller has, sent as {@code If-None-Match}; null or empty for none
     * @return the outcome; never null, and no exception escapes
     */
    public FetchResult fetch(@Nullable String etag) {
        return fetch(etag, null);
    }

    /**
     * Downloads the config, following data-governance redirects (ConfigCat) or sending {@code If-Modified-Since}
     * and ignoring an older config (DevCycle).
     *
     * @param etag the ETag of the config the caller has, sent as {@code If-None-Match}; null or empty for none
     * @param lastModified the {@code Last-Modified} of the config the caller has; null for none. Used by DevCycle's
     *     protocol only.
     * @return the outcome; never null, and no exception escapes
     */
    public FetchResult fetch(@Nullable String etag, @Nullable String lastModified) {
        Deadline deadline = Deadline.after(options.downloadTimeout());
        String heldModified = options.protocol() == ConfigProtocol.DEVCYCLE ? lastModified : null;
        try {
            for (int redirects = 0; ; redirects++) {
                Attempt attempt = fetchOnce(etag, heldModified, deadline);
                if (attempt.result.kind() != FetchResult.Kind.FETCHED || !applyPreferences(attempt.root)) {
                    return attempt.result;
                }
                if (redirects == MAX_REDIRECTS) {
                    LOG.error(
                            "Config download stopped: the config's preferences redirect in a loop"
                                    + " (more than {} redirects)",
                            MAX_REDIRECTS);
                    return failed(0, "redirect loop: more than " + MAX_REDIRECTS + " data-governance redirects");
                }
            }
        } catch (RuntimeException e) {
            return failed(0, "unexpected " + e.getClass().getSimpleName() + ": " + redact(e.getMessage()));
        }
    }

    /**
     * Returns the base URL the next download goes to; it changes when the config's preferences redirect.
     *
     * @return the current base URL, without a trailing slash
     */
    public URI baseUrl() {
        return baseUrl;
    }

    private Attempt fetchOnce(@Nullable String etag, @Nullable String heldModified, Deadline deadline) {
        if (deadline.hasPassed()) {
            return new Attempt(failed(0, deadline.passed("following a redirect")), null);
        }
        HttpGet get = new HttpGet(configUri());
        if (etag != null && !etag.isEmpty()) {
            get.addHeader(HttpHeaders.IF_NONE_MATCH, etag);
        }
        if (heldModified != null && !heldModified.isEmpty()) {
            get.addHeader(HttpHeaders.IF_MODIFIED_SINCE, heldModified);
        }
        get.addHeader(HttpHeaders.ACCEPT, "application/json");
        DeadlineTimer.Alarm alarm = timer.arm(deadline, get::cancel);
        try {
            return client.execute(get, response -> handle(get, response, heldModified));
        } catch (OversizedBodyException e) {
            return new Attempt(failed(200, e.getMessage()), null);
        } catch (IOException | IllegalStateException e) {
            // An abort racing with the exchange surfaces as either; a closed client as the latter.
            if (alarm.rang()) {
                return new Attempt(failed(0, deadline.passed("downloading the config")), null);
            }
            if (e instanceof IllegalStateException) {
                throw (IllegalStateException) e;
            }
            return new Attempt(failed(0, describe((IOException) e)), null);
        } finally {
            alarm.disarm();
        }
    }

    private URI configUri() {
        if (options.protocol() == ConfigProtocol.DEVCYCLE) {
            return URI.create(baseUrl + "/config/v2/server/" + options.sdkKey() + ".json");
        }
        return URI.create(baseUrl + "/configuration-files/" + options.sdkKey() + "/config_v6.json");
    }

    private Attempt handle(HttpGet get, ClassicHttpResponse response, @Nullable String heldModified)
            throws IOException {
        int status = response.getCode();
        if (status == 304) {
            return new Attempt(FetchResult.notModified(clock.instant()), null);
        }
        if (status == 401 || status == 403 || status == 404) {
            String why = status == 404 ? "config not found" : "access denied";
            return new Attempt(
                    FetchResult.failed(
                            FailureKind.PERMANENT,
                            status,
                            "HTTP " + status + ": " + why + ", check the SDK key",
                            clock.instant()),
                    null);
        }
        if (status != 200) {
            return new Attempt(failed(status, "HTTP " + status + " from the config server"), null);
        }
        byte[] body = readBounded(response.getEntity());
        if (body == null) {
            get.cancel(); // drop the connection instead of reading the rest of an oversized body
            throw new OversizedBodyException("config larger than " + options.maxConfigBytes() + " bytes was rejected");
        }
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            return new Attempt(failed(status, "malformed config JSON" + where(e.getLocation())), null);
        }
        if (root == null || !root.isObject()) {
            return new Attempt(failed(status, "malformed config JSON: not a JSON object"), null);
        }
        Header etagHeader = response.getFirstHeader(HttpHeaders.ETAG);
        String newEtag = etagHeader == null ? null : etagHeader.getValue();
        Header modifiedHeader = response.getFirstHeader(HttpHeaders.LAST_MODIFIED);
        String newModified = modifiedHeader == null ? null : modifiedHeader.getValue();
        if (isOlder(newModified, heldModified)) {
            LOG.debug("Ignoring a config last modified {}, older than the one held ({})", newModified, heldModified);
            return new Attempt(FetchResult.notModified(clock.instant()), null);
        }
        String json = new String(body, StandardCharsets.UTF_8);
        return new Attempt(FetchResult.fetched(json, newEtag, newModified, clock.instant()), root);
    }

    /** Tells whether a response's Last-Modified is before the held one's; unparsable dates are never older. */
    private static boolean isOlder(@Nullable String modified, @Nullable String held) {
        if (modified == null || held == null) {
            return false;
        }
        Instant received = DateUtils.parseStandardDate(modified);
        Instant kept = DateUtils.parseStandardDate(held);
        return received != null && kept != null && received.isBefore(kept);
    }

    /** Returns the body, or null if it is larger than the limit. */
    private byte @Nullable [] readBounded(@Nullable HttpEntity entity) throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        int max = options.maxConfigBytes();
        if (entity.getContentLength() > max) {
            return null;
        }
        ByteArrayOutputStream out =
                new ByteArrayOutputStream(entity.getContentLength() > 0 ? (int) entity.getContentLength() : 8192);
        byte[] buffer = new byte[8192];
        try (InputStream in = entity.getContent()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (out.size() + n > max) {
                    return null;
                }
                out.write(buffer, 0, n);
            }
        }
        return out.toByteArray();
    }

    /** Applies the config's data-governance preferences; returns true if the config must be downloaded again. */
    private boolean applyPreferences(@Nullable JsonNode root) {
        if (options.protocol() != ConfigProtocol.CONFIGCAT) {
            return false;
        }
        JsonNode preferences = root == null ? null : root.get("p");
        if (preferences == null || !preferences.isObject()) {
            return false;
        }
        JsonNode url = preferences.get("u");
        if (url == null || !url.isTextual() || url.asText().isBlank()) {
            return false;
        }
        int redirect = preferences.path("r").asInt(NO_REDIRECT);
        if (options.customBaseUrl() && redirect != FORCE_REDIRECT) {
            return false;
        }
        URI newUrl;
        try {
            newUrl = BaseUrls.parse(url.asText());
        } catch (IllegalArgumentException e) {
            LOG.warn("Ignoring the config's data-governance preference: {}", e.getMessage());
            return false;
        }
        if (newUrl.equals(baseUrl)) {
            return false;
        }
        baseUrl = newUrl;
        if (redirect == NO_REDIRECT) {
            return false;
        }
        if (redirect == SHOULD_REDIRECT) {
            LOG.warn(
                    "The config is served from {}, not from the configured data governance's CDN; set the data"
                            + " governance to match the ConfigCat product to avoid this extra request",
                    newUrl);
        }
        return true;
    }

    private FetchResult failed(int status, String message) {
        return FetchResult.failed(FailureKind.TRANSIENT, status, message, clock.instant());
    }

    private String describe(IOException e) {
        String detail = e.getMessage() == null ? "" : ": " + redact(e.getMessage());
        if (e instanceof ConnectTimeoutException) {
            return "connect timed out" + detail;
        }
        if (e instanceof SocketTimeoutException) {
            return "response timed out" + detail;
        }
        if (e instanceof InterruptedIOException) {
            return "interrupted" + detail;
        }
        if (e instanceof ConnectException) {
            return "connection refused" + detail;
        }
        if (e instanceof UnknownHostException) {
            return "unknown host" + detail;
        }
        if (e instanceof ConnectionClosedException) {
            return "connection closed early" + detail;
        }
        if (e instanceof SocketException) {
            return "connection failed" + detail;
        }
        return "I/O error " + e.getClass().getSimpleName() + detail;
    }

    private String redact(@Nullable String message) {
        if (message == null) {
            return "";
        }
        return message.replace(options.sdkKey(), SdkKeys.redact(options.sdkKey()));
    }

    private static String where(@Nullable JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static ObjectMapper newMapper(int maxBytes) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxDocumentLength(maxBytes)
                        .maxNestingDepth(200)
                        .build())
                .build();
        return new ObjectMapper(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** Thrown out of the response handler so HttpClient does not drain an oversized body. */
    private static final class OversizedBodyException extends IOException {
        private static final long serialVersionUID = 1L;

        OversizedBodyException(String message) {
            super(message);
        }
    }

    private static final class Attempt {
        final FetchResult result;
        final @Nullable JsonNode root;

        Attempt(FetchResult result, @Nullable JsonNode root) {
            this.result = result;
            this.root = root;
        }
    }
}
