package dev.vexilla.model.internal.stream;

import dev.vexilla.model.SdkKeys;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What an {@link SseClient} connects to and how it behaves: the stream URL, the SDK key (sent only in the
 * {@code Authorization} header, and not at all to a stream host that takes its own token in the URL, see
 * {@link Builder#sendAuthorization}), extra request headers, the read timeout, the reconnect backoff, the listener queue
 * size and the names of its threads. Immutable and thread-safe; {@link #toString()} redacts the key.
 *
 * <pre>{@code
 * SseClientOptions options = SseClientOptions.builder(URI.create("https://flags.example.com/v1/stream"), sdkKey)
 *         .readTimeout(Duration.ofMinutes(5))
 *         .build();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class SseClientOptions {
    /** Default read timeout: 5 minutes, longer than the server's heartbeat interval. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofMinutes(5);
    /** Shortest read timeout accepted: 100 ms. */
    public static final Duration MIN_READ_TIMEOUT = Duration.ofMillis(100);
    /** Default capacity of the queue between the I/O thread and the listener thread. */
    public static final int DEFAULT_LISTENER_QUEUE_CAPACITY = 1000;
    /** Default start of the client's thread names: {@value #DEFAULT_THREAD_NAME_PREFIX}-stream-N and -listener-N. */
    public static final String DEFAULT_THREAD_NAME_PREFIX = "vexilla-sse";

    private final URI uri;
    private final String sdkKey;
    private final boolean sendAuthorization;
    private final Duration readTimeout;
    private final Map<String, String> headers;
    private final BackoffPolicy backoff;
    private final int listenerQueueCapacity;
    private final String threadNamePrefix;

    private SseClientOptions(Builder b) {
        this.uri = b.uri;
        this.sdkKey = b.sdkKey;
        this.sendAuthorization = b.sendAuthorization;
        this.readTimeout = b.readTimeout;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
        this.backoff = b.backoff;
        this.listenerQueueCapacity = b.listenerQueueCapacity;
        this.threadNamePrefix = b.threadNamePrefix;
    }

    /**
     * Returns a builder.
     *
     * @param uri the stream URL, absolute http or https
     * @param sdkKey the SDK key, sent as the {@code Authorization} header
     * @return a new builder
     * @throws IllegalArgumentException if the URL is not absolute http(s) or the key is not a valid SDK key (the
     *     message omits the key)
     */
    public static Builder builder(URI uri, String sdkKey) {
        return new Builder(uri, sdkKey);
    }

    /**
     * Returns the stream URL.
     *
     * @return the URL
     */
    public URI uri() {
        return uri;
    }

    /**
     * Returns the SDK key. Never log it; use {@link SdkKeys#redact}.
     *
     * @return the key
     */
    public String sdkKey() {
        return sdkKey;
    }

    /**
     * Returns whether the client sends the SDK key as the {@code Authorization} header.
     *
     * @return true unless {@link Builder#sendAuthorization} turned it off
     */
    public boolean sendsAuthorization() {
        return sendAuthorization;
    }

    /**
     * Returns the longest silence tolerated on a connected stream before it is dropped and reconnected.
     *
     * @return the read timeout
     */
    public Duration readTimeout() {
        return readTimeout;
    }

    /**
     * Returns the socket timeout a transport should set: twice the read timeout, a backstop should the scheduler
     * not run the client's silence check.
     *
     * @return the socket timeout
     */
    public Duration socketTimeout() {
        long millis = readTimeout.toMillis();
        return Duration.ofMillis(millis > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : millis * 2);
    }

    /**
     * Returns the extra request headers. {@code Authorization} and {@code Last-Event-ID} are the client's own and
     * are never taken from here.
     *
     * @return the headers, in the order set; unmodifiable
     */
    public Map<String, String> headers() {
        return headers;
    }

    /**
     * Returns the start of the client's thread names.
     *
     * @return the prefix; the threads are named prefix-stream-N and prefix-listener-N
     */
    public String threadNamePrefix() {
        return threadNamePrefix;
    }

    /**
     * Returns the reconnect backoff.
     *
     * @return the policy
     */
    public BackoffPolicy backoff() {
        return backoff;
    }

    /**
     * Returns the capacity of the listener queue; when it is full, further notifications are dropped with a
     * warning.
     *
     * @return the capacity
     */
    public int listenerQueueCapacity() {
        return listenerQueueCapacity;
    }

    @Override
    public String toString() {
        return "SseClientOptions{uri=" + uri + ", sdkKey=" + SdkKeys.redact(sdkKey) + ", sendAuthorization="
                + sendAuthorization + ", readTimeout=" + readTimeout + ", headers=" + headers.keySet() + ", backoff="
                + backoff + ", listenerQueueCapacity="
                + listenerQueueCapacity + ", threadNamePrefix=" + threadNamePrefix + '}';
    }

    /**
     * Builds {@link SseClientOptions}; validates each value as it is set. Not thread-safe.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private final URI uri;
        private final String sdkKey;
        private boolean sendAuthorization = true;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private BackoffPolicy backoff = BackoffPolicy.defaults();
        private int listenerQueueCapacity = DEFAULT_LISTENER_QUEUE_CAPACITY;
        private String threadNamePrefix = DEFAULT_THREAD_NAME_PREFIX;

        private Builder(URI uri, String sdkKey) {
            Objects.requireNonNull(uri, "uri");
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException("uri must be an absolute http or https URL, was '" + uri + "'");
            }
            this.uri = uri;
            this.sdkKey = SdkKeys.requireValid(sdkKey);
        }

        /**
         * Sets the longest silence tolerated on a connected stream (default {@link #DEFAULT_READ_TIMEOUT}). Every
         * byte received, heartbeat comments included, restarts it; it is measured on the client's clock (see
         * {@link SseClient}).
         *
         * @param readTimeout the timeout, at least {@link #MIN_READ_TIMEOUT}
         * @return this builder
         * @throws IllegalArgumentException if the timeout is shorter than {@link #MIN_READ_TIMEOUT}
         */
        public Builder readTimeout(Duration readTimeout) {
            Objects.requireNonNull(readTimeout, "readTimeout");
            if (readTimeout.compareTo(MIN_READ_TIMEOUT) < 0) {
                throw new IllegalArgumentException(
                        "readTimeout must be >= " + MIN_READ_TIMEOUT + ", was " + readTimeout);
            }
            this.readTimeout = readTimeout;
            return this;
        }

        /**
         * Sets whether the SDK key goes out as the {@code Authorization} header (default true). Turn it off for a
         * stream URL that a downloaded config names, such as DevCycle's {@code sse} member: that host may be a
         * third party's realtime service that authorizes by a token in the URL, and DevCycle's SDKs send it no
         * {@code Authorization} either. The key is still redacted from anything the client logs, since such a URL
         * may carry it (Vexilla's server takes {@code ?sdkKey=} there).
         *
         * @param send false to send no {@code Authorization} header
         * @return this builder
         */
        public Builder sendAuthorization(boolean send) {
            this.sendAuthorization = send;
            return this;
        }

        /**
         * Adds an extra request header, such as a proxy's routing header; a header of the same name set before is
         * replaced. {@code Authorization} and {@code Last-Event-ID} are ignored: the client sets them itself (or, for
         * {@code Authorization}, not at all).
         *
         * @param name the header name
         * @param value the header value
         * @return this builder
         * @throws IllegalArgumentException if the name is empty or either holds a CR or LF
         */
        public Builder header(String name, String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (name.isEmpty() || hasLineBreak(name) || hasLineBreak(value)) {
                throw new IllegalArgumentException("header '" + name.trim() + "' must have a name, and no CR or LF");
            }
            headers.put(name, value);
            return this;
        }

        private static boolean hasLineBreak(String text) {
            return text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0;
        }

        /**
         * Sets the reconnect backoff (default {@link BackoffPolicy#defaults()}). A {@code retry} field from the
         * server replaces its initial delay.
         *
         * @param backoff the policy
         * @return this builder
         */
        public Builder backoff(BackoffPolicy backoff) {
            this.backoff = Objects.requireNonNull(backoff, "backoff");
            return this;
        }

        /**
         * Sets the listener queue capacity (default {@link #DEFAULT_LISTENER_QUEUE_CAPACITY}).
         *
         * @param capacity the capacity, at least 1
         * @return this builder
         * @throws IllegalArgumentException if the capacity is below 1
         */
        public Builder listenerQueueCapacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("listenerQueueCapacity must be >= 1, was " + capacity);
            }
            this.listenerQueueCapacity = capacity;
            return this;
        }

        /**
         * Sets the start of the client's thread names (default {@link #DEFAULT_THREAD_NAME_PREFIX}).
         *
         * @param prefix the prefix, not empty
         * @return this builder
         * @throws IllegalArgumentException if the prefix is empty
         */
        public Builder threadNamePrefix(String prefix) {
            Objects.requireNonNull(prefix, "threadNamePrefix");
            if (prefix.isEmpty()) {
                throw new IllegalArgumentException("threadNamePrefix must not be empty");
            }
            this.threadNamePrefix = prefix;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the immutable options
         */
        public SseClientOptions build() {
            return new SseClientOptions(this);
        }
    }
}
