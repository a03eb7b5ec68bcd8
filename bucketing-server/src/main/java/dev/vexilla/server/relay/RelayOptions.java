package dev.vexilla.server.relay;

import dev.vexilla.model.SdkKeys;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What a relay mirrors and how: the upstream's base URL and kind, the SDK keys it may relay (each mapped to the local
 * config name it is served as), polling, timeouts and the event forwarding queue. Immutable and thread-safe.
 *
 * <pre>{@code
 * RelayOptions options = RelayOptions.builder(URI.create("https://flags.example.com"))
 *         .key(sdkKey, "web")
 *         .pollInterval(Duration.ofSeconds(30))
 *         .build();
 * // or from flags / environment, e.g. --upstream, --upstream-keys:
 * RelayOptions parsed = RelayOptions.parse(Map.of("upstream", "https://cdn-global.configcat.com",
 *         "upstream-keys", "configcat-sdk-1/.../...=web"));
 * }</pre>
 *
 * <p>Only the listed keys are relayed: the relay is never an open proxy. Keys are secrets: {@link #toString()}
 * redacts them and no error message contains one.
 *
 * @since 0.1.0
 */
public final class RelayOptions {
    /** Default interval between polls of a key that has no open stream: 60 s (ConfigCat's auto-poll default). */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(60);
    /** Shortest poll interval: 1 s. */
    public static final Duration MIN_POLL_INTERVAL = Duration.ofSeconds(1);
    /** Default interval between backstop polls of a key whose stream is open: 5 min. */
    public static final Duration DEFAULT_STREAM_BACKSTOP_INTERVAL = Duration.ofMinutes(5);
    /** Default timeout of one upstream request (a config download or an events post): 10 s. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** Shortest request timeout: 100 ms. */
    public static final Duration MIN_REQUEST_TIMEOUT = Duration.ofMillis(100);
    /** Default bound of the events queue, in events: 10,000. */
    public static final int DEFAULT_EVENT_QUEUE_CAPACITY = 10_000;
    /** Default number of events per upstream request: 100. */
    public static final int DEFAULT_EVENT_BATCH_SIZE = 100;
    /** Default interval between event flushes: 3 s. */
    public static final Duration DEFAULT_EVENT_FLUSH_INTERVAL = Duration.ofSeconds(3);
    /** Shortest event flush interval: 100 ms. */
    public static final Duration MIN_EVENT_FLUSH_INTERVAL = Duration.ofMillis(100);
    /** Hosts of ConfigCat's own CDNs; any other ConfigCat base URL is "custom" in ConfigCat's sense. */
    static final Set<String> CONFIGCAT_CDN_HOSTS = Set.of("cdn-global.configcat.com", "cdn-eu.configcat.com");

    private static final Pattern CONFIG_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern CONFIGCAT_KEY =
            Pattern.compile("configcat-(sdk-1|proxy)/.+|[A-Za-z0-9_-]{22}/[A-Za-z0-9_-]{22}");

    private final URI upstream;
    private final UpstreamKind kind;
    private final Map<String, String> keys;
    private final Duration pollInterval;
    private final Duration streamBackstopInterval;
    private final Duration requestTimeout;
    private final @Nullable URI eventsUrl;
    private final int eventQueueCapacity;
    private final int eventBatchSize;
    private final Duration eventFlushInterval;
    private final boolean configCatCdn;

    private RelayOptions(Builder b, UpstreamKind kind, @Nullable URI eventsUrl, boolean configCatCdn) {
        this.upstream = b.upstream;
        this.kind = kind;
        this.keys = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.keys));
        this.pollInterval = b.pollInterval;
        this.streamBackstopInterval =
                b.streamBackstopInterval.compareTo(b.pollInterval) < 0 ? b.pollInterval : b.streamBackstopInterval;
        this.requestTimeout = b.requestTimeout;
        this.eventsUrl = eventsUrl;
        this.eventQueueCapacity = b.eventQueueCapacity;
        this.eventBatchSize = b.eventBatchSize;
        this.eventFlushInterval = b.eventFlushInterval;
        this.configCatCdn = configCatCdn;
    }

    /**
     * Starts building options for an upstream.
     *
     * @param upstream the upstream's base URL, {@code http} or {@code https}, without query or fragment
     * @return a builder with the defaults
     * @throws IllegalArgumentException if the URL is not an absolute http(s) URL
     */
    public static Builder builder(URI upstream) {
        return new Builder(baseUrl("upstream", upstream.toString()));
    }

    /**
     * Parses options from named string values, as a command line or environment gives them. Names (the proposed flags
     * without their leading {@code --}): {@code upstream} (required), {@code upstream-keys} (required;
     * {@code key=name,key2=name2}, see {@link #parseKeys(String)}), {@code upstream-kind}
     * ({@code vexilla | configcat | devcycle}; detected when absent), {@code upstream-poll-interval},
     * {@code upstream-backstop-interval}, {@code upstream-timeout}, {@code upstream-events-url} ({@code none} turns
     * forwarding off), {@code upstream-event-queue}, {@code upstream-event-batch},
     * {@code upstream-event-flush-interval}. Durations are {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h} or
     * ISO-8601 ({@code PT30S}). Unknown names are ignored (they belong to the rest of the server).
     *
     * @param values the values by name
     * @return the options
     * @throws IllegalArgumentException naming the option and the rule broken, never a key
     */
    public static RelayOptions parse(Map<String, String> values) {
        String upstream = values.get("upstream");
        if (upstream == null || upstream.isBlank()) {
            throw new IllegalArgumentException("upstream: required (the upstream's base URL)");
        }
        String keys = values.get("upstream-keys");
        if (keys == null || keys.isBlank()) {
            throw new IllegalArgumentException("upstream-keys: required (key=config-name pairs to relay)");
        }
        Builder b = new Builder(baseUrl("upstream", upstream));
        try {
            b.keys(parseKeys(keys));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("upstream-keys: " + e.getMessage(), e);
        }
        apply(values, "upstream-kind", v -> b.kind(UpstreamKind.of(v)));
        apply(values, "upstream-poll-interval", v -> b.pollInterval(duration(v)));
        apply(values, "upstream-backstop-interval", v -> b.streamBackstopInterval(duration(v)));
        apply(values, "upstream-timeout", v -> b.requestTimeout(duration(v)));
        apply(values, "upstream-events-url", v -> {
            if (v.strip().equalsIgnoreCase("none")) {
                b.noEventForwarding();
            } else {
                b.eventsUrl(baseUrl("upstream-events-url", v));
            }
        });
        apply(values, "upstream-event-queue", v -> b.eventQueueCapacity(integer(v)));
        apply(values, "upstream-event-batch", v -> b.eventBatchSize(integer(v)));
        apply(values, "upstream-event-flush-interval", v -> b.eventFlushInterval(duration(v)));
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(optionOf(e.getMessage()) + e.getMessage(), e);
        }
    }

    /**
     * Parses the relayed keys: {@code <sdk-key>=<config-name>} entries separated by commas or line breaks, each split
     * at its last {@code =}; blank entries and lines starting with {@code #} are ignored, so the server's keys-file
     * format ({@code <sdk-key> = <config-name>} per line) is accepted too.
     *
     * @param text the entries
     * @return the keys mapped to config names, in the order given
     * @throws IllegalArgumentException naming the entry (by number) and the rule broken, never the key
     */
    public static Map<String, String> parseKeys(String text) {
        Map<String, String> keys = new LinkedHashMap<>();
        int entry = 0;
        for (String line : text.split("\r?\n")) {
            if (line.strip().startsWith("#")) {
                continue;
            }
            for (String part : line.split(",")) {
                String item = part.strip();
                if (item.isEmpty()) {
                    continue;
                }
                entry++;
                int eq = item.lastIndexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException("entry " + entry + ": expected '<sdk-key>=<config-name>'");
                }
                String key = item.substring(0, eq).strip();
                String name = item.substring(eq + 1).strip();
                checkKey(key, "entry " + entry);
                checkConfigName(name, "entry " + entry);
                if (keys.put(key, name) != null) {
                    throw new IllegalArgumentException("entry " + entry + ": the key is listed twice");
                }
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no key is listed");
        }
        return keys;
    }

    /**
     * Returns the upstream's base URL.
     *
     * @return the URL, without a trailing slash
     */
    public URI upstream() {
        return upstream;
    }

    /**
     * Returns the upstream's kind, as set or detected.
     *
     * @return the kind
     */
    public UpstreamKind kind() {
        return kind;
    }

    /**
     * Returns the relayed SDK keys and the local config name each is served as.
     *
     * @return an unmodifiable map in the order given; never empty
     */
    public Map<String, String> keys() {
        return keys;
    }

    /**
     * Returns the interval between polls of a key without an open stream; see {@link #DEFAULT_POLL_INTERVAL}.
     *
     * @return the poll interval
     */
    public Duration pollInterval() {
        return pollInterval;
    }

    /**
     * Returns the interval between backstop polls of a key whose stream is open; see
     * {@link #DEFAULT_STREAM_BACKSTOP_INTERVAL}.
     *
     * @return the backstop interval: the one set, or the poll interval when that is longer
     */
    public Duration streamBackstopInterval() {
        return streamBackstopInterval;
    }

    /**
     * Returns the timeout of one upstream request; see {@link #DEFAULT_REQUEST_TIMEOUT}.
     *
     * @return the timeout
     */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /**
     * Returns the base URL event batches are forwarded to ({@code POST {url}/v1/events/batch}): by default the
     * upstream itself for Vexilla and DevCycle upstreams, none for ConfigCat (which has no events API).
     *
     * @return the events base URL, or empty when events are not forwarded
     */
    public Optional<URI> eventsUrl() {
        return Optional.ofNullable(eventsUrl);
    }

    /**
     * Returns the bound of the events queue, in events; see {@link #DEFAULT_EVENT_QUEUE_CAPACITY}.
     *
     * @return the capacity
     */
    public int eventQueueCapacity() {
        return eventQueueCapacity;
    }

    /**
     * Returns the most events sent in one upstream request; see {@link #DEFAULT_EVENT_BATCH_SIZE}.
     *
     * @return the batch size, at most the queue capacity
     */
    public int eventBatchSize() {
        return eventBatchSize;
    }

    /**
     * Returns the interval between event flushes; see {@link #DEFAULT_EVENT_FLUSH_INTERVAL}.
     *
     * @return the flush interval
     */
    public Duration eventFlushInterval() {
        return eventFlushInterval;
    }

    /**
     * Tells whether the upstream counts as ConfigCat's own CDN rather than a custom base URL, which decides which
     * data-governance redirects are followed (ConfigCat's SDKs follow {@code p.r} 1 and 2 from their own CDN, only 2
     * from a custom base URL). Detected from the host unless set.
     *
     * @return true for ConfigCat's CDN
     */
    public boolean configCatCdn() {
        return configCatCdn;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RelayOptions other
                && upstream.equals(other.upstream)
                && kind == other.kind
                && keys.equals(other.keys)
                && pollInterval.equals(other.pollInterval)
                && streamBackstopInterval.equals(other.streamBackstopInterval)
                && requestTimeout.equals(other.requestTimeout)
                && Objects.equals(eventsUrl, other.eventsUrl)
                && eventQueueCapacity == other.eventQueueCapacity
                && eventBatchSize == other.eventBatchSize
                && eventFlushInterval.equals(other.eventFlushInterval)
                && configCatCdn == other.configCatCdn;
    }

    @Override
    public int hashCode() {
        return Objects.hash(upstream, kind, keys, pollInterval, requestTimeout, eventsUrl, eventBatchSize);
    }

    @Override
    public String toString() {
        String redactedKeys = keys.entrySet().stream()
                .map(e -> SdkKeys.redact(e.getKey()) + "=" + e.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
        return "RelayOptions{upstream=" + upstream + ", kind=" + kind + ", keys=" + redactedKeys + ", pollInterval="
                + pollInterval + ", streamBackstopInterval=" + streamBackstopInterval + ", requestTimeout="
                + requestTimeout + ", eventsUrl=" + eventsUrl + ", eventQueueCapacity=" + eventQueueCapacity
                + ", eventBatchSize=" + eventBatchSize + ", eventFlushInterval=" + eventFlushInterval
                + ", configCatCdn=" + configCatCdn + '}';
    }

    /**
     * Builds {@link RelayOptions}. Not thread-safe.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private final URI upstream;
        private final Map<String, String> keys = new LinkedHashMap<>();
        private @Nullable UpstreamKind kind;
        private Duration pollInterval = DEFAULT_POLL_INTERVAL;
        private Duration streamBackstopInterval = DEFAULT_STREAM_BACKSTOP_INTERVAL;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private @Nullable URI eventsUrl;
        private boolean noEventForwarding;
        private int eventQueueCapacity = DEFAULT_EVENT_QUEUE_CAPACITY;
        private int eventBatchSize = DEFAULT_EVENT_BATCH_SIZE;
        private Duration eventFlushInterval = DEFAULT_EVENT_FLUSH_INTERVAL;
        private @Nullable Boolean configCatCdn;

        private Builder(URI upstream) {
            this.upstream = upstream;
        }

        /**
         * Adds a relayed key.
         *
         * @param sdkKey the SDK key, as the upstream knows it (letters, digits and {@code - _ . ~ /})
         * @param configName the local config name it is served as ({@code [A-Za-z0-9][A-Za-z0-9._-]*})
         * @return this builder
         * @throws IllegalArgumentException if the key or the name is malformed, or the key is already listed
         */
        public Builder key(String sdkKey, String configName) {
            checkKey(sdkKey, "key");
            checkConfigName(configName, "key");
            if (keys.putIfAbsent(sdkKey, configName) != null) {
                throw new IllegalArgumentException("key: the key is listed twice");
            }
            return this;
        }

        /**
         * Adds relayed keys, e.g. from {@link #parseKeys(String)}.
         *
         * @param sdkKeys SDK keys mapped to local config names
         * @return this builder
         * @throws IllegalArgumentException as {@link #key(String, String)}
         */
        public Builder keys(Map<String, String> sdkKeys) {
            sdkKeys.forEach(this::key);
            return this;
        }

        /**
         * Sets the upstream's kind; by default it is detected: DevCycle when every key is a DevCycle server key
         * ({@code dvc_server…} or {@code server…}), ConfigCat when every key has ConfigCat's format or the host is
         * ConfigCat's, Vexilla otherwise.
         *
         * @param kind the kind
         * @return this builder
         */
        public Builder kind(UpstreamKind kind) {
            this.kind = Objects.requireNonNull(kind, "kind");
            return this;
        }

        /**
         * Sets the interval between polls of a key without an open stream.
         *
         * @param interval at least {@link #MIN_POLL_INTERVAL}
         * @return this builder
         * @throws IllegalArgumentException if the interval is shorter
         */
        public Builder pollInterval(Duration interval) {
            this.pollInterval = atLeast("upstream-poll-interval", interval, MIN_POLL_INTERVAL);
            return this;
        }

        /**
         * Sets the interval between backstop polls of a key whose stream is open.
         *
         * @param interval at least {@link #MIN_POLL_INTERVAL}; a poll interval longer than it wins
         * @return this builder
         * @throws IllegalArgumentException if the interval is shorter than {@link #MIN_POLL_INTERVAL}
         */
        public Builder streamBackstopInterval(Duration interval) {
            this.streamBackstopInterval = atLeast("upstream-backstop-interval", interval, MIN_POLL_INTERVAL);
            return this;
        }

        /**
         * Sets the timeout of one upstream request.
         *
         * @param timeout at least {@link #MIN_REQUEST_TIMEOUT}
         * @return this builder
         * @throws IllegalArgumentException if the timeout is shorter
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = atLeast("upstream-timeout", timeout, MIN_REQUEST_TIMEOUT);
            return this;
        }

        /**
         * Sets the base URL event batches are forwarded to (default: see {@link RelayOptions#eventsUrl()}).
         *
         * @param url an absolute http(s) URL
         * @return this builder
         */
        public Builder eventsUrl(URI url) {
            this.eventsUrl = baseUrl("upstream-events-url", url.toString());
            this.noEventForwarding = false;
            return this;
        }

        /**
         * Turns event forwarding off.
         *
         * @return this builder
         */
        public Builder noEventForwarding() {
            this.eventsUrl = null;
            this.noEventForwarding = true;
            return this;
        }

        /**
         * Sets the bound of the events queue, in events; events beyond it are dropped and counted.
         *
         * @param capacity at least 1
         * @return this builder
         * @throws IllegalArgumentException if the capacity is below 1
         */
        public Builder eventQueueCapacity(int capacity) {
            this.eventQueueCapacity = positive("upstream-event-queue", capacity);
            return this;
        }

        /**
         * Sets the most events sent in one upstream request.
         *
         * @param size at least 1, at most the queue capacity (checked by {@link #build()})
         * @return this builder
         * @throws IllegalArgumentException if the size is below 1
         */
        public Builder eventBatchSize(int size) {
            this.eventBatchSize = positive("upstream-event-batch", size);
            return this;
        }

        /**
         * Sets the interval between event flushes.
         *
         * @param interval at least {@link #MIN_EVENT_FLUSH_INTERVAL}
         * @return this builder
         * @throws IllegalArgumentException if the interval is shorter
         */
        public Builder eventFlushInterval(Duration interval) {
            this.eventFlushInterval = atLeast("upstream-event-flush-interval", interval, MIN_EVENT_FLUSH_INTERVAL);
            return this;
        }

        /**
         * Says whether the upstream counts as ConfigCat's own CDN (see {@link RelayOptions#configCatCdn()}); by
         * default true exactly for {@code cdn-global.configcat.com} and {@code cdn-eu.configcat.com}. Set it for a
         * forwarding proxy in front of ConfigCat's CDN.
         *
         * @param cdn true to follow {@code p.r} 1 and 2, false to follow only 2
         * @return this builder
         */
        public Builder configCatCdn(boolean cdn) {
            this.configCatCdn = cdn;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         * @throws IllegalArgumentException if no key is listed, the kind cannot be detected or the batch size exceeds
         *     the queue capacity
         */
        public RelayOptions build() {
            if (keys.isEmpty()) {
                throw new IllegalArgumentException("upstream-keys: no key is listed");
            }
            if (eventBatchSize > eventQueueCapacity) {
                throw new IllegalArgumentException("upstream-event-batch must be <= upstream-event-queue ("
                        + eventQueueCapacity + "), was " + eventBatchSize);
            }
            UpstreamKind resolved = kind != null ? kind : detectKind();
            URI events = eventsUrl;
            if (events == null && !noEventForwarding && resolved != UpstreamKind.CONFIGCAT) {
                events = upstream;
            }
            boolean cdn = configCatCdn != null
                    ? configCatCdn
                    : CONFIGCAT_CDN_HOSTS.contains(
                            String.valueOf(upstream.getHost()).toLowerCase(Locale.ROOT));
            return new RelayOptions(this, resolved, events, cdn);
        }

        private UpstreamKind detectKind() {
            if (keys.keySet().stream().allMatch(k -> k.startsWith("dvc_server") || k.startsWith("server"))) {
                return UpstreamKind.DEVCYCLE;
            }
            String host = String.valueOf(upstream.getHost()).toLowerCase(Locale.ROOT);
            boolean configCatHost = host.equals("configcat.com") || host.endsWith(".configcat.com");
            if (configCatHost
                    || keys.keySet().stream()
                            .allMatch(k -> CONFIGCAT_KEY.matcher(k).matches())) {
                return UpstreamKind.CONFIGCAT;
            }
            if (keys.keySet().stream()
                    .anyMatch(k -> k.startsWith("dvc_server")
                            || k.startsWith("server")
                            || CONFIGCAT_KEY.matcher(k).matches())) {
                throw new IllegalArgumentException("upstream-kind: cannot be detected, the keys mix formats of"
                        + " different upstreams; set it to vexilla, configcat or devcycle");
            }
            return UpstreamKind.VEXILLA;
        }
    }

    private interface OptionSetter {
        void set(String value);
    }

    private static void apply(Map<String, String> values, String name, OptionSetter setter) {
        String value = values.get(name);
        if (value == null) {
            return;
        }
        try {
            setter.set(value);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage() == null ? "invalid value" : e.getMessage();
            throw new IllegalArgumentException(message.startsWith(name) ? message : name + ": " + message, e);
        }
    }

    private static String optionOf(@Nullable String message) {
        return message != null && message.startsWith("upstream") ? "" : "upstream: ";
    }

    static URI baseUrl(String option, String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(option + ": not a URL (" + e.getReason() + ")", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException(
                    option + ": must be an http or https URL, was '" + withoutUserInfo(text) + "'");
        }
        if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    option + ": must be a base URL with a host and without query or fragment, was '"
                            + withoutUserInfo(text) + "'");
        }
        String s = uri.toString();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return URI.create(s);
    }

    /** Hides the user info ({@code user:password@}) of a URL's text, for messages. */
    private static String withoutUserInfo(String text) {
        return text.strip().replaceFirst("^([A-Za-z][A-Za-z0-9+.-]*://)[^/@]*@", "$1****@");
    }

    private static void checkKey(String key, String where) {
        try {
            SdkKeys.requireValid(key);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static void checkConfigName(String name, String where) {
        if (!CONFIG_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    where + ": config name '" + name + "' must match [A-Za-z0-9][A-Za-z0-9._-]* (at most 128)");
        }
    }

    private static Duration atLeast(String option, Duration value, Duration min) {
        Objects.requireNonNull(value, option);
        if (value.compareTo(min) < 0) {
            throw new IllegalArgumentException(option + " must be >= " + min + ", was " + value);
        }
        return value;
    }

    private static int positive(String option, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(option + " must be >= 1, was " + value);
        }
        return value;
    }

    private static int integer(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a whole number: '" + text + "'", e);
        }
    }

    /**
     * Parses a duration: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h} or ISO-8601.
     *
     * @param text the text
     * @return the duration
     * @throws IllegalArgumentException if the text is none of these
     */
    static Duration duration(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (s.startsWith("p")) {
                return Duration.parse(s.toUpperCase(Locale.ROOT));
            }
            if (s.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
            }
            long amount = Long.parseLong(s.substring(0, Math.max(0, s.length() - 1)));
            return switch (s.charAt(s.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                default -> throw new NumberFormatException();
            };
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException(
                    "not a duration: '" + text + "' (use 500ms, 30s, 5m, 1h or ISO-8601 such as PT30S)", e);
        }
    }
}
