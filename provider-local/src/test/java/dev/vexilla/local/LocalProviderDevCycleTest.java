package dev.vexilla.local;

import static dev.vexilla.model.testsupport.TestHttpServer.respond;
import static org.assertj.core.api.Assertions.assertThat;

import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.MutableStructure;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.Value;
import dev.vexilla.model.FlagMetadata;
import dev.vexilla.model.ResultDetail;
import dev.vexilla.model.testsupport.ManualScheduler;
import dev.vexilla.model.testsupport.MutableClock;
import dev.vexilla.model.testsupport.TestHttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link LocalProvider} serving a DevCycle config v2 (downloaded, told from ConfigCat's by its shape): results, types,
 * metadata, {@code allFlags}/{@code allFeatures}, client custom data and DevCycle's evaluation events.
 */
final class LocalProviderDevCycleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final TestHttpServer http = TestHttpServer.start();
    private final BlockingQueue<String> batches = new LinkedBlockingQueue<>();
    private LocalProvider provider;

    @BeforeEach
    void start() throws Exception {
        String config = resource("/devcycle/checkout-v2.json");
        http.fallback(exchange -> {
            if (exchange.getRequestURI().getPath().equals("/v1/events/batch")) {
                try (InputStream in = exchange.getRequestBody()) {
                    batches.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
                respond(201, "{}").handle(exchange);
            } else {
                respond(200, config, "ETag", "\"v2\"").handle(exchange);
            }
        });
        provider = new LocalProvider(LocalOptions.builder()
                .sdkKey(TestConfigs.SDK_KEY)
                .baseUrl(http.baseUri())
                .eventsUrl(http.baseUri())
                .eventFlushInterval(Duration.ofSeconds(10))
                .pollingMode(PollingMode.manualPoll())
                .clock(clock)
                .scheduler(scheduler)
                .build());
        provider.initialize(new ImmutableContext());
    }

    @AfterEach
    void stop() {
        provider.shutdown();
        http.close();
    }

    @Test
    void aTargetedUserGetsTheVariationsValueWithDevCyclesMetadata() {
        ProviderEvaluation<Boolean> on = provider.getBooleanEvaluation("new-checkout", false, staff());

        assertThat(on.getValue()).isTrue();
        assertThat(on.getVariant()).isEqualTo("on");
        assertThat(on.getReason()).isEqualTo("TARGETING_MATCH");
        assertThat(on.getErrorCode()).isNull();
        assertThat(on.getFlagMetadata().getString(FlagMetadata.FEATURE_KEY)).isEqualTo("new-checkout");
        assertThat(on.getFlagMetadata().getString(FlagMetadata.FEATURE_ID)).isEqualTo("feat-checkout");
        assertThat(on.getFlagMetadata().getString(FlagMetadata.VARIATION_ID)).isEqualTo("var-on");
        assertThat(on.getFlagMetadata().getString(FlagMetadata.VARIATION_KEY)).isEqualTo("on");
        assertThat(on.getFlagMetadata().getString(FlagMetadata.TARGET_ID)).isEqualTo("t-staff");
        assertThat(on.getFlagMetadata().getString(FlagMetadata.EVAL_REASON_DETAILS))
                .isNotBlank();
        assertThat(on.getFlagMetadata().getString(FlagMetadata.VERSION)).isEqualTo("v2");
    }

    @Test
    void aUserNoTargetServesGetsTheCallersDefaultWithoutAnError() {
        ProviderEvaluation<Boolean> none = provider.getBooleanEvaluation("new-checkout", true, user("someone@else.io"));

        assertThat(none.getValue()).isTrue();
        assertThat(none.getReason()).isEqualTo("DEFAULT");
        assertThat(none.getErrorCode()).isNull();
        assertThat(none.getVariant()).isNull();
    }

    @Test
    void valuesAreTypedByTheVariable() {
        assertThat(provider.getStringEvaluation("checkout-copy", "x", staff()).getValue())
                .isEqualTo("Pay now");
        assertThat(provider.getIntegerEvaluation("max-items", 0, staff()).getValue())
                .isEqualTo(10);
        assertThat(provider.getLongEvaluation("max-items", 0L, staff()).getValue())
                .isEqualTo(10L);
        assertThat(provider.getDoubleEvaluation("max-items", 0.0, staff()).getValue())
                .isEqualTo(10.0);
        Value limits = provider.getObjectEvaluation("checkout-limits", new Value(), staff())
                .getValue();
        assertThat(limits.asStructure().getValue("maxItems").asInteger()).isEqualTo(10);
        assertThat(limits.asStructure().getValue("express").asBoolean()).isTrue();

        EvaluationContext beta = beta();
        assertThat(provider.getDoubleEvaluation("max-items", 0.0, beta).getValue())
                .isEqualTo(5.5);
        ProviderEvaluation<Integer> fractional = provider.getIntegerEvaluation("max-items", 7, beta);
        assertThat(fractional.getErrorCode()).isEqualTo(ErrorCode.TYPE_MISMATCH);
        assertThat(fractional.getValue()).isEqualTo(7);
        assertThat(provider.getStringEvaluation("new-checkout", "x", staff()).getErrorCode())
                .isEqualTo(ErrorCode.TYPE_MISMATCH);
        assertThat(provider.getBooleanEvaluation("no-such-variable", false, staff())
                        .getErrorCode())
                .isEqualTo(ErrorCode.FLAG_NOT_FOUND);
    }

    @Test
    void aDistributionIsASplitAndAUserWithoutIdIsAnError() {
        ProviderEvaluation<String> color = provider.getStringEvaluation("button-color", "grey", staff());
        assertThat(color.getValue()).isIn("red", "blue");
        assertThat(color.getReason()).isEqualTo("SPLIT");

        ProviderEvaluation<String> anonymous = provider.getStringEvaluation(
                "button-color", "grey", new ImmutableContext(Map.of("email", new Value("ada@vexilla.dev"))));
        assertThat(anonymous.getValue()).isEqualTo("grey");
        assertThat(anonymous.getErrorCode()).isEqualTo(ErrorCode.TARGETING_KEY_MISSING);
    }

    @Test
    void customDataFiltersSeeCustomDataAndOtherTopLevelNamesButNeverTheUsersEmail() {
        assertThat(provider.getBooleanEvaluation("new-checkout", true, beta()).getValue())
                .isFalse();
        assertThat(provider.getBooleanEvaluation(
                                "new-checkout",
                                true,
                                new ImmutableContext(
                                        "u-3",
                                        Map.of("customData", new Value(new MutableStructure().add("plan", "beta")))))
                        .getValue())
                .isFalse();
        assertThat(provider.getBooleanEvaluation("custom-email-seen", false, staff())
                        .getReason())
                .as("a top-level email is the user's e-mail, not custom data")
                .isEqualTo("DEFAULT");
        assertThat(provider.getBooleanEvaluation(
                                "custom-email-seen",
                                false,
                                new ImmutableContext(
                                        "u-4",
                                        Map.of("customData", new Value(new MutableStructure().add("email", "x@y.z")))))
                        .getValue())
                .isTrue();
    }

    @Test
    void clientCustomDataIsTheFallbackOfCustomDataFilters() {
        EvaluationContext plain = user("someone@else.io");
        assertThat(provider.getBooleanEvaluation("new-checkout", true, plain).getReason())
                .isEqualTo("DEFAULT");

        provider.setClientCustomData(Map.of("plan", "beta"));

        ProviderEvaluation<Boolean> off = provider.getBooleanEvaluation("new-checkout", true, plain);
        assertThat(off.getValue()).isFalse();
        assertThat(off.getVariant()).isEqualTo("off");
    }

    @Test
    void allFlagsAndAllFeaturesAreWhatTheUserGets() {
        Map<String, FlagEvaluationDetails<Object>> all = provider.allFlags(staff());
        Map<String, ResultDetail> features = provider.allFeatures(staff());

        assertThat(all)
                .containsOnlyKeys("button-color", "checkout-copy", "checkout-limits", "max-items", "new-checkout");
        assertThat(all.get("new-checkout").getValue()).isEqualTo(true);
        assertThat(all.get("checkout-copy").getValue()).isEqualTo("Pay now");
        assertThat(features).containsOnlyKeys("button-color", "new-checkout");
        assertThat(features.get("new-checkout").variationKey()).isEqualTo("on");
        assertThat(features.get("new-checkout").featureId()).isEqualTo("feat-checkout");
        assertThat(provider.keys()).contains("new-checkout", "custom-email-seen");
    }

    @Test
    void evaluationEventsNameTheFeatureAndVariationByTheirIds() throws Exception {
        provider.getBooleanEvaluation("new-checkout", false, staff());
        provider.getBooleanEvaluation("new-checkout", false, staff());
        provider.getBooleanEvaluation("new-checkout", false, user("someone@else.io"));

        provider.shutdown();

        String body = batches.poll(10, TimeUnit.SECONDS);
        assertThat(body).isNotNull();
        assertThat(body)
                .contains("\"aggVariableEvaluated\"")
                .contains("\"_feature\":\"feat-checkout\"")
                .contains("\"_variation\":\"var-on\"")
                .contains("\"aggVariableDefaulted\"");
    }

    @Test
    void aDevCycleConfigLoadsFromFlagOverridesToo() throws Exception {
        LocalProvider offline = new LocalProvider(LocalOptions.builder()
                .flagOverrides(FlagOverrides.classpath("devcycle/checkout-v2.json"), OverrideBehaviour.LOCAL_ONLY)
                .build());
        offline.initialize(new ImmutableContext());
        try {
            assertThat(offline.getBooleanEvaluation("new-checkout", false, staff())
                            .getValue())
                    .isTrue();
            assertThat(offline.allFeatures(staff())).containsKey("new-checkout");
        } finally {
            offline.shutdown();
        }
    }

    private static EvaluationContext staff() {
        return user("ada@vexilla.dev");
    }

    private static EvaluationContext beta() {
        return new ImmutableContext("u-2", Map.of("email", new Value("bob@else.io"), "plan", new Value("beta")));
    }

    private static EvaluationContext user(String email) {
        return new ImmutableContext("u-1", Map.of("email", new Value(email)));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = LocalProviderDevCycleTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
