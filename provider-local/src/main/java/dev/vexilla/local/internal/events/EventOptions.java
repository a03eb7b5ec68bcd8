package dev.vexilla.local.internal.events;

import dev.vexilla.model.SdkKeys;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The options of the events pipeline: where to post, how often, queue bounds, retry and timeouts. Immutable and
 * thread-safe; build with {@link #builder(URI, String)}. The SDK key travels only in the {@code Authorization}
 * header and {@link #toString()} redacts it.
 *
 * <pre>{@code
 * EventOptions options = EventOptions.builder(URI.create("https://events.example.com"), sdkKey)
 *         .flushInterval(Duration.ofSeconds(30))
 *         .maxQueueSize(5_000)
 *         .build();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class EventOptions {
    /** Path appended to the events URL. */
    public static final String BATCH_PATH = "/v1/events/batch";
    /** Default time between two flushes: 10 s (DevCycle's default). */
    public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofSeconds(10);
    /** Shortest flush interval accepted: 100 ms. */
    public static final Duration MIN_FLUSH_INTERVAL = Duration.ofMillis(100);
    /** Default number of queued custom events that triggers an early flush: 1000. */
    public static final int DEFAULT_FLUSH_QUEUE_SIZE = 1000;
    /** Default bound of the custom-event queue: 2000; beyond it events are dropped. */
    public static final int DEFAULT_MAX_QUEUE_SIZE = 2000;
    /** Largest queue bound accepted: 20000. */
    public static final int MAX_QUEUE_SIZE = 20_000;
    /** Default number of events per request: 100. */
    public static final int DEFAULT_CHUNK_SIZE = 100;
    /** Largest number of events per request accepted: 1000. */
    public static final int MAX_CHUNK_SIZE = 1000;
    /** Default delay before the one retry of a failed request: 1 s. */
    public static final Duration DEFAULT_RETRY_DELAY = Duration.ofSeconds(1);
    /** Longest retry delay accepted: 1 min. */
    public static final Duration MAX_RETRY_DELAY = Duration.ofMinutes(1);
    /** Default time allowed to wait for a pooled connection and then for the response: 10 s each. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** Shortest request timeout accepted: 10 ms. */
    public static final Duration MIN_REQUEST_TIMEOUT = Duration.ofMillis(10);
    /** Longest {@code user_id} the events service accepts: 256 characters. */
    public static final int MAX_SDK_USER_ID_LENGTH = 256;
    /** Default budget of the final flush in {@code close()}: 5 s. */
    public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final URI batchUri;
    private final String sdkKey;
    private final Duration flushInterval;
    private final int flushQueueSize;
    private final int maxQueueSize;
    private final int chunkSize;
    private final Duration retryDelay;
    private final Duration requestTimeout;
    private final Duration closeTimeout;
    private final boolean automaticEvents;
    private final boolean customEvents;
    private final boolean devCycleFormat;
    private final Map<String, Object> clientCustomData;
    private final String sdkUserId;

    private EventOptions(Builder b) {
        this.batchUri = b.batchUri;
        this.sdkKey = b.sdkKey;
        this.flushInterval = b.flushInterval;
        this.flushQueueSize = b.flushQueueSize;
        this.maxQueueSize = b.maxQueueSize;
        this.chunkSize = b.chunkSize;
        this.retryDelay = b.retryDelay;
        this.requestTimeout = b.requestTimeout;
        this.closeTimeout = b.closeTimeout;
        this.automaticEvents = b.automaticEvents;
        this.customEvents = b.customEvents;
        this.devCycleFormat = b.devCycleFormat;
        this.clientCustomData = Collections.unmodifiableMap(new LinkedHashMap<>(b.clientCustomData));
        this.sdkUserId = b.sdkUserId != null ? b.sdkUserId : defaultSdkUserId();
    }

    /**
     * Returns a builder preset with the {@code DEFAULT_*} values.
     *
     * @param eventsUrl the base URL of the events service ({@code http} or {@code https}, no query or fragment);
     *     {@value #BATCH_PATH} is appended
     * @param sdkKey the SDK key, sent only in the {@code Authorization} header
     * @return a new builder
     * @throws IllegalArgumentException if the URL is not an absolute http(s) URL without query or fragment, or the
     *     key is not a valid SDK key (the message never shows the key)
     */
    public static Builder builder(URI eventsUrl, String sdkKey) {
        return new Builder(eventsUrl, sdkKey);
    }

    /**
     * Returns the URL batches are posted to.
     *
     * @return {@code {eventsUrl}/v1/events/batch}
     */
    public URI batchUri() {
        return batchUri;
    }

    /**
     * Returns the SDK key. Callers must put it only in a header, never in a log line or message.
     *
     * @return the key
     */
    String sdkKey() {
        return sdkKey;
    }

    /**
     * Returns the time between two scheduled flushes.
     *
     * @return the interval
     */
    public Duration flushInterval() {
        return flushInterval;
    }

    /**
     * Returns the number of queued custom events that triggers an early flush.
     *
     * @return the threshold
     */
    public int flushQueueSize() {
        return flushQueueSize;
    }

    /**
     * Returns the bound of the custom-event queue.
     *
     * @return the most custom events held between two flushes
     */
    public int maxQueueSize() {
        return maxQueueSize;
    }

    /**
     * Returns the most events sent in one request.
     *
     * @return the chunk size
     */
    public int chunkSize() {
        return chunkSize;
    }

    /**
     * Returns the delay before the one retry of a request that failed with 5xx or an I/O error.
     *
     * @return the delay
     */
    public Duration retryDelay() {
        return retryDelay;
    }

    /**
     * Returns the time allowed to get a pooled connection, and then again to wait for the response.
     *
     * @return the per-request timeout
     */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /**
     * Returns the budget of the final flush in {@code close()}; what is left when it runs out is counted as dropped.
     *
     * @return the close budget
     */
    public Duration closeTimeout() {
        return closeTimeout;
    }

    /**
     * Returns whether aggregated evaluation events are sent.
     *
     * @return {@code false} when automatic event logging is disabled
     */
    public boolean automaticEvents() {
        return automaticEvents;
    }

    /**
     * Returns whether custom events from {@code track} are recorded.
     *
     * @return {@code false} when custom event logging is disabled
     */
    public boolean customEvents() {
        return customEvents;
    }

    /**
     * Returns the custom data of the synthetic SDK user that carries the aggregated events.
     *
     * @return an unmodifiable map, never null
     */
    public Map<String, Object> clientCustomData() {
        return clientCustomData;
    }

    /**
     * Returns the {@code user_id} of the synthetic SDK user that carries the aggregated events.
     *
     * @return the id, by default {@code "<random uuid>@<host name>"} as DevCycle's SDKs send
     */
    public String sdkUserId() {
        return sdkUserId;
    }

    /**
     * Tells whether events are sent in DevCycle's format exactly, for DevCycle's events API: aggregated events name the
     * SDK user in {@code user_id} and carry a {@code clientDate}, and {@code aggVariableDefaulted} events carry no
     * per-error-kind counts ({@code metaData._errors}, a Vexilla extension).
     *
     * @return {@code true} for DevCycle's format exactly
     */
    public boolean devCycleFormat() {
        return devCycleFormat;
    }

    @Override
    public String toString() {
        return "EventOptions{batchUri=" + batchUri + ", sdkKey=" + SdkKeys.redact(sdkKey) + ", flushInterval="
                + flushInterval + ", flushQueueSize=" + flushQueueSize + ", maxQueueSize=" + maxQueueSize
                + ", chunkSize=" + chunkSize + ", retryDelay=" + retryDelay + ", requestTimeout=" + requestTimeout
                + ", closeTimeout=" + closeTimeout + ", automaticEvents=" + automaticEvents + ", customEvents="
                + customEvents + ", sdkUserId=" + sdkUserId + "}";
    }

    static String defaultSdkUserId() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            host = System.getenv("COMPUTERNAME");
        }
        if (host == null || host.isBlank()) {
            host = "unknown-host";
        }
        String id = UUID.randomUUID() + "@" + host.trim().toLowerCase(Locale.ROOT);
        return id.length() > MAX_SDK_USER_ID_LENGTH ? id.substring(0, MAX_SDK_USER_ID_LENGTH) : id;
    }

    /**
     * Builds {@link EventOptions}; validates each value as it is set, and the queue sizes together in
     * {@link #build()}. Not thread-safe.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private final URI batchUri;
        private final String sdkKey;
        private Duration flushInterval = DEFAULT_FLUSH_INTERVAL;
        private int flushQueueSize = DEFAULT_FLUSH_QUEUE_SIZE;
        private int maxQueueSize = DEFAULT_MAX_QUEUE_SIZE;
        private int chunkSize = DEFAULT_CHUNK_SIZE;
        private Duration retryDelay = DEFAULT_RETRY_DELAY;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private Duration closeTimeout = DEFAULT_CLOSE_TIMEOUT;
        private boolean automaticEvents = true;
        private boolean customEvents = true;
        private Map<String, Object> clientCustomData = Collections.emptyMap();
        private boolean devCycleFormat;
        private @Nullable String sdkUserId;

        private Builder(URI eventsUrl, String sdkKey) {
            this.batchUri = batchUri(eventsUrl);
            this.sdkKey = SdkKeys.requireValid(sdkKey);
        }

        /**
         * Sets the time between two scheduled flushes (default {@link #DEFAULT_FLUSH_INTERVAL}).
         *
         * @param interval the interval, at least {@link #MIN_FLUSH_INTERVAL}
         * @return this builder
         * @throws IllegalArgumentException if the interval is shorter than {@link #MIN_FLUSH_INTERVAL}
         */
        public Builder flushInterval(Duration interval) {
            Objects.requireNonNull(interval, "flushInterval");
            if (interval.compareTo(MIN_FLUSH_INTERVAL) < 0) {
                throw new IllegalArgumentException(
                        "flushInterval must be >= " + MIN_FLUSH_INTERVAL + ", was " + interval);
            }
            this.flushInterval = interval;
            return this;
        }

        /**
         * Sets the number of queued custom events that triggers an early flush (default
         * {@link #DEFAULT_FLUSH_QUEUE_SIZE}); it must not exceed the max queue size.
         *
         * @param size the threshold, from 1 to {@link #MAX_QUEUE_SIZE}
         * @return this builder
         * @throws IllegalArgumentException if the size is out of range
         */
        public Builder flushQueueSize(int size) {
            this.flushQueueSize = checkSize("flushQueueSize", size);
            return this;
        }

        /**
         * Sets the bound of the custom-event queue (default {@link #DEFAULT_MAX_QUEUE_SIZE}).
         *
         * @param size the bound, from 1 to {@link #MAX_QUEUE_SIZE}
         * @return this builder
         * @throws IllegalArgumentException if the size is out of range
         */
        public Builder maxQueueSize(int size) {
            this.maxQueueSize = checkSize("maxQueueSize", size);
            return this;
        }

        /**
         * Sets the most events sent in one request (default {@link #DEFAULT_CHUNK_SIZE}).
         *
         * @param size the chunk size, from 1 to {@link #MAX_CHUNK_SIZE}
         * @return this builder
         * @throws IllegalArgumentException if the size is out of range
         */
        public Builder chunkSize(int size) {
            if (size < 1 || size > MAX_CHUNK_SIZE) {
                throw new IllegalArgumentException("chunkSize must be in [1, " + MAX_CHUNK_SIZE + "], was " + size);
            }
            this.chunkSize = size;
            return this;
        }

        /**
         * Sets the delay before the one retry of a failed request (default {@link #DEFAULT_RETRY_DELAY}).
         *
         * @param delay the delay, from 0 to {@link #MAX_RETRY_DELAY}
         * @return this builder
         * @throws IllegalArgumentException if the delay is negative or longer than {@link #MAX_RETRY_DELAY}
         */
        public Builder retryDelay(Duration delay) {
            Objects.requireNonNull(delay, "retryDelay");
            if (delay.isNegative() || delay.compareTo(MAX_RETRY_DELAY) > 0) {
                throw new IllegalArgumentException("retryDelay must be in [0s, " + MAX_RETRY_DELAY + "], was " + delay);
            }
            this.retryDelay = delay;
            return this;
        }

        /**
         * Sets the per-request timeout (default {@link #DEFAULT_REQUEST_TIMEOUT}); the connect timeout is the HTTP
         * client's.
         *
         * @param timeout the timeout, at least {@link #MIN_REQUEST_TIMEOUT}
         * @return this builder
         * @throws IllegalArgumentException if the timeout is shorter than {@link #MIN_REQUEST_TIMEOUT}
         */
        public Builder requestTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "requestTimeout");
            if (timeout.compareTo(MIN_REQUEST_TIMEOUT) < 0) {
                throw new IllegalArgumentException(
                        "requestTimeout must be >= " + MIN_REQUEST_TIMEOUT + ", was " + timeout);
            }
            this.requestTimeout = timeout;
            return this;
        }

        /**
         * Sets the budget of the final flush in {@code close()} (default {@link #DEFAULT_CLOSE_TIMEOUT}).
         *
         * @param timeout the budget, not negative; zero drops what is queued without sending
         * @return this builder
         * @throws IllegalArgumentException if the timeout is negative
         */
        public Builder closeTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "closeTimeout");
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("closeTimeout must be >= 0s, was " + timeout);
            }
            this.closeTimeout = timeout;
            return this;
        }

        /**
         * Turns off the aggregated evaluation events (DevCycle's {@code disableAutomaticEventLogging}); the
         * counter source is then never drained.
         *
         * @param disable {@code true} to send no evaluation counters
         * @return this builder
         */
        public Builder disableAutomaticEventLogging(boolean disable) {
            this.automaticEvents = !disable;
            return this;
        }

        /**
         * Turns off custom events (DevCycle's {@code disableCustomEventLogging}); {@code track} then does nothing.
         *
         * @param disable {@code true} to ignore {@code track}
         * @return this builder
         */
        public Builder disableCustomEventLogging(boolean disable) {
            this.customEvents = !disable;
            return this;
        }

        /**
         * Chooses DevCycle's format exactly (default {@code false}): aggregated events then name the SDK user in
         * {@code user_id} and carry a {@code clientDate}, as DevCycle's SDKs send them, and {@code
         * aggVariableDefaulted} events leave out Vexilla's per-error-kind counts ({@code metaData._errors}).
         *
         * @param devCycleFormat whether to send DevCycle's format exactly
         * @return this builder
         */
        public Builder devCycleFormat(boolean devCycleFormat) {
            this.devCycleFormat = devCycleFormat;
            return this;
        }

        /**
         * Sets the custom data of the synthetic SDK user that carries the aggregated events (default: none).
         *
         * @param data JSON-serialisable values by name; copied
         * @return this builder
         */
        public Builder clientCustomData(Map<String, ?> data) {
            Objects.requireNonNull(data, "clientCustomData");
            this.clientCustomData = new LinkedHashMap<>(data);
            return this;
        }

        /**
         * Sets the {@code user_id} of the synthetic SDK user (default: {@code "<random uuid>@<host name>"}).
         *
         * @param id the id, not blank, at most {@value #MAX_SDK_USER_ID_LENGTH} characters
         * @return this builder
         * @throws IllegalArgumentException if the id is blank or too long
         */
        public Builder sdkUserId(String id) {
            Objects.requireNonNull(id, "sdkUserId");
            if (id.isBlank() || id.length() > MAX_SDK_USER_ID_LENGTH) {
                throw new IllegalArgumentException("sdkUserId must be non-blank with at most " + MAX_SDK_USER_ID_LENGTH
                        + " characters, had " + id.length());
            }
            this.sdkUserId = id;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the immutable options
         * @throws IllegalArgumentException if the flush queue size exceeds the max queue size
         */
        public EventOptions build() {
            if (flushQueueSize > maxQueueSize) {
                throw new IllegalArgumentException(
                        "flushQueueSize must be <= maxQueueSize (" + maxQueueSize + "), was " + flushQueueSize);
            }
            return new EventOptions(this);
        }

        private static int checkSize(String name, int size) {
            if (size < 1 || size > MAX_QUEUE_SIZE) {
                throw new IllegalArgumentException(name + " must be in [1, " + MAX_QUEUE_SIZE + "], was " + size);
            }
            return size;
        }

        private static URI batchUri(URI eventsUrl) {
            Objects.requireNonNull(eventsUrl, "eventsUrl");
            String scheme = eventsUrl.getScheme();
            if (!eventsUrl.isAbsolute()
                    || eventsUrl.getHost() == null
                    || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
                throw new IllegalArgumentException("eventsUrl must be an absolute http or https URL, was " + eventsUrl);
            }
            if (eventsUrl.getRawQuery() != null || eventsUrl.getRawFragment() != null) {
                throw new IllegalArgumentException("eventsUrl must have no query or fragment, was " + eventsUrl);
            }
            String base = eventsUrl.toString();
            while (base.endsWith("/")) {
                base = base.substring(0, base.length() - 1);
            }
            return URI.create(base + BATCH_PATH);
        }
    }
}
