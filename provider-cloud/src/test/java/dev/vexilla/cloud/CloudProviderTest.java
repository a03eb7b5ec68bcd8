package dev.vexilla.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.MutableTrackingEventDetails;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.Value;
import dev.openfeature.sdk.exceptions.FatalError;
import dev.vexilla.model.FlagSetIds;
import dev.vexilla.model.bucketing.Feature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

final class CloudProviderTest {
    @TempDir
    static Path dir;

    static TestServer server;

    @BeforeAll
    static void startServer() {
        server = TestServer.start(dir);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    static CloudProvider provider(Protocol protocol) {
        return new CloudProvider(options(protocol).build());
    }

    static CloudOptions.Builder options(Protocol protocol) {
        return CloudOptions.builder()
                .sdkKey(TestServer.KEY)
                .baseUrl(server.baseUri())
                .protocol(protocol)
                .requestTimeout(Duration.ofSeconds(5))
                .environment(Map.of());
    }

    static EvaluationContext ada() {
        return new ImmutableContext("u-1", Map.of("email", new Value("ada@vexilla.dev"), "Country", new Value("US")));
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void typedEvaluationsReturnTheServersValuesVariantsAndReasons(Protocol protocol) throws Exception {
        CloudProvider p = provider(protocol);
        try {
            p.initialize(new ImmutableContext());
            ProviderEvaluation<Boolean> kill = p.getBooleanEvaluation("checkoutEnabled", false, ada());
            assertThat(kill.getValue()).isTrue();
            assertThat(kill.getVariant()).isEqualTo("c0ffee01");
            assertThat(kill.getReason()).isEqualTo("STATIC");
            ProviderEvaluation<String> tier = p.getStringEvaluation("supportTier", "none", ada());
            assertThat(tier.getValue()).isEqualTo("priority");
            assertThat(tier.getReason()).isEqualTo("TARGETING_MATCH");
            assertThat(tier.getFlagMetadata().getInteger("ruleIndex")).isZero();
            assertThat(tier.getFlagMetadata().getString("flagSetId")).isEqualTo(FlagSetIds.of(TestServer.KEY));
            assertThat(p.getIntegerEvaluation("maxUploadMb", 1, ada()).getValue())
                    .isEqualTo(100);
            assertThat(p.getLongEvaluation("maxUploadMb", 1L, ada()).getValue()).isEqualTo(100L);
            assertThat(p.getDoubleEvaluation("discountRate", 0.0, ada()).getValue())
                    .isEqualTo(0.1);
            Value layout = p.getObjectEvaluation(TestServer.JSON_FLAG, new Value(), ada())
                    .getValue();
            assertThat(layout.asStructure().getValue("columns").asInteger()).isEqualTo(3);
        } finally {
            p.shutdown();
        }
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void errorsReturnTheDefaultWithTheirCode(Protocol protocol) {
        CloudProvider p = provider(protocol);
        try {
            ProviderEvaluation<Boolean> missing = p.getBooleanEvaluation("nope", true, ada());
            assertThat(missing.getValue()).isTrue();
            assertThat(missing.getErrorCode()).isEqualTo(ErrorCode.FLAG_NOT_FOUND);
            assertThat(missing.getReason()).isEqualTo("ERROR");

            ProviderEvaluation<Integer> mismatch = p.getIntegerEvaluation("supportTier", 7, ada());
            assertThat(mismatch.getValue()).isEqualTo(7);
            assertThat(mismatch.getErrorCode()).isEqualTo(ErrorCode.TYPE_MISMATCH);

            ProviderEvaluation<String> broken = p.getStringEvaluation(TestServer.BROKEN_FLAG, "d", ada());
            assertThat(broken.getValue()).isEqualTo("d");
            assertThat(broken.getErrorCode()).isEqualTo(ErrorCode.PARSE_ERROR);

            ProviderEvaluation<Boolean> invalid = p.getBooleanEvaluation(
                    "checkoutEnabled",
                    false,
                    new ImmutableContext(Map.of("email", new Value(List.of(new Value("a"))))));
            assertThat(invalid.getErrorCode()).isEqualTo(ErrorCode.INVALID_CONTEXT);
            assertThat(invalid.getErrorMessage()).contains("email");
        } finally {
            p.shutdown();
        }
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void contextsWithoutTargetingKeyAreEvaluatedByTheServer(Protocol protocol) {
        CloudProvider p = provider(protocol);
        try {
            ProviderEvaluation<Boolean> empty =
                    p.getBooleanEvaluation("checkoutEnabled", false, new ImmutableContext());
            assertThat(empty.getValue()).isTrue();
            assertThat(empty.getReason()).isEqualTo("STATIC");
            assertThat(empty.getErrorCode()).isNull();

            ProviderEvaluation<String> rule = p.getStringEvaluation(
                    "supportTier", "none", new ImmutableContext(Map.of("email", new Value("ada@vexilla.dev"))));
            assertThat(rule.getValue()).isEqualTo("priority");
            assertThat(rule.getReason()).isEqualTo("TARGETING_MATCH");

            assertThat(p.getBooleanEvaluation("newDashboard", true, new ImmutableContext())
                            .getReason())
                    .as("no user: the rollout is skipped")
                    .isEqualTo("DEFAULT");
            assertThat(p.allFlags(new ImmutableContext())).containsKey("supportTier");
        } finally {
            p.shutdown();
        }
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void allFlagsEvaluatesEveryFlagInOneRequest(Protocol protocol) {
        CloudProvider p = provider(protocol);
        try {
            Map<String, FlagEvaluationDetails<Object>> all = p.allFlags(ada());
            assertThat(all).containsKeys("checkoutEnabled", "supportTier", "maxUploadMb", TestServer.BROKEN_FLAG);
            assertThat(all.get("supportTier").getValue()).isEqualTo("priority");
            assertThat(all.get("supportTier").getVariant()).isEqualTo("5e7c1e01");
            assertThat(all.get("maxUploadMb").getValue()).isEqualTo(100);
            assertThat(all.get(TestServer.BROKEN_FLAG).getErrorCode()).isEqualTo(ErrorCode.PARSE_ERROR);
            assertThat(p.allFlags(ada())).isEqualTo(all);
        } finally {
            p.shutdown();
        }
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void allFeaturesNamesTheServedVariations(Protocol protocol) {
        CloudProvider p = provider(protocol);
        try {
            Map<String, Feature> features = p.allFeatures(ada());
            assertThat(features.get("supportTier").variationId()).isEqualTo("5e7c1e01");
            assertThat(features.get("checkoutEnabled").eval().reason()).isEqualTo("STATIC");
        } finally {
            p.shutdown();
        }
    }

    @Test
    void initializeWithARefusedKeyThrowsFatal() {
        CloudProvider p = new CloudProvider(
                options(Protocol.BUCKETING_V1).sdkKey("not-a-known-key-000000").build());
        try {
            assertThatThrownBy(() -> p.initialize(new ImmutableContext())).isInstanceOf(FatalError.class);
            assertThat(p.getBooleanEvaluation("checkoutEnabled", false, ada()).getErrorCode())
                    .isEqualTo(ErrorCode.PROVIDER_FATAL);
        } finally {
            p.shutdown();
        }
    }

    @Test
    void trackedEventsReachTheServerOnShutdown() throws Exception {
        CloudProvider p = new CloudProvider(options(Protocol.BUCKETING_V1)
                .trackFlushInterval(Duration.ofHours(1))
                .build());
        p.initialize(new ImmutableContext());
        p.track("checkout-completed", ada(), new MutableTrackingEventDetails(42.5));
        p.track("checkout-completed", new ImmutableContext("u-2"), null);
        p.shutdown();
        assertThat(Files.readString(server.eventsSink())).contains("checkout-completed");
        assertThat(p.droppedEvents()).isZero();
    }

    @Test
    void trackWithoutTargetingKeyIsDroppedAndCounted() {
        CloudProvider p = provider(Protocol.BUCKETING_V1);
        p.track("anonymous", new ImmutableContext(), null);
        p.shutdown();
        assertThat(p.droppedEvents()).isEqualTo(1);
    }

    @Test
    void shutdownIsIdempotentAndLaterEvaluationsAreNotReady() throws Exception {
        CloudProvider p = provider(Protocol.OFREP);
        p.initialize(new ImmutableContext());
        p.shutdown();
        p.shutdown();
        assertThat(p.getBooleanEvaluation("checkoutEnabled", false, ada()).getErrorCode())
                .isEqualTo(ErrorCode.PROVIDER_NOT_READY);
    }

    @Test
    void metadataAndHooksAreConstant() {
        CloudProvider p = provider(Protocol.OFREP);
        assertThat(p.getMetadata().getName()).isEqualTo("Vexilla Cloud");
        assertThat(p.getMetadata()).isSameAs(p.getMetadata());
        assertThat(p.getProviderHooks()).isEmpty();
        assertThat(p.toString()).doesNotContain(TestServer.KEY).contains("sdk-****");
        p.shutdown();
    }

    @Test
    void ofrepAllFlagsSendsIfNoneMatchAndReusesTheAnswerOn304() throws Exception {
        CloudProvider p = provider(Protocol.OFREP);
        try {
            Map<String, FlagEvaluationDetails<Object>> first = p.allFlags(ada());
            long notModified = CloudProviderFaultTest.count(server, "304");
            Map<String, FlagEvaluationDetails<Object>> second = p.allFlags(ada());
            assertThat(CloudProviderFaultTest.count(server, "304")).isEqualTo(notModified + 1);
            assertThat(second).isEqualTo(first);
        } finally {
            p.shutdown();
        }
    }

    @Test
    void trackQueueDropsAndCountsEventsBeyondItsCapacity() {
        CloudProvider p = new CloudProvider(
                options(Protocol.BUCKETING_V1).trackQueueCapacity(1).build());
        p.track("first", ada(), null);
        p.track("second", ada(), null);
        p.shutdown();
        assertThat(p.droppedEvents()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void eightThreadsEvaluateConcurrentlyWithCorrectAnswers(Protocol protocol) throws Exception {
        CloudProvider p = new CloudProvider(options(protocol).maxConnections(8).build());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String user = "user-" + i;
                results.add(pool.submit(() -> {
                    ImmutableContext ctx =
                            new ImmutableContext(user, Map.of("email", new Value(user + "@vexilla.dev")));
                    return "priority"
                            .equals(p.getStringEvaluation("supportTier", "x", ctx)
                                    .getValue());
                }));
            }
            for (Future<Boolean> r : results) {
                assertThat(r.get(30, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
            p.shutdown();
        }
    }
}
