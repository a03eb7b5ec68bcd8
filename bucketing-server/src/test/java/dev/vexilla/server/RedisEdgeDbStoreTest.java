package dev.vexilla.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class RedisEdgeDbStoreTest {
    private static RedisServerProcess redis;
    private final MetricsRegistry metrics = new MetricsRegistry();

    @BeforeAll
    static void startRedis() throws Exception {
        redis = RedisServerProcess.start();
    }

    @AfterAll
    static void stopRedis() {
        if (redis != null) {
            redis.close();
        }
    }

    private RedisEdgeDbStore store(String prefix, Duration ttl) {
        return new RedisEdgeDbStore(redis.url(), prefix, ttl, Duration.ofSeconds(2), Clock.systemUTC(), metrics);
    }

    @Test
    void putThenGet_roundTripsJsonFields() {
        try (RedisEdgeDbStore store = store("t1:", Duration.ZERO)) {
            Map<String, Object> fields = Map.of(
                    "email",
                    "a@b.c",
                    "customData",
                    Map.of("plan", "gold", "seats", 3),
                    "tags",
                    List.of("x", "y"),
                    "beta",
                    true);

            store.put("user-1", fields);

            assertThat(store.get("user-1")).hasValue(fields);
            assertThat(store.get("user-2")).isEmpty();
            assertThat(EdgeDbStores.operationsCounter(metrics).value("redis", "put", "ok"))
                    .isEqualTo(1);
            assertThat(EdgeDbStores.operationsCounter(metrics).value("redis", "get", "hit"))
                    .isEqualTo(1);
            assertThat(EdgeDbStores.operationsCounter(metrics).value("redis", "get", "miss"))
                    .isEqualTo(1);
        }
    }

    @Test
    void twoStoresSharingOneRedis_seeEachOthersWrites() {
        try (RedisEdgeDbStore first = store("shared:", Duration.ZERO);
                RedisEdgeDbStore second = store("shared:", Duration.ZERO)) {
            first.put("u", Map.of("country", "NL"));
            assertThat(second.get("u")).hasValue(Map.of("country", "NL"));

            second.put("u", Map.of("country", "BE"));
            assertThat(first.get("u")).hasValue(Map.of("country", "BE"));
        }
    }

    @Test
    void differentPrefixes_doNotSeeEachOther() {
        try (RedisEdgeDbStore a = store("a:", Duration.ZERO);
                RedisEdgeDbStore b = store("b:", Duration.ZERO)) {
            a.put("u", Map.of("k", 1));

            assertThat(b.get("u")).isEmpty();
        }
    }

    @Test
    void ttl_letsRedisExpireTheEntry() {
        try (RedisEdgeDbStore store = store("ttl:", Duration.ofMillis(300))) {
            store.put("u", Map.of("k", "v"));
            assertThat(store.get("u")).isPresent();

            await().atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> store.get("u").isEmpty());
        }
    }

    @Test
    void redisDown_getAnswersEmptyPutIsDroppedAndFailuresAreCounted() throws Exception {
        RedisServerProcess own = RedisServerProcess.start();
        RedisEdgeDbStore store = new RedisEdgeDbStore(
                // A generous timeout: the first command opens the connection, which can be slow on a loaded machine.
                own.url(), "down:", Duration.ZERO, Duration.ofSeconds(2), Clock.systemUTC(), metrics);
        try {
            store.put("u", Map.of("k", "v"));
            assertThat(store.get("u")).isPresent();

            own.close();

            await().atMost(Duration.ofSeconds(10)).until(() -> store.get("u").isEmpty());
            store.put("u", Map.of("k", "v2"));
            assertThat(EdgeDbStores.operationsCounter(metrics).value("redis", "get", "error"))
                    .isPositive();
            assertThat(EdgeDbStores.operationsCounter(metrics).value("redis", "put", "error"))
                    .isPositive();
        } finally {
            store.close();
            own.close();
        }
    }

    @Test
    void unreachableRedisAtStart_failsOperationsQuicklyWithoutThrowing() {
        RedisEdgeDbStore store = new RedisEdgeDbStore(
                "redis://127.0.0.1:1", "x:", Duration.ZERO, Duration.ofMillis(300), Clock.systemUTC(), metrics);
        try {
            long started = System.nanoTime();
            assertThat(store.get("u")).isEmpty();
            store.put("u", Map.of());
            assertThat(store.get("u")).isEmpty();

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(EdgeDbStores.operationsCounter(metrics).value("redis", "get", "error"))
                    .isEqualTo(2);
        } finally {
            store.close();
            store.close();
        }
    }

    @Test
    void serverWithRedisEdgeDb_startsAndExposesTheStore(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        try (VexillaServer server = TestServers.start(
                TestServers.options(dir).edgeDbUrl(redis.url()).build())) {
            server.edgeDb().put("server-user", Map.of("k", "v"));

            assertThat(server.edgeDb()).isInstanceOf(RedisEdgeDbStore.class);
            try (RedisEdgeDbStore other = store(ServerOptions.DEFAULT_EDGEDB_KEY_PREFIX, Duration.ZERO)) {
                assertThat(other.get("server-user")).hasValue(Map.of("k", "v"));
            }
        }
    }
}
