package dev.vexilla.cloud.internal;

import dev.vexilla.cloud.CloudOptions;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
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
 * <p><b>Failure policy.</b> Every timeout is explicit: connect (the option, capped by the deadline), waiting for a
 * pooled connection and waiting for response bytes are both set to the time left before the deadline on each
 * attempt, so one call never outlives it by more than a scheduling delay. HttpClient's automatic retries are off; a
 * 5xx answer or an {@link IOException} (refused, reset, timed out) is retried up to {@code retries} times after a
 * full-jitter pause, and only when the pause and some time for the attempt still fit before the deadline. Other
 * statuses (2xx, 3xx, 4xx) are returned as they are. Bodies are read whole (the server answers small JSON).
 * {@link #close()} closes the pool at once and is idempotent; calls after it fail with an {@link IOException}.
 *
 * <p>Thread-safe.
 */
public final class HttpTransport implements Closeable {
    static final long BASE_BACKOFF_MILLIS = 10;
    static final long MIN_ATTEMPT_MILLIS = 5;

    private final CloseableHttpClient client;
    private final RequestConfig baseConfig;
    private final Clock clock;
    private final int retries;
    private final Header[] headers;

    /**
     * Creates the transport and its connection pool.
     *
     * @param options the provider options (timeouts, pool size, proxy, headers, clock)
     * @param authHeaders the authentication headers of the protocol
     */
    public HttpTransport(CloudOptions options, Map<String, String> authHeaders) {
        this.clock = options.clock();
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
     * @param deadlineMillis the deadline, epoch milliseconds on the clock
     * @return the last response
     * @throws IOException if the last attempt failed to connect, send or receive before the deadline
     */
    public HttpResult post(URI uri, byte[] body, @Nullable String ifNoneMatch, long deadlineMillis) throws IOException {
        for (int attempt = 0; ; attempt++) {
            long left = deadlineMillis - clock.millis();
            if (left <= 0) {
                throw new IOException("deadline passed before the request was sent");
            }
            try {
                HttpResult result = once(uri, body, ifNoneMatch, left);
                if (result.status() < 500 || !pauseBeforeRetry(attempt, deadlineMillis)) {
                    return result;
                }
            } catch (IOException e) {
                if (!pauseBeforeRetry(attempt, deadlineMillis)) {
                    throw e;
                }
            }
        }
    }

    private boolean pauseBeforeRetry(int attempt, long deadlineMillis) {
        if (attempt >= retries) {
            return false;
        }
        long cap = BASE_BACKOFF_MILLIS << Math.min(attempt, 10);
        long pause = ThreadLocalRandom.current().nextLong(cap + 1);
        if (clock.millis() + pause + MIN_ATTEMPT_MILLIS >= deadlineMillis) {
            return false;
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(pause));
        return true;
    }

    private HttpResult once(URI uri, byte[] body, @Nullable String ifNoneMatch, long leftMillis) throws IOException {
        HttpPost post = new HttpPost(uri);
        post.setHeaders(headers);
        if (ifNoneMatch != null) {
            post.setHeader("If-None-Match", ifNoneMatch);
        }
        Timeout left = millis(leftMillis);
        post.setConfig(RequestConfig.copy(baseConfig)
                .setConnectionRequestTimeout(left)
                .setResponseTimeout(left)
                .build());
        post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        return client.execute(post, response -> {
            byte[] bytes = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
            Header etag = response.getFirstHeader("ETag");
            Header retryAfter = response.getFirstHeader("Retry-After");
            return new HttpResult(
                    response.getCode(),
                    bytes,
                    etag == null ? null : etag.getValue(),
                    retryAfter == null ? null : retryAfter.getValue());
        });
    }

    private static Timeout millis(long millis) {
        return Timeout.of(Math.max(1, millis), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        client.close(CloseMode.IMMEDIATE);
    }
}
