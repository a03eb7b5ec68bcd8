package dev.vexilla.server;

import com.fasterxml.jackson.core.type.TypeReference;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link EdgeDbStore} in Redis (Lettuce), shared by every server that points at the same Redis: each user is
 * one string key {@code <prefix><userId>} holding the fields as a JSON object, written with {@code SET} (with
 * {@code PX <ttl>} when a TTL is set, so Redis expires it) and read with {@code GET}.
 *
 * <p>Failure policy: every command has the configured timeout, and commands are rejected at once while the
 * connection is down (no buffering). If Redis is down, unreachable, slow or answers garbage, {@link #get} answers
 * empty and {@link #put} drops the write; each failure counts as {@code outcome="error"} in
 * {@code vexilla_edgedb_operations_total}, and one WARN line is logged per failure streak (with the Redis address,
 * never the password). The first connection is made lazily and retried at most once per
 * {@value #RECONNECT_INTERVAL_MILLIS} ms; once connected, Lettuce reconnects by itself. The server starts and serves
 * without Redis. Thread-safe (one shared connection; Lettuce pipelines concurrent commands). {@link #close()} is
 * idempotent and shuts Lettuce's threads down.
 */
final class RedisEdgeDbStore implements EdgeDbStore {
    static final long RECONNECT_INTERVAL_MILLIS = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(RedisEdgeDbStore.class);
    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {};

    private final RedisURI uri;
    private final String keyPrefix;
    private final Duration ttl;
    private final Clock clock;
    private final MetricsRegistry.Counter operations;
    private final ClientResources resources;
    private final RedisClient client;
    private final String address;

    private @Nullable StatefulRedisConnection<String, String> connection;
    private @Nullable Instant lastConnectAttempt;
    private volatile boolean failing;
    private volatile boolean closed;

    /**
     * Creates the store; no connection is made until the first operation.
     *
     * @param url {@code redis://[:password@]host:port[/db]} or {@code rediss://…}
     * @param keyPrefix the prefix of every key
     * @param ttl lifetime after the last write; zero for none
     * @param timeout the timeout of one command and of connecting
     * @param clock throttles reconnect attempts
     * @param metrics where operation counts go
     */
    RedisEdgeDbStore(
            String url, String keyPrefix, Duration ttl, Duration timeout, Clock clock, MetricsRegistry metrics) {
        this.uri = RedisURI.create(url);
        this.uri.setTimeout(timeout);
        this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.operations = EdgeDbStores.operationsCounter(metrics);
        this.address = uri.getHost() + ":" + uri.getPort();
        this.resources = DefaultClientResources.builder()
                .ioThreadPoolSize(2)
                .computationThreadPoolSize(2)
                .build();
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
                .build());
    }

    @Override
    public Optional<Map<String, Object>> get(String userId) {
        Objects.requireNonNull(userId, "userId");
        try {
            String json = connection().sync().get(keyPrefix + userId);
            recovered();
            operations.inc("redis", "get", json == null ? "miss" : "hit");
            return json == null
                    ? Optional.empty()
                    : Optional.of(ServerJson.mapper().readValue(json, FIELDS));
        } catch (Exception e) {
            failed("get", e);
            return Optional.empty();
        }
    }

    @Override
    public void put(String userId, Map<String, Object> fields) {
        Objects.requireNonNull(userId, "userId");
        try {
            String json = ServerJson.mapper().writeValueAsString(fields);
            if (ttl.isZero()) {
                connection().sync().set(keyPrefix + userId, json);
            } else {
                connection().sync().set(keyPrefix + userId, json, SetArgs.Builder.px(ttl.toMillis()));
            }
            recovered();
            operations.inc("redis", "put", "ok");
        } catch (Exception e) {
            failed("put", e);
        }
    }

    private synchronized StatefulRedisConnection<String, String> connection() {
        if (closed) {
            throw new IllegalStateException("store is closed");
        }
        if (connection != null) {
            return connection;
        }
        Instant now = clock.instant();
        if (lastConnectAttempt != null && now.isBefore(lastConnectAttempt.plusMillis(RECONNECT_INTERVAL_MILLIS))) {
            throw new IllegalStateException("not connected; next attempt after " + RECONNECT_INTERVAL_MILLIS + "ms");
        }
        lastConnectAttempt = now;
        connection = client.connect();
        return connection;
    }

    private void recovered() {
        if (failing) {
            failing = false;
            LOG.info("EdgeDB Redis at {} is reachable again", address);
        }
    }

    private void failed(String operation, Exception e) {
        operations.inc("redis", operation, "error");
        if (!failing && !closed) {
            failing = true;
            LOG.warn(
                    "EdgeDB Redis at {} failed ({}: {}); requests proceed without EdgeDB data until it recovers",
                    address,
                    operation,
                    e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (connection != null) {
                connection.close();
            }
        }
        client.shutdown(0, 2, TimeUnit.SECONDS);
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }

    @Override
    public String toString() {
        return "RedisEdgeDbStore{" + address + ", prefix=" + keyPrefix + ", ttl=" + ttl + "}";
    }
}
