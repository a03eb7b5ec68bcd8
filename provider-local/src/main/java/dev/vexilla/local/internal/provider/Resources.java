package dev.vexilla.local.internal.provider;

import dev.vexilla.engine.FlagModel;
import dev.vexilla.local.ConfigProtocol;
import dev.vexilla.local.DataGovernance;
import dev.vexilla.local.LocalOptions;
import dev.vexilla.local.internal.cache.CacheEntryStore;
import dev.vexilla.local.internal.http.ConfigFetcher;
import dev.vexilla.local.internal.http.ConfigFetcherOptions;
import dev.vexilla.local.internal.http.HttpClientFactory;
import dev.vexilla.local.internal.http.HttpClientOptions;
import dev.vexilla.model.internal.stream.ApacheStreamTransport;
import dev.vexilla.model.internal.stream.Backoff;
import dev.vexilla.model.internal.stream.BackoffPolicy;
import dev.vexilla.model.internal.stream.SseClientOptions;
import dev.vexilla.model.internal.time.DeadlineTimer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.io.CloseMode;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background resources of one provider: the scheduler (the one given in the options, or an owned pool of named
 * daemon threads {@value #THREAD_PREFIX}N), and the one HTTP client with the deadline timer that aborts downloads
 * past their deadline (thread {@value #DEADLINE_THREAD}; both created only when the provider uses the network at
 * all). Builds the network components on them. {@link #close()} closes the HTTP client and the timer and stops an
 * owned scheduler; a scheduler given in the options is left running. Idempotent; thread-safe.
 */
final class Resources implements AutoCloseable {

    /** Name prefix of the owned scheduler's threads. */
    static final String THREAD_PREFIX = "vexilla-local-scheduler-";

    /** Name of the thread that aborts config downloads past their deadline. */
    static final String DEADLINE_THREAD = "vexilla-local-deadline";

    private static final Logger LOG = LoggerFactory.getLogger("dev.vexilla.local.LocalProvider");
    private static final AtomicInteger THREAD_IDS = new AtomicInteger();
    private static final int OWNED_THREADS = 2;
    private static final long TERMINATION_WAIT_MILLIS = 5_000;

    private final LocalOptions options;
    private final ScheduledExecutorService scheduler;
    private final boolean ownsScheduler;
    private final @Nullable CloseableHttpClient http;
    private final @Nullable DeadlineTimer deadlineTimer;
    private boolean closed;

    Resources(LocalOptions options, boolean network) {
        this.options = options;
        ScheduledExecutorService given = options.scheduler();
        this.ownsScheduler = given == null;
        this.scheduler = given != null ? given : ownedScheduler();
        this.http = network ? HttpClientFactory.create(httpOptions(options)) : null;
        this.deadlineTimer = network ? new DeadlineTimer(DEADLINE_THREAD) : null;
    }

    private static ScheduledExecutorService ownedScheduler() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(OWNED_THREADS, r -> {
            Thread t = new Thread(r, THREAD_PREFIX + THREAD_IDS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return executor;
    }

    private static HttpClientOptions httpOptions(LocalOptions options) {
        HttpClientOptions.Builder b = HttpClientOptions.builder()
                .connectTimeout(options.connectTimeout())
                .responseTimeout(options.readTimeout());
        InetSocketAddress proxy = options.proxy();
        if (proxy != null) {
            b.proxy(new HttpHost(proxy.getHostString(), proxy.getPort()));
        }
        return b.build();
    }

    @Nullable
    CloseableHttpClient http() {
        return http;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    ConfigSynchronizer synchronizer(String sdkKey, SnapshotHolder holder, SourceHealth health) {
        ConfigFetcherOptions.Builder fetch =
                ConfigFetcherOptions.builder(sdkKey).protocol(options.configProtocol());
        if (options.hasCustomBaseUrl()) {
            fetch.baseUrl(options.baseUrl());
        } else if (options.configProtocol() == ConfigProtocol.CONFIGCAT) {
            fetch.dataGovernance(
                    LocalOptions.EU_CDN.equals(options.baseUrl()) ? DataGovernance.EU : DataGovernance.GLOBAL);
        }
        // One download as a whole gets what connecting and reading may take: the wait initialize allows it.
        fetch.downloadTimeout(options.connectTimeout().plus(options.readTimeout()));
        ConfigFetcher fetcher =
                new ConfigFetcher(requireHttp(), Objects.requireNonNull(deadlineTimer), fetch.build(), options.clock());
        return new ConfigSynchronizer(
                fetcher,
                new CacheEntryStore(options.configCache(), sdkKey),
                holder,
                health,
                scheduler,
                options.clock(),
                options.pollingMode(),
                options.configProtocol() == ConfigProtocol.DEVCYCLE ? FlagModel.DEVCYCLE_V2 : null,
                options.streamBackstopInterval(),
                new Backoff(backoffPolicy(), options.clock()),
                options.offline());
    }

    /**
     * Builds the change stream: on the fixed stream URL, or (DevCycle) on the URL each installed config names, moving
     * when a new config names another one. A config-named stream gets no {@code Authorization} header: its host is
     * whatever the config says (DevCycle's realtime service takes its own token in the URL, Vexilla's server the
     * {@code ?sdkKey=} parameter), and DevCycle's SDKs send the key there neither.
     */
    StreamBridge stream(String sdkKey, ConfigSynchronizer synchronizer) {
        boolean sendKey = !options.streamUrlFromConfig();
        Function<URI, SseClientOptions> sse = uri -> SseClientOptions.builder(uri, sdkKey)
                .sendAuthorization(sendKey)
                .backoff(backoffPolicy())
                .build();
        ApacheStreamTransport transport = new ApacheStreamTransport(
                requireHttp(),
                sse.apply(options.streamUrl()).socketTimeout(),
                HttpClientOptions.DEFAULT_CONNECTION_REQUEST_TIMEOUT);
        if (!options.streamUrlFromConfig()) {
            return new StreamBridge(transport, options.streamUrl(), sse, synchronizer, options.clock(), scheduler);
        }
        StreamBridge bridge = new StreamBridge(transport, null, sse, synchronizer, options.clock(), scheduler);
        AtomicBoolean warned = new AtomicBoolean();
        synchronizer.onInstalled(json -> {
            Optional<URI> uri = DevCycleStreamUrl.of(json);
            if (uri.isPresent()) {
                bridge.follow(uri.get());
            } else if (warned.compareAndSet(false, true)) {
                LOG.warn("The config names no usable change stream (its sse member); realtime updates wait for one"
                        + " and polling keeps the config fresh meanwhile");
            }
        });
        return bridge;
    }

    private BackoffPolicy backoffPolicy() {
        return BackoffPolicy.defaults().withMaxDelay(options.maxBackoff());
    }

    private CloseableHttpClient requireHttp() {
        if (http == null) {
            throw new IllegalStateException("no HTTP client: the provider was wired without network");
        }
        return http;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (http != null) {
            http.close(CloseMode.IMMEDIATE);
        }
        if (deadlineTimer != null) {
            deadlineTimer.close();
        }
        if (ownsScheduler) {
            scheduler.shutdownNow();
            try {
                if (!scheduler.awaitTermination(TERMINATION_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                    LOG.warn("LocalProvider scheduler threads did not stop within {} ms", TERMINATION_WAIT_MILLIS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
