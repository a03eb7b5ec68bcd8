package dev.vexilla.local.internal.provider;

import dev.vexilla.engine.ConfigParseException;
import dev.vexilla.engine.FlagConfig;
import dev.vexilla.engine.FlagConfigs;
import dev.vexilla.engine.FlagModel;
import dev.vexilla.engine.devcycle.DevCycleConfig;
import dev.vexilla.local.PollingMode;
import dev.vexilla.local.RefreshResult;
import dev.vexilla.local.internal.cache.CacheEntry;
import dev.vexilla.local.internal.cache.CacheEntryStore;
import dev.vexilla.local.internal.http.ConfigFetcher;
import dev.vexilla.local.internal.http.FetchResult;
import dev.vexilla.model.ErrorKind;
import dev.vexilla.model.internal.stream.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the remote config fresh: downloads with {@code If-None-Match} (and, from DevCycle's CDN,
 * {@code If-Modified-Since}) through a {@link ConfigFetcher}, on the
 * schedule of the {@link PollingMode} (auto: every interval, or every backstop interval while the change stream is
 * connected; lazy: when an evaluation finds the config older than the TTL; manual: only when asked), writes each new
 * config to the cache and bumps the cached fetch time on 304. A scheduled download first looks at the cache: a
 * config that another process sharing it fetched within the polling interval (lazy: the TTL) is served instead of
 * downloading, as ConfigCat's SDKs do; downloads asked for by the change stream or by going online always go out.
 *
 * <p><b>Failure policy.</b>
 * <ul>
 *   <li>401, 403, 404: permanent; {@link SourceHealth} signals FATAL once, every evaluation answers
 *       {@code PROVIDER_FATAL}, and nothing is fetched any more.</li>
 *   <li>Any other status, I/O error, timeout, malformed or truncated body: transient; the last good config keeps
 *       serving, STALE is signalled once, ERROR once the failures outlast the grace period, READY on recovery; auto
 *       polling retries after a jittered exponential backoff capped at the maximum backoff.</li>
 *   <li>A body that parses as JSON but not as a config: the last good config keeps serving; the problem is logged
 *       once per distinct body at ERROR with its JSON path, and counts as a transient failure.</li>
 *   <li>Offline or closed: nothing is fetched; {@link #refresh()} fails with a message saying so.</li>
 * </ul>
 *
 * <p>Thread-safe: downloads are serialised by a lock (a caller of {@link #refresh()} waits for a download in
 * progress, then makes its own); the schedule is guarded separately. Blocking: {@link #refresh()} blocks for at most
 * two download deadlines (a download in progress, then its own; see {@code ConfigFetcher}).
 */
final class ConfigSynchronizer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("dev.vexilla.local.LocalProvider");

    private final ConfigFetcher fetcher;
    private final CacheEntryStore cache;
    private final SnapshotHolder holder;
    private final SourceHealth health;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final PollingMode mode;
    private final @Nullable FlagModel model;
    private final Duration backstopInterval;
    private final Backoff backoff;
    private final ReentrantLock fetchLock = new ReentrantLock();
    private final CountDownLatch firstOutcome = new CountDownLatch(1);
    private final AtomicBoolean lazyPending = new AtomicBoolean();
    private @Nullable ScheduledFuture<?> nextPoll;
    private volatile long lazyNextFetchMillis;
    private volatile boolean streamConnected;
    private volatile boolean offline;
    private volatile boolean closed;
    private volatile @Nullable String fatalMessage;
    private volatile @Nullable String lastFailure;
    private @Nullable String loggedBrokenHash;
    private volatile Consumer<String> installed = json -> {};

    ConfigSynchronizer(
            ConfigFetcher fetcher,
            CacheEntryStore cache,
            SnapshotHolder holder,
            SourceHealth health,
            ScheduledExecutorService scheduler,
            Clock clock,
            PollingMode mode,
            @Nullable FlagModel model,
            Duration backstopInterval,
            Backoff backoff,
            boolean offline) {
        this.fetcher = fetcher;
        this.cache = cache;
        this.holder = holder;
        this.health = health;
        this.scheduler = scheduler;
        this.clock = clock;
        this.mode = mode;
        this.model = model;
        this.backstopInterval = backstopInterval;
        this.backoff = backoff;
        this.offline = offline;
    }

    /** Serves the cached config, if the cache holds a usable one; never throws. */
    void loadCache() {
        Optional<CacheEntry> entry = cache.load();
        if (entry.isEmpty()) {
            return;
        }
        try {
            CacheEntry e = entry.get();
            holder.installRemote(compiled(e));
            announce(e.configJson());
            lazyNextFetchMillis = e.fetchTime().toEpochMilli() + mode.cacheTtl().toMillis();
            LOG.debug("Serving the cached config fetched at {} while the first download runs", e.fetchTime());
        } catch (ConfigParseException | RuntimeException ex) {
            LOG.warn("The cached config is not usable and is ignored: {}", ex.getMessage());
        }
    }

    /**
     * Sets who hears of every config installed (downloaded, or read from the cache), with its JSON: the DevCycle
     * change stream follows the {@code sse} member. Call before {@link #start()}.
     */
    void onInstalled(Consumer<String> listener) {
        this.installed = Objects.requireNonNull(listener, "listener");
    }

    private void announce(String json) {
        try {
            installed.accept(json);
        } catch (RuntimeException e) {
            LOG.warn("A config listener failed: {}", e.toString());
        }
    }

    /** Compiles a cache entry into the config it holds. */
    private RemoteConfig compiled(CacheEntry entry) throws ConfigParseException {
        FlagConfig config = parse(entry.configJson());
        return new RemoteConfig(config, entry.etag(), entry.fetchTime(), entry.configJson());
    }

    /**
     * Parses a config: of the source's model when it has one (DevCycle's CDN serves only config v2, so anything else
     * is broken, not an empty ConfigCat config), else of the model the document's shape tells.
     */
    private FlagConfig parse(String json) throws ConfigParseException {
        return model == FlagModel.DEVCYCLE_V2 ? DevCycleConfig.parse(json) : FlagConfigs.parse(json);
    }

    /**
     * Starts fetching (unless offline). Without a config to serve, the first download is handed to the scheduler at
     * once, for {@code initialize} to wait on; with a cached config it is scheduled with no delay instead, so it
     * normally runs after {@code initialize} has returned and its outcome is signalled as an event.
     */
    void start() {
        if (offline) {
            firstOutcome.countDown();
        } else if (holder.remote() != null) {
            schedule(Duration.ZERO);
        } else {
            scheduleNow();
        }
    }

    /**
     * Waits for the first download's outcome.
     *
     * @param timeout the longest wait
     * @return whether an outcome arrived in time
     * @throws InterruptedException if interrupted while waiting
     */
    boolean awaitFirstOutcome(Duration timeout) throws InterruptedException {
        return firstOutcome.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Nullable
    String fatalMessage() {
        return fatalMessage;
    }

    @Nullable
    String lastFailure() {
        return lastFailure;
    }

    /**
     * Downloads the config now.
     *
     * @return success, or why it failed
     */
    RefreshResult refresh() {
        if (closed) {
            return RefreshResult.failure("the provider is shut down");
        }
        if (offline) {
            return RefreshResult.failure("the provider is offline; call setOnline() first");
        }
        String fatal = fatalMessage;
        if (fatal != null) {
            return RefreshResult.failure("the config source failed permanently: " + fatal);
        }
        fetchLock.lock();
        try {
            RemoteConfig held = holder.remote();
            FetchResult result = held == null ? fetcher.fetch(null, null) : fetcher.fetch(held.etag, held.lastModified);
            return closed ? RefreshResult.failure("the provider is shut down") : apply(result, held);
        } finally {
            fetchLock.unlock();
            firstOutcome.countDown();
        }
    }

    private RefreshResult apply(FetchResult result, @Nullable RemoteConfig held) {
        switch (result.kind()) {
            case FETCHED:
                return installFetched(result);
            case NOT_MODIFIED:
                if (held != null) {
                    holder.installRemote(held.confirmedAt(result.fetchTime()));
                    saveToCache(held.confirmedAt(result.fetchTime()));
                }
                return succeeded(result);
            default:
                return failed(result);
        }
    }

    private RefreshResult installFetched(FetchResult result) {
        String json = result.json();
        FlagConfig config;
        try {
            config = parse(json);
        } catch (ConfigParseException e) {
            String hash = Integer.toHexString(json.hashCode()) + ":" + json.length();
            if (!hash.equals(loggedBrokenHash)) {
                loggedBrokenHash = hash;
                LOG.error(
                        "Downloaded config is broken and ignored, the last good config keeps serving: {}",
                        e.getMessage());
            }
            String message = "downloaded config is broken: " + e.getMessage();
            lastFailure = message;
            health.failed(message, holder.hasConfig());
            return RefreshResult.failure(message);
        }
        if (!config.problems().isEmpty()) {
            LOG.warn(
                    "Downloaded config has broken flags (they evaluate to PARSE_ERROR): {}",
                    config.problems().values());
        }
        RemoteConfig remote = new RemoteConfig(
                config, result.etag().orElse(null), result.lastModified().orElse(null), result.fetchTime(), json);
        holder.installRemote(remote);
        saveToCache(remote);
        announce(json);
        return succeeded(result);
    }

    private RefreshResult succeeded(FetchResult result) {
        succeededAt(result.fetchTime());
        return RefreshResult.success();
    }

    /** The source answered (a download, or a fresh shared cache entry) with a config fetched at this time. */
    private void succeededAt(Instant fetchTime) {
        lastFailure = null;
        backoff.reset();
        lazyNextFetchMillis = fetchTime.toEpochMilli() + mode.cacheTtl().toMillis();
        health.succeeded();
    }

    private RefreshResult failed(FetchResult result) {
        String message = result.message();
        lastFailure = message;
        if (result.failureKind() == FetchResult.FailureKind.PERMANENT) {
            fatalMessage = message;
            cancelPoll();
            holder.guard(ErrorKind.PROVIDER_FATAL, "The config source failed permanently: " + message);
            health.failedPermanently(message);
        } else {
            health.failed(message, holder.hasConfig());
        }
        return RefreshResult.failure(message);
    }

    private void saveToCache(RemoteConfig remote) {
        String etag = remote.etag != null ? remote.etag : remote.config.contentHash();
        try {
            cache.save(new CacheEntry(remote.fetchTime, etag, remote.json));
        } catch (RuntimeException e) {
            LOG.warn("Config cache write failed: {}", e.getMessage());
        }
    }

    /**
     * One scheduled download, followed by scheduling the next one. When the cache holds a config another process
     * fetched less than a polling interval (lazy: TTL) ago, that config is served and the download skipped, as
     * ConfigCat's SDKs do with a shared cache.
     */
    void poll() {
        poll(true);
    }

    /** A download asked for now (change stream, back online): never answered from the cache. */
    private void pollNow() {
        poll(false);
    }

    private void poll(boolean cacheMayAnswer) {
        if (closed || offline) {
            return;
        }
        RefreshResult result = cacheMayAnswer && servedFromSharedCache() ? RefreshResult.success() : refresh();
        if (closed || offline || fatalMessage != null) {
            return;
        }
        if (!result.isSuccess()) {
            Duration delay = backoff.nextDelay();
            if (mode.kind() == PollingMode.Kind.AUTO_POLL) {
                schedule(delay);
            } else {
                lazyNextFetchMillis = clock.millis() + delay.toMillis();
            }
        } else if (mode.kind() == PollingMode.Kind.AUTO_POLL) {
            schedule(streamConnected ? backstopInterval : mode.interval());
        }
    }

    /**
     * Adopts a config that another process sharing the cache wrote after the one held, and tells whether it is fresh
     * enough to skip this download. Never throws: an unreadable or broken entry just means downloading.
     */
    private boolean servedFromSharedCache() {
        RemoteConfig held = holder.remote();
        CacheEntry entry;
        try {
            entry = cache.load().orElse(null);
        } catch (RuntimeException e) {
            return false;
        }
        if (entry == null || held == null || !entry.fetchTime().isAfter(held.fetchTime)) {
            return false; // nothing newer than what this provider fetched or loaded itself
        }
        long age = clock.millis() - entry.fetchTime().toEpochMilli();
        long freshFor = mode.kind() == PollingMode.Kind.AUTO_POLL
                ? (streamConnected ? backstopInterval : mode.interval()).toMillis()
                : mode.cacheTtl().toMillis();
        if (age >= freshFor) {
            return false;
        }
        fetchLock.lock();
        try {
            if (entry.configJson().equals(held.json)) {
                holder.installRemote(held.confirmedAt(entry.fetchTime()));
            } else {
                holder.installRemote(compiled(entry));
                announce(entry.configJson());
                LOG.debug("Serving the config another process cached at {}", entry.fetchTime());
            }
        } catch (ConfigParseException | RuntimeException e) {
            return false;
        } finally {
            fetchLock.unlock();
        }
        succeededAt(entry.fetchTime());
        firstOutcome.countDown();
        return true;
    }

    /** Lazy loading: called on evaluations; starts a background download when the config has expired. */
    void onEvaluation() {
        if (clock.millis() >= lazyNextFetchMillis && !offline && !closed && lazyPending.compareAndSet(false, true)) {
            try {
                scheduler.execute(() -> {
                    try {
                        poll();
                    } finally {
                        lazyPending.set(false);
                    }
                });
            } catch (RuntimeException e) {
                lazyPending.set(false);
            }
        }
    }

    /** The change stream connected or dropped: polling slows to the backstop, or is fast again. */
    void streamConnected(boolean connected) {
        boolean was = streamConnected;
        streamConnected = connected;
        if (was != connected && mode.kind() == PollingMode.Kind.AUTO_POLL && !offline && !closed) {
            schedule(connected ? backstopInterval : mode.interval());
        }
    }

    /** The change stream said the config changed: download now (unless we already hold that ETag). */
    void refetchRequested(@Nullable String etag) {
        RemoteConfig held = holder.remote();
        if (etag != null && held != null && etag.equals(held.etag)) {
            return;
        }
        scheduleNow();
    }

    void setOffline(boolean value) {
        offline = value;
        if (value) {
            cancelPoll();
        } else {
            scheduleNow();
        }
    }

    /** Sets the offline flag before {@link #start()}, without scheduling anything. */
    void presetOffline(boolean value) {
        offline = value;
    }

    boolean isOffline() {
        return offline;
    }

    private void scheduleNow() {
        if (closed || fatalMessage != null) {
            return;
        }
        try {
            scheduler.execute(this::pollNow);
        } catch (RuntimeException e) {
            LOG.debug("Scheduler refused a download: {}", e.toString());
        }
    }

    private synchronized void schedule(Duration delay) {
        cancelPoll();
        if (closed) {
            return;
        }
        try {
            nextPoll = scheduler.schedule((Runnable) this::poll, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            LOG.debug("Scheduler refused a download: {}", e.toString());
        }
    }

    private synchronized void cancelPoll() {
        if (nextPoll != null) {
            nextPoll.cancel(false);
            nextPoll = null;
        }
    }

    @Override
    public void close() {
        closed = true;
        cancelPoll();
        firstOutcome.countDown();
    }
}
