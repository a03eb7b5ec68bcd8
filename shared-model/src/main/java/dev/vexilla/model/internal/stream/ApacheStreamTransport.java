package dev.vexilla.model.internal.stream;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The change stream's transport over a provider's HttpClient 5 classic client (both providers use it; HttpClient 5 is
 * an optional dependency of shared-model, present wherever a provider is): each exchange is an
 * {@link HttpGet} with the stream's socket timeout and the pool's connection-request timeout, aborted with
 * {@link HttpGet#cancel()}. A connect timeout surfaces as a {@link ConnectException}, so that the stream client does
 * not take it for a silent stream; a closed HTTP client throws {@code IllegalStateException}, which stops the stream
 * for good.
 *
 * <p>Thread-safe; the HTTP client stays the caller's to close.
 */
public final class ApacheStreamTransport implements StreamTransport {
    private static final Logger LOG = LoggerFactory.getLogger(ApacheStreamTransport.class);

    private final CloseableHttpClient http;
    private final RequestConfig config;

    /**
     * Creates the transport.
     *
     * @param http the HTTP client; not closed by this transport
     * @param socketTimeout the longest wait for a response head or the next bytes: a backstop, the stream client
     *     measures silence itself (see {@code SseClientOptions.socketTimeout()})
     * @param connectionRequestTimeout the longest wait for a pooled connection
     */
    public ApacheStreamTransport(CloseableHttpClient http, Duration socketTimeout, Duration connectionRequestTimeout) {
        this.http = Objects.requireNonNull(http, "http");
        this.config = RequestConfig.custom()
                .setResponseTimeout(Timeout.ofMilliseconds(socketTimeout.toMillis()))
                .setConnectionRequestTimeout(Timeout.ofMilliseconds(connectionRequestTimeout.toMillis()))
                .build();
    }

    @Override
    public Exchange newExchange(URI uri, Map<String, String> headers) {
        HttpGet get = new HttpGet(uri);
        headers.forEach(get::setHeader);
        get.setConfig(config);
        return new ApacheExchange(http, get);
    }

    private static final class ApacheExchange implements Exchange, Response {
        private final CloseableHttpClient http;
        private final HttpGet get;
        private @Nullable ClassicHttpResponse response;

        ApacheExchange(CloseableHttpClient http, HttpGet get) {
            this.http = http;
            this.get = get;
        }

        @Override
        public Response execute() throws IOException {
            try {
                response = http.executeOpen(null, get, null);
                return this;
            } catch (ConnectTimeoutException e) {
                throw new ConnectException("connect timed out");
            }
        }

        @Override
        public int status() {
            return Objects.requireNonNull(response).getCode();
        }

        @Override
        public @Nullable String contentType() {
            HttpEntity entity = Objects.requireNonNull(response).getEntity();
            return entity == null ? null : entity.getContentType();
        }

        @Override
        public InputStream body() throws IOException {
            HttpEntity entity = Objects.requireNonNull(response).getEntity();
            return entity == null ? InputStream.nullInputStream() : entity.getContent();
        }

        @Override
        public void abort() {
            get.cancel();
        }

        @Override
        public void close() {
            ClassicHttpResponse r = response;
            if (r == null) {
                return;
            }
            try {
                r.close();
            } catch (IOException | RuntimeException e) {
                LOG.trace("Ignoring a failure to close an aborted stream response", e);
            }
        }
    }
}
