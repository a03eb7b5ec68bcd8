package dev.vexilla.contract.devcycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FeatureProvider;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.ImmutableMetadata;
import dev.openfeature.sdk.MutableStructure;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.Reason;
import dev.openfeature.sdk.Value;
import dev.vexilla.cloud.CloudOptions;
import dev.vexilla.cloud.CloudProvider;
import dev.vexilla.cloud.Protocol;
import dev.vexilla.local.LocalOptions;
import dev.vexilla.local.LocalProvider;
import dev.vexilla.model.FlagMetadata;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code CloudProvider} on a DevCycle config v2, over both protocols, against {@code LocalProvider} in DevCycle mode
 * reading the same config from the same server: for every variable, every requested type and every generated user
 * (custom and private custom data included), value, variant, reason, error code, error message and flag metadata agree
 * (only {@code fetchTime}, when each side got the config, is left out). That covers a served value, the "User Not
 * Targeted" default (the caller's default, reason {@code DEFAULT}, no error code, although the Bucketing API answers
 * it with DevCycle's 404), a requested type the variable does not have ({@code TYPE_MISMATCH}) and an unknown variable
 * ({@code FLAG_NOT_FOUND}).
 */
final class CloudProviderParityTest {
    private static final String CONTRACT_CONFIG = "contract-config_v2.json";
    private static final String LARGE_FIXTURE = "fixture_large_config.json";
    private static final String UNKNOWN = "no-such-variable";

    static List<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Protocol protocol : Protocol.values()) {
            out.add(Arguments.of(CONTRACT_CONFIG, protocol, 200));
            out.add(Arguments.of(LARGE_FIXTURE, protocol, 40));
        }
        return out;
    }

    @ParameterizedTest(name = "{0} over {1}, {2} users")
    @MethodSource("cases")
    void everyVariableTypeAndUserEvaluatesAsLocalProviderDoes(String resource, Protocol protocol, int userCount)
            throws Exception {
        try (DevCycleServer server = DevCycleServer.start(resource)) {
            ConfigFacts facts = ConfigFacts.of(DevCycleServer.resource(resource));
            List<GeneratedUsers.GeneratedUser> users =
                    GeneratedUsers.generate(20261207L, userCount, facts.userIds(), facts.customData());
            LocalProvider local = local(server);
            CloudProvider cloud = cloud(server, protocol);
            Map<String, Integer> outcomes = new HashMap<>();
            try {
                for (GeneratedUsers.GeneratedUser user : users) {
                    for (Map.Entry<String, Evaluation> cell : evaluations(facts).entrySet()) {
                        ProviderEvaluation<?> expected = cell.getValue().apply(local, user.context());
                        ProviderEvaluation<?> actual = cell.getValue().apply(cloud, user.context());
                        assertSame(cell.getKey() + " for " + user, expected, actual);
                        outcomes.merge(outcome(expected), 1, Integer::sum);
                    }
                    assertSameFlags(
                            "allFlags for " + user, local.allFlags(user.context()), cloud.allFlags(user.context()));
                }
            } finally {
                cloud.shutdown();
                local.shutdown();
            }
            assertThat(outcomes)
                    .as("every kind of answer is compared")
                    .containsKeys(
                            Reason.TARGETING_MATCH.name(),
                            Reason.DEFAULT.name(),
                            ErrorCode.TYPE_MISMATCH.name(),
                            ErrorCode.FLAG_NOT_FOUND.name());
        }
    }

    private static String outcome(ProviderEvaluation<?> evaluation) {
        return evaluation.getErrorCode() != null ? evaluation.getErrorCode().name() : evaluation.getReason();
    }

    private static LocalProvider local(DevCycleServer server) throws Exception {
        LocalProvider provider = new LocalProvider(LocalOptions.builder()
                .sdkKey(server.sdkKey())
                .baseUrl(URI.create(server.baseUrl()))
                .eventsUrl(URI.create(server.baseUrl()))
                .realtimeUpdates(false)
                .disableAutomaticEventLogging(true)
                .build());
        provider.initialize(new ImmutableContext());
        return provider;
    }

    private static CloudProvider cloud(DevCycleServer server, Protocol protocol) throws Exception {
        CloudProvider provider = new CloudProvider(CloudOptions.builder()
                .sdkKey(server.sdkKey())
                .baseUrl(URI.create(server.baseUrl()))
                .protocol(protocol)
                .requestTimeout(Duration.ofSeconds(30))
                .connectTimeout(Duration.ofSeconds(10))
                .changeStream(false)
                .environment(Map.of())
                .build());
        provider.initialize(new ImmutableContext());
        return provider;
    }

    private static void assertSame(String where, ProviderEvaluation<?> expected, ProviderEvaluation<?> actual) {
        assertThat(Cells.plain(actual.getValue())).as(where).isEqualTo(Cells.plain(expected.getValue()));
        assertThat(actual.getValue())
                .as(where + " (value class)")
                .isInstanceOf(expected.getValue().getClass());
        assertThat(actual.getVariant()).as(where).isEqualTo(expected.getVariant());
        assertThat(actual.getReason()).as(where).isEqualTo(expected.getReason());
        assertThat(actual.getErrorCode()).as(where).isEqualTo(expected.getErrorCode());
        assertThat(actual.getErrorMessage()).as(where).isEqualTo(expected.getErrorMessage());
        assertThat(comparable(actual.getFlagMetadata())).as(where).isEqualTo(comparable(expected.getFlagMetadata()));
    }

    private static void assertSameFlags(
            String where,
            Map<String, FlagEvaluationDetails<Object>> expected,
            Map<String, FlagEvaluationDetails<Object>> actual) {
        assertThat(actual.keySet()).as(where).isEqualTo(expected.keySet());
        expected.forEach((key, e) -> {
            FlagEvaluationDetails<Object> a = actual.get(key);
            String at = where + " " + key;
            assertThat(Cells.plain(a.getValue())).as(at).isEqualTo(Cells.plain(e.getValue()));
            assertThat(a.getVariant()).as(at).isEqualTo(e.getVariant());
            assertThat(a.getReason()).as(at).isEqualTo(e.getReason());
            assertThat(a.getErrorCode()).as(at).isEqualTo(e.getErrorCode());
            assertThat(comparable(a.getFlagMetadata())).as(at).isEqualTo(comparable(e.getFlagMetadata()));
        });
    }

    private static Map<String, Object> comparable(ImmutableMetadata metadata) {
        Map<String, Object> m = new HashMap<>(metadata.asUnmodifiableMap());
        m.remove(FlagMetadata.FETCH_TIME);
        return m;
    }

    private interface Evaluation extends BiFunction<FeatureProvider, EvaluationContext, ProviderEvaluation<?>> {}

    /** Every variable as every OpenFeature type (its own type and the mismatches), plus an unknown variable. */
    private static Map<String, Evaluation> evaluations(ConfigFacts facts) {
        Map<String, Evaluation> out = new LinkedHashMap<>();
        for (String key : facts.variables().keySet()) {
            out.put(key + "/boolean", (p, c) -> p.getBooleanEvaluation(key, false, c));
            out.put(key + "/string", (p, c) -> p.getStringEvaluation(key, Cells.STRING_DEFAULT, c));
            out.put(key + "/integer", (p, c) -> p.getIntegerEvaluation(key, -7, c));
            out.put(key + "/long", (p, c) -> p.getLongEvaluation(key, -7L, c));
            out.put(key + "/double", (p, c) -> p.getDoubleEvaluation(key, Cells.NUMBER_DEFAULT, c));
            out.put(
                    key + "/object",
                    (p, c) -> p.getObjectEvaluation(
                            key, new Value(new MutableStructure().add("vexillaDefault", true)), c));
        }
        out.put(UNKNOWN + "/boolean", (p, c) -> p.getBooleanEvaluation(UNKNOWN, true, c));
        out.put(UNKNOWN + "/string", (p, c) -> p.getStringEvaluation(UNKNOWN, Cells.STRING_DEFAULT, c));
        return out;
    }
}
