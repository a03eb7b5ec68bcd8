package dev.vexilla.server;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;

/**
 * An optional cap on evaluation requests per config ({@code --rate-limit}, requests per second): a token bucket per
 * config that holds at most one second's worth of requests and refills continuously. A request beyond it is answered
 * 429 with {@code Retry-After} (whole seconds until a token is back) before its body is read; the client's key is
 * never part of the answer, the log or the metrics (buckets are keyed by config name).
 *
 * <p>Off ({@code 0}) by default. Time comes from the injected clock; a clock that steps back refills nothing.
 * Thread-safe: one short lock per bucket.
 */
final class EvaluationRateLimit {
    private final int perSecond;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /**
     * Creates the limit.
     *
     * @param perSecond requests per second per config; 0 turns the limit off
     * @param clock the time source
     */
    EvaluationRateLimit(int perSecond, Clock clock) {
        if (perSecond < 0) {
            throw new IllegalArgumentException("perSecond must be >= 0, was " + perSecond);
        }
        this.perSecond = perSecond;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Takes one request's token of a config or refuses the request.
     *
     * @param config the config the request's key reads
     * @param response where {@code Retry-After} is set when refused
     * @throws HttpError 429 when the config's bucket is empty
     */
    void admit(ServedConfig<?> config, Response response) {
        long waitSeconds = acquire(config.name());
        if (waitSeconds > 0) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(waitSeconds));
            throw new HttpError(429, "Too many evaluation requests for this config; retry after " + waitSeconds + "s");
        }
    }

    /**
     * Takes a token.
     *
     * @param configName the config name
     * @return 0 when a token was taken, otherwise the whole seconds until one is available (at least 1)
     */
    long acquire(String configName) {
        if (perSecond == 0) {
            return 0;
        }
        long now = clock.millis();
        return buckets.computeIfAbsent(configName, k -> new Bucket(perSecond, now))
                .take(now);
    }

    private static final class Bucket {
        private final int rate;
        private double tokens;
        private long last;

        Bucket(int rate, long now) {
            this.rate = rate;
            this.tokens = rate;
            this.last = now;
        }

        synchronized long take(long now) {
            if (now > last) {
                tokens = Math.min(rate, tokens + (now - last) * (double) rate / 1000.0);
                last = now;
            }
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / rate));
        }
    }
}
