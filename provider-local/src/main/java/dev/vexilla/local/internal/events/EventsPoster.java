package dev.vexilla.local.internal.events;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

/**
 * Posts one serialised {@code EventsBatch} to {@code {eventsUrl}/v1/events/batch} and classifies the outcome.
 *
 * <p><b>Failure policy.</b> {@link #post} never throws; it makes exactly one request (redirects are not followed
 * and the HTTP client's automatic retries are off) and returns:
 * <ul>
 *   <li>any 2xx: {@link Outcome#DELIVERED} (DevCycle's service answers 201);</li>
 *   <li>401 or 403: {@link Outcome#UNAUTHORIZED}: the SDK key is refused, sending again cannot help;</li>
 *   <li>every other status below 500 (3xx, 4xx): {@link Outcome#REJECTED}: the same payload would be refused
 *       again;</li>
 *   <li>5xx, I/O errors (refused, reset, truncated) and timeouts: {@link Outcome#RETRYABLE};</li>
 *   <li>a closed HTTP client: {@link Outcome#REJECTED}.</li>
 * </ul>
 * Nothing is logged here and the SDK key, which travels only in the {@code Authorization} header, never appears
 * in the returned detail. Response bodies are read and discarded.
 *
 * <p>Thread-safe; {@link #post} blocks for at most the HTTP client's connect timeout plus twice
 * {@link EventOptions#requestTimeout()}.
 */
final class EventsPoster {
    /** Header carrying the payload id; a retry repeats the id so that the server can drop duplicates. */
    static final String PAYLOAD_ID_HEADER = "X-Vexilla-Payload-Id";

    private static final ContentType JSON = ContentType.create("application/json");

    /** How one request ended. */
    enum Outcome {
        DELIVERED,
        RETRYABLE,
        REJECTED,
        UNAUTHORIZED
    }

    /** The outcome of one request and a short description for logs ({@code "HTTP 500"}, an exception's class). */
    static final class Result {
        private final Outcome outcome;
        private final String detail;

        Result(Outcome outcome, String detail) {
            this.outcome = outcome;
            this.detail = detail;
        }

        Outcome outcome() {
            return outcome;
        }

        String detail() {
            return detail;
        }

        @Override
        public String toString() {
            return outcome + " (" + detail + ")";
        }
    }

    private final CloseableHttpClient httpClient;
    private final EventOptions options;
    private final RequestConfig requestConfig;

    EventsPoster(CloseableHttpClient httpClient, EventOptions options) {
        this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
        this.options = Objects.requireNonNull(options, "options");
        Timeout timeout = Timeout.of(options.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        this.requestConfig = RequestConfig.custom()
                .setConnectionRequestTimeout(timeout)
                .setResponseTimeout(timeout)
                .setRedirectsEnabled(false)
                .build();
    }

    /**
     * Sends one payload.
     *
     * @param body the JSON of one {@code EventsBatch}
     * @param payloadId the id sent in {@value #PAYLOAD_ID_HEADER}; the same for a retry
     * @return the outcome, never null
     */
    Result post(byte[] body, String payloadId) {
        HttpPost request = new HttpPost(options.batchUri());
        request.setConfig(requestConfig);
        request.setHeader(HttpHeaders.AUTHORIZATION, options.sdkKey());
        request.setHeader(PAYLOAD_ID_HEADER, payloadId);
        request.setEntity(new ByteArrayEntity(body, JSON));
        try {
            int status = httpClient.execute(request, response -> {
                EntityUtils.consume(response.getEntity());
                return response.getCode();
            });
            return classify(status);
        } catch (IOException e) {
            return new Result(Outcome.RETRYABLE, e.getClass().getSimpleName());
        } catch (IllegalStateException e) {
            return new Result(Outcome.REJECTED, "HTTP client closed");
        }
    }

    static Result classify(int status) {
        String detail = "HTTP " + status;
        if (status >= 200 && status < 300) {
            return new Result(Outcome.DELIVERED, detail);
        }
        if (status == 401 || status == 403) {
            return new Result(Outcome.UNAUTHORIZED, detail);
        }
        if (status >= 500) {
            return new Result(Outcome.RETRYABLE, detail);
        }
        return new Result(Outcome.REJECTED, detail);
    }
}
