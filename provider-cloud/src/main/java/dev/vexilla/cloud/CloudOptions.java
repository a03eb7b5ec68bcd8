package dev.vexilla.cloud;

import dev.vexilla.model.SdkKeys;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import org.jspecify.annotations.Nullable;

/**
 * The immutable configuration of a {@link CloudProvider}.
 *
 * <pre>{@code
 * CloudOptions options = CloudOptions.builder()
 *         .sdkKey("srv-7f3c0e5b9a1d4c8e8b2a6f0d3e9c1a7b")
 *         .baseUrl(URI.create("https://flags.example.com/"))
 *         .protocol(Protocol.OFREP)
 *         .requestTimeout(Duration.ofMillis(300))
 *         .cache(CloudCache.lru(10_000, Duration.ofSeconds(30)))
 *         .build();
 * }</pre>
 *
 * <p><b>Environment.</b> Following OFREP's provider convention, {@code OFREP_ENDPOINT} (the base URL),
 * {@code OFREP_HEADERS} (extra headers as {@code name=value} pairs separated by commas) and {@code OFREP_TIMEOUT_MS}
 * (the request timeout in milliseconds) also configure the provider. Options set on the builder win over the
 * environment, which wins over the defaults. The environment is read from {@link Builder#environment(Map)}, by
 * default {@link System#getenv()}.
 *
 * <p>{@link #toString()} shows the SDK key redacted ({@code sdk-****abcde}) and header values hidden. Immutable and
 * thread-safe.
 *
 * @since 0.1.0
 */
public final class CloudOptions {
    /** The default protocol. */
    public static final Protocol DEFAULT_PROTOCOL = Protocol.BUCKETING_V1;
    /** The default deadline of one evaluation, retries included. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofMillis(500);
    /** The default connect timeout (never longer than the request timeout in effect). */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofMillis(250);
    /** The default size of the connection pool: the evaluations that can run at once without waiting. */
    public static final int DEFAULT_MAX_CONNECTIONS = 64;
    /** The default number of retries after a 5xx answer or a connection error, within the deadline. */
    public static final int DEFAULT_RETRIES = 1;
    /** The default time failures must last before STALE turns into ERROR. */
    public static final Duration DEFAULT_STALE_GRACE_PERIOD = Duration.ofSeconds(10);
    /** The default bound of {@code initialize}. */
    public static final Duration DEFAULT_INITIALIZE_TIMEOUT = Duration.ofSeconds(5);
    /** The default interval of sending tracked events. */
    public static final Duration DEFAULT_TRACK_FLUSH_INTERVAL = Duration.ofSeconds(10);
    /** The default capacity of the tracked-events queue; more events are dropped and counted. */
    public static final int DEFAULT_TRACK_QUEUE_CAPACITY = 10_000;
    /** Whether the provider listens to the server's change stream unless told otherwise. */
    public static final boolean DEFAULT_CHANGE_STREAM = true;
    /** The shortest request or connect timeout. */
    public static final Duration MIN_TIMEOUT = Duration.ofMillis(1);
    /** The largest number of retries. */
    public static final int MAX_RETRIES = 10;
    /** Environment variable: the base URL. */
    public static final String ENV_ENDPOINT = "OFREP_ENDPOINT";
    /** Environment variable: extra headers, {@code name=value} pairs separated by commas. */
    public static final String ENV_HEADERS = "OFREP_HEADERS";
    /** Environment variable: the request timeout in milliseconds. */
    public static final String ENV_TIMEOUT_MS = "OFREP_TIMEOUT_MS";

    private final String sdkKey;
    private final URI baseUrl;
    private final Protocol protocol;
    private final boolean enableEdgeDb;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final int maxConnections;
    private final int retries;
    private final CloudCache cache;
    private final Map<String, String> headers;
    private final @Nullable URI proxy;
    private final Clock clock;
    private final @Nullable ScheduledExecutorService scheduler;
    private final Duration staleGracePeriod;
    private final Duration initializeTimeout;
    private final Duration trackFlushInterval;
    private final int trackQueueCapacity;
    private final boolean changeStream;

    private CloudOptions(Builder b, String sdkKey, URI baseUrl, Duration requestTimeout, Map<String, String> headers) {
        this.sdkKey = sdkKey;
        this.baseUrl = baseUrl;
        this.protocol = b.protocol;
        this.enableEdgeDb = b.enableEdgeDb;
        this.requestTimeout = requestTimeout;
        this.connectTimeout = min(b.connectTimeout, requestTimeout);
        this.maxConnections = b.maxConnections;
        this.retries = b.retries;
        this.cache = b.cache;
        this.headers = headers;
        this.proxy = b.proxy;
        this.clock = b.clock;
        this.scheduler = b.scheduler;
        this.staleGracePeriod = b.staleGracePeriod;
        this.initializeTimeout = b.initializeTimeout;
        this.trackFlushInterval = b.trackFlushInterval;
        this.trackQueueCapacity = b.trackQueueCapacity;
        this.changeStream = b.changeStream;
    }

    /**
     * Starts a builder with the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the SDK key, sent only in headers.
     *
     * @return the key
     */
    public String sdkKey() {
        return sdkKey;
    }

    /**
     * Returns the server's base URL, always ending with {@code /}.
     *
     * @return the base URL
     */
    public URI baseUrl() {
        return baseUrl;
    }

    /**
     * Returns the protocol.
     *
     * @return the protocol; {@link #DEFAULT_PROTOCOL} unless set
     */
    public Protocol protocol() {
        return protocol;
    }

    /**
     * Tells whether Bucketing API requests ask the server to merge and store the user (EdgeDB).
     *
     * @return {@code true} to add {@code ?enableEdgeDB=true}
     */
    public boolean enableEdgeDb() {
        return enableEdgeDb;
    }

    /**
     * Returns the connect timeout, never longer than {@link #requestTimeout()}.
     *
     * @return the connect timeout
     */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * Returns the deadline of one evaluation as a whole: waiting for a pooled connection, connecting, retries and
     * reading the answer to its last byte. It runs on the JVM's monotonic clock, not on {@link #clock()}.
     *
     * @return the request timeout
     */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /**
     * Returns the size of the connection pool.
     *
     * @return the maximum number of connections
     */
    public int maxConnections() {
        return maxConnections;
    }

    /**
     * Returns the number of retries after a 5xx answer or a connection error.
     *
     * @return the retries
     */
    public int retries() {
        return retries;
    }

    /**
     * Returns the result cache setting.
     *
     * @return the cache setting, never null
     */
    public CloudCache cache() {
        return cache;
    }

    /**
     * Returns the extra headers sent with every request.
     *
     * @return an unmodifiable map, never null
     */
    public Map<String, String> headers() {
        return headers;
    }

    /**
     * Returns the HTTP proxy.
     *
     * @return the proxy as {@code http://host:port}, or {@code null} for a direct connection
     */
    public @Nullable URI proxy() {
        return proxy;
    }

    /**
     * Returns the clock used for the cache TTL, {@code Retry-After} and the grace period. Request deadlines bound real
     * network waits and run on the JVM's monotonic clock instead.
     *
     * @return the clock
     */
    public Clock clock() {
        return clock;
    }

    /**
     * Returns the scheduler for background work, if the caller provides one (the caller then owns and shuts it down).
     *
     * @return the scheduler, or {@code null} to let the provider create a daemon thread of its own
     */
    public @Nullable ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /**
     * Returns how long failures must last before the provider turns from STALE to ERROR.
     *
     * @return the grace period
     */
    public Duration staleGracePeriod() {
        return staleGracePeriod;
    }

    /**
     * Returns the bound of {@code initialize}.
     *
     * @return the initialize timeout
     */
    public Duration initializeTimeout() {
        return initializeTimeout;
    }

    /**
     * Returns the interval of sending tracked events.
     *
     * @return the flush interval
     */
    public Duration trackFlushInterval() {
        return trackFlushInterval;
    }

    /**
     * Returns the capacity of the tracked-events queue.
     *
     * @return the capacity
     */
    public int trackQueueCapacity() {
        return trackQueueCapacity;
    }

    /**
     * Tells whether the provider listens to the server's change stream ({@code GET /v1/stream}): it then emits
     * {@code PROVIDER_CONFIGURATION_CHANGED} with the changed flag keys and drops cached answers when the server's
     * config changes. The cost is one long-lived HTTP connection and one daemon thread per provider, counted by the
     * server against its {@code --max-streams} cap.
     *
     * @return {@code true} to listen; {@link #DEFAULT_CHANGE_STREAM} unless set
     */
    public boolean changeStream() {
        return changeStream;
    }

    @Override
    public String toString() {
        return "CloudOptions{sdkKey=" + SdkKeys.redact(sdkKey) + ", baseUrl=" + baseUrl + ", protocol=" + protocol
                + ", enableEdgeDB=" + enableEdgeDb + ", connectTimeout=" + connectTimeout + ", requestTimeout="
                + requestTimeout + ", maxConnections=" + maxConnections + ", retries=" + retries + ", cache=" + cache
                + ", headers=" + headers.keySet() + ", proxy=" + proxy + ", staleGracePeriod=" + staleGracePeriod
                + ", changeStream=" + changeStream + "}";
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * Builds {@link CloudOptions}. Setters validate their argument at once; {@link #build()} checks that the SDK key
     * and a base URL are present and reads the environment. Not thread-safe.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private @Nullable String sdkKey;
        private @Nullable URI baseUrl;
        private Protocol protocol = DEFAULT_PROTOCOL;
        private boolean enableEdgeDb;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private @Nullable Duration requestTimeout;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private int retries = DEFAULT_RETRIES;
        private CloudCache cache = CloudCache.disabled();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private @Nullable URI proxy;
        private Clock clock = Clock.systemUTC();
        private @Nullable ScheduledExecutorService scheduler;
        private Duration staleGracePeriod = DEFAULT_STALE_GRACE_PERIOD;
        private Duration initializeTimeout = DEFAULT_INITIALIZE_TIMEOUT;
        private Duration trackFlushInterval = DEFAULT_TRACK_FLUSH_INTERVAL;
        private int trackQueueCapacity = DEFAULT_TRACK_QUEUE_CAPACITY;
        private boolean changeStream = DEFAULT_CHANGE_STREAM;
        private Map<String, String> environment = System.getenv();

        private Builder() {}

        /**
         * Sets the SDK key (required).
         *
         * @param sdkKey the key: 1 to 256 letters, digits and {@code - _ . ~ /}, no {@code ..}, not starting or ending
         *     with {@code /}
         * @return this builder
         * @throws IllegalArgumentException if the key is empty or malformed (the message never shows it)
         */
        public Builder sdkKey(String sdkKey) {
            this.sdkKey = SdkKeys.requireValid(Objects.requireNonNull(sdkKey, "sdkKey"));
            return this;
        }

        /**
         * Sets the server's base URL (required here or through {@code OFREP_ENDPOINT}).
         *
         * @param baseUrl an absolute {@code http} or {@code https} URL
         * @return this builder
         * @throws IllegalArgumentException if the URL is not absolute http(s)
         */
        public Builder baseUrl(URI baseUrl) {
            this.baseUrl = checkUrl("baseUrl", Objects.requireNonNull(baseUrl, "baseUrl"));
            return this;
        }

        /**
         * Sets the protocol.
         *
         * @param protocol the protocol; default {@link #DEFAULT_PROTOCOL}
         * @return this builder
         */
        public Builder protocol(Protocol protocol) {
            this.protocol = Objects.requireNonNull(protocol, "protocol");
            return this;
        }

        /**
         * Asks the server to merge each Bucketing API user with its stored EdgeDB data and to store the merge.
         *
         * @param enable {@code true} to send {@code ?enableEdgeDB=true}; ignored by OFREP
         * @return this builder
         */
        public Builder enableEdgeDB(boolean enable) {
            this.enableEdgeDb = enable;
            return this;
        }

        /**
         * Sets the connect timeout.
         *
         * @param timeout at least {@link #MIN_TIMEOUT}; default {@link #DEFAULT_CONNECT_TIMEOUT}
         * @return this builder
         * @throws IllegalArgumentException if shorter than the minimum
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = checkTimeout("connectTimeout", timeout);
            return this;
        }

        /**
         * Sets the deadline of one evaluation as a whole: waiting for a pooled connection, connecting, retries and
         * reading the answer to its last byte; a server that answers slowly cannot stretch it.
         *
         * @param timeout at least {@link #MIN_TIMEOUT}; default {@link #DEFAULT_REQUEST_TIMEOUT}
         * @return this builder
         * @throws IllegalArgumentException if shorter than the minimum
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = checkTimeout("requestTimeout", timeout);
            return this;
        }

        /**
         * Sets the size of the connection pool.
         *
         * @param max 1 to 10000; default {@link #DEFAULT_MAX_CONNECTIONS}
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder maxConnections(int max) {
            if (max < 1 || max > 10_000) {
                throw new IllegalArgumentException("maxConnections must be in [1, 10000], was " + max);
            }
            this.maxConnections = max;
            return this;
        }

        /**
         * Sets the number of retries after a 5xx answer or a connection error, each after a jittered pause and only
         * while the deadline allows.
         *
         * @param retries 0 to {@link #MAX_RETRIES}; default {@link #DEFAULT_RETRIES}
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder retries(int retries) {
            if (retries < 0 || retries > MAX_RETRIES) {
                throw new IllegalArgumentException("retries must be in [0, " + MAX_RETRIES + "], was " + retries);
            }
            this.retries = retries;
            return this;
        }

        /**
         * Sets the result cache.
         *
         * @param cache {@link CloudCache#disabled()} (default) or {@link CloudCache#lru(int, Duration)}
         * @return this builder
         */
        public Builder cache(CloudCache cache) {
            this.cache = Objects.requireNonNull(cache, "cache");
            return this;
        }

        /**
         * Adds a header sent with every request; it wins over one of the same name in {@code OFREP_HEADERS}.
         *
         * @param name the header name
         * @param value the header value
         * @return this builder
         * @throws IllegalArgumentException if the name is empty or either contains a line break
         */
        public Builder header(String name, String value) {
            checkHeader("header", name, value);
            headers.put(name, value);
            return this;
        }

        /**
         * Sends every request through an HTTP proxy.
         *
         * @param proxy {@code http://host:port}, or {@code null} for a direct connection (default)
         * @return this builder
         * @throws IllegalArgumentException if not an absolute http URL with a port
         */
        public Builder proxy(@Nullable URI proxy) {
            if (proxy != null && (!"http".equalsIgnoreCase(proxy.getScheme()) || proxy.getHost() == null)) {
                throw new IllegalArgumentException("proxy must be http://host:port, was " + proxy);
            }
            this.proxy = proxy;
            return this;
        }

        /**
         * Sets the clock (tests).
         *
         * @param clock the clock; default {@link Clock#systemUTC()}
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets the scheduler for background work (track flushes, stream reconnects). The provider never shuts down a
         * scheduler it was given.
         *
         * @param scheduler the scheduler, or {@code null} to let the provider own one daemon thread (default)
         * @return this builder
         */
        public Builder scheduler(@Nullable ScheduledExecutorService scheduler) {
            this.scheduler = scheduler;
            return this;
        }

        /**
         * Sets how long failures must last before the STALE provider turns to ERROR.
         *
         * @param grace at least zero; default {@link #DEFAULT_STALE_GRACE_PERIOD}
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder staleGracePeriod(Duration grace) {
            Objects.requireNonNull(grace, "staleGracePeriod");
            if (grace.isNegative()) {
                throw new IllegalArgumentException("staleGracePeriod must be >= 0s, was " + grace);
            }
            this.staleGracePeriod = grace;
            return this;
        }

        /**
         * Sets the bound of {@code initialize}.
         *
         * @param timeout at least {@link #MIN_TIMEOUT}; default {@link #DEFAULT_INITIALIZE_TIMEOUT}
         * @return this builder
         * @throws IllegalArgumentException if shorter than the minimum
         */
        public Builder initializeTimeout(Duration timeout) {
            this.initializeTimeout = checkTimeout("initializeTimeout", timeout);
            return this;
        }

        /**
         * Sets how often tracked events are sent.
         *
         * @param interval at least 10 ms; default {@link #DEFAULT_TRACK_FLUSH_INTERVAL}
         * @return this builder
         * @throws IllegalArgumentException if shorter
         */
        public Builder trackFlushInterval(Duration interval) {
            Objects.requireNonNull(interval, "trackFlushInterval");
            if (interval.compareTo(Duration.ofMillis(10)) < 0) {
                throw new IllegalArgumentException("trackFlushInterval must be >= 10ms, was " + interval);
            }
            this.trackFlushInterval = interval;
            return this;
        }

        /**
         * Sets the capacity of the tracked-events queue.
         *
         * @param capacity 1 to 1000000; default {@link #DEFAULT_TRACK_QUEUE_CAPACITY}
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder trackQueueCapacity(int capacity) {
            if (capacity < 1 || capacity > 1_000_000) {
                throw new IllegalArgumentException("trackQueueCapacity must be in [1, 1000000], was " + capacity);
            }
            this.trackQueueCapacity = capacity;
            return this;
        }

        /**
         * Turns listening to the server's change stream on or off. On (the default), the provider keeps one
         * connection to {@code GET /v1/stream} open, emits {@code PROVIDER_CONFIGURATION_CHANGED} with the changed
         * flag keys when the server's config changes, and drops its cached answers. Off, no such event is emitted and
         * cached answers expire by their TTL only; turn it off when nothing listens for the event and no cache is
         * used, to save the connection (servers cap their streams, {@code --max-streams}).
         *
         * @param enabled whether to listen; default {@link #DEFAULT_CHANGE_STREAM}
         * @return this builder
         */
        public Builder changeStream(boolean enabled) {
            this.changeStream = enabled;
            return this;
        }

        /**
         * Sets the environment read for {@code OFREP_*} variables (tests).
         *
         * @param environment the variables; default {@link System#getenv()}
         * @return this builder
         */
        public Builder environment(Map<String, String> environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         * @throws IllegalStateException if the SDK key or the base URL is missing
         * @throws IllegalArgumentException if an {@code OFREP_*} variable is malformed (the message names it)
         */
        public CloudOptions build() {
            if (sdkKey == null) {
                throw new IllegalStateException("sdkKey is required");
            }
            URI url = baseUrl != null ? baseUrl : envUrl();
            if (url == null) {
                throw new IllegalStateException("baseUrl is required (or the " + ENV_ENDPOINT + " variable)");
            }
            Duration timeout = requestTimeout != null ? requestTimeout : envTimeout();
            Map<String, String> all = envHeaders();
            all.putAll(headers);
            return new CloudOptions(this, sdkKey, withSlash(url), timeout, Collections.unmodifiableMap(all));
        }

        private @Nullable URI envUrl() {
            String v = environment.get(ENV_ENDPOINT);
            if (v == null || v.trim().isEmpty()) {
                return null;
            }
            try {
                return checkUrl(ENV_ENDPOINT, new URI(v.trim()));
            } catch (java.net.URISyntaxException e) {
                throw new IllegalArgumentException(ENV_ENDPOINT + " must be an http(s) URL: " + e.getMessage(), e);
            }
        }

        private Duration envTimeout() {
            String v = environment.get(ENV_TIMEOUT_MS);
            if (v == null || v.trim().isEmpty()) {
                return DEFAULT_REQUEST_TIMEOUT;
            }
            try {
                return checkTimeout(ENV_TIMEOUT_MS, Duration.ofMillis(Long.parseLong(v.trim())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        ENV_TIMEOUT_MS + " must be a whole number of milliseconds, was '" + v + "'", e);
            }
        }

        private Map<String, String> envHeaders() {
            Map<String, String> out = new LinkedHashMap<>();
            String v = environment.get(ENV_HEADERS);
            if (v == null || v.trim().isEmpty()) {
                return out;
            }
            int i = 0;
            for (String pair : v.split(",")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException(ENV_HEADERS + " entry " + i + " must be name=value");
                }
                String name = pair.substring(0, eq).trim();
                String value = pair.substring(eq + 1).trim();
                checkHeader(ENV_HEADERS + " entry " + i, name, value);
                out.put(name, value);
                i++;
            }
            return out;
        }

        private static URI checkUrl(String what, URI url) {
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
                throw new IllegalArgumentException(what + " must be an absolute http(s) URL, was '" + url + "'");
            }
            if (url.getQuery() != null || url.getFragment() != null) {
                throw new IllegalArgumentException(what + " must have no query or fragment, was '" + url + "'");
            }
            return url;
        }

        private static URI withSlash(URI url) {
            String s = url.toString();
            return s.endsWith("/") ? url : URI.create(s + "/");
        }

        private static Duration checkTimeout(String what, Duration d) {
            Objects.requireNonNull(d, what);
            if (d.compareTo(MIN_TIMEOUT) < 0) {
                throw new IllegalArgumentException(what + " must be >= " + MIN_TIMEOUT.toMillis() + "ms, was " + d);
            }
            return d;
        }

        private static void checkHeader(String where, String name, String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (name.isEmpty() || name.chars().anyMatch(c -> c <= ' ' || c == ':' || c > '~')) {
                throw new IllegalArgumentException(where + ": header name must be a non-empty token");
            }
            if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException(where + ": header value of '" + name + "' contains a line break");
            }
        }
    }
}
