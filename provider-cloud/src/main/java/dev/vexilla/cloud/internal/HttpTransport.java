package dev.vexilla.cloud.internal;

import dev.vexilla.cloud.CloudOptions;
import dev.vexilla.model.internal.time.Deadline;
import dev.vexilla.model.internal.time.DeadlineExceededException;
import dev.vexilla.model.internal.time.DeadlineTimer;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

/**
 * Posts JSON to the bucketing server with one pooled HttpClient 5 classic client, inside a deadline.
 *
 * <p><b>Failure policy.</b> The {@link Deadline} of a call bounds it end to end: waiting for a pooled connection,
 * connecting, sending, reading the answer to its last byte, the pauses between attempts and the retries. Each
 * attempt is armed on a {@link DeadlineTimer} that aborts the request (closing its connection) when the deadline
 * passes, so a server that sends one byte just before every read timeout cannot stretch a call; the attempt then
 * fails with a {@link DeadlineExceededException}. Socket-level timeouts are set to the time left as well (connect:
 * the option, capped by the deadline). HttpClient's automatic retries are off; a 5xx answer or an
 * {@link IOException} (refused, reset, timed out) is retried up to {@code retries} times after a full-jitter pause,
 * and only when the pause and some time for the attempt still fit before the deadline. Other statuses (2xx, 3xx,
 * 4xx) are returned as they are. Bodies are read whole (the server answers small JSON). An aborted connection is
 * closed, never returned to the pool. {@link #close()} closes the pool and the timer's thread at once and is
 * idempotent; calls after it fail with an {@link IOException}.
 *
 * <p>Thread-safe.
 */
public final class HttpTransport implements Closeable {
    static final long BASE_BACKOFF_MILLIS = 10;
    static final long MIN_ATTEMPT_MILLIS = 5;

    /** The name of the thread that aborts requests past their deadline. */
    static final String TIMER_THREAD = "vexilla-cloud-deadline";

    private final CloseableHttpClient client;
    private final RequestConfig baseConfig;
    private final DeadlineTimer timer = new DeadlineTimer(TIMER_THREAD);
    private final int retries;
    private final Header[] headers;

    /**
     * Creates the transport and its connection pool.
     *
     * @param options the provider options (timeouts, pool size, proxy, headers)
     * @param authHeaders the authentication headers of the protocol
     */
    public HttpTransport(CloudOptions options, Map<String, String> authHeaders) {
        this.retries = options.retries();
        ConnectionConfig connectionConfig = ConnectionConfig.custom()
                .setConnectTimeout(millis(options.connectTimeout().toMillis()))
                .setSocketTimeout(millis(options.requestTimeout().toMillis()))
                .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                .build();
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(connectionConfig)
                .setMaxConnTotal(options.maxConnections())
                .setMaxConnPerRoute(options.maxConnections())
                .build();
        this.baseConfig = RequestConfig.custom()
                .setConnectionRequestTimeout(millis(options.requestTimeout().toMillis()))
                .setResponseTimeout(millis(options.requestTimeout().toMillis()))
                .setRedirectsEnabled(false)
                .build();
        URI proxy = options.proxy();
        this.client = HttpClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(baseConfig)
                .setProxy(proxy == null ? null : new HttpHost(proxy.getScheme(), proxy.getHost(), proxy.getPort()))
                .setUserAgent("vexilla-provider-cloud/0.1.0")
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .evictExpiredConnections()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .build();
        this.headers = HttpHeaders.merge(options.headers(), authHeaders);
    }

    /**
     * Posts a JSON body, retrying 5xx answers and connection errors while the deadline allows.
     *
     * @param uri the absolute URI
     * @param body the JSON body
     * @param ifNoneMatch an entity tag to send as {@code If-None-Match}, or {@code null}
     * @param deadline the deadline of the whole call, retries included
     * @return the last response
     * @throws DeadlineExceededException if the deadline passed before an answer was read whole
     * @throws IOException if the last attempt failed to connect, send or receive
     */
    public HttpResult post(URI uri, byte[] body, @Nullable String ifNoneMatch, Deadline deadline) throws IOException {
        for (int attempt = 0; ; attempt++) {
            if (deadline.hasPassed()) {
                throw deadline.exceeded(attempt == 0 ? "waiting to send the request" : "pausing before a retry");
            }
            try {
                HttpResult result = once(uri, body, ifNoneMatch, deadline);
                if (result.status() < 500 || !pauseBeforeRetry(attempt, deadline)) {
                    return result;
                }
            } catch (DeadlineExceededException e) {
                throw e;
            } catch (IOException e) {
                if (!pauseBeforeRetry(attempt, deadline)) {
                    throw e;
                }
            }
        }
    }

    private boolean pauseBeforeRetry(int attempt, Deadline deadline) {
        if (attempt >= retries) {
            return false;
        }
        long cap = BASE_BACKOFF_MILLIS << Math.min(attempt, 10);
        long pause = ThreadLocalRandom.current().nextLong(cap + 1);
        if (pause + MIN_ATTEMPT_MILLIS >= deadline.remainingMillis()) {
            return false;
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(pause));
        return true;
    }

    private HttpResult once(URI uri, byte[] body, @Nullable String ifNoneMatch, Deadline deadline) throws IOException {
        HttpPost post = new HttpPost(uri);
        post.setHeaders(headers);
        if (ifNoneMatch != null) {
            post.setHeader("If-None-Match", ifNoneMatch);
        }
        Timeout left = millis(deadline.remainingMillis());
        post.setConfig(RequestConfig.copy(baseConfig)
                .setConnectionRequestTimeout(left)
                .setResponseTimeout(left)
                .build());
        post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        DeadlineTimer.Alarm alarm = timer.arm(deadline, post::cancel);
        try {
            return client.execute(post, HttpTransport::read);
        } catch (IOException | IllegalStateException e) {
            // An abort racing with the exchange surfaces as either; so does a closed pool.
            if (alarm.rang()) {
                throw deadline.exceeded("waiting for the server's answer");
            }
            throw e instanceof IOException ? (IOException) e : new IOException(e.getMessage(), e);
        } finally {
            alarm.disarm();
        }
    }

    private static HttpResult read(ClassicHttpResponse response) throws IOException {
        byte[] bytes = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
        Header etag = response.getFirstHeader("ETag");
        Header retryAfter = response.getFirstHeader("Retry-After");
        return new HttpResult(
                response.getCode(),
                bytes,
                etag == null ? null : etag.getValue(),
                retryAfter == null ? null : retryAfter.getValue());
    }

    private static Timeout millis(long millis) {
        return Timeout.of(Math.max(1, millis), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        client.close(CloseMode.IMMEDIATE);
        timer.close();
    }
}
