package dev.vexilla.local.internal.http;

import java.time.Duration;
import java.util.Objects;
import org.apache.hc.core5.http.HttpHost;
import org.jspecify.annotations.Nullable;

/**
 * The options of the one HTTP client a local provider uses for config downloads and its change stream: timeouts,
 * pool size, an optional proxy and the user agent. Immutable and thread-safe; build with {@link #builder()}.
 *
 * <pre>{@code
 * HttpClientOptions options = HttpClientOptions.builder()
 *         .connectTimeout(Duration.ofSeconds(2))
 *         .responseTimeout(Duration.ofSeconds(5))
 *         .build();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class HttpClientOptions {
    /** Default time to establish a TCP (and TLS) connection: 5 s. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Default time to wait for a pooled connection: 5 s. */
    public static final Duration DEFAULT_CONNECTION_REQUEST_TIMEOUT = Duration.ofSeconds(5);
    /** Default longest silence while waiting for a response or reading its body: 10 s. */
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(10);
    /** Default pool size, in total and per route. */
    public static final int DEFAULT_MAX_CONNECTIONS = 10;
    /** Default user agent. */
    public static final String DEFAULT_USER_AGENT = "Vexilla-Java/0.1.0";
    /** Shortest timeout accepted: 10 ms. */
    public static final Duration MIN_TIMEOUT = Duration.ofMillis(10);

    private final Duration connectTimeout;
    private final Duration connectionRequestTimeout;
    private final Duration responseTimeout;
    private final int maxConnections;
    private final @Nullable HttpHost proxy;
    private final String userAgent;

    private HttpClientOptions(Builder b) {
        this.connectTimeout = b.connectTimeout;
        this.connectionRequestTimeout = b.connectionRequestTimeout;
        this.responseTimeout = b.responseTimeout;
        this.maxConnections = b.maxConnections;
        this.proxy = b.proxy;
        this.userAgent = b.userAgent;
    }

    /**
     * Returns a builder preset with the {@code DEFAULT_*} values.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the options with every default.
     *
     * @return default options
     */
    public static HttpClientOptions defaults() {
        return builder().build();
    }

    /**
     * Returns the time allowed to establish a connection.
     *
     * @return the connect timeout
     */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * Returns the time allowed to wait for a pooled connection.
     *
     * @return the connection-request timeout
     */
    public Duration connectionRequestTimeout() {
        return connectionRequestTimeout;
    }

    /**
     * Returns the longest silence allowed while waiting for a response or reading its body.
     *
     * @return the response timeout
     */
    public Duration responseTimeout() {
        return responseTimeout;
    }

    /**
     * Returns the pool size, in total and per route.
     *
     * @return the maximum number of connections
     */
    public int maxConnections() {
        return maxConnections;
    }

    /**
     * Returns the proxy to connect through, if any.
     *
     * @return the proxy, or null for direct connections
     */
    public @Nullable HttpHost proxy() {
        return proxy;
    }

    /**
     * Returns the user agent sent with every request.
     *
     * @return the user agent
     */
    public String userAgent() {
        return userAgent;
    }

    @Override
    public String toString() {
        return "HttpClientOptions{connectTimeout=" + connectTimeout + ", connectionRequestTimeout="
                + connectionRequestTimeout + ", responseTimeout=" + responseTimeout + ", maxConnections="
                + maxConnections + ", proxy=" + proxy + ", userAgent=" + userAgent + '}';
    }

    /**
     * Builds {@link HttpClientOptions}; validates each value as it is set. Not thread-safe.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration connectionRequestTimeout = DEFAULT_CONNECTION_REQUEST_TIMEOUT;
        private Duration responseTimeout = DEFAULT_RESPONSE_TIMEOUT;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private @Nullable HttpHost proxy;
        private String userAgent = DEFAULT_USER_AGENT;

        private Builder() {}

        /**
         * Sets the time allowed to establish a connection (default {@link #DEFAULT_CONNECT_TIMEOUT}).
         *
         * @param timeout the timeout, at least {@link #MIN_TIMEOUT}
         * @return this builder
         * @throws IllegalArgumentException if the timeout is shorter than {@link #MIN_TIMEOUT}
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = checkTimeout("connectTimeout", timeout);
            return this;
        }

        /**
         * Sets the time allowed to wait for a pooled connection (default
         * {@link #DEFAULT_CONNECTION_REQUEST_TIMEOUT}).
         *
         * @param timeout the timeout, at least {@link #MIN_TIMEOUT}
         * @return this builder
         * @throws IllegalArgumentException if the timeout is shorter than {@link #MIN_TIMEOUT}
         */
        public Builder connectionRequestTimeout(Duration timeout) {
            this.connectionRequestTimeout = checkTimeout("connectionRequestTimeout", timeout);
            return this;
        }

        /**
         * Sets the longest silence allowed while waiting for a response or reading its body (default
         * {@link #DEFAULT_RESPONSE_TIMEOUT}). The change stream sets its own, longer read timeout per request.
         *
         * @param timeout the timeout, at least {@link #MIN_TIMEOUT}
         * @return this builder
         * @throws IllegalArgumentException if the timeout is shorter than {@link #MIN_TIMEOUT}
         */
        public Builder responseTimeout(Duration timeout) {
            this.responseTimeout = checkTimeout("responseTimeout", timeout);
            return this;
        }

        /**
         * Sets the pool size, in total and per route (default {@link #DEFAULT_MAX_CONNECTIONS}).
         *
         * @param maxConnections the pool size, at least 2 (one stream plus one download)
         * @return this builder
         * @throws IllegalArgumentException if {@code maxConnections} is below 2
         */
        public Builder maxConnections(int maxConnections) {
            if (maxConnections < 2) {
                throw new IllegalArgumentException("maxConnections must be >= 2, was " + maxConnections);
            }
            this.maxConnections = maxConnections;
            return this;
        }

        /**
         * Sets a proxy to connect through (default: none).
         *
         * @param proxy the proxy, or null for direct connections
         * @return this builder
         */
        public Builder proxy(@Nullable HttpHost proxy) {
            this.proxy = proxy;
            return this;
        }

        /**
         * Sets the user agent (default {@link #DEFAULT_USER_AGENT}).
         *
         * @param userAgent the user agent, not blank
         * @return this builder
         * @throws IllegalArgumentException if {@code userAgent} is blank or holds a line break
         */
        public Builder userAgent(String userAgent) {
            Objects.requireNonNull(userAgent, "userAgent");
            if (userAgent.isBlank() || userAgent.indexOf('\n') >= 0 || userAgent.indexOf('\r') >= 0) {
                throw new IllegalArgumentException(
                        "userAgent must be a non-blank single line, was '" + userAgent + "'");
            }
            this.userAgent = userAgent;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the immutable options
         */
        public HttpClientOptions build() {
            return new HttpClientOptions(this);
        }

        private static Duration checkTimeout(String name, Duration timeout) {
            Objects.requireNonNull(timeout, name);
            if (timeout.compareTo(MIN_TIMEOUT) < 0) {
                throw new IllegalArgumentException(name + " must be >= " + MIN_TIMEOUT + ", was " + timeout);
            }
            return timeout;
        }
    }
}
