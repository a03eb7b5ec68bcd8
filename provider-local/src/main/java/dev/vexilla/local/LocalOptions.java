package dev.vexilla.local;

import dev.openfeature.sdk.EvaluationContext;
import dev.vexilla.model.SdkKeys;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import org.jspecify.annotations.Nullable;

/**
 * Everything {@link LocalProvider} can be told: where the config comes from, how it is kept fresh, overrides,
 * events, timeouts, and the clock and scheduler (for tests).
 *
 * <pre>{@code
 * LocalOptions options = LocalOptions.builder()
 *         .sdkKey(System.getenv("VEXILLA_SDK_KEY"))
 *         .baseUrl(URI.create("https://flags.example.com"))
 *         .pollingMode(PollingMode.autoPoll(Duration.ofSeconds(30), Duration.ofSeconds(2)))
 *         .realtimeUpdates(true)
 *         .build();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; {@link #toString()} never shows the SDK key.
 *
 * @since 0.1.0
 */
public final class LocalOptions {

    /** ConfigCat's global CDN, the default base URL. */
    public static final URI GLOBAL_CDN = URI.create("https://cdn-global.configcat.com");

    /** ConfigCat's EU-only CDN. */
    public static final URI EU_CDN = URI.create("https://cdn-eu.configcat.com");

    /** DevCycle's config CDN, the default base URL of {@link ConfigProtocol#DEVCYCLE}. */
    public static final URI DEVCYCLE_CDN = URI.create("https://config-cdn.devcycle.com");

    /** DevCycle's events API, the default events URL of {@link ConfigProtocol#DEVCYCLE}. */
    public static final URI DEVCYCLE_EVENTS = URI.create("https://events.devcycle.com");

    /** Auto-poll interval of {@link ConfigProtocol#DEVCYCLE} unless a polling mode is set: 30 s, DevCycle's. */
    public static final Duration DEVCYCLE_POLL_INTERVAL = Duration.ofSeconds(30);

    /** Events per request unless told otherwise: 100 (DevCycle's {@code eventRequestChunkSize}). */
    public static final int DEFAULT_EVENT_CHUNK_SIZE = 100;

    /** Largest number of events per request: 1 000. */
    public static final int MAX_EVENT_CHUNK_SIZE = 1_000;

    /**
     * TCP connect timeout unless told otherwise: 5 seconds. With the read timeout it makes the deadline of one config
     * download as a whole: 15 seconds by default.
     */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /**
     * Response (read) timeout of a config download unless told otherwise: 10 seconds. It bounds each wait for a byte,
     * and with the connect timeout makes the deadline of one download as a whole.
     */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);

    /** While the change stream is connected, polling slows to this backstop interval: 15 minutes. */
    public static final Duration DEFAULT_STREAM_BACKSTOP_INTERVAL = Duration.ofMinutes(15);

    /** The longest pause between failed fetches (jittered exponential backoff): 30 seconds. */
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(30);

    /** How long the source may fail (state STALE) before the provider reports ERROR: 60 seconds. */
    public static final Duration DEFAULT_ERROR_GRACE_PERIOD = Duration.ofSeconds(60);

    /** How often counters and custom events are posted: 10 seconds. */
    public static final Duration DEFAULT_EVENT_FLUSH_INTERVAL = Duration.ofSeconds(10);

    /** Queued custom events that trigger an early flush: 1,000. */
    public static final int DEFAULT_EVENT_FLUSH_QUEUE_SIZE = 1_000;

    /** Queued custom events beyond which new ones are dropped (and counted): 2,000. */
    public static final int DEFAULT_EVENT_MAX_QUEUE_SIZE = 2_000;

    /** The largest accepted event queue: 20,000. */
    public static final int MAX_EVENT_QUEUE_SIZE = 20_000;

    /** The shortest accepted event flush interval: 500 milliseconds. */
    public static final Duration MIN_EVENT_FLUSH_INTERVAL = Duration.ofMillis(500);

    /** ConfigCat's evaluation log is off unless asked for: {@code false}. */
    public static final boolean DEFAULT_EVALUATION_LOG = false;

    private final @Nullable String sdkKey;
    private final ConfigProtocol configProtocol;
    private final URI baseUrl;
    private final boolean customBaseUrl;
    private final PollingMode pollingMode;
    private final boolean realtimeUpdates;
    private final @Nullable URI streamUrl;
    private final Duration streamBackstopInterval;
    private final ConfigCache configCache;
    private final @Nullable FlagOverrides flagOverrides;
    private final OverrideBehaviour overrideBehaviour;
    private final boolean offline;
    private final boolean evaluationLog;
    private final @Nullable EvaluationContext defaultContext;
    private final Map<String, Object> clientCustomData;
    private final @Nullable URI eventsUrl;
    private final Duration eventFlushInterval;
    private final int eventFlushQueueSize;
    private final int eventMaxQueueSize;
    private final int eventChunkSize;
    private final boolean disableAutomaticEventLogging;
    private final boolean disableCustomEventLogging;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final @Nullable InetSocketAddress proxy;
    private final Duration maxBackoff;
    private final Duration errorGracePeriod;
    private final Clock clock;
    private final @Nullable ScheduledExecutorService scheduler;

    private LocalOptions(Builder b) {
        this.sdkKey = b.sdkKey;
        this.configProtocol = b.configProtocol != null
                ? b.configProtocol
                : (b.sdkKey == null ? ConfigProtocol.CONFIGCAT : ConfigProtocol.forSdkKey(b.sdkKey));
        boolean devCycle = configProtocol == ConfigProtocol.DEVCYCLE;
        this.customBaseUrl = b.baseUrl != null;
        this.baseUrl = b.baseUrl != null
                ? b.baseUrl
                : devCycle ? DEVCYCLE_CDN : (b.dataGovernance == DataGovernance.EU ? EU_CDN : GLOBAL_CDN);
        this.pollingMode = b.pollingMode != null
                ? b.pollingMode
                : devCycle
                        ? PollingMode.autoPoll(DEVCYCLE_POLL_INTERVAL, PollingMode.DEFAULT_MAX_INIT_WAIT)
                        : PollingMode.autoPoll();
        this.realtimeUpdates = b.realtimeUpdates != null ? b.realtimeUpdates : devCycle;
        this.streamUrl = b.streamUrl;
        this.streamBackstopInterval = b.streamBackstopInterval;
        this.configCache = b.configCache != null ? b.configCache : ConfigCache.inMemory();
        this.flagOverrides = b.flagOverrides;
        this.overrideBehaviour = b.overrideBehaviour;
        this.offline = b.offline;
        this.evaluationLog = b.evaluationLog;
        this.defaultContext = b.defaultContext;
        this.clientCustomData = Collections.unmodifiableMap(new LinkedHashMap<>(b.clientCustomData));
        this.eventsUrl = b.eventsUrl != null ? b.eventsUrl : (devCycle && b.sdkKey != null ? DEVCYCLE_EVENTS : null);
        this.eventFlushInterval = b.eventFlushInterval;
        this.eventFlushQueueSize = b.eventFlushQueueSize;
        this.eventMaxQueueSize = b.eventMaxQueueSize;
        this.eventChunkSize = b.eventChunkSize;
        this.disableAutomaticEventLogging = b.disableAutomaticEventLogging;
        this.disableCustomEventLogging = b.disableCustomEventLogging;
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.proxy = b.proxy;
        this.maxBackoff = b.maxBackoff;
        this.errorGracePeriod = b.errorGracePeriod;
        this.clock = b.clock;
        this.scheduler = b.scheduler;
    }

    /**
     * Returns a builder with every default.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the SDK key.
     *
     * @return the key, or {@code null} when the provider works from local overrides only
     */
    public @Nullable String sdkKey() {
        return sdkKey;
    }

    /**
     * Returns the wire protocol of the config source: the one set, else the one the SDK key tells
     * ({@link ConfigProtocol#forSdkKey}).
     *
     * @return the protocol; {@link ConfigProtocol#CONFIGCAT} without an SDK key
     */
    public ConfigProtocol configProtocol() {
        return configProtocol;
    }

    /**
     * Returns the base URL configs are downloaded from.
     *
     * @return the base URL, never null
     */
    public URI baseUrl() {
        return baseUrl;
    }

    /**
     * Tells whether the base URL was set explicitly (ConfigCat's redirect preferences treat that differently).
     *
     * @return {@code true} for a custom base URL
     */
    public boolean hasCustomBaseUrl() {
        return customBaseUrl;
    }

    /**
     * Returns the polling mode.
     *
     * @return the polling mode, never null
     */
    public PollingMode pollingMode() {
        return pollingMode;
    }

    /**
     * Tells whether the provider listens to the server's change stream.
     *
     * @return {@code true} when realtime updates are on (by default: on for {@link ConfigProtocol#DEVCYCLE}, off
     *     for {@link ConfigProtocol#CONFIGCAT})
     */
    public boolean realtimeUpdates() {
        return realtimeUpdates;
    }

    /**
     * Returns the change stream URL.
     *
     * @return the URL given, or {@code baseUrl + "/v1/stream"}; see {@link #streamUrlFromConfig()}
     */
    public URI streamUrl() {
        if (streamUrl != null) {
            return streamUrl;
        }
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/v1/stream");
    }

    /**
     * Tells whether the change stream is the one each config names, as DevCycle's SDKs do: true with
     * {@link ConfigProtocol#DEVCYCLE} and no {@link Builder#streamUrl(URI)}. The stream then follows the config's
     * {@code sse} member ({@code hostname + path}) and moves when it changes; {@link #streamUrl()} is not used.
     *
     * @return whether the stream URL comes from the config
     */
    public boolean streamUrlFromConfig() {
        return configProtocol == ConfigProtocol.DEVCYCLE && streamUrl == null;
    }

    /**
     * Returns the polling interval used while the change stream is connected.
     *
     * @return the backstop interval, never null
     */
    public Duration streamBackstopInterval() {
        return streamBackstopInterval;
    }

    /**
     * Returns the config cache.
     *
     * @return the cache, never null (in-memory by default)
     */
    public ConfigCache configCache() {
        return configCache;
    }

    /**
     * Returns the flag overrides.
     *
     * @return the overrides, or {@code null} when there are none
     */
    public @Nullable FlagOverrides flagOverrides() {
        return flagOverrides;
    }

    /**
     * Returns how overrides combine with the downloaded config.
     *
     * @return the behaviour, never null (meaningless without overrides)
     */
    public OverrideBehaviour overrideBehaviour() {
        return overrideBehaviour;
    }

    /**
     * Tells whether the provider starts offline: no network, cache and overrides only.
     *
     * @return {@code true} when offline
     */
    public boolean offline() {
        return offline;
    }

    /**
     * Tells whether evaluations write ConfigCat's evaluation log (see {@link Builder#evaluationLog(boolean)}).
     *
     * @return {@code true} when the log is on; {@value #DEFAULT_EVALUATION_LOG} by default
     */
    public boolean evaluationLog() {
        return evaluationLog;
    }

    /**
     * Returns the context used when an evaluation brings an empty one (ConfigCat's default user).
     *
     * @return the default context, or {@code null}
     */
    public @Nullable EvaluationContext defaultContext() {
        return defaultContext;
    }

    /**
     * Returns custom data added under every evaluation's own attributes (DevCycle's client custom data).
     *
     * @return an unmodifiable map, never null
     */
    public Map<String, Object> clientCustomData() {
        return clientCustomData;
    }

    /**
     * Returns the base URL events are posted to.
     *
     * @return the events URL, or {@code null} when events are not sent
     */
    public @Nullable URI eventsUrl() {
        return eventsUrl;
    }

    /**
     * Returns how often events are flushed.
     *
     * @return the interval, never null
     */
    public Duration eventFlushInterval() {
        return eventFlushInterval;
    }

    /**
     * Returns the queue size that triggers an early flush.
     *
     * @return the size
     */
    public int eventFlushQueueSize() {
        return eventFlushQueueSize;
    }

    /**
     * Returns the queue size beyond which events are dropped and counted.
     *
     * @return the size
     */
    public int eventMaxQueueSize() {
        return eventMaxQueueSize;
    }

    /**
     * Returns the most events sent in one request.
     *
     * @return the chunk size
     */
    public int eventChunkSize() {
        return eventChunkSize;
    }

    /**
     * Tells whether evaluation counters are not sent.
     *
     * @return {@code true} when automatic events are off
     */
    public boolean disableAutomaticEventLogging() {
        return disableAutomaticEventLogging;
    }

    /**
     * Tells whether {@code track} events are not sent.
     *
     * @return {@code true} when custom events are off
     */
    public boolean disableCustomEventLogging() {
        return disableCustomEventLogging;
    }

    /**
     * Returns the TCP connect timeout.
     *
     * @return the timeout, never null
     */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * Returns the response (read) timeout of downloads: the longest wait for a byte. One download as a whole ends by
     * {@link #connectTimeout()} + this, however slowly the server sends it.
     *
     * @return the timeout, never null
     */
    public Duration readTimeout() {
        return readTimeout;
    }

    /**
     * Returns the HTTP proxy.
     *
     * @return the proxy address, or {@code null} for a direct connection
     */
    public @Nullable InetSocketAddress proxy() {
        return proxy;
    }

    /**
     * Returns the longest pause between failed fetches.
     *
     * @return the maximum backoff, never null
     */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /**
     * Returns how long the source may fail before the provider reports ERROR.
     *
     * @return the grace period, never null; always longer than {@link #maxBackoff()}
     */
    public Duration errorGracePeriod() {
        return errorGracePeriod;
    }

    /**
     * Returns the clock.
     *
     * @return the clock, never null
     */
    public Clock clock() {
        return clock;
    }

    /**
     * Returns the scheduler given for background work.
     *
     * @return the scheduler, or {@code null} when the provider creates (and later stops) its own
     */
    public @Nullable ScheduledExecutorService scheduler() {
        return scheduler;
    }

    @Override
    public String toString() {
        return "LocalOptions{sdkKey=" + SdkKeys.redact(sdkKey) + ", configProtocol=" + configProtocol + ", baseUrl="
                + baseUrl + ", pollingMode="
                + pollingMode + ", realtimeUpdates=" + realtimeUpdates + ", offline=" + offline
                + (evaluationLog ? ", evaluationLog=true" : "")
                + ", flagOverrides=" + flagOverrides + (flagOverrides != null ? " " + overrideBehaviour : "")
                + ", eventsUrl=" + eventsUrl + ", connectTimeout=" + connectTimeout + ", readTimeout="
                + readTimeout + (proxy != null ? ", proxy=" + proxy : "") + "}";
    }

    /**
     * Builds {@link LocalOptions}. Setters validate their argument; {@link #build()} checks the combination. Not
     * thread-safe.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private @Nullable String sdkKey;
        private @Nullable ConfigProtocol configProtocol;
        private @Nullable URI baseUrl;
        private DataGovernance dataGovernance = DataGovernance.GLOBAL;
        private @Nullable PollingMode pollingMode;
        private @Nullable Boolean realtimeUpdates;
        private @Nullable URI streamUrl;
        private Duration streamBackstopInterval = DEFAULT_STREAM_BACKSTOP_INTERVAL;
        private @Nullable ConfigCache configCache;
        private @Nullable FlagOverrides flagOverrides;
        private OverrideBehaviour overrideBehaviour = OverrideBehaviour.LOCAL_ONLY;
        private boolean offline;
        private boolean evaluationLog = DEFAULT_EVALUATION_LOG;
        private @Nullable EvaluationContext defaultContext;
        private final Map<String, Object> clientCustomData = new LinkedHashMap<>();
        private @Nullable URI eventsUrl;
        private Duration eventFlushInterval = DEFAULT_EVENT_FLUSH_INTERVAL;
        private int eventFlushQueueSize = DEFAULT_EVENT_FLUSH_QUEUE_SIZE;
        private int eventMaxQueueSize = DEFAULT_EVENT_MAX_QUEUE_SIZE;
        private int eventChunkSize = DEFAULT_EVENT_CHUNK_SIZE;
        private boolean disableAutomaticEventLogging;
        private boolean disableCustomEventLogging;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private @Nullable InetSocketAddress proxy;
        private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
        private Duration errorGracePeriod = DEFAULT_ERROR_GRACE_PERIOD;
        private Clock clock = Clock.systemUTC();
        private @Nullable ScheduledExecutorService scheduler;

        private Builder() {}

        /**
         * Sets the SDK key; it travels only in request headers and paths, never in logs.
         *
         * @param sdkKey the key; required unless overrides are {@link OverrideBehaviour#LOCAL_ONLY}
         * @return this builder
         * @throws IllegalArgumentException if the key is empty, longer than {@link SdkKeys#MAX_LENGTH} or holds a
         *     character other than letters, digits and {@code - _ . ~ /} (the message never shows the key)
         */
        public Builder sdkKey(String sdkKey) {
            this.sdkKey = SdkKeys.requireValid(sdkKey);
            return this;
        }

        /**
         * Chooses the wire protocol of the config source; default: the one the SDK key tells
         * ({@link ConfigProtocol#forSdkKey}). Use it for a DevCycle-style source whose keys do not look like
         * DevCycle's, such as a Vexilla server serving DevCycle configs.
         *
         * @param configProtocol the protocol
         * @return this builder
         */
        public Builder configProtocol(ConfigProtocol configProtocol) {
            this.configProtocol = Objects.requireNonNull(configProtocol, "configProtocol");
            return this;
        }

        /**
         * Sets a custom base URL (a Vexilla server, a ConfigCat proxy); overrides {@link #dataGovernance}.
         *
         * @param baseUrl an absolute http or https URL
         * @return this builder
         * @throws IllegalArgumentException if the URL is not absolute http(s)
         */
        public Builder baseUrl(URI baseUrl) {
            this.baseUrl = requireHttpUrl(baseUrl, "baseUrl");
            return this;
        }

        /**
         * Chooses ConfigCat's CDN by data governance, when no custom base URL is set.
         *
         * @param dataGovernance GLOBAL (default) or EU
         * @return this builder
         */
        public Builder dataGovernance(DataGovernance dataGovernance) {
            this.dataGovernance = Objects.requireNonNull(dataGovernance, "dataGovernance");
            return this;
        }

        /**
         * Sets the polling mode; default {@link PollingMode#autoPoll()}, or auto polling every
         * {@link #DEVCYCLE_POLL_INTERVAL} with {@link ConfigProtocol#DEVCYCLE}.
         *
         * @param pollingMode the polling mode
         * @return this builder
         */
        public Builder pollingMode(PollingMode pollingMode) {
            this.pollingMode = Objects.requireNonNull(pollingMode, "pollingMode");
            return this;
        }

        /**
         * Turns the server's change stream on or off (default off for {@link ConfigProtocol#CONFIGCAT}, whose CDN has
         * none; on for {@link ConfigProtocol#DEVCYCLE}). While the stream is connected, polling slows to
         * {@link #streamBackstopInterval(Duration)}; when it drops, polling is fast again.
         *
         * @param realtimeUpdates whether to listen to the change stream
         * @return this builder
         */
        public Builder realtimeUpdates(boolean realtimeUpdates) {
            this.realtimeUpdates = realtimeUpdates;
            return this;
        }

        /**
         * Sets the change stream URL; default {@code baseUrl + "/v1/stream"}, or with {@link ConfigProtocol#DEVCYCLE}
         * the stream each config names in its {@code sse} member.
         *
         * @param streamUrl an absolute http or https URL
         * @return this builder
         * @throws IllegalArgumentException if the URL is not absolute http(s)
         */
        public Builder streamUrl(URI streamUrl) {
            this.streamUrl = requireHttpUrl(streamUrl, "streamUrl");
            return this;
        }

        /**
         * Sets the polling interval used while the change stream is connected; default
         * {@link #DEFAULT_STREAM_BACKSTOP_INTERVAL}.
         *
         * @param interval at least {@link PollingMode#MIN_POLL_INTERVAL}
         * @return this builder
         * @throws IllegalArgumentException if the interval is too short
         */
        public Builder streamBackstopInterval(Duration interval) {
            this.streamBackstopInterval =
                    requireAtLeast(interval, PollingMode.MIN_POLL_INTERVAL, "streamBackstopInterval");
            return this;
        }

        /**
         * Sets the config cache; default an in-memory cache. Its entries use ConfigCat's key and format, so a cache
         * can be shared with ConfigCat SDKs.
         *
         * @param configCache the cache
         * @return this builder
         */
        public Builder configCache(ConfigCache configCache) {
            this.configCache = Objects.requireNonNull(configCache, "configCache");
            return this;
        }

        /**
         * Sets local flag overrides and how they combine with the downloaded config.
         *
         * @param overrides where the overrides come from
         * @param behaviour {@link OverrideBehaviour#LOCAL_ONLY} (no network at all), LOCAL_OVER_REMOTE or
         *     REMOTE_OVER_LOCAL
         * @return this builder
         */
        public Builder flagOverrides(FlagOverrides overrides, OverrideBehaviour behaviour) {
            this.flagOverrides = Objects.requireNonNull(overrides, "overrides");
            this.overrideBehaviour = Objects.requireNonNull(behaviour, "behaviour");
            return this;
        }

        /**
         * Starts the provider offline: no network, the cache and overrides only, until
         * {@link LocalProvider#setOnline()}.
         *
         * @param offline whether to start offline
         * @return this builder
         */
        public Builder offline(boolean offline) {
            this.offline = offline;
            return this;
        }

        /**
         * Turns ConfigCat's evaluation log on or off; default {@value LocalOptions#DEFAULT_EVALUATION_LOG}. When on,
         * each evaluation writes one INFO entry to the SLF4J logger {@code dev.vexilla.evaluation} (when that logger
         * is INFO-enabled) with the text ConfigCat's SDKs log: which rules were evaluated, which matched and why. It
         * is a debugging aid: a multi-line entry per evaluation, tens of microseconds each. When off, evaluations
         * build no log text whatever the logger's level. ConfigCat's warnings (no user, a missing or invalid
         * attribute) go to the same logger at WARN either way.
         *
         * @param evaluationLog whether evaluations write the evaluation log
         * @return this builder
         */
        public Builder evaluationLog(boolean evaluationLog) {
            this.evaluationLog = evaluationLog;
            return this;
        }

        /**
         * Sets the context used when an evaluation brings an empty one (ConfigCat's default user).
         *
         * @param defaultContext the context, or {@code null} for none
         * @return this builder
         */
        public Builder defaultContext(@Nullable EvaluationContext defaultContext) {
            this.defaultContext = defaultContext;
            return this;
        }

        /**
         * Sets custom data added under every evaluation's own attributes (DevCycle's client custom data). Values
         * as for {@link dev.vexilla.model.User.Builder#attribute(String, Object)}.
         *
         * @param data attribute name to value; copied
         * @return this builder
         */
        public Builder clientCustomData(Map<String, ?> data) {
            Objects.requireNonNull(data, "data");
            clientCustomData.clear();
            clientCustomData.putAll(data);
            return this;
        }

        /**
         * Sets where events are posted ({@code POST {eventsUrl}/v1/events/batch}); default none (no events sent),
         * or {@link #DEVCYCLE_EVENTS} with {@link ConfigProtocol#DEVCYCLE}.
         *
         * @param eventsUrl an absolute http or https URL
         * @return this builder
         * @throws IllegalArgumentException if the URL is not absolute http(s)
         */
        public Builder eventsUrl(URI eventsUrl) {
            this.eventsUrl = requireHttpUrl(eventsUrl, "eventsUrl");
            return this;
        }

        /**
         * Sets how often events are flushed; default {@link #DEFAULT_EVENT_FLUSH_INTERVAL}.
         *
         * @param interval at least {@link #MIN_EVENT_FLUSH_INTERVAL}
         * @return this builder
         * @throws IllegalArgumentException if the interval is too short
         */
        public Builder eventFlushInterval(Duration interval) {
            this.eventFlushInterval = requireAtLeast(interval, MIN_EVENT_FLUSH_INTERVAL, "eventFlushInterval");
            return this;
        }

        /**
         * Sets the event queue sizes.
         *
         * @param flushQueueSize queued events that trigger an early flush; at least 1
         * @param maxQueueSize queued events beyond which new ones are dropped; above {@code flushQueueSize} and at
         *     most {@link #MAX_EVENT_QUEUE_SIZE}
         * @return this builder
         * @throws IllegalArgumentException if the sizes are out of range
         */
        public Builder eventQueueSizes(int flushQueueSize, int maxQueueSize) {
            if (flushQueueSize < 1 || maxQueueSize <= flushQueueSize || maxQueueSize > MAX_EVENT_QUEUE_SIZE) {
                throw new IllegalArgumentException(
                        "event queue sizes must satisfy 1 <= flushQueueSize < maxQueueSize <= " + MAX_EVENT_QUEUE_SIZE
                                + ", were " + flushQueueSize + " and " + maxQueueSize);
            }
            this.eventFlushQueueSize = flushQueueSize;
            this.eventMaxQueueSize = maxQueueSize;
            return this;
        }

        /**
         * Sets the most events sent in one request; default {@link #DEFAULT_EVENT_CHUNK_SIZE}.
         *
         * @param size 1 to {@link #MAX_EVENT_CHUNK_SIZE}
         * @return this builder
         * @throws IllegalArgumentException if the size is out of range
         */
        public Builder eventChunkSize(int size) {
            if (size < 1 || size > MAX_EVENT_CHUNK_SIZE) {
                throw new IllegalArgumentException(
                        "eventChunkSize must be in [1, " + MAX_EVENT_CHUNK_SIZE + "], was " + size);
            }
            this.eventChunkSize = size;
            return this;
        }

        /**
         * Turns off the evaluation counters.
         *
         * @param disable whether to send no evaluation counters
         * @return this builder
         */
        public Builder disableAutomaticEventLogging(boolean disable) {
            this.disableAutomaticEventLogging = disable;
            return this;
        }

        /**
         * Turns off {@code track} events.
         *
         * @param disable whether to send no custom events
         * @return this builder
         */
        public Builder disableCustomEventLogging(boolean disable) {
            this.disableCustomEventLogging = disable;
            return this;
        }

        /**
         * Sets the TCP connect timeout; default {@link #DEFAULT_CONNECT_TIMEOUT}. A config download as a whole
         * (redirects included) ends by the connect timeout plus the read timeout.
         *
         * @param timeout a positive duration
         * @return this builder
         * @throws IllegalArgumentException if the timeout is not positive
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = requireAtLeast(timeout, Duration.ofMillis(1), "connectTimeout");
            return this;
        }

        /**
         * Sets the response (read) timeout of downloads, the longest wait for a byte; default
         * {@link #DEFAULT_READ_TIMEOUT}. A config download as a whole (waiting for a connection, connecting, reading
         * the answer to its last byte, redirects included) ends by the connect timeout plus this: a download still
         * running then is aborted and fails as a transient error, so a server that sends one byte just before each
         * read timeout cannot stretch it.
         *
         * @param timeout a positive duration
         * @return this builder
         * @throws IllegalArgumentException if the timeout is not positive
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = requireAtLeast(timeout, Duration.ofMillis(1), "readTimeout");
            return this;
        }

        /**
         * Sends every request through an HTTP proxy.
         *
         * @param host the proxy host
         * @param port the proxy port, 1 to 65535
         * @return this builder
         * @throws IllegalArgumentException if the port is out of range
         */
        public Builder proxy(String host, int port) {
            Objects.requireNonNull(host, "host");
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("proxy port must be 1..65535, was " + port);
            }
            this.proxy = InetSocketAddress.createUnresolved(host, port);
            return this;
        }

        /**
         * Sets the longest pause between failed fetches; default {@link #DEFAULT_MAX_BACKOFF}.
         *
         * @param maxBackoff at least one second
         * @return this builder
         * @throws IllegalArgumentException if shorter than a second
         */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = requireAtLeast(maxBackoff, Duration.ofSeconds(1), "maxBackoff");
            return this;
        }

        /**
         * Sets how long the source may fail (STALE) before the provider reports ERROR; default
         * {@link #DEFAULT_ERROR_GRACE_PERIOD}. Must be longer than the maximum backoff.
         *
         * @param gracePeriod the grace period
         * @return this builder
         */
        public Builder errorGracePeriod(Duration gracePeriod) {
            this.errorGracePeriod = Objects.requireNonNull(gracePeriod, "gracePeriod");
            return this;
        }

        /**
         * Sets the clock (tests); default the system UTC clock.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets the scheduler for background work (tests); default a provider-owned pool of named daemon threads.
         * A scheduler given here is not shut down by the provider.
         *
         * @param scheduler the scheduler
         * @return this builder
         */
        public Builder scheduler(ScheduledExecutorService scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the immutable options
         * @throws IllegalStateException if the combination is invalid: no SDK key without LOCAL_ONLY overrides, or
         *     an error grace period not longer than the maximum backoff
         */
        public LocalOptions build() {
            boolean localOnly = flagOverrides != null && overrideBehaviour == OverrideBehaviour.LOCAL_ONLY;
            if (sdkKey == null && !localOnly) {
                throw new IllegalStateException(
                        "sdkKey is required unless flagOverrides are given with OverrideBehaviour.LOCAL_ONLY");
            }
            if (errorGracePeriod.compareTo(maxBackoff) <= 0) {
                throw new IllegalStateException("errorGracePeriod must be longer than maxBackoff (" + maxBackoff
                        + "), was " + errorGracePeriod);
            }
            return new LocalOptions(this);
        }

        private static URI requireHttpUrl(URI url, String name) {
            Objects.requireNonNull(url, name);
            String scheme = url.getScheme();
            if (!url.isAbsolute() || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
                throw new IllegalArgumentException(name + " must be an absolute http or https URL, was " + url);
            }
            return url;
        }

        private static Duration requireAtLeast(Duration value, Duration minimum, String name) {
            Objects.requireNonNull(value, name);
            if (value.compareTo(minimum) < 0) {
                throw new IllegalArgumentException(name + " must be >= " + minimum + ", was " + value);
            }
            return value;
        }
    }
}
