package dev.vexilla.server;

import com.sun.management.UnixOperatingSystemMXBean;
import dev.vexilla.server.relay.RelayOptions;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The settings of a {@link VexillaServer}: immutable, validated when built.
 *
 * <pre>{@code
 * ServerOptions options = ServerOptions.builder()
 *         .port(0)
 *         .configDirectory(Path.of("/etc/vexilla/configs"))
 *         .keysFile(Path.of("/etc/vexilla/sdk-keys.txt"))
 *         .build();
 * }</pre>
 *
 * <p>Every option can also be given on the command line or in an environment variable; see
 * {@link #fromCommandLine(String[], Map)} and the module README. Thread-safe (immutable).
 *
 * @since 0.1.0
 */
public final class ServerOptions {
    /** Default TCP port. */
    public static final int DEFAULT_PORT = 8080;
    /**
     * Default bind address of the builder: the IPv4 loopback, so an embedded server is reachable from this machine
     * only unless asked. The command line binds {@link #DEFAULT_COMMAND_LINE_BIND_ADDRESS}.
     */
    public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
    /** Bind address of the command line when neither {@code --bind} nor its variable is given: every interface. */
    public static final String DEFAULT_COMMAND_LINE_BIND_ADDRESS = "0.0.0.0";
    /** Name of the keys file looked up in the config directory when no keys file is given. */
    public static final String DEFAULT_KEYS_FILE_NAME = "sdk-keys.txt";
    /** Default EdgeDB store: in memory. */
    public static final String DEFAULT_EDGEDB_URL = "memory";
    /** Default EdgeDB key prefix (Redis). */
    public static final String DEFAULT_EDGEDB_KEY_PREFIX = "vexilla:edgedb:";
    /** Default EdgeDB entry lifetime: zero, entries never expire. */
    public static final Duration DEFAULT_EDGEDB_TTL = Duration.ZERO;
    /** Default EdgeDB operation timeout (Redis). */
    public static final Duration DEFAULT_EDGEDB_TIMEOUT = Duration.ofMillis(500);
    /** Default maximum number of users the in-memory EdgeDB store keeps. */
    public static final int DEFAULT_EDGEDB_MAX_ENTRIES = 100_000;
    /**
     * Events sink of the command line when neither {@code --events-sink} nor its variable is given: a JSON-lines
     * file in the working directory. The builder has no sink by default: events are counted, nothing is written.
     */
    public static final Path DEFAULT_COMMAND_LINE_EVENTS_SINK = Path.of("vexilla-events.jsonl");
    /** Default request body limit: 1 MiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    /** Smallest accepted request body limit. */
    public static final int MIN_MAX_BODY_BYTES = 1024;
    /** Default limit for the request line plus headers: 8 KiB. */
    public static final int DEFAULT_MAX_HEADER_BYTES = 8 * 1024;
    /** Smallest accepted header limit. */
    public static final int MIN_MAX_HEADER_BYTES = 1024;
    /** Default cap on concurrent change streams. */
    public static final int DEFAULT_MAX_STREAMS = 1000;
    /** Default evaluation rate limit per config: 0, no limit. */
    public static final int DEFAULT_RATE_LIMIT = 0;
    /** Default interval between heartbeat comments on change streams. */
    public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(30);
    /** Default interval of the periodic config-directory rescan (the fallback behind file watching). */
    public static final Duration DEFAULT_RESCAN_INTERVAL = Duration.ofSeconds(10);
    /** Smallest accepted heartbeat and rescan interval. */
    public static final Duration MIN_INTERVAL = Duration.ofMillis(100);
    /** Default size of the worker thread pool that runs route code. */
    public static final int DEFAULT_WORKER_THREADS = 200;
    /** Smallest accepted worker pool: Jetty's acceptor and selector threads come from it too. */
    public static final int MIN_WORKER_THREADS = 8;
    /**
     * Default cap on requests processed at once, as a share of the worker threads: three quarters, so the last
     * quarter stays free for the health, readiness and metrics probes when routes block.
     */
    public static final double DEFAULT_CONCURRENT_REQUESTS_SHARE = 0.75;
    /** Default time a request body may take to arrive completely once its headers are read. */
    public static final Duration DEFAULT_BODY_TIMEOUT = Duration.ofSeconds(20);
    /** Default time a connection may take to send a complete request line and headers. */
    public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(20);
    /**
     * Default time {@link VexillaServer#close()} waits for requests in flight to complete before it aborts them.
     */
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);
    /** Smallest accepted body and header timeout. */
    public static final Duration MIN_TIMEOUT = Duration.ofMillis(100);
    /** Open connections allowed per available processor when the default cap on connections is computed. */
    public static final int DEFAULT_MAX_CONNECTIONS_PER_PROCESSOR = 1024;
    /** Smallest accepted cap on open connections. */
    public static final int MIN_MAX_CONNECTIONS = 8;
    /** Prefix of every key the Redis config store uses. */
    public static final String DEFAULT_CONFIG_STORE_PREFIX = "vexilla:config:";
    /** Shortest accepted admin token. */
    public static final int MIN_ADMIN_TOKEN_LENGTH = 16;

    private final int port;
    private final String bindAddress;
    private final @Nullable Path configDirectory;
    private final @Nullable Path keysFile;
    private final String edgeDbUrl;
    private final String edgeDbKeyPrefix;
    private final Duration edgeDbTtl;
    private final Duration edgeDbTimeout;
    private final int edgeDbMaxEntries;
    private final @Nullable Path eventsSink;
    private final @Nullable URI publicUrl;
    private final int maxBodyBytes;
    private final int maxHeaderBytes;
    private final int maxStreams;
    private final int rateLimit;
    private final Duration heartbeatInterval;
    private final Duration rescanInterval;
    private final int workerThreads;
    private final int maxConcurrentRequests;
    private final Duration bodyTimeout;
    private final Duration headerTimeout;
    private final Duration shutdownTimeout;
    private final int maxConnections;
    private final @Nullable String configStore;
    private final @Nullable String adminToken;
    private final @Nullable RelayOptions upstream;

    private ServerOptions(Builder b) {
        this.port = b.port;
        this.bindAddress = b.bindAddress;
        this.configDirectory = b.configDirectory;
        this.keysFile = b.keysFile != null || b.configDirectory == null
                ? b.keysFile
                : b.configDirectory.resolve(DEFAULT_KEYS_FILE_NAME);
        this.edgeDbUrl = b.edgeDbUrl;
        this.edgeDbKeyPrefix = b.edgeDbKeyPrefix;
        this.edgeDbTtl = b.edgeDbTtl;
        this.edgeDbTimeout = b.edgeDbTimeout;
        this.edgeDbMaxEntries = b.edgeDbMaxEntries;
        this.eventsSink = b.eventsSink;
        this.publicUrl = b.publicUrl;
        this.maxBodyBytes = b.maxBodyBytes;
        this.maxHeaderBytes = b.maxHeaderBytes;
        this.maxStreams = b.maxStreams;
        this.rateLimit = b.rateLimit;
        this.heartbeatInterval = b.heartbeatInterval;
        this.rescanInterval = b.rescanInterval;
        this.workerThreads = b.workerThreads;
        this.maxConcurrentRequests = b.maxConcurrentRequests != null
                ? b.maxConcurrentRequests
                : Math.max(1, (int) (b.workerThreads * DEFAULT_CONCURRENT_REQUESTS_SHARE));
        this.bodyTimeout = b.bodyTimeout;
        this.configStore = b.configStore;
        this.adminToken = b.adminToken;
        this.upstream = b.upstream;
        this.headerTimeout = b.headerTimeout;
        this.shutdownTimeout = b.shutdownTimeout;
        this.maxConnections = b.maxConnections;
    }

    /**
     * Returns the cap on open connections used when none is set: {@value #DEFAULT_MAX_CONNECTIONS_PER_PROCESSOR} per
     * available processor, and at most half the process's file descriptor limit when the platform reports it.
     *
     * @return the default cap, at least {@value #MIN_MAX_CONNECTIONS}
     */
    public static int defaultMaxConnections() {
        long cap = (long) DEFAULT_MAX_CONNECTIONS_PER_PROCESSOR
                * Runtime.getRuntime().availableProcessors();
        if (ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix) {
            cap = Math.min(cap, unix.getMaxFileDescriptorCount() / 2);
        }
        return (int) Math.max(MIN_MAX_CONNECTIONS, Math.min(cap, Integer.MAX_VALUE));
    }

    /**
     * Starts a builder with every option at its default.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads options from command-line flags, falling back to environment variables, then to the defaults.
     *
     * @param args the command-line arguments ({@code --port 8080} or {@code --port=8080})
     * @param environment the environment variables (usually {@code System.getenv()})
     * @return the options
     * @throws IllegalArgumentException naming the flag or variable when a value is malformed or out of range
     */
    public static ServerOptions fromCommandLine(String[] args, Map<String, String> environment) {
        return CommandLineOptions.parse(args, environment);
    }

    /**
     * Returns the text printed by {@code --help}: every flag, its environment variable and its default.
     *
     * @return the help text
     */
    public static String helpText() {
        return CommandLineOptions.helpText();
    }

    /**
     * Returns the TCP port; 0 means a random free port.
     *
     * @return the TCP port; 0 means a random free port
     */
    public int port() {
        return port;
    }

    /**
     * Returns the address to bind, never null.
     *
     * @return the address to bind, never null
     */
    public String bindAddress() {
        return bindAddress;
    }

    /**
     * Returns the config directory, empty when the embedded demo config is served.
     *
     * @return the config directory, empty when the embedded demo config is served
     */
    public Optional<Path> configDirectory() {
        return Optional.ofNullable(configDirectory);
    }

    /**
     * Returns the keys file, empty exactly when no config directory is set.
     *
     * @return the keys file, empty exactly when no config directory is set
     */
    public Optional<Path> keysFile() {
        return Optional.ofNullable(keysFile);
    }

    /**
     * Returns {@code memory} or a {@code redis://host:port[/db]} URL.
     *
     * @return {@code memory} or a {@code redis://host:port[/db]} URL
     */
    public String edgeDbUrl() {
        return edgeDbUrl;
    }

    /**
     * Returns the prefix of every EdgeDB key in Redis.
     *
     * @return the prefix of every EdgeDB key in Redis
     */
    public String edgeDbKeyPrefix() {
        return edgeDbKeyPrefix;
    }

    /**
     * Returns how long an EdgeDB entry lives after its last write; zero means forever.
     *
     * @return how long an EdgeDB entry lives after its last write; zero means forever
     */
    public Duration edgeDbTtl() {
        return edgeDbTtl;
    }

    /**
     * Returns the timeout of one EdgeDB operation (Redis).
     *
     * @return the timeout of one EdgeDB operation (Redis)
     */
    public Duration edgeDbTimeout() {
        return edgeDbTimeout;
    }

    /**
     * Returns the maximum number of users in the in-memory EdgeDB store.
     *
     * @return the maximum number of users in the in-memory EdgeDB store
     */
    public int edgeDbMaxEntries() {
        return edgeDbMaxEntries;
    }

    /**
     * Returns the JSON-lines file accepted event batches are appended to.
     *
     * @return the file, empty when events are only counted (the builder's default)
     */
    public Optional<Path> eventsSink() {
        return Optional.ofNullable(eventsSink);
    }

    /**
     * Returns the base URL clients reach this server under, used where the server names itself in what it serves (the
     * {@code sse.hostname} of a DevCycle config v2 on the CDN path).
     *
     * @return the URL ({@code scheme://host[:port]}, no path), empty when each request's own scheme and
     *     {@code Host} header are used (the default)
     */
    public Optional<URI> publicUrl() {
        return Optional.ofNullable(publicUrl);
    }

    /**
     * Returns the largest accepted request body in bytes.
     *
     * @return the largest accepted request body in bytes
     */
    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /**
     * Returns the largest accepted request line plus headers in bytes.
     *
     * @return the largest accepted request line plus headers in bytes
     */
    public int maxHeaderBytes() {
        return maxHeaderBytes;
    }

    /**
     * Returns the cap on concurrent change streams.
     *
     * @return the cap on concurrent change streams
     */
    public int maxStreams() {
        return maxStreams;
    }

    /**
     * Returns the evaluation rate limit.
     *
     * @return evaluation requests per second per config; 0 when there is no limit
     */
    public int rateLimit() {
        return rateLimit;
    }

    /**
     * Returns the interval between heartbeat comments on change streams.
     *
     * @return the interval between heartbeat comments on change streams
     */
    public Duration heartbeatInterval() {
        return heartbeatInterval;
    }

    /**
     * Returns the interval of the periodic config rescan.
     *
     * @return the interval of the periodic config rescan
     */
    public Duration rescanInterval() {
        return rescanInterval;
    }

    /**
     * Returns the size of the worker thread pool.
     *
     * @return the number of worker threads
     */
    public int workerThreads() {
        return workerThreads;
    }

    /**
     * Returns the cap on requests processed at once; more are answered 503 with {@code Retry-After}. A request counts
     * while its route code runs on a worker thread, not while its body is on its way; the health, readiness and
     * metrics probes and the change stream never count.
     *
     * @return the cap, at most {@link #workerThreads()}
     */
    public int maxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    /**
     * Returns how long a request body may take to arrive completely; slower bodies are answered 408.
     *
     * @return the body deadline
     */
    public Duration bodyTimeout() {
        return bodyTimeout;
    }

    /**
     * Returns how long a connection may take to send a complete request line and headers before it is closed.
     *
     * @return the header deadline
     */
    public Duration headerTimeout() {
        return headerTimeout;
    }

    /**
     * Returns how long stopping the server waits for requests in flight to complete before it aborts them.
     *
     * @return the drain bound; zero aborts at once
     */
    public Duration shutdownTimeout() {
        return shutdownTimeout;
    }

    /**
     * Returns the cap on open connections; beyond it the server stops accepting until one closes.
     *
     * @return the cap
     */
    public int maxConnections() {
        return maxConnections;
    }

    /**
     * Returns the Redis config store, when configs and keys live in Redis instead of a directory.
     *
     * @return {@code redis://…} or {@code rediss://…}, empty for a directory or the demo config
     */
    public Optional<String> configStore() {
        return Optional.ofNullable(configStore);
    }

    /**
     * Returns the admin API token; without one the {@code /admin} routes answer 404.
     *
     * @return the token, empty when the admin API is off
     */
    public Optional<String> adminToken() {
        return Optional.ofNullable(adminToken);
    }

    /**
     * Returns the upstream this server relays in relay mode, where configs and keys are mirrored from another
     * server's or a vendor's CDN instead of a directory or the config store.
     *
     * @return the relay options, empty when the server is not a relay
     */
    public Optional<RelayOptions> upstream() {
        return Optional.ofNullable(upstream);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServerOptions other && fields().equals(other.fields());
    }

    @Override
    public int hashCode() {
        return fields().hashCode();
    }

    private List<Object> fields() {
        return Arrays.asList(
                port,
                bindAddress,
                configDirectory,
                keysFile,
                edgeDbUrl,
                edgeDbKeyPrefix,
                edgeDbTtl,
                edgeDbTimeout,
                edgeDbMaxEntries,
                eventsSink,
                publicUrl,
                maxBodyBytes,
                maxHeaderBytes,
                maxStreams,
                rateLimit,
                heartbeatInterval,
                rescanInterval,
                workerThreads,
                maxConcurrentRequests,
                bodyTimeout,
                headerTimeout,
                shutdownTimeout,
                maxConnections,
                configStore,
                adminToken,
                upstream);
    }

    @Override
    public String toString() {
        return "ServerOptions{port=" + port + ", bindAddress=" + bindAddress + ", configDirectory=" + configDirectory
                + ", keysFile=" + keysFile + ", edgeDbUrl=" + EdgeDbStores.redactUrl(edgeDbUrl)
                + ", edgeDbKeyPrefix=" + edgeDbKeyPrefix + ", edgeDbTtl=" + edgeDbTtl + ", edgeDbTimeout="
                + edgeDbTimeout + ", edgeDbMaxEntries=" + edgeDbMaxEntries + ", eventsSink=" + eventsSink
                + ", publicUrl=" + publicUrl
                + ", maxBodyBytes=" + maxBodyBytes + ", maxHeaderBytes=" + maxHeaderBytes + ", maxStreams="
                + maxStreams + ", rateLimit=" + rateLimit + ", heartbeatInterval=" + heartbeatInterval
                + ", rescanInterval=" + rescanInterval + ", workerThreads=" + workerThreads
                + ", maxConcurrentRequests=" + maxConcurrentRequests + ", bodyTimeout=" + bodyTimeout
                + ", headerTimeout=" + headerTimeout + ", shutdownTimeout=" + shutdownTimeout
                + ", maxConnections=" + maxConnections
                + ", configStore=" + (configStore == null ? null : EdgeDbStores.redactUrl(configStore))
                + ", adminToken=" + (adminToken == null ? null : "****")
                + ", upstream=" + (upstream == null ? null : UpstreamConfigSource.describe(upstream)) + "}";
    }

    /**
     * Builds {@link ServerOptions}. Each setter validates its argument at once and throws
     * {@link IllegalArgumentException} with a message naming the option, the rule and the rejected value. Not
     * thread-safe.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private int port = DEFAULT_PORT;
        private String bindAddress = DEFAULT_BIND_ADDRESS;
        private @Nullable Path configDirectory;
        private @Nullable Path keysFile;
        private String edgeDbUrl = DEFAULT_EDGEDB_URL;
        private String edgeDbKeyPrefix = DEFAULT_EDGEDB_KEY_PREFIX;
        private Duration edgeDbTtl = DEFAULT_EDGEDB_TTL;
        private Duration edgeDbTimeout = DEFAULT_EDGEDB_TIMEOUT;
        private int edgeDbMaxEntries = DEFAULT_EDGEDB_MAX_ENTRIES;
        private @Nullable Path eventsSink;
        private @Nullable URI publicUrl;
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private int maxHeaderBytes = DEFAULT_MAX_HEADER_BYTES;
        private int maxStreams = DEFAULT_MAX_STREAMS;
        private int rateLimit = DEFAULT_RATE_LIMIT;
        private Duration heartbeatInterval = DEFAULT_HEARTBEAT_INTERVAL;
        private Duration rescanInterval = DEFAULT_RESCAN_INTERVAL;
        private int workerThreads = DEFAULT_WORKER_THREADS;
        private @Nullable Integer maxConcurrentRequests;
        private Duration bodyTimeout = DEFAULT_BODY_TIMEOUT;
        private Duration headerTimeout = DEFAULT_HEADER_TIMEOUT;
        private Duration shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;
        private int maxConnections = defaultMaxConnections();
        private @Nullable String configStore;
        private @Nullable String adminToken;
        private @Nullable RelayOptions upstream;

        private Builder() {}

        /**
         * Makes the server a relay of an upstream CDN (another Vexilla server, ConfigCat's or DevCycle's): it serves
         * the configs of the relayed keys, mirrored from the upstream, and forwards accepted events there. Excludes
         * {@link #configDirectory(Path)} and {@link #configStore(String)}; the admin API cannot write in relay mode.
         *
         * @param upstream the upstream and the relayed keys ({@link RelayOptions#parse(Map)}), or {@code null} for none
         * @return this builder
         * @throws IllegalArgumentException if two relayed keys are served as the same config
         */
        public Builder upstream(@Nullable RelayOptions upstream) {
            if (upstream != null) {
                long names = upstream.keys().values().stream().distinct().count();
                require(
                        names == upstream.keys().size(),
                        "upstream-keys: each relayed key needs its own config name (%s keys name %s configs)",
                        upstream.keys().size(),
                        names);
            }
            this.upstream = upstream;
            return this;
        }

        /**
         * Keeps configs and the key mapping in Redis, shared by every server pointing at it, instead of a config
         * directory.
         *
         * @param url {@code redis://[:password@]host:port[/db]} ({@code rediss://} for TLS), or {@code null} for none
         * @return this builder
         */
        public Builder configStore(@Nullable String url) {
            if (url != null) {
                String value = url.strip();
                require(
                        !value.equals(DEFAULT_EDGEDB_URL) && isRedisUrl(value),
                        "configStore must be redis://host:port[/db], was '%s'",
                        EdgeDbStores.redactUrl(value));
                this.configStore = value;
            } else {
                this.configStore = null;
            }
            return this;
        }

        private static boolean isRedisUrl(String value) {
            try {
                EdgeDbStores.validateUrl(value);
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        /**
         * Turns the admin API on, guarded by this bearer token.
         *
         * @param token at least {@value #MIN_ADMIN_TOKEN_LENGTH} visible ASCII characters, or {@code null} for off
         * @return this builder
         */
        public Builder adminToken(@Nullable String token) {
            if (token != null) {
                require(
                        token.length() >= MIN_ADMIN_TOKEN_LENGTH
                                && token.chars().allMatch(c -> c > 0x20 && c < 0x7f),
                        "adminToken must be at least %s visible ASCII characters (its length was %s)",
                        MIN_ADMIN_TOKEN_LENGTH,
                        token.length());
            }
            this.adminToken = token;
            return this;
        }

        /**
         * Sets the TCP port (default {@value #DEFAULT_PORT}); 0 picks a random free port.
         *
         * @param port 0 to 65535
         * @return this builder
         */
        public Builder port(int port) {
            require(port >= 0 && port <= 65535, "port must be in 0..65535, was %s", port);
            this.port = port;
            return this;
        }

        /**
         * Sets the address to bind (default {@value #DEFAULT_BIND_ADDRESS}, the loopback; {@code 0.0.0.0} for every
         * IPv4 interface).
         *
         * @param bindAddress a host name or IP literal
         * @return this builder
         */
        public Builder bindAddress(String bindAddress) {
            Objects.requireNonNull(bindAddress, "bindAddress");
            require(!bindAddress.isBlank(), "bindAddress must not be blank, was '%s'", bindAddress);
            this.bindAddress = bindAddress.strip();
            return this;
        }

        /**
         * Sets the directory holding one config JSON v6 per config ({@code <name>.json}). Without it the server
         * serves the embedded demo config under {@link VexillaServer#DEMO_SDK_KEY}.
         *
         * @param configDirectory the directory, or {@code null} for the demo config
         * @return this builder
         */
        public Builder configDirectory(@Nullable Path configDirectory) {
            this.configDirectory = configDirectory;
            return this;
        }

        /**
         * Sets the keys file (default {@code <configDirectory>/}{@value #DEFAULT_KEYS_FILE_NAME}).
         *
         * @param keysFile the file, or {@code null} for the default
         * @return this builder
         */
        public Builder keysFile(@Nullable Path keysFile) {
            this.keysFile = keysFile;
            return this;
        }

        /**
         * Sets the EdgeDB store: {@code memory} (default) or {@code redis://host:port[/db]}
         * ({@code rediss://} for TLS).
         *
         * @param edgeDbUrl the store URL
         * @return this builder
         */
        public Builder edgeDbUrl(String edgeDbUrl) {
            Objects.requireNonNull(edgeDbUrl, "edgeDbUrl");
            EdgeDbStores.validateUrl(edgeDbUrl);
            this.edgeDbUrl = edgeDbUrl.strip();
            return this;
        }

        /**
         * Sets the prefix of EdgeDB keys in Redis (default {@value #DEFAULT_EDGEDB_KEY_PREFIX}).
         *
         * @param prefix the prefix, may be empty
         * @return this builder
         */
        public Builder edgeDbKeyPrefix(String prefix) {
            this.edgeDbKeyPrefix = Objects.requireNonNull(prefix, "edgeDbKeyPrefix");
            return this;
        }

        /**
         * Sets how long an EdgeDB entry lives after its last write (default zero: forever).
         *
         * @param ttl zero or at least one second
         * @return this builder
         */
        public Builder edgeDbTtl(Duration ttl) {
            Objects.requireNonNull(ttl, "edgeDbTtl");
            require(
                    ttl.isZero() || ttl.compareTo(Duration.ofSeconds(1)) >= 0,
                    "edgeDbTtl must be 0 or >= 1s, was %s",
                    ttl);
            this.edgeDbTtl = ttl;
            return this;
        }

        /**
         * Sets the timeout of one EdgeDB operation against Redis (default 500 ms).
         *
         * @param timeout at least 1 ms
         * @return this builder
         */
        public Builder edgeDbTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "edgeDbTimeout");
            require(timeout.toMillis() >= 1, "edgeDbTimeout must be >= 1ms, was %s", timeout);
            this.edgeDbTimeout = timeout;
            return this;
        }

        /**
         * Sets how many users the in-memory EdgeDB store keeps before evicting the least recently used
         * (default {@value #DEFAULT_EDGEDB_MAX_ENTRIES}).
         *
         * @param maxEntries at least 1
         * @return this builder
         */
        public Builder edgeDbMaxEntries(int maxEntries) {
            require(maxEntries >= 1, "edgeDbMaxEntries must be >= 1, was %s", maxEntries);
            this.edgeDbMaxEntries = maxEntries;
            return this;
        }

        /**
         * Sets the JSON-lines file accepted event batches are appended to (created on the first batch). By default
         * there is none: events are validated and counted in the metrics, and nothing is written.
         *
         * @param eventsSink the file, or {@code null} for none
         * @return this builder
         */
        public Builder eventsSink(@Nullable Path eventsSink) {
            this.eventsSink = eventsSink;
            return this;
        }

        /**
         * Sets the base URL clients reach this server under (behind a proxy or a load balancer), e.g.
         * {@code https://flags.example.com}. It becomes the {@code sse.hostname} of the DevCycle configs the server
         * serves on {@code /config/v2/server/{sdkKey}.json}. By default each request's own scheme and {@code Host}
         * header are used.
         *
         * @param publicUrl an absolute {@code http} or {@code https} URL without query or fragment (a trailing
         *     {@code /} is dropped), or {@code null} for the default
         * @return this builder
         * @throws IllegalArgumentException if the URL is not absolute http(s), or has a query, fragment or user info
         */
        public Builder publicUrl(@Nullable URI publicUrl) {
            if (publicUrl == null) {
                this.publicUrl = null;
                return this;
            }
            String scheme = publicUrl.getScheme();
            if (scheme == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || publicUrl.getHost() == null
                    || publicUrl.getRawQuery() != null
                    || publicUrl.getRawFragment() != null
                    || publicUrl.getRawUserInfo() != null) {
                throw new IllegalArgumentException(
                        "publicUrl must be an absolute http or https URL without user info, query or fragment, was "
                                + publicUrl);
            }
            String text = publicUrl.toString();
            while (text.endsWith("/")) {
                text = text.substring(0, text.length() - 1);
            }
            this.publicUrl = URI.create(text);
            return this;
        }

        /**
         * Sets the largest accepted request body (default 1 MiB); larger bodies get 413.
         *
         * @param maxBodyBytes at least {@value #MIN_MAX_BODY_BYTES}
         * @return this builder
         */
        public Builder maxBodyBytes(int maxBodyBytes) {
            require(
                    maxBodyBytes >= MIN_MAX_BODY_BYTES,
                    "maxBodyBytes must be >= %s, was %s",
                    MIN_MAX_BODY_BYTES,
                    maxBodyBytes);
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        /**
         * Sets the largest accepted request line plus headers (default 8 KiB); larger get 431.
         *
         * @param maxHeaderBytes at least {@value #MIN_MAX_HEADER_BYTES}
         * @return this builder
         */
        public Builder maxHeaderBytes(int maxHeaderBytes) {
            require(
                    maxHeaderBytes >= MIN_MAX_HEADER_BYTES,
                    "maxHeaderBytes must be >= %s, was %s",
                    MIN_MAX_HEADER_BYTES,
                    maxHeaderBytes);
            this.maxHeaderBytes = maxHeaderBytes;
            return this;
        }

        /**
         * Sets the cap on concurrent change streams (default {@value #DEFAULT_MAX_STREAMS}); more get 503.
         *
         * @param maxStreams at least 1
         * @return this builder
         */
        public Builder maxStreams(int maxStreams) {
            require(maxStreams >= 1, "maxStreams must be >= 1, was %s", maxStreams);
            this.maxStreams = maxStreams;
            return this;
        }

        /**
         * Sets the evaluation rate limit per config (default {@value #DEFAULT_RATE_LIMIT}, none): requests per second
         * to the Bucketing API and OFREP routes, with bursts up to one second's worth; more get 429.
         *
         * @param perSecond at least 0; 0 turns the limit off
         * @return this builder
         */
        public Builder rateLimit(int perSecond) {
            require(perSecond >= 0, "rateLimit must be >= 0, was %s", perSecond);
            this.rateLimit = perSecond;
            return this;
        }

        /**
         * Sets the interval between heartbeat comments on change streams (default 30 s).
         *
         * @param interval at least 100 ms
         * @return this builder
         */
        public Builder heartbeatInterval(Duration interval) {
            this.heartbeatInterval = requireInterval("heartbeatInterval", interval);
            return this;
        }

        /**
         * Sets the interval of the periodic rescan of the config directory and keys file (default 10 s), the
         * fallback for file systems where watching misses changes.
         *
         * @param interval at least 100 ms
         * @return this builder
         */
        public Builder rescanInterval(Duration interval) {
            this.rescanInterval = requireInterval("rescanInterval", interval);
            return this;
        }

        /**
         * Sets the size of the worker thread pool (default {@value #DEFAULT_WORKER_THREADS}). Request bodies are read
         * without a thread, so the pool bounds the route code running at once, not the clients.
         *
         * @param workerThreads at least {@value #MIN_WORKER_THREADS}
         * @return this builder
         */
        public Builder workerThreads(int workerThreads) {
            require(
                    workerThreads >= MIN_WORKER_THREADS,
                    "workerThreads must be >= %s, was %s",
                    MIN_WORKER_THREADS,
                    workerThreads);
            this.workerThreads = workerThreads;
            return this;
        }

        /**
         * Sets the cap on requests processed at once (default: {@link #DEFAULT_CONCURRENT_REQUESTS_SHARE three
         * quarters} of the worker threads); more are answered 503 with {@code Retry-After: 1} instead of waiting
         * behind blocked ones.
         *
         * @param maxConcurrentRequests at least 1 and at most the worker threads
         * @return this builder
         */
        public Builder maxConcurrentRequests(int maxConcurrentRequests) {
            require(maxConcurrentRequests >= 1, "maxConcurrentRequests must be >= 1, was %s", maxConcurrentRequests);
            this.maxConcurrentRequests = maxConcurrentRequests;
            return this;
        }

        /**
         * Sets how long a request body may take to arrive completely, counted from when its headers are read
         * (default 20 s); a slower body is answered 408 and its connection closed.
         *
         * @param timeout at least 100 ms
         * @return this builder
         */
        public Builder bodyTimeout(Duration timeout) {
            this.bodyTimeout = requireTimeout("bodyTimeout", timeout);
            return this;
        }

        /**
         * Sets how long a connection may take to send a complete request line and headers (default 20 s), counted
         * from its opening or from the first byte of its next request; a slower connection is closed.
         *
         * @param timeout at least 100 ms
         * @return this builder
         */
        public Builder headerTimeout(Duration timeout) {
            this.headerTimeout = requireTimeout("headerTimeout", timeout);
            return this;
        }

        /**
         * Sets how long stopping the server waits for requests in flight to complete (default 10 s,
         * {@link #DEFAULT_SHUTDOWN_TIMEOUT}); change streams are ended first, with a final comment. Requests still
         * running then are aborted.
         *
         * @param timeout zero or more; zero aborts requests in flight at once
         * @return this builder
         */
        public Builder shutdownTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "shutdownTimeout");
            require(!timeout.isNegative(), "shutdownTimeout must be >= 0, was %s", timeout);
            this.shutdownTimeout = timeout;
            return this;
        }

        /**
         * Sets the cap on open connections (default {@link #defaultMaxConnections()}); at the cap the server stops
         * accepting until a connection closes, so new clients wait in the operating system's backlog.
         *
         * @param maxConnections at least {@value #MIN_MAX_CONNECTIONS}
         * @return this builder
         */
        public Builder maxConnections(int maxConnections) {
            require(
                    maxConnections >= MIN_MAX_CONNECTIONS,
                    "maxConnections must be >= %s, was %s",
                    MIN_MAX_CONNECTIONS,
                    maxConnections);
            this.maxConnections = maxConnections;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the immutable options
         * @throws IllegalArgumentException when a keys file is set without a config directory, or the cap on
         *     concurrent requests exceeds the worker threads
         */
        public ServerOptions build() {
            require(
                    keysFile == null || configDirectory != null,
                    "keysFile requires configDirectory (the demo config has a fixed key), was %s",
                    keysFile);
            require(
                    configStore == null || configDirectory == null,
                    "configStore and configDirectory exclude each other, was %s and %s",
                    configStore == null ? null : EdgeDbStores.redactUrl(configStore),
                    configDirectory);
            require(
                    upstream == null || (configStore == null && configDirectory == null),
                    "upstream excludes configDirectory and configStore (a relay serves only what it mirrors)");
            require(
                    maxConcurrentRequests == null || maxConcurrentRequests <= workerThreads,
                    "maxConcurrentRequests must be <= workerThreads (%s), was %s",
                    workerThreads,
                    maxConcurrentRequests);
            return new ServerOptions(this);
        }

        private static Duration requireTimeout(String name, Duration timeout) {
            Objects.requireNonNull(timeout, name);
            require(timeout.compareTo(MIN_TIMEOUT) >= 0, "%s must be >= %s, was %s", name, MIN_TIMEOUT, timeout);
            return timeout;
        }

        private static Duration requireInterval(String name, Duration interval) {
            Objects.requireNonNull(interval, name);
            require(interval.compareTo(MIN_INTERVAL) >= 0, "%s must be >= %s, was %s", name, MIN_INTERVAL, interval);
            return interval;
        }

        private static void require(boolean condition, String format, Object... args) {
            if (!condition) {
                throw new IllegalArgumentException(String.format(format, args));
            }
        }
    }
}
