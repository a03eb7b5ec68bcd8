package dev.vexilla.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.Value;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The result cache, through a provider against a real server: hits, keys, TTL and change-stream invalidation. */
final class CloudCacheTest {
    private static final ImmutableContext ADA =
            new ImmutableContext("u-1", Map.of("email", new Value("ada@vexilla.dev")));

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();

    private CloudProvider provider(TestServer server, Protocol protocol) {
        return new CloudProvider(CloudOptions.builder()
                .sdkKey(TestServer.KEY)
                .baseUrl(server.baseUri())
                .protocol(protocol)
                .requestTimeout(Duration.ofSeconds(5))
                .cache(CloudCache.lru(100, Duration.ofMinutes(5)))
                .clock(clock)
                .environment(Map.of())
                .build());
    }

    @Test
    void lru_validatesItsBounds() {
        assertThatThrownBy(() -> CloudCache.lru(0, Duration.ofSeconds(1)))
                .hasMessage("cache maxEntries must be in [1, 1000000], was 0");
        assertThatThrownBy(() -> CloudCache.lru(10, Duration.ZERO))
                .hasMessage("cache ttl must be >= PT0.001S, was PT0S");
        assertThat(CloudCache.disabled().isEnabled()).isFalse();
        assertThat(CloudCache.lru(10, Duration.ofSeconds(3)))
                .isEqualTo(CloudCache.lru(10, Duration.ofSeconds(3)))
                .hasToString("CloudCache.lru(10, PT3S)");
    }

    @Test
    void secondEvaluationIsServedFromTheCacheWithReasonCached() throws Exception {
        try (TestServer server = TestServer.start(dir)) {
            CloudProvider p = provider(server, Protocol.BUCKETING_V1);
            try {
                ProviderEvaluation<String> first = p.getStringEvaluation("supportTier", "x", ADA);
                ProviderEvaluation<String> second = p.getStringEvaluation("supportTier", "x", ADA);
                assertThat(first.getReason()).isEqualTo("TARGETING_MATCH");
                assertThat(second.getReason()).isEqualTo("CACHED");
                assertThat(second.getValue()).isEqualTo(first.getValue());
                assertThat(second.getVariant()).isEqualTo(first.getVariant());
                assertThat(second.getFlagMetadata()).isEqualTo(first.getFlagMetadata());

                server.stop();
                assertThat(p.getStringEvaluation("supportTier", "x", ADA).getValue())
                        .isEqualTo("priority");
            } finally {
                p.shutdown();
            }
        }
    }

    @Test
    void cacheKeyIncludesTheRequestedTypeAndTheWholeUser() throws Exception {
        try (TestServer server = TestServer.start(dir)) {
            CloudProvider p = provider(server, Protocol.OFREP);
            try {
                p.getIntegerEvaluation("maxUploadMb", 0, ADA);
                assertThat(p.getLongEvaluation("maxUploadMb", 0L, ADA).getReason())
                        .isEqualTo("DEFAULT");
                assertThat(p.getLongEvaluation("maxUploadMb", 0L, ADA).getReason())
                        .isEqualTo("CACHED");
                ImmutableContext sameKeyOtherEmail =
                        new ImmutableContext("u-1", Map.of("email", new Value("bob@other.org")));
                p.getStringEvaluation("supportTier", "x", ADA);
                ProviderEvaluation<String> other = p.getStringEvaluation("supportTier", "x", sameKeyOtherEmail);
                assertThat(other.getReason()).isEqualTo("DEFAULT");
                assertThat(other.getValue()).isEqualTo("standard");
                assertThat(p.getStringEvaluation("supportTier", "x", ADA).getReason())
                        .isEqualTo("CACHED");
            } finally {
                p.shutdown();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void anAnonymousContextNeverSharesAnAnswerWithAKeyedOne(Protocol protocol) throws Exception {
        ImmutableContext anonymousAda = new ImmutableContext(Map.of("email", new Value("ada@vexilla.dev")));
        try (TestServer server = TestServer.start(dir)) {
            CloudProvider p = provider(server, protocol);
            try {
                ProviderEvaluation<Boolean> anonymous = p.getBooleanEvaluation("newDashboard", false, anonymousAda);
                for (String key : new String[] {"u-1", "anonymous", "null", "true"}) {
                    ImmutableContext keyed = new ImmutableContext(key, Map.of("email", new Value("ada@vexilla.dev")));
                    assertThat(p.getBooleanEvaluation("newDashboard", false, keyed)
                                    .getReason())
                            .as("first evaluation for key %s", key)
                            .isEqualTo("SPLIT");
                }
                ProviderEvaluation<Boolean> again = p.getBooleanEvaluation("newDashboard", false, anonymousAda);
                assertThat(anonymous.getReason()).isEqualTo("SPLIT");
                assertThat(again.getReason()).isEqualTo("CACHED");
                assertThat(again.getVariant()).isEqualTo(anonymous.getVariant());
                assertThat(p.getBooleanEvaluation("newDashboard", false, new ImmutableContext())
                                .getReason())
                        .as("an empty context is another anonymous user")
                        .isEqualTo("DEFAULT");
                assertThat(p.getBooleanEvaluation(
                                        "newDashboard", false, new ImmutableContext(Map.of("email", new Value(""))))
                                .getReason())
                        .as("a context that maps to no attribute is not the empty context")
                        .isNotEqualTo("CACHED");
            } finally {
                p.shutdown();
            }
        }
    }

    @Test
    void entriesExpireAfterTheTtlOnTheInjectedClock() throws Exception {
        try (TestServer server = TestServer.start(dir)) {
            CloudProvider p = provider(server, Protocol.BUCKETING_V1);
            try {
                p.getBooleanEvaluation("checkoutEnabled", false, ADA);
                clock.advance(Duration.ofMinutes(4));
                assertThat(p.getBooleanEvaluation("checkoutEnabled", false, ADA).getReason())
                        .isEqualTo("CACHED");
                clock.advance(Duration.ofMinutes(2));
                assertThat(p.getBooleanEvaluation("checkoutEnabled", false, ADA).getReason())
                        .isEqualTo("STATIC");
            } finally {
                p.shutdown();
            }
        }
    }

    @Test
    void aNewConfigAnnouncedOnTheChangeStreamDropsTheCache() throws Exception {
        try (TestServer server = TestServer.start(dir)) {
            CloudProvider p = provider(server, Protocol.BUCKETING_V1);
            try {
                p.initialize(new ImmutableContext());
                assertThat(columns(p)).isEqualTo(3);
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> "CACHED"
                                .equals(p.getObjectEvaluation(TestServer.JSON_FLAG, new Value(), ADA)
                                        .getReason()));
                server.publish(5);
                await().atMost(Duration.ofSeconds(10)).until(() -> columns(p) == 5);
            } finally {
                p.shutdown();
            }
        }
    }

    private static int columns(CloudProvider p) {
        return p.getObjectEvaluation(TestServer.JSON_FLAG, new Value(), ADA)
                .getValue()
                .asStructure()
                .getValue("columns")
                .asInteger();
    }
}
