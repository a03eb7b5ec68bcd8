package dev.vexilla.server;

import static dev.vexilla.server.EvaluationFixtures.json;
import static dev.vexilla.server.EvaluationFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.vexilla.model.User;
import dev.vexilla.model.bucketing.DevCycleUser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class BucketingUsersTest {
    private static final String TIER = "/v1/variables/supportTier";
    private static final String TIER_EDGE = TIER + "?enableEdgeDB=true";
    private static final String FIRST_VISIT = "{\"user_id\":\"e-1\",\"email\":\"ada@vexilla.dev\","
            + "\"customData\":{\"plan\":\"gold\",\"seats\":3},\"privateCustomData\":{\"ssn\":\"123-45-6789\"}}";

    private static RedisServerProcess redis;

    @TempDir
    Path dir;

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

    private static BucketingUsers users(EdgeDbStore store) {
        return new BucketingUsers(ServerJson.requestMapper(4096), store);
    }

    private static MemoryEdgeDbStore memory() {
        return new MemoryEdgeDbStore(100, Duration.ZERO, Clock.systemUTC(), new MetricsRegistry());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void merge_requestFieldsWinAndCustomDataMergesKeyByKey() {
        Map<String, Object> stored = Map.of(
                "user_id", "u", "email", "old@x.org", "country", "DE", "customData", Map.of("plan", "gold", "a", 1));
        Map<String, Object> fresh = Map.of("user_id", "u", "email", "new@x.org", "customData", Map.of("a", 2));

        Map<String, Object> merged = BucketingUsers.merge(stored, fresh);

        assertThat(merged)
                .containsEntry("email", "new@x.org")
                .containsEntry("country", "DE")
                .containsEntry("customData", Map.of("plan", "gold", "a", 2));
    }

    @Test
    void read_withEdgeDb_storesOnlyNonPrivateFieldsAndEvaluatesTheMerge() {
        MemoryEdgeDbStore store = memory();
        BucketingUsers users = users(store);

        users.read(bytes(FIRST_VISIT), true);
        DevCycleUser later = users.read(bytes("{\"user_id\":\"e-1\",\"privateCustomData\":{\"k\":\"v\"}}"), true);

        assertThat(later.email()).isEqualTo("ada@vexilla.dev");
        assertThat(later.customData()).containsEntry("plan", "gold");
        assertThat(later.privateCustomData()).containsOnlyKeys("k");
        assertThat(store.get("e-1").orElseThrow())
                .doesNotContainKey("privateCustomData")
                .containsEntry("email", "ada@vexilla.dev");
        assertThat(store.get("e-1").orElseThrow().toString())
                .doesNotContain("123-45-6789")
                .doesNotContain("\"k\"");
    }

    @Test
    void read_withoutEdgeDb_neitherReadsNorWrites() {
        MemoryEdgeDbStore store = memory();
        BucketingUsers users = users(store);

        DevCycleUser user = users.read(bytes(FIRST_VISIT), false);

        assertThat(user.privateCustomData()).containsKey("ssn");
        assertThat(store.get("e-1")).isEmpty();
    }

    @Test
    void read_missingUserId_isRejectedBeforeTouchingTheStore() {
        MemoryEdgeDbStore store = memory();

        assertThatThrownBy(() -> users(store).read(bytes("{\"email\":\"a@b.c\"}"), true))
                .isInstanceOf(HttpError.class)
                .hasMessageContaining("$.user_id");
    }

    @Test
    void read_anonymousWithoutId_isAcceptedAndNeverTouchesTheStore() {
        EdgeDbStore untouchable = new EdgeDbStore() {
            @Override
            public Optional<Map<String, Object>> get(String userId) {
                throw new AssertionError("EdgeDB read for an anonymous user");
            }

            @Override
            public void put(String userId, Map<String, Object> fields) {
                throw new AssertionError("EdgeDB write for an anonymous user");
            }

            @Override
            public void close() {}
        };

        DevCycleUser user = users(untouchable).read(bytes("{\"isAnonymous\":true,\"email\":\"a@b.c\"}"), true);
        DevCycleUser empty = users(untouchable).read(bytes("{\"isAnonymous\":true,\"user_id\":\"\"}"), true);

        assertThat(user.email()).isEqualTo("a@b.c");
        assertThat(empty.isAnonymousWithoutId()).isTrue();
    }

    @Test
    void read_notAnonymousWithoutId_isStillRejected() {
        assertThatThrownBy(() -> users(memory()).read(bytes("{\"isAnonymous\":false,\"email\":\"a@b.c\"}"), false))
                .isInstanceOf(HttpError.class)
                .hasMessage("$.user_id must be a non-empty string");
    }

    @Test
    void engineUser_isNoUserOnlyForABodyWithNothingButIsAnonymous() {
        assertThat(BucketingUsers.engineUser(
                        DevCycleUser.builder().isAnonymous(true).build()))
                .isNull();
        assertThat(BucketingUsers.engineUser(
                        DevCycleUser.builder().isAnonymous(true).userId("").build()))
                .isEqualTo(User.empty());
        assertThat(BucketingUsers.engineUser(
                        DevCycleUser.builder().isAnonymous(true).email("a@b.c").build()))
                .isEqualTo(User.builder().email("a@b.c").build());
        assertThat(BucketingUsers.engineUser(DevCycleUser.builder().userId("u").build()))
                .isEqualTo(User.of("u"));
    }

    @Test
    void edgeDb_inMemory_laterRequestsUseStoredFieldsUnderTheRequestsOwn() throws Exception {
        try (VexillaServer server =
                TestServers.start(EvaluationFixtures.options(dir).build())) {
            assertEdgeDbSemantics(server, server);
            assertThat(server.edgeDb().get("e-1").orElseThrow()).doesNotContainKey("privateCustomData");
        }
    }

    @Test
    void edgeDb_onRedis_isSharedBetweenServers() throws Exception {
        ServerOptions.Builder options = EvaluationFixtures.options(dir)
                .edgeDbUrl(redis.url())
                .edgeDbKeyPrefix("users-test-" + System.nanoTime() + ":")
                .edgeDbTimeout(Duration.ofSeconds(2));
        try (VexillaServer first = TestServers.start(options.build());
                VexillaServer second = TestServers.start(options.build())) {
            awaitConnected(first);
            awaitConnected(second);
            assertEdgeDbSemantics(first, second);
            String stored = second.edgeDb().get("e-1").orElseThrow().toString();
            assertThat(stored).doesNotContain("privateCustomData").doesNotContain("123-45-6789");
        }
    }

    /** The Redis store connects lazily; the first commands of a fresh JVM may time out while Netty warms up. */
    private static void awaitConnected(VexillaServer server) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    server.edgeDb().put("probe", Map.of("ok", true));
                    return server.edgeDb().get("probe").isPresent();
                });
    }

    private static void assertEdgeDbSemantics(VexillaServer writer, VexillaServer reader) throws Exception {
        assertThat(json(post(writer, TIER_EDGE, FIRST_VISIT)).get("value").asText())
                .isEqualTo("priority");
        assertThat(json(post(reader, TIER_EDGE, "{\"user_id\":\"e-1\"}"))
                        .get("value")
                        .asText())
                .as("stored e-mail is used")
                .isEqualTo("priority");
        assertThat(json(post(reader, TIER, "{\"user_id\":\"e-1\"}"))
                        .get("value")
                        .asText())
                .as("without enableEdgeDB nothing is read")
                .isEqualTo("standard");
        assertThat(json(post(reader, TIER_EDGE, "{\"user_id\":\"e-1\",\"email\":\"bob@other.org\"}"))
                        .get("value")
                        .asText())
                .as("the request's own field wins")
                .isEqualTo("standard");
        assertThat(json(post(writer, TIER_EDGE, "{\"user_id\":\"e-1\"}"))
                        .get("value")
                        .asText())
                .as("the winning field was stored")
                .isEqualTo("standard");
        assertThat(reader.edgeDb().get("e-1").orElseThrow())
                .containsEntry("email", "bob@other.org")
                .containsEntry("customData", Map.of("plan", "gold", "seats", 3));
    }
}
