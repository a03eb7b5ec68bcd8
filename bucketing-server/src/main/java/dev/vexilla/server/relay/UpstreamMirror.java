package dev.vexilla.server.relay;

import dev.vexilla.model.internal.stream.Backoff;
import dev.vexilla.model.internal.stream.BackoffPolicy;
import dev.vexilla.server.ConfigValidator;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Mirrors the configs of the relayed keys from an upstream CDN and hands every accepted version to a
 * {@link RelayListener}: the config source behind the server's {@code --upstream} relay mode.
 *
 * <pre>{@code
 * RelayOptions options = RelayOptions.parse(Map.of("upstream", "https://flags.example.com",
 *         "upstream-keys", "sdk-key-of-web-0001=web"));
 * try (UpstreamMirror<FlagConfig> mirror = UpstreamMirror.start(
 *         options, ConfigValidators.engine(), relayed -> store.put(relayed), Clock.systemUTC(), scheduler)) {
 *     ...
 * }
 * }</pre>
 *
 * <p><b>How it follows the upstream.</b> Per key: a download at start, then conditional downloads
 * ({@code If-None-Match} with the upstream's ETag, {@code If-Modified-Since} with its Last-Modified) when the
 * upstream's stream announces a change, after every (re)connect of the stream, every
 * {@link RelayOptions#pollInterval()} while no stream is open, and every {@link RelayOptions#streamBackstopInterval()}
 * as a backstop while one is. Streams: a Vexilla upstream's {@code GET /v1/stream} (key in {@code Authorization},
 * {@code Last-Event-ID} on reconnect); a DevCycle config's {@code sse} URL (DevCycle's envelope, whose {@code data}
 * member is a JSON string {@code {type, etag, lastModified}}; an announcement whose etag is the current one or whose
 * lastModified is older is ignored, and while the CDN still answers 304 after an announcement of a newer version the
 * download is retried up to {@value KeyMirror#MAX_STALE_RETRIES} times). ConfigCat has no stream: polling only, with
 * the config's data-governance preferences ({@code p.u}, {@code p.r}) followed as ConfigCat's SDKs follow them.
 *
 * <p><b>Failure policy.</b> The last good copy always keeps serving: nothing is handed on unless it is a 200 whose
 * body the {@link ConfigValidator} accepts.
 * <ul>
 *   <li>A body the validator rejects: not handed on, one WARN per distinct rejected version (with the reason and
 *       JSON path), the upstream's ETag of it remembered so it is not downloaded again until it changes; health
 *       reports {@code upstream config rejected: ...}.</li>
 *   <li>304: nothing changes. A DevCycle copy whose Last-Modified is older than the current one: ignored.</li>
 *   <li>Any other status (401/403/404 with a hint to check the key), I/O errors, timeouts
 *       ({@link RelayOptions#requestTimeout()}), more than two ConfigCat redirects, a body over 16 MiB (dropped
 *       unread): reported in health; one WARN
 *       per transition from healthy to failing ("will retry"), one INFO on recovery; retried at the next poll.</li>
 *   <li>A stream that cannot be opened or ends: one WARN per transition, reconnected with jittered exponential
 *       backoff (1 s doubling up to 30 s), polling at the poll interval meanwhile.</li>
 *   <li>A listener that throws is logged at ERROR; mirroring goes on.</li>
 * </ul>
 * Logs and health name the config, never the key or a URL holding it.
 *
 * <p><b>Threads.</b> One named daemon worker thread ({@code vexilla-relay-worker}) owns every key's state and calls
 * the listener; the HTTP client's callbacks run on {@code vexilla-relay-http-*} daemon threads and only hand work to
 * the worker; the injected scheduler only triggers work (it never blocks). Thread-safe. {@link #close()} is
 * idempotent, does not block, cancels the schedule and the streams and stops the mirror's own threads (not the
 * scheduler, which the caller owns).
 *
 * @param <C> the compiled form of a config
 * @since 0.1.0
 */
public final class UpstreamMirror<C> implements AutoCloseable {
    private final List<KeyMirror<C>> keys;
    private final ExecutorService worker;
    private final ExecutorService httpThreads;
    private volatile boolean closed;

    private UpstreamMirror(
            RelayOptions options,
            ConfigValidator<C> validator,
            RelayListener<C> listener,
            Clock clock,
            ScheduledExecutorService scheduler,
            BackoffPolicy streamBackoff) {
        this.worker = Executors.newSingleThreadExecutor(RelayHttp.daemonThreads("vexilla-relay-worker"));
        this.httpThreads = RelayHttp.httpExecutor("vexilla-relay-http");
        HttpClient client = RelayHttp.newClient(options.requestTimeout(), httpThreads);
        KeyMirror.Shared<C> shared =
                new KeyMirror.Shared<>(options, client, worker, scheduler, clock, validator, listener);
        List<KeyMirror<C>> list = new ArrayList<>();
        for (Map.Entry<String, String> key : options.keys().entrySet()) {
            list.add(new KeyMirror<>(shared, key.getKey(), key.getValue(), new Backoff(streamBackoff, clock)));
        }
        this.keys = List.copyOf(list);
    }

    /**
     * Starts mirroring every relayed key. Returns at once: the first downloads run in the background, so
     * {@link #status()} reports nothing loaded until they succeed.
     *
     * @param options the upstream and the relayed keys
     * @param validator validates and compiles every downloaded version before it is handed on
     * @param listener receives every accepted version, on the mirror's worker thread
     * @param clock stamps versions and health, and measures the backstop interval
     * @param scheduler triggers polls and reconnects; owned by the caller
     * @param <C> the compiled form of a config
     * @return the running mirror
     */
    public static <C> UpstreamMirror<C> start(
            RelayOptions options,
            ConfigValidator<C> validator,
            RelayListener<C> listener,
            Clock clock,
            ScheduledExecutorService scheduler) {
        return start(options, validator, listener, clock, scheduler, BackoffPolicy.defaults());
    }

    static <C> UpstreamMirror<C> start(
            RelayOptions options,
            ConfigValidator<C> validator,
            RelayListener<C> listener,
            Clock clock,
            ScheduledExecutorService scheduler,
            BackoffPolicy streamBackoff) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(validator, "validator");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(scheduler, "scheduler");
        UpstreamMirror<C> mirror = new UpstreamMirror<>(options, validator, listener, clock, scheduler, streamBackoff);
        mirror.keys.forEach(KeyMirror::start);
        return mirror;
    }

    /**
     * Returns the health of every relayed config, in the order of {@link RelayOptions#keys()}.
     *
     * @return one status per relayed key; never null
     */
    public List<RelayStatus> status() {
        return keys.stream().map(KeyMirror::status).toList();
    }

    /**
     * Tells whether every relayed config has a version (for {@code /readyz}: a relay is ready once it can serve
     * every key it relays; a failing upstream afterwards does not make it unready, the last good copies serve).
     *
     * @return true once every key has been loaded at least once
     */
    public boolean allLoaded() {
        return keys.stream().allMatch(k -> k.status().loaded());
    }

    /**
     * Downloads every relayed config now (conditionally), e.g. for an admin "refresh" or after a failure. Returns at
     * once; results show in {@link #status()} and reach the listener.
     */
    public void refresh() {
        if (!closed) {
            keys.forEach(KeyMirror::refresh);
        }
    }

    /** Stops mirroring: cancels polls and streams and stops the mirror's threads. Idempotent; does not block. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        keys.forEach(KeyMirror::close);
        worker.shutdownNow();
        httpThreads.shutdownNow();
    }

    /**
     * Tells whether the mirror's own threads have stopped.
     *
     * @return true after {@link #close()} once its threads ended
     */
    boolean isTerminated() {
        return closed && worker.isTerminated() && httpThreads.isTerminated();
    }
}
