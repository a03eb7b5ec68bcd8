package dev.vexilla.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.ImmutableMetadata;
import dev.openfeature.sdk.MutableTrackingEventDetails;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.ProviderEvent;
import dev.openfeature.sdk.ProviderState;
import dev.openfeature.sdk.Value;
import dev.vexilla.local.internal.events.EventRecorder;
import dev.vexilla.model.FlagMetadata;
import dev.vexilla.model.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class LocalProviderTest {

    private static final EvaluationContext EMPTY = new ImmutableContext();
    private final List<LocalProvider> providers = new ArrayList<>();

    @AfterEach
    void shutdown() {
        providers.forEach(LocalProvider::shutdown);
    }

    private LocalProvider started(LocalOptions.Builder builder) throws Exception {
        LocalProvider provider = new LocalProvider(builder.build());
        providers.add(provider);
        provider.initialize(EMPTY);
        return provider;
    }

    private static LocalOptions.Builder localOnly() {
        return LocalOptions.builder()
                .flagOverrides(FlagOverrides.classpath("dev/vexilla/local/flags-a.json"), OverrideBehaviour.LOCAL_ONLY);
    }

    private static EvaluationContext user(String id, String email) {
        return new ImmutableContext(id, Map.of("email", new Value(email)));
    }

    @Test
    void metadataAndHooksAreConstants() {
        LocalProvider provider = new LocalProvider(localOnly().build());
        providers.add(provider);
        assertThat(provider.getMetadata().getName()).isEqualTo("Vexilla Local");
        assertThat(provider.getMetadata()).isSameAs(provider.getMetadata());
        assertThat(provider.getProviderHooks()).isEmpty();
        assertThat(provider.getProviderHooks()).isSameAs(provider.getProviderHooks());
    }

    @Test
    void booleanStaticFlag_servesValueWithVariantAndStaticReason() throws Exception {
        ProviderEvaluation<Boolean> e = started(localOnly()).getBooleanEvaluation("boolStatic", false, EMPTY);
        assertThat(e.getValue()).isTrue();
        assertThat(e.getVariant()).isEqualTo("b-on");
        assertThat(e.getReason()).isEqualTo("STATIC");
        assertThat(e.getErrorCode()).isNull();
    }

    @Test
    void targetingRule_matchesOnMappedEmailAndReportsRuleIndex() throws Exception {
        LocalProvider provider = started(localOnly());
        ProviderEvaluation<String> hit = provider.getStringEvaluation("textRule", "x", user("u1", "ada@example.com"));
        ProviderEvaluation<String> miss = provider.getStringEvaluation("textRule", "x", user("u1", "ada@other.org"));
        assertThat(hit.getValue()).isEqualTo("example");
        assertThat(hit.getVariant()).isEqualTo("t-ex");
        assertThat(hit.getReason()).isEqualTo("TARGETING_MATCH");
        assertThat(hit.getFlagMetadata().getInteger(FlagMetadata.RULE_INDEX)).isZero();
        assertThat(miss.getValue()).isEqualTo("plain");
        assertThat(miss.getReason()).isEqualTo("DEFAULT");
        assertThat(miss.getFlagMetadata().getInteger(FlagMetadata.RULE_INDEX)).isNull();
    }

    @Test
    void percentageOptions_giveSplitWithOptionIndex() throws Exception {
        ProviderEvaluation<Boolean> e =
                started(localOnly()).getBooleanEvaluation("split", true, user("user-7", "a@b.c"));
        assertThat(e.getReason()).isEqualTo("SPLIT");
        assertThat(e.getVariant()).isIn("s-on", "s-off");
        assertThat(e.getValue()).isEqualTo(e.getVariant().equals("s-on"));
        assertThat(e.getFlagMetadata().getInteger(FlagMetadata.PERCENTAGE_OPTION_INDEX))
                .isIn(0, 1);
    }

    @Test
    void emptyContextWithoutDefault_isAMissingUser() throws Exception {
        LocalProvider provider = started(localOnly());
        ProviderEvaluation<Boolean> split = provider.getBooleanEvaluation("split", true, EMPTY);
        assertThat(split.getReason()).isEqualTo("DEFAULT");
        assertThat(split.getValue()).isFalse();
        assertThat(split.getVariant()).isEqualTo("s-default");
    }

    @Test
    void defaultContext_isUsedOnlyForEmptyContexts() throws Exception {
        LocalProvider provider =
                started(localOnly().defaultContext(new ImmutableContext("d1", Map.of("Country", new Value("NL")))));
        assertThat(provider.getStringEvaluation("countryRule", "x", EMPTY).getValue())
                .isEqualTo("dutch");
        assertThat(provider.getStringEvaluation("countryRule", "x", new ImmutableContext("other"))
                        .getValue())
                .isEqualTo("world");
    }

    @Test
    void clientCustomData_completesTheContextBelowItsOwnAttributes() throws Exception {
        LocalProvider provider = started(localOnly().clientCustomData(Map.of("tier", "gold")));
        assertThat(provider.getStringEvaluation("tierRule", "x", new ImmutableContext("u1"))
                        .getValue())
                .isEqualTo("premium");
        ImmutableContext silver = new ImmutableContext("u1", Map.of("tier", new Value("silver")));
        assertThat(provider.getStringEvaluation("tierRule", "x", silver).getValue())
                .isEqualTo("free");
        provider.setClientCustomData(Map.of());
        assertThat(provider.getStringEvaluation("tierRule", "x", new ImmutableContext("u1"))
                        .getValue())
                .isEqualTo("free");
    }

    @Test
    void integerLongAndDoubleFlags_keepTheirExactTypes() throws Exception {
        LocalProvider provider = started(localOnly());
        assertThat(provider.getIntegerEvaluation("intFlag", 0, EMPTY).getValue())
                .isEqualTo(42);
        assertThat(provider.getLongEvaluation("intFlag", 0L, EMPTY).getValue()).isEqualTo(42L);
        assertThat(provider.getLongEvaluation("longFlag", 0L, EMPTY).getValue()).isEqualTo(5_000_000_000L);
        assertThat(provider.getDoubleEvaluation("doubleFlag", 0.0, EMPTY).getValue())
                .isEqualTo(2.5);
        ProviderEvaluation<Integer> tooBig = provider.getIntegerEvaluation("longFlag", -1, EMPTY);
        assertThat(tooBig.getErrorCode()).isEqualTo(ErrorCode.TYPE_MISMATCH);
        assertThat(tooBig.getValue()).isEqualTo(-1);
    }

    @Test
    void objectFlag_returnsTheJsonTextAsAStructure() throws Exception {
        LocalProvider provider = started(localOnly());
        Value value =
                provider.getObjectEvaluation("jsonFlag", new Value(), EMPTY).getValue();
        assertThat(value.asStructure().getValue("color").asString()).isEqualTo("red");
        assertThat(value.asStructure().getValue("size").asInteger()).isEqualTo(3);
        ProviderEvaluation<Value> plainText = provider.getObjectEvaluation("textRule", new Value("d"), EMPTY);
        assertThat(plainText.getErrorCode()).isEqualTo(ErrorCode.TYPE_MISMATCH);
        assertThat(plainText.getValue().asString()).isEqualTo("d");
    }

    @Test
    void wrongType_isTypeMismatchWithTheDefaultValue() throws Exception {
        ProviderEvaluation<String> e = started(localOnly()).getStringEvaluation("boolStatic", "dflt", EMPTY);
        assertThat(e.getErrorCode()).isEqualTo(ErrorCode.TYPE_MISMATCH);
        assertThat(e.getReason()).isEqualTo("ERROR");
        assertThat(e.getValue()).isEqualTo("dflt");
        assertThat(e.getErrorMessage()).contains("boolStatic");
    }

    @Test
    void unknownKey_isFlagNotFound_andBrokenFlag_isParseError() throws Exception {
        LocalProvider provider = started(localOnly());
        ProviderEvaluation<Boolean> missing = provider.getBooleanEvaluation("nope", true, EMPTY);
        assertThat(missing.getErrorCode()).isEqualTo(ErrorCode.FLAG_NOT_FOUND);
        assertThat(missing.getValue()).isTrue();
        ProviderEvaluation<Boolean> broken = provider.getBooleanEvaluation("broken", true, user("u", "a@b.c"));
        assertThat(broken.getErrorCode()).isEqualTo(ErrorCode.PARSE_ERROR);
        assertThat(broken.getValue()).isTrue();
        assertThat(provider.getBooleanEvaluation("boolStatic", false, EMPTY).getValue())
                .as("other flags unaffected")
                .isTrue();
    }

    @Test
    void metadata_carriesVersionFlagSetIdAndFetchTime() throws Exception {
        ImmutableMetadata m = started(localOnly())
                .getBooleanEvaluation("boolStatic", false, EMPTY)
                .getFlagMetadata();
        assertThat(m.getString(FlagMetadata.VERSION)).hasSize(64);
        assertThat(m.getString(FlagMetadata.FLAG_SET_ID)).isEqualTo("overrides");
        assertThat(m.getLong(FlagMetadata.FETCH_TIME)).isPositive();
    }

    @Test
    void beforeInitialize_everyEvaluationIsProviderNotReady() {
        LocalProvider provider = new LocalProvider(localOnly().build());
        providers.add(provider);
        ProviderEvaluation<Boolean> e = provider.getBooleanEvaluation("boolStatic", false, EMPTY);
        assertThat(e.getErrorCode()).isEqualTo(ErrorCode.PROVIDER_NOT_READY);
        assertThat(e.getValue()).isFalse();
        assertThat(provider.keys()).isEmpty();
        assertThat(provider.allFlags(EMPTY)).isEmpty();
    }

    @Test
    void allFlags_evaluatesEveryFlagInKeyOrder() throws Exception {
        LocalProvider provider = started(localOnly());
        Map<String, FlagEvaluationDetails<Object>> all = provider.allFlags(user("u1", "ada@example.com"));
        assertThat(all.keySet()).containsExactlyElementsOf(provider.keys());
        assertThat(all.get("textRule").getValue()).isEqualTo("example");
        assertThat(all.get("textRule").getReason()).isEqualTo("TARGETING_MATCH");
        assertThat(all.get("longFlag").getValue()).isEqualTo(5_000_000_000L);
        assertThat(all.get("broken").getErrorCode()).isEqualTo(ErrorCode.PARSE_ERROR);
        assertThat(all.get("boolStatic").getFlagMetadata().getString(FlagMetadata.FLAG_SET_ID))
                .isEqualTo("overrides");
    }

    @Test
    void localOnly_isReadyAtOnceWithoutSdkKeyOrNetwork_throughTheSdk() {
        OpenFeatureAPI api = OpenFeatureAPI.createIsolated();
        EventLog events = new EventLog(api);
        LocalProvider provider = new LocalProvider(localOnly().build());
        try {
            api.setProviderAndWait(provider);
            Client client = api.getClient();
            assertThat(client.getProviderState()).isEqualTo(ProviderState.READY);
            assertThat(client.getBooleanValue("boolStatic", false)).isTrue();
            assertThat(client.getLongValue("longFlag", 0L)).isEqualTo(5_000_000_000L);
            assertThat(provider.isOffline()).isTrue();
            assertThat(provider.forceRefresh().isSuccess()).isFalse();
            events.next(ProviderEvent.PROVIDER_READY);
            events.assertQuiet();
        } finally {
            api.shutdown();
        }
    }

    @Test
    void shutdown_isIdempotent_andInitializeAfterShutdownFailsClearly() throws Exception {
        LocalProvider provider = started(localOnly());
        provider.shutdown();
        provider.shutdown();
        assertThat(provider.getBooleanEvaluation("boolStatic", false, EMPTY).getErrorCode())
                .isEqualTo(ErrorCode.PROVIDER_NOT_READY);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> provider.initialize(EMPTY))
                .hasMessageContaining("shut down")
                .hasMessageContaining("create a new LocalProvider");
    }

    @Test
    void track_passesTheMappedUserValueAndFieldsToTheRecorder() throws Exception {
        List<Object[]> tracked = new ArrayList<>();
        EventRecorder recorder = new EventRecorder() {
            @Override
            public void track(String name, User user, @Nullable Double value, Map<String, Object> metaData) {
                tracked.add(new Object[] {name, user, value, metaData});
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        LocalProvider provider = new LocalProvider(localOnly().build(), counts -> recorder);
        providers.add(provider);
        provider.initialize(EMPTY);
        provider.track(
                "checkout", user("u9", "u9@example.com"), new MutableTrackingEventDetails(12.5).add("sku", "A1"));
        assertThat(tracked).hasSize(1);
        assertThat(tracked.get(0)[0]).isEqualTo("checkout");
        assertThat(((User) tracked.get(0)[1]).identifier()).isEqualTo("u9");
        assertThat(((User) tracked.get(0)[1]).email()).isEqualTo("u9@example.com");
        assertThat(tracked.get(0)[2]).isEqualTo(12.5);
        assertThat(((Map<?, ?>) tracked.get(0)[3]).get("sku")).isEqualTo("A1");
    }

    @Test
    void disabledCustomEvents_areNotRecorded() throws Exception {
        List<String> tracked = new ArrayList<>();
        EventRecorder recorder = new EventRecorder() {
            @Override
            public void track(String name, User user, @Nullable Double value, Map<String, Object> metaData) {
                tracked.add(name);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        LocalProvider provider =
                new LocalProvider(localOnly().disableCustomEventLogging(true).build(), counts -> recorder);
        providers.add(provider);
        provider.initialize(EMPTY);
        provider.track("checkout", EMPTY, null);
        assertThat(tracked).isEmpty();
    }
}
