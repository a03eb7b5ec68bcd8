package dev.vexilla.local;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The options of DevCycle's local-bucketing Java SDK ({@code DevCycleLocalOptions}), with DevCycle's names, defaults
 * and clamps, turned into {@link LocalOptions} for a {@link LocalProvider} in {@link ConfigProtocol#DEVCYCLE} mode.
 * It lets a DevCycle user move their settings over one for one.
 *
 * <pre>{@code
 * DevCycleOptions devCycle = DevCycleOptions.builder()
 *         .configPollingIntervalMS(60_000)
 *         .eventFlushIntervalMS(5_000)
 *         .build();
 * LocalProvider provider = new LocalProvider(devCycle.toLocalOptions(System.getenv("DEVCYCLE_SERVER_SDK_KEY"))
 *         .defaultContext(new ImmutableContext("anonymous"))   // any other LocalOptions setting
 *         .build());
 * }</pre>
 *
 * <p>Like DevCycle's SDK, out-of-range values are not errors: a value of 0 or less means the default, and the other
 * clamps are logged once at WARN when {@link Builder#build()} applies them ({@link #adjustments()} lists them):
 * <ul>
 *   <li>{@code configPollingIntervalMS} and {@code configRequestTimeoutMs} are at least 1 000 ms, and
 *       {@code eventFlushIntervalMS} at least {@link LocalOptions#MIN_EVENT_FLUSH_INTERVAL} (500 ms);</li>
 *   <li>{@code maxEventQueueSize} and {@code flushEventQueueSize} are at most 20 000, {@code maxEventQueueSize} at
 *       least 2, and {@code flushEventQueueSize} below {@code maxEventQueueSize} (else {@code max - 1}). DevCycle
 *       checks the order before capping, so {@code flush = max = 20 000} can slip through there; here it cannot;</li>
 *   <li>{@code eventRequestChunkSize} is at most {@code flushEventQueueSize} and
 *       {@link LocalOptions#MAX_EVENT_CHUNK_SIZE}. DevCycle resets a too-large chunk size to 100, which can still
 *       exceed a small flush size; here it becomes the flush size.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe. DevCycle's {@code customLogger} (use SLF4J), {@code restOptions} (use
 * {@link LocalOptions.Builder#proxy(String, int)}) and {@code hooks} (use OpenFeature hooks) have no counterpart here.
 *
 * @since 0.1.0
 */
public final class DevCycleOptions {
    /** Default {@code configPollingIntervalMS}: 30 000. */
    public static final int DEFAULT_CONFIG_POLLING_INTERVAL_MS = 30_000;
    /** Smallest {@code configPollingIntervalMS}: 1 000. */
    public static final int MIN_CONFIG_POLLING_INTERVAL_MS = 1_000;
    /** Default {@code configRequestTimeoutMs}: 10 000. */
    public static final int DEFAULT_CONFIG_REQUEST_TIMEOUT_MS = 10_000;
    /** Smallest {@code configRequestTimeoutMs}: 1 000. */
    public static final int MIN_CONFIG_REQUEST_TIMEOUT_MS = 1_000;
    /** Default {@code eventFlushIntervalMS}: 10 000. */
    public static final int DEFAULT_EVENT_FLUSH_INTERVAL_MS = 10_000;
    /** Default {@code flushEventQueueSize}: 1 000. */
    public static final int DEFAULT_FLUSH_EVENT_QUEUE_SIZE = 1_000;
    /** Default {@code maxEventQueueSize}: 2 000. */
    public static final int DEFAULT_MAX_EVENT_QUEUE_SIZE = 2_000;
    /** Largest {@code maxEventQueueSize} and {@code flushEventQueueSize}: 20 000. */
    public static final int MAX_EVENT_QUEUE_SIZE = LocalOptions.MAX_EVENT_QUEUE_SIZE;
    /** Default {@code eventRequestChunkSize}: 100. */
    public static final int DEFAULT_EVENT_REQUEST_CHUNK_SIZE = LocalOptions.DEFAULT_EVENT_CHUNK_SIZE;
    /** Default {@code configCdnBaseUrl}: DevCycle's config CDN. */
    public static final URI DEFAULT_CONFIG_CDN_BASE_URL = LocalOptions.DEVCYCLE_CDN;
    /** Default {@code eventsApiBaseUrl}: DevCycle's events API. */
    public static final URI DEFAULT_EVENTS_API_BASE_URL = LocalOptions.DEVCYCLE_EVENTS;

    private static final Logger LOG = LoggerFactory.getLogger(DevCycleOptions.class);

    private final int configPollingIntervalMS;
    private final int configRequestTimeoutMs;
    private final int eventFlushIntervalMS;
    private final int flushEventQueueSize;
    private final int maxEventQueueSize;
    private final int eventRequestChunkSize;
    private final boolean disableRealtimeUpdates;
    private final boolean disableAutomaticEventLogging;
    private final boolean disableCustomEventLogging;
    private final URI configCdnBaseUrl;
    private final URI eventsApiBaseUrl;
    private final List<String> adjustments;

    private DevCycleOptions(Builder b, List<String> adjustments) {
        this.configPollingIntervalMS = b.configPollingIntervalMS;
        this.configRequestTimeoutMs = b.configRequestTimeoutMs;
        this.eventFlushIntervalMS = b.eventFlushIntervalMS;
        this.flushEventQueueSize = b.flushEventQueueSize;
        this.maxEventQueueSize = b.maxEventQueueSize;
        this.eventRequestChunkSize = b.eventRequestChunkSize;
        this.disableRealtimeUpdates = b.disableRealtimeUpdates;
        this.disableAutomaticEventLogging = b.disableAutomaticEventLogging;
        this.disableCustomEventLogging = b.disableCustomEventLogging;
        this.configCdnBaseUrl = b.configCdnBaseUrl;
        this.eventsApiBaseUrl = b.eventsApiBaseUrl;
        this.adjustments = Collections.unmodifiableList(adjustments);
    }

    /**
     * Returns a builder with DevCycle's defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a {@link LocalOptions} builder set from these options, in {@link ConfigProtocol#DEVCYCLE} mode, for the
     * given server SDK key. Set anything else (default context, cache, clock, …) on it before {@code build()}.
     *
     * <p>Mapping: {@code configPollingIntervalMS} → {@link PollingMode#autoPoll(Duration, Duration)} (with
     * {@link PollingMode#DEFAULT_MAX_INIT_WAIT}); {@code configRequestTimeoutMs} → the read timeout, and the connect
     * timeout when it is shorter than {@link LocalOptions#DEFAULT_CONNECT_TIMEOUT}; {@code eventFlushIntervalMS} →
     * {@code eventFlushInterval}; the queue sizes → {@code eventQueueSizes}; {@code eventRequestChunkSize} →
     * {@code eventChunkSize}; {@code disableRealtimeUpdates} → {@code realtimeUpdates(false)}; the two
     * {@code disable*EventLogging} flags as they are; {@code configCdnBaseUrl} → {@code baseUrl};
     * {@code eventsApiBaseUrl} → {@code eventsUrl}. While the change stream is connected, polling slows to
     * {@link LocalOptions#DEFAULT_STREAM_BACKSTOP_INTERVAL} (15 min, as DevCycle's Java SDK).
     *
     * @param sdkKey the server SDK key (any key: the protocol is set explicitly)
     * @return a builder; never null
     * @throws IllegalArgumentException if the key is malformed (the message never shows it)
     */
    public LocalOptions.Builder toLocalOptions(String sdkKey) {
        Duration timeout = Duration.ofMillis(configRequestTimeoutMs);
        Duration connect = timeout.compareTo(LocalOptions.DEFAULT_CONNECT_TIMEOUT) < 0
                ? timeout
                : LocalOptions.DEFAULT_CONNECT_TIMEOUT;
        return LocalOptions.builder()
                .sdkKey(sdkKey)
                .configProtocol(ConfigProtocol.DEVCYCLE)
                .baseUrl(configCdnBaseUrl)
                .eventsUrl(eventsApiBaseUrl)
                .pollingMode(PollingMode.autoPoll(
                        Duration.ofMillis(configPollingIntervalMS), PollingMode.DEFAULT_MAX_INIT_WAIT))
                .readTimeout(timeout)
                .connectTimeout(connect)
                .realtimeUpdates(!disableRealtimeUpdates)
                .eventFlushInterval(Duration.ofMillis(eventFlushIntervalMS))
                .eventQueueSizes(flushEventQueueSize, maxEventQueueSize)
                .eventChunkSize(eventRequestChunkSize)
                .disableAutomaticEventLogging(disableAutomaticEventLogging)
                .disableCustomEventLogging(disableCustomEventLogging);
    }

    /**
     * Returns DevCycle's {@code configPollingIntervalMS}, after clamping.
     *
     * @return the polling interval in milliseconds
     */
    public int configPollingIntervalMS() {
        return configPollingIntervalMS;
    }

    /**
     * Returns DevCycle's {@code configRequestTimeoutMs}, after clamping.
     *
     * @return the config request timeout in milliseconds
     */
    public int configRequestTimeoutMs() {
        return configRequestTimeoutMs;
    }

    /**
     * Returns DevCycle's {@code eventFlushIntervalMS}, after clamping.
     *
     * @return the flush interval in milliseconds
     */
    public int eventFlushIntervalMS() {
        return eventFlushIntervalMS;
    }

    /**
     * Returns DevCycle's {@code flushEventQueueSize}, after clamping.
     *
     * @return the queued events that trigger an early flush
     */
    public int flushEventQueueSize() {
        return flushEventQueueSize;
    }

    /**
     * Returns DevCycle's {@code maxEventQueueSize}, after clamping.
     *
     * @return the queued events beyond which new ones are dropped
     */
    public int maxEventQueueSize() {
        return maxEventQueueSize;
    }

    /**
     * Returns DevCycle's {@code eventRequestChunkSize}, after clamping.
     *
     * @return the most events per request
     */
    public int eventRequestChunkSize() {
        return eventRequestChunkSize;
    }

    /**
     * Returns DevCycle's {@code disableRealtimeUpdates}.
     *
     * @return {@code true} when the change stream is off
     */
    public boolean disableRealtimeUpdates() {
        return disableRealtimeUpdates;
    }

    /**
     * Returns DevCycle's {@code disableAutomaticEventLogging}.
     *
     * @return {@code true} when no evaluation events are sent
     */
    public boolean disableAutomaticEventLogging() {
        return disableAutomaticEventLogging;
    }

    /**
     * Returns DevCycle's {@code disableCustomEventLogging}.
     *
     * @return {@code true} when {@code track} events are not sent
     */
    public boolean disableCustomEventLogging() {
        return disableCustomEventLogging;
    }

    /**
     * Returns DevCycle's {@code configCdnBaseUrl}.
     *
     * @return the config CDN; never null
     */
    public URI configCdnBaseUrl() {
        return configCdnBaseUrl;
    }

    /**
     * Returns DevCycle's {@code eventsApiBaseUrl}.
     *
     * @return the events API; never null
     */
    public URI eventsApiBaseUrl() {
        return eventsApiBaseUrl;
    }

    /**
     * Returns the clamps {@link Builder#build()} applied, one sentence each (also logged at WARN).
     *
     * @return the adjustments, empty when every value was in range; never null
     */
    public List<String> adjustments() {
        return adjustments;
    }

    @Override
    public String toString() {
        return "DevCycleOptions{configPollingIntervalMS=" + configPollingIntervalMS + ", configRequestTimeoutMs="
                + configRequestTimeoutMs + ", eventFlushIntervalMS=" + eventFlushIntervalMS + ", flushEventQueueSize="
                + flushEventQueueSize + ", maxEventQueueSize=" + maxEventQueueSize + ", eventRequestChunkSize="
                + eventRequestChunkSize + ", disableRealtimeUpdates=" + disableRealtimeUpdates
                + ", disableAutomaticEventLogging=" + disableAutomaticEventLogging + ", disableCustomEventLogging="
                + disableCustomEventLogging + ", configCdnBaseUrl=" + configCdnBaseUrl + ", eventsApiBaseUrl="
                + eventsApiBaseUrl + "}";
    }

    /**
     * Builds {@link DevCycleOptions}. Numbers are taken as given and clamped in {@link #build()}; URLs are checked
     * when set. Not thread-safe.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private int configPollingIntervalMS = DEFAULT_CONFIG_POLLING_INTERVAL_MS;
        private int configRequestTimeoutMs = DEFAULT_CONFIG_REQUEST_TIMEOUT_MS;
        private int eventFlushIntervalMS = DEFAULT_EVENT_FLUSH_INTERVAL_MS;
        private int flushEventQueueSize = DEFAULT_FLUSH_EVENT_QUEUE_SIZE;
        private int maxEventQueueSize = DEFAULT_MAX_EVENT_QUEUE_SIZE;
        private int eventRequestChunkSize = DEFAULT_EVENT_REQUEST_CHUNK_SIZE;
        private boolean disableRealtimeUpdates;
        private boolean disableAutomaticEventLogging;
        private boolean disableCustomEventLogging;
        private URI configCdnBaseUrl = DEFAULT_CONFIG_CDN_BASE_URL;
        private URI eventsApiBaseUrl = DEFAULT_EVENTS_API_BASE_URL;

        private Builder() {}

        /**
         * Sets how often the config is downloaded (default {@link #DEFAULT_CONFIG_POLLING_INTERVAL_MS}).
         *
         * @param ms milliseconds; 0 or less means the default, less than {@link #MIN_CONFIG_POLLING_INTERVAL_MS}
         *     is raised to it
         * @return this builder
         */
        public Builder configPollingIntervalMS(int ms) {
            this.configPollingIntervalMS = ms;
            return this;
        }

        /**
         * Sets the timeout of one config download (default {@link #DEFAULT_CONFIG_REQUEST_TIMEOUT_MS}).
         *
         * @param ms milliseconds; 0 or less means the default, less than {@link #MIN_CONFIG_REQUEST_TIMEOUT_MS} is
         *     raised to it
         * @return this builder
         */
        public Builder configRequestTimeoutMs(int ms) {
            this.configRequestTimeoutMs = ms;
            return this;
        }

        /**
         * Sets how often events are flushed (default {@link #DEFAULT_EVENT_FLUSH_INTERVAL_MS}).
         *
         * @param ms milliseconds; 0 or less means the default, less than
         *     {@link LocalOptions#MIN_EVENT_FLUSH_INTERVAL} is raised to it
         * @return this builder
         */
        public Builder eventFlushIntervalMS(int ms) {
            this.eventFlushIntervalMS = ms;
            return this;
        }

        /**
         * Sets how many queued events trigger an early flush (default {@link #DEFAULT_FLUSH_EVENT_QUEUE_SIZE}).
         *
         * @param size 0 or less means the default; see the class comment for the clamps
         * @return this builder
         */
        public Builder flushEventQueueSize(int size) {
            this.flushEventQueueSize = size;
            return this;
        }

        /**
         * Sets how many queued events are kept before new ones are dropped (default
         * {@link #DEFAULT_MAX_EVENT_QUEUE_SIZE}).
         *
         * @param size 0 or less means the default; see the class comment for the clamps
         * @return this builder
         */
        public Builder maxEventQueueSize(int size) {
            this.maxEventQueueSize = size;
            return this;
        }

        /**
         * Sets the most events per request (default {@link #DEFAULT_EVENT_REQUEST_CHUNK_SIZE}).
         *
         * @param size 0 or less means the default; see the class comment for the clamps
         * @return this builder
         */
        public Builder eventRequestChunkSize(int size) {
            this.eventRequestChunkSize = size;
            return this;
        }

        /**
         * Turns the change stream off (default on).
         *
         * @param disable {@code true} to poll only
         * @return this builder
         */
        public Builder disableRealtimeUpdates(boolean disable) {
            this.disableRealtimeUpdates = disable;
            return this;
        }

        /**
         * Turns the aggregated evaluation events off (default on).
         *
         * @param disable {@code true} to send no evaluation events
         * @return this builder
         */
        public Builder disableAutomaticEventLogging(boolean disable) {
            this.disableAutomaticEventLogging = disable;
            return this;
        }

        /**
         * Turns {@code track} events off (default on).
         *
         * @param disable {@code true} to send no custom events
         * @return this builder
         */
        public Builder disableCustomEventLogging(boolean disable) {
            this.disableCustomEventLogging = disable;
            return this;
        }

        /**
         * Sets the config CDN (default {@link #DEFAULT_CONFIG_CDN_BASE_URL}); a Vexilla server or DevCycle's SDK
         * proxy serves the same path.
         *
         * @param url an absolute http or https URL; null means the default
         * @return this builder
         * @throws IllegalArgumentException if the URL is not absolute http(s)
         */
        public Builder configCdnBaseUrl(@Nullable String url) {
            this.configCdnBaseUrl = url == null ? DEFAULT_CONFIG_CDN_BASE_URL : httpUrl(url, "configCdnBaseUrl");
            return this;
        }

        /**
         * Sets the events API (default {@link #DEFAULT_EVENTS_API_BASE_URL}).
         *
         * @param url an absolute http or https URL; null means the default
         * @return this builder
         * @throws IllegalArgumentException if the URL is not absolute http(s)
         */
        public Builder eventsApiBaseUrl(@Nullable String url) {
            this.eventsApiBaseUrl = url == null ? DEFAULT_EVENTS_API_BASE_URL : httpUrl(url, "eventsApiBaseUrl");
            return this;
        }

        /**
         * Applies DevCycle's defaults and the clamps (each logged at WARN) and builds the options.
         *
         * @return the immutable options
         */
        public DevCycleOptions build() {
            List<String> adjusted = new ArrayList<>();
            Builder b = copy();
            b.configPollingIntervalMS = atLeast(
                    "configPollingIntervalMS",
                    b.configPollingIntervalMS,
                    DEFAULT_CONFIG_POLLING_INTERVAL_MS,
                    MIN_CONFIG_POLLING_INTERVAL_MS,
                    adjusted);
            b.configRequestTimeoutMs = atLeast(
                    "configRequestTimeoutMs",
                    b.configRequestTimeoutMs,
                    DEFAULT_CONFIG_REQUEST_TIMEOUT_MS,
                    MIN_CONFIG_REQUEST_TIMEOUT_MS,
                    adjusted);
            b.eventFlushIntervalMS = atLeast(
                    "eventFlushIntervalMS",
                    b.eventFlushIntervalMS,
                    DEFAULT_EVENT_FLUSH_INTERVAL_MS,
                    (int) LocalOptions.MIN_EVENT_FLUSH_INTERVAL.toMillis(),
                    adjusted);
            int max = orDefault(b.maxEventQueueSize, DEFAULT_MAX_EVENT_QUEUE_SIZE);
            int flush = orDefault(b.flushEventQueueSize, DEFAULT_FLUSH_EVENT_QUEUE_SIZE);
            int chunk = orDefault(b.eventRequestChunkSize, DEFAULT_EVENT_REQUEST_CHUNK_SIZE);
            if (max > MAX_EVENT_QUEUE_SIZE || max < 2) {
                int clamped = Math.max(2, Math.min(max, MAX_EVENT_QUEUE_SIZE));
                adjusted.add("maxEventQueueSize must be in [2, " + MAX_EVENT_QUEUE_SIZE + "], was " + max + "; using "
                        + clamped);
                max = clamped;
            }
            if (flush >= max) {
                adjusted.add("flushEventQueueSize must be smaller than maxEventQueueSize (" + max + "), was " + flush
                        + "; using " + (max - 1));
                flush = max - 1;
            }
            int chunkLimit = Math.min(flush, LocalOptions.MAX_EVENT_CHUNK_SIZE);
            if (chunk > chunkLimit) {
                adjusted.add("eventRequestChunkSize must be at most " + chunkLimit + " (flushEventQueueSize and "
                        + LocalOptions.MAX_EVENT_CHUNK_SIZE + "), was " + chunk + "; using " + chunkLimit);
                chunk = chunkLimit;
            }
            b.maxEventQueueSize = max;
            b.flushEventQueueSize = flush;
            b.eventRequestChunkSize = chunk;
            for (String adjustment : adjusted) {
                LOG.warn("DevCycle option adjusted: {}", adjustment);
            }
            return new DevCycleOptions(b, adjusted);
        }

        private Builder copy() {
            Builder b = new Builder();
            b.configPollingIntervalMS = configPollingIntervalMS;
            b.configRequestTimeoutMs = configRequestTimeoutMs;
            b.eventFlushIntervalMS = eventFlushIntervalMS;
            b.flushEventQueueSize = flushEventQueueSize;
            b.maxEventQueueSize = maxEventQueueSize;
            b.eventRequestChunkSize = eventRequestChunkSize;
            b.disableRealtimeUpdates = disableRealtimeUpdates;
            b.disableAutomaticEventLogging = disableAutomaticEventLogging;
            b.disableCustomEventLogging = disableCustomEventLogging;
            b.configCdnBaseUrl = configCdnBaseUrl;
            b.eventsApiBaseUrl = eventsApiBaseUrl;
            return b;
        }

        private static int orDefault(int value, int defaultValue) {
            return value > 0 ? value : defaultValue;
        }

        private static int atLeast(String name, int value, int defaultValue, int minimum, List<String> adjusted) {
            int v = orDefault(value, defaultValue);
            if (v < minimum) {
                adjusted.add(name + " must be >= " + minimum + ", was " + v + "; using " + minimum);
                return minimum;
            }
            return v;
        }

        private static URI httpUrl(String text, String name) {
            URI url;
            try {
                url = URI.create(text.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        name + " must be an absolute http or https URL, was '" + text + "'", e);
            }
            String scheme = url.getScheme();
            if (!url.isAbsolute()
                    || url.getHost() == null
                    || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
                throw new IllegalArgumentException(name + " must be an absolute http or https URL, was '" + text + "'");
            }
            return url;
        }
    }
}
