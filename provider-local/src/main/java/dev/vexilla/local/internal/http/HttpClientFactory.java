package dev.vexilla.local.internal.http;

import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ssl.TLS;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Creates the one {@link CloseableHttpClient} a local provider uses, with every timeout and pool size explicit
 * (HttpClient's own defaults wait up to 3 minutes) and automatic retries disabled: retrying is the job of
 * {@link dev.vexilla.model.internal.stream.Backoff}.
 *
 * @since 0.1.0
 */
public final class HttpClientFactory {
    /** Connections idle this long are closed by the pool's evictor thread (a daemon owned by the client). */
    static final TimeValue IDLE_EVICTION = TimeValue.ofSeconds(30);
    /** A pooled connection idle this long is checked before reuse. */
    static final TimeValue VALIDATE_AFTER_INACTIVITY = TimeValue.ofSeconds(2);

    private HttpClientFactory() {}

    /**
     * Creates a client. The caller owns it and must close it.
     *
     * @param options the timeouts, pool size, proxy and user agent
     * @return a new client
     */
    public static CloseableHttpClient create(HttpClientOptions options) {
        Timeout connect = timeout(options.connectTimeout().toMillis());
        Timeout response = timeout(options.responseTimeout().toMillis());
        ConnectionConfig connectionConfig = ConnectionConfig.custom()
                .setConnectTimeout(connect)
                .setSocketTimeout(response)
                .setValidateAfterInactivity(VALIDATE_AFTER_INACTIVITY)
                .build();
        TlsConfig tlsConfig = TlsConfig.custom()
                .setSupportedProtocols(TLS.V_1_3, TLS.V_1_2)
                .setHandshakeTimeout(connect)
                .build();
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(connectionConfig)
                .setDefaultTlsConfig(tlsConfig)
                .setMaxConnTotal(options.maxConnections())
                .setMaxConnPerRoute(options.maxConnections())
                .build();
        RequestConfig requestConfig = RequestConfig.custom()
                .setConnectionRequestTimeout(
                        timeout(options.connectionRequestTimeout().toMillis()))
                .setResponseTimeout(response)
                .setMaxRedirects(3)
                .build();
        return HttpClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(requestConfig)
                .setProxy(options.proxy())
                .setUserAgent(options.userAgent())
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .evictExpiredConnections()
                .evictIdleConnections(IDLE_EVICTION)
                .build();
    }

    private static Timeout timeout(long millis) {
        return Timeout.of(millis, TimeUnit.MILLISECONDS);
    }
}
