package dev.vexilla.server;

import dev.vexilla.server.relay.RelayOptions;
import dev.vexilla.server.relay.RelayStatus;
import dev.vexilla.server.relay.RelayedConfig;
import dev.vexilla.server.relay.UpstreamMirror;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ConfigSource} of relay mode ({@code --upstream}): an {@link UpstreamMirror} downloads the configs of the
 * relayed keys from an upstream CDN, and every version it accepts becomes part of the snapshot this source pushes.
 * The keys of the snapshot are exactly the relayed keys, each mapped to its config name (digested at start, the raw
 * keys are not kept here), so the relay serves nothing but what it relays.
 *
 * <p>A relayed version keeps the upstream's bytes; its accept time is the upstream's {@code Last-Modified} when it
 * sent one (so SDKs behind the relay see the upstream's time), else the time it was downloaded. The mirror has
 * already compiled each version; {@link #reusingCompiled(ConfigValidator)} hands that compiled form to the store so a
 * version is compiled once.
 *
 * <p>Failure policy: the mirror's (the last good copy of every config keeps serving, see {@link UpstreamMirror}).
 * Health is read from {@link UpstreamMirror#status()} every {@value #HEALTH_CHECK_MILLIS} ms and after every
 * accepted version: while a relayed config has no version yet, or the last attempt to reach the upstream for one
 * failed, the listener gets a failure naming the config (so {@code /readyz} answers 503), and {@code null} once every
 * config is loaded and healthy. Health changes are logged by the mirror. The source is read-only: it has no
 * {@link #writer()}, configs change at the upstream. Listener calls are serialized. {@link #close()} is idempotent.
 *
 * @param <C> the compiled form of a config
 */
final class UpstreamConfigSource<C> implements ConfigSource {
    /** Pace at which the mirror's health is looked at. */
    static final long HEALTH_CHECK_MILLIS = 500;

    private static final Logger LOG = LoggerFactory.getLogger(UpstreamConfigSource.class);

    private record Compiled<C>(String etag, C compiled) {}

    private final RelayOptions options;
    private final ConfigValidator<C> validator;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final List<SdkKeys.Digested> keys;
    private final Map<String, StoredConfig> configs = new LinkedHashMap<>();
    private final Map<String, Compiled<C>> compiled = new ConcurrentHashMap<>();
    private final Object listenerLock = new Object();

    private @Nullable Listener listener;
    private @Nullable UpstreamMirror<C> mirror;
    private @Nullable ScheduledFuture<?> healthCheck;
    private @Nullable String lastHealth = "not started";
    private boolean closed;

    /**
     * Creates the source; nothing is downloaded until {@link #start}.
     *
     * @param options the upstream and the relayed keys
     * @param validator validates and compiles every downloaded version
     * @param clock stamps versions without a Last-Modified and the mirror's health
     * @param scheduler triggers the mirror's polls and the health checks; owned by the caller
     * @throws IllegalArgumentException if a relayed key breaks the server's key rules (the message has no key)
     */
    UpstreamConfigSource(
            RelayOptions options, ConfigValidator<C> validator, Clock clock, ScheduledExecutorService scheduler) {
        this.options = Objects.requireNonNull(options, "options");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        List<SdkKeys.Digested> digests = new ArrayList<>();
        int entry = 0;
        for (Map.Entry<String, String> key : options.keys().entrySet()) {
            entry++;
            try {
                digests.add(SdkKeys.digested(key.getKey(), key.getValue()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("upstream-keys: entry " + entry + ": " + e.getMessage(), e);
            }
        }
        this.keys = List.copyOf(digests);
    }

    /**
     * Describes an upstream for logs: its base URL without user info, its kind and how many keys are relayed. Never
     * contains a key or a password.
     *
     * @param options the relay options
     * @return e.g. {@code https://flags.example.com (vexilla, 2 keys)}
     */
    static String describe(RelayOptions options) {
        URI url = options.upstream();
        String base = url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                + Objects.requireNonNullElse(url.getRawPath(), "");
        String kind = options.kind().name().toLowerCase(Locale.ROOT);
        int count = options.keys().size();
        return base + " (" + kind + ", " + count + (count == 1 ? " key)" : " keys)");
    }

    /**
     * Describes this source's upstream for logs.
     *
     * @return see {@link #describe(RelayOptions)}
     */
    String description() {
        return describe(options);
    }

    /**
     * Wraps a validator so that a version this source has already compiled is not compiled again: when the name and
     * the bytes' ETag match the last relayed version of that config, its compiled form is returned; anything else is
     * compiled by {@code fallback}.
     *
     * @param fallback compiles what this source has not compiled
     * @return the validator for the store this source feeds
     */
    ConfigValidator<C> reusingCompiled(ConfigValidator<C> fallback) {
        Objects.requireNonNull(fallback, "fallback");
        return (name, json) -> {
            Compiled<C> known = compiled.get(name);
            if (known != null && known.etag().equals(ServedConfig.etagOf(json))) {
                return known.compiled();
            }
            return fallback.compile(name, json);
        };
    }

    @Override
    public void start(Listener target) {
        Objects.requireNonNull(target, "listener");
        synchronized (listenerLock) {
            if (closed || listener != null) {
                return;
            }
            listener = target;
            target.snapshot(new SourceSnapshot(Map.of(), keys));
            mirror = UpstreamMirror.start(options, validator, this::accept, clock, scheduler);
            healthCheck =
                    scheduler.scheduleWithFixedDelay(this::checkHealth, 0, HEALTH_CHECK_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Takes a version the mirror accepted: remembers its compiled form, pushes the new snapshot, re-reads health.
     * Runs on the mirror's worker thread.
     */
    private void accept(RelayedConfig<C> relayed) {
        byte[] bytes = relayed.bytes();
        String etag = ServedConfig.etagOf(bytes);
        String name = relayed.configName();
        compiled.put(name, new Compiled<>(etag, relayed.compiled()));
        synchronized (listenerLock) {
            Listener target = listener;
            if (closed || target == null) {
                return;
            }
            configs.put(name, new StoredConfig(name, bytes, etag, acceptedAt(relayed)));
            target.snapshot(new SourceSnapshot(configs, keys));
        }
        checkHealth();
    }

    private static Instant acceptedAt(RelayedConfig<?> relayed) {
        Optional<String> lastModified = relayed.upstreamLastModified();
        if (lastModified.isPresent()) {
            try {
                return ZonedDateTime.parse(lastModified.get().strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
            } catch (DateTimeParseException e) {
                LOG.debug("Ignoring the upstream's malformed Last-Modified of config '{}'", relayed.configName());
            }
        }
        return relayed.fetchedAt();
    }

    /** Reads the mirror's health and tells the listener when it changed. */
    private void checkHealth() {
        synchronized (listenerLock) {
            UpstreamMirror<C> current = mirror;
            Listener target = listener;
            if (closed || current == null || target == null) {
                return;
            }
            String failure = failure(current.status());
            if (!Objects.equals(failure, lastHealth)) {
                lastHealth = failure;
                target.health(failure);
            }
        }
    }

    /**
     * Sums the mirror's health up for {@code /readyz}.
     *
     * @param status one status per relayed config
     * @return a client-safe reason naming the first config at fault, or null when every config is loaded and healthy
     */
    static @Nullable String failure(List<RelayStatus> status) {
        for (RelayStatus config : status) {
            if (!config.healthy()) {
                return "the upstream cannot be read for config '" + config.configName() + "': "
                        + config.failure().orElseThrow()
                        + (config.loaded() ? "; the last good copy keeps serving" : "");
            }
            if (!config.loaded()) {
                return "config '" + config.configName() + "' has not been loaded from the upstream yet";
            }
        }
        return null;
    }

    /**
     * Returns the health of every relayed config.
     *
     * @return one status per relayed key, empty before {@link #start}
     */
    List<RelayStatus> status() {
        UpstreamMirror<C> current;
        synchronized (listenerLock) {
            current = mirror;
        }
        return current == null ? List.of() : current.status();
    }

    /**
     * Returns no writer: in relay mode configs change at the upstream.
     *
     * @return empty
     */
    @Override
    public Optional<ConfigWriter> writer() {
        return Optional.empty();
    }

    @Override
    public void close() {
        UpstreamMirror<C> current;
        synchronized (listenerLock) {
            if (closed) {
                return;
            }
            closed = true;
            current = mirror;
            if (healthCheck != null) {
                healthCheck.cancel(false);
            }
        }
        if (current != null) {
            try {
                current.close();
            } catch (RejectedExecutionException e) {
                LOG.debug("The relay's scheduler was already stopped", e);
            }
        }
    }
}
