package dev.vexilla.server.relay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vexilla.model.ObjectMappers;
import dev.vexilla.model.internal.stream.Backoff;
import dev.vexilla.model.internal.stream.EventStreamParser;
import dev.vexilla.model.internal.stream.SseEvent;
import dev.vexilla.server.ConfigValidator;
import dev.vexilla.server.InvalidConfigException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mirrors one relayed key: downloads its config with conditional requests, follows ConfigCat's redirect preferences,
 * listens to the upstream's stream where it has one, polls, validates and hands accepted versions on.
 *
 * <p>All state is confined to the mirror's single worker thread: the scheduler and the HTTP client only submit work
 * to it. See {@link UpstreamMirror} for the failure policy.
 */
final class KeyMirror<C> {
    private static final Logger LOG = LoggerFactory.getLogger(UpstreamMirror.class);
    /** How often a stream announcement is followed by another download while the CDN still serves the old copy. */
    static final int MAX_STALE_RETRIES = 3;
    /** Largest config downloaded: 16 MiB, the bound of the server's config JSON reader. */
    static final int MAX_CONFIG_BYTES = 16 * 1024 * 1024;

    /** What every key of one mirror shares. */
    record Shared<C>(
            RelayOptions options,
            HttpClient client,
            Executor worker,
            ScheduledExecutorService scheduler,
            Clock clock,
            ConfigValidator<C> validator,
            RelayListener<C> listener) {}

    private final Shared<C> shared;
    private final String sdkKey;
    private final String configName;
    private final Backoff streamBackoff;
    private final EventStreamParser parser;

    private URI baseUrl;
    private @Nullable String etag;
    private @Nullable String lastModified;
    private @Nullable Instant lastModifiedAt;
    private byte @Nullable [] accepted;
    private byte @Nullable [] rejected;
    private boolean inFlight;
    private boolean fetchAgain;
    private @Nullable Instant lastFetchAt;
    private boolean failing;
    private volatile @Nullable UpstreamStream stream; // written on the worker, closed from any thread
    private @Nullable URI streamUrl;
    private int streamGeneration;
    private boolean streamLost;
    private @Nullable String announcedEtag;
    private int staleRetries;
    private @Nullable ScheduledFuture<?> poller;
    private volatile RelayStatus status;
    private volatile boolean closed;

    KeyMirror(Shared<C> shared, String sdkKey, String configName, Backoff streamBackoff) {
        this.shared = Objects.requireNonNull(shared, "shared");
        this.sdkKey = Objects.requireNonNull(sdkKey, "sdkKey");
        this.configName = Objects.requireNonNull(configName, "configName");
        this.streamBackoff = Objects.requireNonNull(streamBackoff, "streamBackoff");
        this.baseUrl = shared.options().upstream();
        this.status = new RelayStatus(configName, false, false, null, null, null);
        this.parser = EventStreamParser.create(new StreamHandler());
    }

    /** Starts: a first download, the stream (Vexilla), and the poll schedule. Called once. */
    void start() {
        long tick = shared.options().pollInterval().toMillis();
        poller = shared.scheduler()
                .scheduleWithFixedDelay(() -> onWorker(this::tick), tick, tick, TimeUnit.MILLISECONDS);
        onWorker(() -> {
            fetch();
            if (shared.options().kind() == UpstreamKind.VEXILLA) {
                connect(URI.create(shared.options().upstream() + "/v1/stream"));
            }
        });
    }

    RelayStatus status() {
        return status;
    }

    String configName() {
        return configName;
    }

    /** Downloads now (a refresh asked for by the owner). */
    void refresh() {
        onWorker(this::fetch);
    }

    void close() {
        closed = true;
        ScheduledFuture<?> p = poller;
        if (p != null) {
            p.cancel(false);
        }
        UpstreamStream s = stream;
        if (s != null) {
            s.close();
        }
    }

    private void onWorker(Runnable task) {
        if (closed) {
            return;
        }
        try {
            shared.worker().execute(() -> {
                if (!closed) {
                    task.run();
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // Closing: the worker is gone.
        }
    }

    private void tick() {
        Instant now = shared.clock().instant();
        boolean streaming = status.streaming();
        if (streaming
                && lastFetchAt != null
                && now.isBefore(lastFetchAt.plus(shared.options().streamBackstopInterval()))) {
            return;
        }
        fetch();
    }

    // ---- downloads ----

    private void fetch() {
        if (inFlight) {
            fetchAgain = true;
            return;
        }
        inFlight = true;
        lastFetchAt = shared.clock().instant();
        download(baseUrl, etag, lastModified, 0);
    }

    private void download(URI base, @Nullable String ifNoneMatch, @Nullable String ifModifiedSince, int redirects) {
        Duration timeout = shared.options().requestTimeout();
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(base + shared.options().kind().configPath(sdkKey)))
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        if (ifModifiedSince != null) {
            request.header("If-Modified-Since", ifModifiedSince);
        }
        shared.client()
                .sendAsync(request.build(), BoundedBody.handler(MAX_CONFIG_BYTES))
                .orTimeout(timeout.toMillis() * 2, TimeUnit.MILLISECONDS)
                .whenComplete((response, error) -> onWorker(() -> {
                    if (error != null) {
                        failed(RelayHttp.describe(error));
                        finish();
                    } else {
                        onResponse(response, base, redirects);
                    }
                }));
    }

    private void onResponse(HttpResponse<byte[]> response, URI base, int redirects) {
        int code = response.statusCode();
        if (code == 304) {
            if (rejected == null) {
                succeeded(false);
            }
            retryIfStale();
            finish();
        } else if (code == 200) {
            onBody(response, base, redirects);
        } else {
            failed("upstream answered HTTP " + code + hint(code));
            finish();
        }
    }

    private void onBody(HttpResponse<byte[]> response, URI base, int redirects) {
        byte[] bytes = response.body();
        String newEtag = response.headers().firstValue("ETag").orElse(null);
        String newLastModified = response.headers().firstValue("Last-Modified").orElse(null);
        if (shared.options().kind() == UpstreamKind.CONFIGCAT) {
            ConfigCatRedirect redirect = ConfigCatRedirect.decide(
                    parseOrNull(bytes), base, !shared.options().configCatCdn());
            if (redirect.newBaseUrl() != null) {
                baseUrl = redirect.newBaseUrl();
            }
            if (redirect.downloadAgain()) {
                if (redirects == ConfigCatRedirect.MAX_REDIRECTS) {
                    LOG.error(
                            "Relayed config '{}': the upstream's data-governance preferences redirect in a loop"
                                    + " (more than {} redirects); the last good copy keeps serving",
                            configName,
                            ConfigCatRedirect.MAX_REDIRECTS);
                    failedLogged("redirect loop: more than " + ConfigCatRedirect.MAX_REDIRECTS + " redirects");
                    finish();
                    return;
                }
                if (redirect.shouldRedirect()) {
                    LOG.warn(
                            "Relayed config '{}' is served from {}, not from the configured upstream; set --upstream"
                                    + " to it to avoid this extra request",
                            configName,
                            baseUrl);
                }
                download(baseUrl, null, null, redirects + 1);
                return;
            }
        }
        Instant newAt = httpDate(newLastModified);
        if (lastModifiedAt != null && newAt != null && newAt.isBefore(lastModifiedAt)) {
            succeeded(false); // an older copy from a lagging CDN node: ignored, as DevCycle's SDKs do
            finish();
            return;
        }
        if (accepted != null && Arrays.equals(accepted, bytes)) {
            rejected = null; // the upstream went back to the version being served
            remember(newEtag, newLastModified, newAt);
            succeeded(false);
            finish();
            return;
        }
        accept(bytes, newEtag, newLastModified, newAt);
        finish();
    }

    private void accept(
            byte[] bytes, @Nullable String newEtag, @Nullable String newLastModified, @Nullable Instant at) {
        C compiled;
        try {
            compiled = shared.validator().compile(configName, bytes);
        } catch (InvalidConfigException | RuntimeException e) {
            if (rejected == null || !Arrays.equals(rejected, bytes)) {
                LOG.warn(
                        "Relayed config '{}': the upstream's new version was rejected, the last good copy keeps"
                                + " serving: {}",
                        configName,
                        e.getMessage());
            }
            rejected = bytes;
            remember(newEtag, newLastModified, at); // so the same bad version is answered with 304 from now on
            failedLogged("upstream config rejected: " + e.getMessage());
            return;
        }
        rejected = null;
        accepted = bytes;
        remember(newEtag, newLastModified, at);
        succeeded(true);
        try {
            shared.listener()
                    .accept(new RelayedConfig<>(
                            configName,
                            bytes,
                            compiled,
                            newEtag,
                            newLastModified,
                            shared.clock().instant()));
        } catch (RuntimeException e) {
            LOG.error("Relayed config '{}': the listener failed", configName, e);
        }
        if (shared.options().kind() == UpstreamKind.DEVCYCLE) {
            followDevCycleStream(bytes);
        }
    }

    private void remember(@Nullable String newEtag, @Nullable String newLastModified, @Nullable Instant at) {
        etag = newEtag;
        lastModified = newLastModified;
        if (at != null) {
            lastModifiedAt = at;
        }
    }

    private void finish() {
        inFlight = false;
        if (fetchAgain) {
            fetchAgain = false;
            fetch();
        }
    }

    private void succeeded(boolean loaded) {
        if (failing) {
            failing = false;
            LOG.info("Relayed config '{}': the upstream answers again", configName);
        }
        status = status.succeeded(shared.clock().instant(), loaded);
    }

    private void failed(String reason) {
        if (!failing) {
            LOG.warn("Relayed config '{}': {}; the last good copy keeps serving, will retry", configName, reason);
        }
        failedLogged(reason);
    }

    /** Records a failure that the caller has logged already. */
    private void failedLogged(String reason) {
        failing = true;
        status = status.failed(reason, shared.clock().instant());
    }

    private void retryIfStale() {
        String announced = announcedEtag;
        if (announced == null || announced.equals(unquoted(etag)) || staleRetries >= MAX_STALE_RETRIES) {
            announcedEtag = null;
            staleRetries = 0;
            return;
        }
        staleRetries++;
        shared.scheduler().schedule(() -> onWorker(this::fetch), staleRetries, TimeUnit.SECONDS);
    }

    // ---- streams ----

    private void followDevCycleStream(byte[] bytes) {
        JsonNode root = parseOrNull(bytes);
        JsonNode sse = root == null ? null : root.get("sse");
        if (sse == null || !sse.path("hostname").isTextual()) {
            return;
        }
        String hostname = sse.path("hostname").asText();
        String path = sse.path("path").asText("");
        URI url;
        try {
            url = new URI(
                    hostname + (path.isEmpty() || path.startsWith("/") || hostname.endsWith("/") ? "" : "/") + path);
        } catch (java.net.URISyntaxException e) {
            url = null;
        }
        if (url == null
                || url.getHost() == null
                || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
            LOG.warn("Relayed config '{}': its sse URL is not an http(s) URL; polling instead", configName);
            return;
        }
        if (!url.equals(streamUrl) || stream == null) {
            connect(url);
        }
    }

    private void connect(URI url) {
        UpstreamStream old = stream;
        if (old != null) {
            old.close();
        }
        streamUrl = url;
        int generation = ++streamGeneration;
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(shared.options().requestTimeout())
                .header("Accept", "text/event-stream")
                .header("Cache-Control", "no-cache")
                .GET();
        if (shared.options().kind() == UpstreamKind.VEXILLA) {
            request.header("Authorization", sdkKey);
        }
        if (!parser.lastEventId().isEmpty()) {
            request.header("Last-Event-ID", parser.lastEventId());
        }
        stream = UpstreamStream.open(shared.client(), request.build(), parser, new UpstreamStream.Callbacks() {
            @Override
            public void opened() {
                onWorker(() -> streamOpened(generation));
            }

            @Override
            public void ended(String reason) {
                onWorker(() -> streamEnded(generation, reason));
            }
        });
    }

    private void streamOpened(int generation) {
        if (generation != streamGeneration) {
            return;
        }
        if (streamLost) {
            streamLost = false;
            LOG.info("Relayed config '{}': the upstream's stream is open again", configName);
        }
        streamBackoff.markHealthy();
        status = status.streaming(true);
        fetch(); // changes made while the stream was closed are not replayed
    }

    private void streamEnded(int generation, String reason) {
        if (generation != streamGeneration) {
            return;
        }
        stream = null;
        status = status.streaming(false);
        if (!streamLost) {
            streamLost = true;
            LOG.warn(
                    "Relayed config '{}': the upstream's stream ended ({}); polling until it reconnects",
                    configName,
                    reason);
        }
        URI url = streamUrl;
        if (url == null) {
            return;
        }
        Duration delay = streamBackoff.nextDelay();
        shared.scheduler()
                .schedule(
                        () -> onWorker(() -> {
                            if (generation == streamGeneration && stream == null) {
                                connect(url);
                            }
                        }),
                        delay.toMillis(),
                        TimeUnit.MILLISECONDS);
    }

    private void onStreamEvent(SseEvent event) {
        JsonNode message = parseOrNull(event.data().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (message == null || !message.isObject()) {
            return;
        }
        JsonNode inner = message.get("data");
        if (inner != null && inner.isTextual()) {
            // DevCycle's envelope: its data member is a JSON string holding {type, etag, lastModified}.
            message = parseOrNull(inner.asText().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (message == null || !message.isObject()) {
                return;
            }
        }
        String type = message.path("type").asText("");
        if (!type.isEmpty() && !type.equals("refetchConfig")) {
            return;
        }
        String announced =
                message.path("etag").isTextual() ? unquoted(message.path("etag").asText()) : null;
        if (announced != null && announced.equals(unquoted(etag))) {
            return;
        }
        JsonNode modified = message.path("lastModified");
        if (shared.options().kind() == UpstreamKind.DEVCYCLE
                && modified.isNumber()
                && lastModifiedAt != null
                && Instant.ofEpochMilli(modified.asLong()).isBefore(lastModifiedAt)) {
            return;
        }
        announcedEtag = announced;
        staleRetries = 0;
        fetch();
    }

    private final class StreamHandler implements EventStreamParser.Handler {
        @Override
        public void onEvent(SseEvent event) {
            onWorker(() -> onStreamEvent(event));
        }

        @Override
        public void onComment(String comment) {}

        @Override
        public void onRetry(long millis) {
            if (millis >= 1) {
                streamBackoff.setInitialDelay(Duration.ofMillis(millis));
            }
        }
    }

    // ---- helpers ----

    private static @Nullable JsonNode parseOrNull(byte[] bytes) {
        try {
            return ObjectMappers.shared().readTree(bytes);
        } catch (IOException e) {
            return null;
        }
    }

    private static @Nullable String unquoted(@Nullable String tag) {
        if (tag == null) {
            return null;
        }
        String t = tag.startsWith("W/") ? tag.substring(2) : tag;
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }

    private static @Nullable Instant httpDate(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String hint(int code) {
        return switch (code) {
            case 401, 403 -> " (access denied: check the relayed key)";
            case 404 -> " (config not found: check the relayed key)";
            default -> "";
        };
    }
}
