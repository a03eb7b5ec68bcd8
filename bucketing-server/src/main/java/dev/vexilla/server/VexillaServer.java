package dev.vexilla.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vexilla.engine.FlagConfig;
import dev.vexilla.server.relay.UpstreamEventForwarder;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.component.Graceful;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Vexilla bucketing server, embeddable: serves config files (ConfigCat CDN path, with ETag), evaluates flags
 * with the engine of {@code provider-local} for remote clients (Bucketing API v1: {@code POST /v1/variables/{key}},
 * {@code /v1/variables}, {@code /v1/features}, {@code /v1/track}, with EdgeDB; OFREP v0.3:
 * {@code POST /ofrep/v1/evaluate/flags[/{key}]}), serves change streams (SSE), ingests events and exposes liveness
 * ({@code /healthz}), readiness ({@code /readyz}: 503 until a config is loaded and while the config source cannot be
 * read) and metrics, on Jetty 12.
 *
 * <pre>{@code
 * try (VexillaServer server = VexillaServer.start(ServerOptions.builder().port(0).build())) {
 *     URI base = server.baseUri(); // e.g. http://127.0.0.1:41234/
 *     // ConfigCat-compatible clients read base + "configuration-files/" + VexillaServer.DEMO_SDK_KEY + "/config_v6.json"
 * }
 * }</pre>
 *
 * <p>Without a config directory it serves an embedded demo config under {@link #DEMO_SDK_KEY}; that key is public
 * by design and is the only key ever logged. Thread-safe. {@link #start} blocks until the port is bound and logs one
 * INFO line (version, config source, bound address and port); {@link #close()} is idempotent and graceful: it ends
 * open change streams with a final "reconnect later" frame, stops accepting connections, waits up to
 * {@link ServerOptions#shutdownTimeout()} for requests in flight, aborts the rest, logs one INFO line with the counts
 * and stops every thread the server started.
 *
 * @since 0.1.0
 */
public final class VexillaServer implements AutoCloseable {
    /** The public SDK key of the embedded demo config, served when no config directory is given. */
    public static final String DEMO_SDK_KEY = "vexilla-demo-key-0000000000000000";

    /** The change stream's path. */
    static final String STREAM_PATH = "/v1/stream";

    /** The query parameter a change stream request may carry its SDK key in (DevCycle's SDKs send no header). */
    static final String STREAM_KEY_PARAMETER = "sdkKey";

    private static final Logger LOG = LoggerFactory.getLogger(VexillaServer.class);
    private static final String RELAY_READ_ONLY =
            "relay mode: configs are read-only; change them at the upstream this server relays";

    private final Server jetty;
    private final ConfigStore<FlagConfig> configStore;
    private final @Nullable ConfigWatcher watcher;
    private final @Nullable ConfigSource source;
    private final @Nullable UpstreamEventForwarder forwarder;
    private final @Nullable RelayMetrics relayMetrics;
    private final StreamHub streams;
    private final EventSink eventSink;
    private final EdgeDbStore edgeDb;
    private final MetricsRegistry metrics;
    private final ScheduledExecutorService scheduler;
    private final boolean ownsScheduler;
    private final HeaderDeadline headerDeadline;
    private final GracefulHandler graceful;
    private final Duration shutdownTimeout;
    private final int port;
    private final String bindAddress;
    private final URI baseUri;
    private volatile boolean closed;

    private VexillaServer(
            ServerOptions options,
            ConfigValidator<FlagConfig> validator,
            Clock clock,
            @Nullable ScheduledExecutorService scheduler)
            throws Exception {
        this.metrics = new MetricsRegistry();
        this.ownsScheduler = scheduler == null;
        this.scheduler = scheduler != null ? scheduler : newScheduler();
        UpstreamConfigSource<FlagConfig> relay = options.upstream()
                .map(upstream -> new UpstreamConfigSource<>(upstream, validator, clock, this.scheduler))
                .orElse(null);
        ConfigStore<FlagConfig> store =
                openStore(options, relay == null ? validator : relay.reusingCompiled(validator), clock, metrics);
        this.configStore = store;
        ServerMetrics.register(metrics, store);
        this.shutdownTimeout = options.shutdownTimeout();
        this.bindAddress = options.bindAddress();
        this.streams = new StreamHub(options.maxStreams(), options.heartbeatInterval(), this.scheduler, clock, metrics);
        store.addListener((previous, current) -> streams.announce(
                current, previous == null ? null : current.compiled().changedKeys(previous.compiled())));
        this.source = options.configStore()
                .map(url -> (ConfigSource) new RedisConfigSource(
                        url,
                        ServerOptions.DEFAULT_CONFIG_STORE_PREFIX,
                        RedisConfigSource.DEFAULT_TIMEOUT,
                        options.rescanInterval(),
                        this.scheduler,
                        clock))
                .orElse(relay);
        if (source != null) {
            source.start(store);
        }
        this.watcher = store.directory().isPresent() ? newWatcher(store, options) : null;
        this.eventSink =
                options.eventsSink().<EventSink>map(JsonLinesEventSink::new).orElse(EventSink.NONE);
        this.forwarder = options.upstream()
                .filter(upstream -> upstream.eventsUrl().isPresent())
                .map(upstream -> UpstreamEventForwarder.start(upstream, clock, this.scheduler))
                .orElse(null);
        this.relayMetrics = relay == null ? null : new RelayMetrics(metrics, relay, forwarder);
        this.edgeDb = EdgeDbStores.create(options, clock, metrics);
        ApiHandler api = routes(store, options, validator, clock);
        this.jetty = new Server(newThreadPool(options.workerThreads()));
        ServerConnector connector = newConnector(jetty, options);
        jetty.addConnector(connector);
        jetty.addBean(new NetworkConnectionLimit(options.maxConnections(), connector));
        this.headerDeadline =
                new HeaderDeadline(connector, options.headerTimeout(), this.scheduler, System::nanoTime, metrics);
        this.graceful = new GracefulHandler(api);
        jetty.setHandler(graceful);
        jetty.setErrorHandler(new JsonErrorHandler(api.requests()));
        // close() drains requests itself (to count them), then stops Jetty at once
        jetty.setStopTimeout(0);
        try {
            jetty.start();
        } catch (Exception e) {
            close();
            throw e;
        }
        this.port = connector.getLocalPort();
        this.baseUri = baseUriOf(connector);
    }

    /**
     * Starts a server that compiles configs with the evaluation engine ({@link ConfigValidators#engine()}).
     *
     * @param options the options
     * @return the running server
     * @throws IllegalArgumentException if the config directory or keys file is missing or malformed
     * @throws IllegalStateException if the port cannot be bound
     */
    public static VexillaServer start(ServerOptions options) {
        return start(options, ConfigValidators.engine(), Clock.systemUTC(), null);
    }

    /**
     * Starts a server with an injected validator, clock and scheduler (tests; the engine wiring).
     *
     * @param options the options
     * @param validator validates and compiles config files
     * @param clock the clock
     * @param scheduler runs heartbeats and rescans, or null for an own daemon scheduler
     * @return the running server
     */
    static VexillaServer start(
            ServerOptions options,
            ConfigValidator<FlagConfig> validator,
            Clock clock,
            @Nullable ScheduledExecutorService scheduler) {
        Objects.requireNonNull(options, "options");
        VexillaServer server = null;
        try {
            server = new VexillaServer(options, validator, clock, scheduler);
            server.logStarted(options);
            return server;
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(
                    "cannot start the server on " + options.bindAddress() + ":" + options.port() + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /**
     * Returns the bound port (the real one when started on port 0); unchanged after {@link #close()}.
     *
     * @return the port
     */
    public int port() {
        return port;
    }

    /**
     * Returns the base URI for clients on this machine, built from the address the server is bound to: e.g.
     * {@code http://127.0.0.1:8080/}, {@code http://[0:0:0:0:0:0:0:1]:8080/} when bound to {@code ::1}, or
     * {@code http://10.0.0.5:8080/} when bound to that interface. A server bound to every interface
     * ({@code 0.0.0.0}) reports the loopback address.
     *
     * @return the base URI, ending in {@code /}
     */
    public URI baseUri() {
        return baseUri;
    }

    /**
     * Stops the server gracefully and blocks until it has stopped: ends open change streams with a final
     * {@code retry:} hint and a "reconnect later" comment, stops accepting connections (requests that arrive on
     * open connections meanwhile get 503), waits up to {@link ServerOptions#shutdownTimeout()} for the requests in
     * flight to complete, aborts those still running, stops Jetty, then closes the EdgeDB store and the events sink.
     * Logs one INFO line with the numbers of streams ended and requests drained and aborted. Idempotent; a second
     * call returns at once.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        if (watcher != null) {
            watcher.close();
        }
        if (source != null) {
            source.close();
        }
        // change streams are requests in flight too, until their final frame is out
        long inFlight = graceful.getCurrentRequestCount();
        int openStreams = streams.size();
        streams.close();
        headerDeadline.close();
        long aborted = drain();
        try {
            jetty.stop();
        } catch (Exception e) {
            LOG.warn("Stopping Jetty failed", e);
        }
        edgeDb.close();
        eventSink.close();
        if (forwarder != null) {
            forwarder.close(); // after the drain, so the batches accepted meanwhile are sent too
        }
        if (ownsScheduler) {
            scheduler.shutdownNow();
        }
        if (port != 0) { // 0: the start failed, and said so
            LOG.info(
                    "Vexilla server on {}:{}{} stopped; {} request(s) in flight ({} change stream(s)): {} drained, {}"
                            + " aborted after the {} shutdown timeout",
                    bindAddress,
                    port,
                    relayMetrics == null ? "" : ", relay of " + relayMetrics.describe() + ",",
                    inFlight,
                    openStreams,
                    Math.max(0, inFlight - aborted),
                    aborted,
                    shutdownTimeout);
        }
    }

    /**
     * Stops accepting connections and waits for the requests in flight (change streams included, which end with
     * their final frame) to complete, at most the shutdown timeout.
     *
     * @return how many requests were still running at the end of the wait
     */
    private long drain() {
        try {
            Graceful.shutdown(jetty).get(shutdownTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // counted below: the requests still running are aborted by jetty.stop()
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.warn("Draining requests failed", e.getCause());
        }
        return graceful.getCurrentRequestCount();
    }

    /**
     * Tells whether {@link #close()} has stopped accepting connections and is waiting for the requests in flight.
     *
     * @return true from the start of the drain on
     */
    boolean isDraining() {
        return graceful.isShutdown();
    }

    /**
     * Tells whether everything the server started has stopped: Jetty, the watcher thread and an own scheduler.
     *
     * @return true once {@link #close()} has finished
     */
    boolean isTerminated() {
        return closed
                && jetty.isStopped()
                && (watcher == null || !watcher.isWatching())
                && (!ownsScheduler || scheduler.isTerminated());
    }

    ConfigStore<FlagConfig> configStore() {
        return configStore;
    }

    StreamHub streams() {
        return streams;
    }

    EdgeDbStore edgeDb() {
        return edgeDb;
    }

    MetricsRegistry metrics() {
        return metrics;
    }

    ApiHandler handler() {
        return (ApiHandler) graceful.getHandler();
    }

    private static <C> ConfigStore<C> openStore(
            ServerOptions options, ConfigValidator<C> validator, Clock clock, MetricsRegistry metrics) {
        if (options.configStore().isPresent() || options.upstream().isPresent()) {
            return ConfigStore.fed(validator, clock, metrics);
        }
        if (options.configDirectory().isEmpty()) {
            return ConfigStore.demo(DEMO_SDK_KEY, validator, clock, metrics);
        }
        return ConfigStore.open(
                options.configDirectory().get(), options.keysFile().orElseThrow(), validator, clock, metrics);
    }

    private ConfigWatcher newWatcher(ConfigStore<?> store, ServerOptions options) {
        Set<Path> directories = new LinkedHashSet<>();
        directories.add(store.directory().orElseThrow());
        Path keysDir = store.keysFile().orElseThrow().toAbsolutePath().getParent();
        if (keysDir != null) {
            directories.add(keysDir);
        }
        return new ConfigWatcher(directories, store::rescan, scheduler, options.rescanInterval());
    }

    private ApiHandler routes(
            ConfigStore<FlagConfig> store, ServerOptions options, ConfigValidator<FlagConfig> validator, Clock clock) {
        ApiHandler api = new ApiHandler(metrics, options.maxConcurrentRequests());
        RequestBodies bodies =
                new RequestBodies(options.maxBodyBytes(), options.bodyTimeout(), scheduler, api, metrics);
        ObjectMapper requestMapper = ServerJson.requestMapper(options.maxBodyBytes());
        EventsRoute events = new EventsRoute(store, eventSink, bodies, clock, metrics, forwarder);
        FlagEvaluations evaluations = new FlagEvaluations(metrics);
        EvaluationRateLimit rateLimit = new EvaluationRateLimit(options.rateLimit(), clock);
        BucketingRoutes bucketing = new BucketingRoutes(
                store,
                evaluations,
                new BucketingUsers(requestMapper, edgeDb),
                events,
                rateLimit,
                requestMapper,
                bodies);
        OfrepRoutes ofrep = new OfrepRoutes(store, evaluations, rateLimit, requestMapper, bodies);
        api.route("GET", ConfigFileRoute.TEMPLATE, ConfigFileRoute::matches, new ConfigFileRoute(store))
                .route(
                        "GET",
                        DevCycleConfigRoute.TEMPLATE,
                        DevCycleConfigRoute::matches,
                        new DevCycleConfigRoute(store, options.publicUrl().orElse(null)))
                .route("POST", EventsRoute.PATH, events)
                .probe(STREAM_PATH, (request, response, callback) -> stream(store, request, response, callback))
                .probe("/healthz", this::health)
                .probe("/readyz", this::readiness)
                .probe("/metrics", this::metricsText);
        Optional<ConfigWriter> writer = adminWriter(store, clock);
        if (options.upstream().isPresent()) {
            options.adminToken().ifPresent(token -> new ReadOnlyAdminRoutes(token, RELAY_READ_ONLY).register(api));
        } else if (options.adminToken().isPresent() && writer.isEmpty()) {
            LOG.warn("The admin token is ignored: the embedded demo config cannot be written; the admin API is off");
        }
        writer.ifPresent(w -> options.adminToken()
                .ifPresent(token -> new AdminRoutes<>(token, w, store, validator, bodies, metrics).register(api)));
        return ofrep.register(bucketing.register(api));
    }

    /** The write side of the config source: Redis's, the directory's, none for the demo config. */
    private Optional<ConfigWriter> adminWriter(ConfigStore<?> store, Clock clock) {
        if (source != null) {
            return source.writer();
        }
        return store.directory().map(directory -> new DirectoryConfigWriter(store, clock));
    }

    private void stream(ConfigStore<?> store, Request request, Response response, Callback callback) {
        String key = HttpExchanges.sdkKey(request);
        if (key == null) {
            key = Request.extractQueryParameters(request).getValue(STREAM_KEY_PARAMETER);
        }
        ServedConfig<?> config = store.forKey(key)
                .orElseThrow(() -> new HttpError(
                        401, "Missing or unknown SDK key in the Authorization header or the sdkKey parameter"));
        if ("HEAD".equals(request.getMethod())) {
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
            callback.succeeded();
            return;
        }
        streams.open(config, request, response, callback);
    }

    private void health(Request request, Response response, Callback callback) {
        ObjectNode body = ServerJson.mapper().createObjectNode();
        body.put("status", "ok");
        body.put("configs", configStore.configs().size());
        body.put("streams", streams.size());
        HttpExchanges.writeJson(response, callback, 200, body);
    }

    private void readiness(Request request, Response response, Callback callback) {
        int configs = configStore.configs().size();
        String reason = configStore.sourceFailure().orElse(configs == 0 ? "no config is loaded" : null);
        ObjectNode body = ServerJson.mapper().createObjectNode();
        body.put("status", reason == null ? "ready" : "not_ready");
        body.put("configs", configs);
        if (reason != null) {
            body.put("reason", reason);
        }
        HttpExchanges.writeJson(response, callback, reason == null ? 200 : 503, body);
    }

    private void metricsText(Request request, Response response, Callback callback) {
        byte[] text = metrics.render().getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, MetricsRegistry.contentType());
        response.write(true, ByteBuffer.wrap(text), callback);
    }

    private void logStarted(ServerOptions options) {
        if (relayMetrics != null) {
            LOG.info(
                    "Vexilla server {} listening on {}:{}; base URI {}; relaying {}, events {}, admin API {}",
                    BuildInfo.version(),
                    options.bindAddress(),
                    port(),
                    baseUri,
                    relayMetrics.describe(),
                    forwarder == null ? "not forwarded" : "forwarded upstream",
                    options.adminToken().isPresent() ? "read-only" : "off");
        } else if (options.configStore().isPresent()) {
            LOG.info(
                    "Vexilla server {} listening on {}:{}; base URI {}; serving {} config(s) from the config store {},"
                            + " admin API {}",
                    BuildInfo.version(),
                    options.bindAddress(),
                    port(),
                    baseUri,
                    configStore.configs().size(),
                    EdgeDbStores.redactUrl(options.configStore().get()),
                    options.adminToken().isPresent() ? "on" : "off");
        } else if (configStore.directory().isEmpty()) {
            LOG.info(
                    "Vexilla server {} listening on {}:{}; base URI {}; serving the embedded demo config under the"
                            + " public demo SDK key {}",
                    BuildInfo.version(),
                    options.bindAddress(),
                    port(),
                    baseUri,
                    DEMO_SDK_KEY);
        } else {
            LOG.info(
                    "Vexilla server {} listening on {}:{}; base URI {}; serving {} config(s) from {}, keys from {},"
                            + " EdgeDB {}",
                    BuildInfo.version(),
                    options.bindAddress(),
                    port(),
                    baseUri,
                    configStore.configs().size(),
                    options.configDirectory().get(),
                    options.keysFile().orElseThrow(),
                    EdgeDbStores.redactUrl(options.edgeDbUrl()));
        }
    }

    private static ScheduledExecutorService newScheduler() {
        AtomicInteger count = new AtomicInteger();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "vexilla-scheduler-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    private static QueuedThreadPool newThreadPool(int threads) {
        QueuedThreadPool pool = new QueuedThreadPool(threads, Math.min(4, threads));
        pool.setName("vexilla-http");
        pool.setDaemon(true);
        return pool;
    }

    private static URI baseUriOf(ServerConnector connector) throws IOException {
        InetAddress bound =
                ((InetSocketAddress) ((ServerSocketChannel) connector.getTransport()).getLocalAddress()).getAddress();
        InetAddress address = bound.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : bound;
        String host = address.getHostAddress();
        if (address instanceof Inet6Address) {
            int scope = host.indexOf('%');
            host = "[" + (scope < 0 ? host : host.substring(0, scope)) + "]";
        }
        return URI.create("http://" + host + ":" + connector.getLocalPort() + "/");
    }

    private static ServerConnector newConnector(Server jetty, ServerOptions options) {
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(options.maxHeaderBytes());
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost(options.bindAddress());
        connector.setPort(options.port());
        connector.setIdleTimeout(30_000);
        return connector;
    }
}
