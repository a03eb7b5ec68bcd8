package dev.vexilla.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ConfigSource} and {@link ConfigWriter} in Redis, shared by every server pointing at the same Redis: each
 * accepted write is one Lua script (so the {@code If-Match} check and the write are atomic) that stores the version
 * with its accept time, appends it to the history and the audit trail, and publishes the config name on the change
 * channel. Every server subscribed to the channel re-reads the state and swaps in what changed.
 *
 * <p>Layout under the prefix {@code p} (default {@value ServerOptions#DEFAULT_CONFIG_STORE_PREFIX}): hashes
 * {@code p:etags} and {@code p:accepted} (config name → current ETag, → accept time in epoch milliseconds), strings
 * {@code p:blob:<name>:<etag>} (the bytes of each version), lists {@code p:history:<name>} (JSON entries, newest
 * first, {@value ConfigWriter#HISTORY} kept) and {@code p:audit} ({@value ConfigWriter#AUDIT} kept), hash
 * {@code p:keys} (SHA-256 hex of an SDK key → JSON with its flag set id and config; never a raw key) and the
 * pub/sub channel {@code p:changes}.
 *
 * <p>Failure policy: every command has the configured timeout and is rejected at once while the connection is down.
 * When Redis cannot be reached (at start, on a lost connection or a failed read) the source reports its failure to
 * the listener (so {@code /readyz} answers 503) and the last good snapshot keeps serving; writes throw
 * {@link ConfigWriter.Unavailable}. Lettuce reconnects by itself (backoff up to
 * {@value #MAX_RECONNECT_DELAY_MILLIS} ms) and the source re-reads every {@value #RETRY_MILLIS} ms while failing; on
 * reconnect, and at every resync interval, the whole state is read again, so changes published while a server was cut off are picked up. One WARN line is logged per failure streak,
 * with the Redis address, never its password. Change notifications are handled on one daemon thread, coalesced.
 * {@link #close()} is idempotent.
 */
final class RedisConfigSource implements ConfigSource, ConfigWriter {
    static final long MAX_RECONNECT_DELAY_MILLIS = 2000;
    /** Pace of full re-reads while Redis cannot be read. */
    static final long RETRY_MILLIS = 500;
    /** Timeout of one Redis command and of connecting. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(RedisConfigSource.class);
    private static final String UNREACHABLE = "the config store (Redis) cannot be reached";

    private static final String PUT_SCRIPT = """
            local cur = redis.call('HGET', KEYS[1], ARGV[1])
            if ARGV[2] ~= '' and cur ~= ARGV[2] then return {'412', cur or ''} end
            if cur == ARGV[3] then return {'200', cur, redis.call('HGET', KEYS[2], ARGV[1])} end
            redis.call('SET', KEYS[3], ARGV[4])
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
            redis.call('HSET', KEYS[2], ARGV[1], ARGV[5])
            redis.call('LPUSH', KEYS[4], ARGV[6])
            redis.call('LTRIM', KEYS[4], 0, tonumber(ARGV[9]) - 1)
            local audit = cjson.decode(ARGV[7])
            audit['oldEtag'] = cur or cjson.null
            redis.call('LPUSH', KEYS[5], cjson.encode(audit))
            redis.call('LTRIM', KEYS[5], 0, tonumber(ARGV[10]) - 1)
            redis.call('PUBLISH', ARGV[8], ARGV[1])
            if cur then return {'200', cur, ARGV[5]} end
            return {'201', '', ARGV[5]}
            """;

    private static final String DELETE_SCRIPT = """
            local cur = redis.call('HGET', KEYS[1], ARGV[1])
            if not cur then return {'404', ''} end
            if ARGV[2] ~= '' and cur ~= ARGV[2] then return {'412', cur} end
            local accepted = redis.call('HGET', KEYS[2], ARGV[1])
            redis.call('HDEL', KEYS[1], ARGV[1])
            redis.call('HDEL', KEYS[2], ARGV[1])
            local audit = cjson.decode(ARGV[3])
            audit['oldEtag'] = cur
            redis.call('LPUSH', KEYS[3], cjson.encode(audit))
            redis.call('LTRIM', KEYS[3], 0, tonumber(ARGV[5]) - 1)
            redis.call('PUBLISH', ARGV[4], ARGV[1])
            return {'200', cur, accepted}
            """;

    private final String prefix;
    private final String channel;
    private final Clock clock;
    private final String address;
    private final ClientResources resources;
    private final RedisClient client;
    private final ScheduledExecutorService scheduler;
    private final AtomicBoolean retryScheduled = new AtomicBoolean();
    private final ExecutorService syncThread;
    private final ScheduledFuture<?> periodic;
    private final AtomicBoolean syncPending = new AtomicBoolean();
    private final Object connectLock = new Object();

    private volatile @Nullable Listener listener;
    private volatile @Nullable StatefulRedisConnection<String, String> connection;
    private volatile @Nullable StatefulRedisPubSubConnection<String, String> pubSub;
    private volatile boolean failing;
    private volatile boolean closed;
    /** The last snapshot read, by the sync thread only; blobs of unchanged versions are reused from it. */
    private Map<String, StoredConfig> known = Map.of();

    /**
     * Creates the source; nothing is read until {@link #start}.
     *
     * @param url {@code redis://[:password@]host:port[/db]} or {@code rediss://…}
     * @param prefix the prefix of every key and of the channel
     * @param timeout the timeout of one command and of connecting
     * @param resyncInterval how often the whole state is read again (behind the change channel)
     * @param scheduler runs the periodic resync
     * @param clock stamps accepted versions and audit entries
     */
    RedisConfigSource(
            String url,
            String prefix,
            Duration timeout,
            Duration resyncInterval,
            ScheduledExecutorService scheduler,
            Clock clock) {
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(timeout);
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.channel = prefix + "changes";
        this.clock = Objects.requireNonNull(clock, "clock");
        this.address = uri.getHost() + ":" + uri.getPort();
        this.resources = DefaultClientResources.builder()
                .ioThreadPoolSize(2)
                .computationThreadPoolSize(2)
                .reconnectDelay(Delay.exponential(
                        Duration.ofMillis(50), Duration.ofMillis(MAX_RECONNECT_DELAY_MILLIS), 2, TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
                .build());
        client.addListener(new RedisConnectionStateListener() {
            @Override
            public void onRedisConnected(RedisChannelHandler<?, ?> handler, SocketAddress socketAddress) {
                requestSync();
            }

            @Override
            public void onRedisDisconnected(RedisChannelHandler<?, ?> handler) {
                if (!closed) {
                    failed(new RedisException("connection lost"));
                }
            }
        });
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.syncThread = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "vexilla-config-sync");
            thread.setDaemon(true);
            return thread;
        });
        long millis = resyncInterval.toMillis();
        this.periodic = scheduler.scheduleWithFixedDelay(this::requestSync, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void start(Listener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        try {
            syncThread.submit(this::sync).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.warn("The first read of the config store failed", e.getCause());
        }
    }

    @Override
    public Optional<ConfigWriter> writer() {
        return Optional.of(this);
    }

    /** Asks for a full re-read on the sync thread; requests made while one is pending are merged into it. */
    private void requestSync() {
        if (!closed && syncPending.compareAndSet(false, true)) {
            try {
                syncThread.execute(this::sync);
            } catch (RejectedExecutionException e) {
                syncPending.set(false);
            }
        }
    }

    private void sync() {
        syncPending.set(false);
        Listener target = listener;
        if (closed || target == null) {
            return;
        }
        try {
            StatefulRedisPubSubConnection<String, String> subscription = pubSub();
            SourceSnapshot snapshot = read(commands());
            target.snapshot(snapshot);
            if (subscription.isOpen()) {
                recovered();
            } else {
                failed(new RedisException("the change subscription is not connected"));
            }
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    /**
     * Reads again in {@value #RETRY_MILLIS} ms, once per failure: while Redis is unreachable the source retries at
     * that pace, so it resyncs soon after Redis is back even when no reconnect event comes (no connection yet).
     */
    private void scheduleRetry() {
        if (!closed && retryScheduled.compareAndSet(false, true)) {
            try {
                scheduler.schedule(
                        () -> {
                            retryScheduled.set(false);
                            requestSync();
                        },
                        RETRY_MILLIS,
                        TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                retryScheduled.set(false);
            }
        }
    }

    private SourceSnapshot read(RedisCommands<String, String> redis) {
        Map<String, String> etags = redis.hgetall(prefix + "etags");
        Map<String, String> accepted = redis.hgetall(prefix + "accepted");
        Map<String, StoredConfig> configs = new HashMap<>();
        for (Map.Entry<String, String> entry : etags.entrySet()) {
            String name = entry.getKey();
            String etag = entry.getValue();
            String millis = accepted.get(name);
            if (millis == null) {
                continue;
            }
            Instant at = Instant.ofEpochMilli(Long.parseLong(millis));
            StoredConfig old = known.get(name);
            if (old != null && old.etag().equals(etag)) {
                configs.put(name, new StoredConfig(name, old.bytes(), etag, at));
                continue;
            }
            String json = redis.get(blobKey(name, etag));
            if (json != null) {
                configs.put(name, new StoredConfig(name, json.getBytes(StandardCharsets.UTF_8), etag, at));
            }
        }
        List<SdkKeys.Digested> keys = new ArrayList<>();
        for (Map.Entry<String, String> entry : redis.hgetall(prefix + "keys").entrySet()) {
            try {
                JsonNode value = ServerJson.mapper().readTree(entry.getValue());
                keys.add(new SdkKeys.Digested(
                        entry.getKey(),
                        value.path("flagSetId").asText(),
                        value.path("config").asText()));
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("Ignoring a malformed key entry in the config store: {}", e.getMessage());
            }
        }
        known = Map.copyOf(configs);
        return new SourceSnapshot(configs, keys);
    }

    private RedisCommands<String, String> commands() {
        StatefulRedisConnection<String, String> current = connection;
        if (current == null) {
            synchronized (connectLock) {
                current = connection;
                if (current == null) {
                    current = client.connect();
                    connection = current;
                }
            }
        }
        return current.sync();
    }

    private StatefulRedisPubSubConnection<String, String> pubSub() {
        StatefulRedisPubSubConnection<String, String> current = pubSub;
        if (current == null) {
            synchronized (connectLock) {
                current = pubSub;
                if (current == null) {
                    current = client.connectPubSub();
                    current.addListener(new RedisPubSubAdapter<>() {
                        @Override
                        public void message(String channelName, String message) {
                            requestSync();
                        }
                    });
                    current.sync().subscribe(channel);
                    pubSub = current;
                }
            }
        }
        return current;
    }

    private void failed(Exception e) {
        if (closed) {
            return;
        }
        if (!failing) {
            failing = true;
            LOG.warn(
                    "Config store Redis at {} failed ({}); serving the last good configs, will resync on reconnect",
                    address,
                    e.toString());
        }
        Listener target = listener;
        if (target != null) {
            target.health(UNREACHABLE);
        }
        scheduleRetry();
    }

    private void recovered() {
        if (failing) {
            failing = false;
            LOG.info("Config store Redis at {} is reachable again; resynced", address);
        }
        Listener target = listener;
        if (target != null) {
            target.health(null);
        }
    }

    private <T> T write(Function<RedisCommands<String, String>, T> command) {
        try {
            return command.apply(commands());
        } catch (RedisException e) {
            failed(e);
            throw new Unavailable("the config store (Redis) cannot be reached; nothing was changed", e);
        }
    }

    /** Reads the state written by this server at once, so that the write is served when the request returns. */
    private void syncNow() {
        try {
            syncThread.submit(this::sync).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("Re-reading the config store after a write failed", e);
        }
    }

    @Override
    public List<StoredConfig> list() {
        return write(redis -> {
            Map<String, String> etags = redis.hgetall(prefix + "etags");
            Map<String, String> accepted = redis.hgetall(prefix + "accepted");
            return etags.entrySet().stream()
                    .filter(e -> accepted.containsKey(e.getKey()))
                    .map(e -> new StoredConfig(
                            e.getKey(),
                            new byte[0],
                            e.getValue(),
                            Instant.ofEpochMilli(Long.parseLong(accepted.get(e.getKey())))))
                    .sorted(Comparator.comparing(StoredConfig::name))
                    .toList();
        });
    }

    @Override
    public Optional<StoredConfig> read(String name) {
        return write(redis -> {
            String etag = redis.hget(prefix + "etags", name);
            String millis = redis.hget(prefix + "accepted", name);
            String json = etag == null ? null : redis.get(blobKey(name, etag));
            if (etag == null || millis == null || json == null) {
                return Optional.empty();
            }
            return Optional.of(new StoredConfig(
                    name, json.getBytes(StandardCharsets.UTF_8), etag, Instant.ofEpochMilli(Long.parseLong(millis))));
        });
    }

    @Override
    public Written put(String name, byte[] json, @Nullable String ifMatch, String actor, String action) {
        String etag = ServedConfig.etagOf(json);
        Instant now = clock.instant();
        ObjectNode history = ServerJson.mapper().createObjectNode();
        history.put("etag", etag).put("acceptedAt", now.toEpochMilli()).put("actor", actor);
        ObjectNode audit = auditEntry(actor, now, action, name, null).put("newEtag", etag);
        List<Object> result = write(redis -> redis.eval(
                PUT_SCRIPT,
                ScriptOutputType.MULTI,
                new String[] {
                    prefix + "etags",
                    prefix + "accepted",
                    blobKey(name, etag),
                    prefix + "history:" + name,
                    prefix + "audit"
                },
                name,
                ifMatch == null ? "" : ifMatch,
                etag,
                new String(json, StandardCharsets.UTF_8),
                Long.toString(now.toEpochMilli()),
                history.toString(),
                audit.toString(),
                channel,
                Integer.toString(HISTORY),
                Integer.toString(AUDIT)));
        String status = String.valueOf(result.get(0));
        if (status.equals("412")) {
            throw new Conflict("config '" + name + "' is at another version than If-Match names");
        }
        syncNow();
        Instant acceptedAt = Instant.ofEpochMilli(Long.parseLong(String.valueOf(result.get(2))));
        return new Written(new StoredConfig(name, json, etag, acceptedAt), status.equals("201"));
    }

    @Override
    public List<Version> versions(String name) {
        return write(redis -> redis.lrange(prefix + "history:" + name, 0, HISTORY - 1).stream()
                .map(RedisConfigSource::version)
                .toList());
    }

    private static Version version(String json) {
        try {
            JsonNode node = ServerJson.mapper().readTree(json);
            return new Version(
                    node.path("etag").asText(),
                    Instant.ofEpochMilli(node.path("acceptedAt").asLong()),
                    node.path("actor").asText());
        } catch (IOException e) {
            throw new IllegalStateException("malformed history entry in the config store", e);
        }
    }

    @Override
    public Optional<byte[]> version(String name, String etag) {
        return write(redis ->
                Optional.ofNullable(redis.get(blobKey(name, etag))).map(json -> json.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public Optional<StoredConfig> delete(String name, @Nullable String ifMatch, String actor) {
        Instant now = clock.instant();
        ObjectNode audit = auditEntry(actor, now, "DELETE /admin/v1/configs/{name}", name, null);
        audit.putNull("newEtag");
        List<Object> result = write(redis -> redis.eval(
                DELETE_SCRIPT,
                ScriptOutputType.MULTI,
                new String[] {prefix + "etags", prefix + "accepted", prefix + "audit"},
                name,
                ifMatch == null ? "" : ifMatch,
                audit.toString(),
                channel,
                Integer.toString(AUDIT)));
        String status = String.valueOf(result.get(0));
        if (status.equals("404")) {
            return Optional.empty();
        }
        if (status.equals("412")) {
            throw new Conflict("config '" + name + "' is at another version than If-Match names");
        }
        syncNow();
        String etag = String.valueOf(result.get(1));
        return Optional.of(new StoredConfig(
                name, new byte[0], etag, Instant.ofEpochMilli(Long.parseLong(String.valueOf(result.get(2))))));
    }

    @Override
    public void addKey(SdkKeys.Digested key, String actor) {
        ObjectNode value = ServerJson.mapper().createObjectNode();
        value.put("flagSetId", key.flagSetId()).put("config", key.configName());
        ObjectNode audit = auditEntry(actor, clock.instant(), "POST /admin/v1/keys", key.configName(), key.keyId());
        boolean added = write(redis -> {
            if (!redis.hsetnx(prefix + "keys", key.digestHex(), value.toString())) {
                return false;
            }
            appendAudit(redis, audit);
            redis.publish(channel, "keys");
            return true;
        });
        if (!added) {
            throw new Conflict("this SDK key is already mapped");
        }
        syncNow();
    }

    @Override
    public List<SdkKeys.Digested> keys() {
        return write(redis -> redis.hgetall(prefix + "keys")).entrySet().stream()
                .map(e -> {
                    try {
                        JsonNode node = ServerJson.mapper().readTree(e.getValue());
                        return new SdkKeys.Digested(
                                e.getKey(),
                                node.path("flagSetId").asText(),
                                node.path("config").asText());
                    } catch (IOException ex) {
                        throw new IllegalStateException("malformed key entry in the config store", ex);
                    }
                })
                .sorted(Comparator.comparing(SdkKeys.Digested::digestHex))
                .toList();
    }

    @Override
    public boolean deleteKey(String keyId, String actor) {
        Optional<SdkKeys.Digested> key =
                keys().stream().filter(k -> k.keyId().equals(keyId)).findFirst();
        if (key.isEmpty()) {
            return false;
        }
        ObjectNode audit = auditEntry(
                actor,
                clock.instant(),
                "DELETE /admin/v1/keys/{keyId}",
                key.get().configName(),
                keyId);
        boolean removed = write(redis -> {
            if (redis.hdel(prefix + "keys", key.get().digestHex()) == 0) {
                return false;
            }
            appendAudit(redis, audit);
            redis.publish(channel, "keys");
            return true;
        });
        if (removed) {
            syncNow();
        }
        return removed;
    }

    @Override
    public List<AuditEntry> audit() {
        return write(redis -> redis.lrange(prefix + "audit", 0, AUDIT - 1)).stream()
                .map(AuditTrail::parse)
                .toList();
    }

    private void appendAudit(RedisCommands<String, String> redis, ObjectNode audit) {
        redis.lpush(prefix + "audit", audit.toString());
        redis.ltrim(prefix + "audit", 0, AUDIT - 1);
    }

    private static ObjectNode auditEntry(
            String actor, Instant at, String action, String config, @Nullable String target) {
        return AuditTrail.toJson(new AuditEntry(actor, at, action, config, target, null, null));
    }

    private String blobKey(String name, String etag) {
        return prefix + "blob:" + name + ":" + etag;
    }

    /**
     * Tells whether the source reads Redis successfully now.
     *
     * @return false during a failure streak
     */
    boolean isHealthy() {
        return !failing;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        periodic.cancel(false);
        syncThread.shutdownNow();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
