package dev.vexilla.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.file.Path;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin API over the Redis config store (a real redis-server): {@link AdminApiContract} plus Redis's own. */
final class RedisAdminApiTest extends AdminApiContract {
    private static RedisServerProcess redis;
    private static RedisClient client;
    private static StatefulRedisConnection<String, String> connection;

    @TempDir
    Path dir;

    @BeforeAll
    static void startRedis() throws Exception {
        redis = RedisServerProcess.start();
        client = RedisClient.create(redis.url());
        connection = client.connect();
    }

    @AfterAll
    static void stopRedis() {
        connection.close();
        client.shutdown();
        redis.close();
    }

    @BeforeEach
    void emptyRedis() {
        connection.sync().flushall();
    }

    @Override
    VexillaServer startServer(String adminToken) {
        return TestServers.start(TestServers.options(dir)
                .configStore(redis.url())
                .adminToken(adminToken)
                .build());
    }

    /** Dumps every key and value in Redis, whatever its type. */
    static String dump(RedisCommands<String, String> redis) {
        StringBuilder all = new StringBuilder();
        for (String key : new TreeSet<>(redis.keys("*"))) {
            all.append(key).append(" = ");
            switch (redis.type(key)) {
                case "string" -> all.append(redis.get(key));
                case "hash" -> all.append(redis.hgetall(key));
                case "list" -> all.append(redis.lrange(key, 0, -1));
                default -> all.append("<").append(redis.type(key)).append(">");
            }
            all.append('\n');
        }
        return all.toString();
    }

    @Override
    String everythingAtRest() {
        return dump(connection.sync());
    }

    @Test
    void everyServerOnTheStore_reportsTheSameEtagAndAcceptTime() throws Exception {
        VexillaServer writer = server(TOKEN);
        VexillaServer reader = server(null);
        admin(writer, "PUT", "/admin/v1/configs/gamma", CONFIG_V1);
        admin(writer, "POST", "/admin/v1/keys", "{\"sdkKey\":\"" + NEW_KEY + "\",\"config\":\"gamma\"}");

        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() ->
                        TestServers.get(reader, TestServers.configPath(NEW_KEY)).statusCode() == 200);
        var fromWriter = TestServers.get(writer, TestServers.configPath(NEW_KEY));
        var fromReader = TestServers.get(reader, TestServers.configPath(NEW_KEY));
        ServedConfig<?> writers = writer.configStore().byName("gamma").orElseThrow();
        ServedConfig<?> readers = reader.configStore().byName("gamma").orElseThrow();

        assertThat(fromReader.headers().firstValue("ETag"))
                .isPresent()
                .isEqualTo(fromWriter.headers().firstValue("ETag"));
        assertThat(readers.loadedAt())
                .as("the accept time is stored with the version, not taken when each server loads it")
                .isEqualTo(writers.loadedAt());
    }
}
