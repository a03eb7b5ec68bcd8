package dev.vexilla.contract.devcycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.devcycle.sdk.server.cloud.api.DevCycleCloudClient;
import com.devcycle.sdk.server.cloud.model.DevCycleCloudOptions;
import com.devcycle.sdk.server.common.model.BaseVariable;
import com.devcycle.sdk.server.common.model.DevCycleEvent;
import com.devcycle.sdk.server.common.model.DevCycleUser;
import com.devcycle.sdk.server.common.model.Feature;
import com.devcycle.sdk.server.common.model.Variable;
import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.MutableContext;
import dev.openfeature.sdk.MutableStructure;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.Reason;
import dev.openfeature.sdk.Value;
import dev.vexilla.local.FlagOverrides;
import dev.vexilla.local.LocalOptions;
import dev.vexilla.local.LocalProvider;
import dev.vexilla.local.OverrideBehaviour;
import dev.vexilla.model.ResultDetail;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DevCycle's cloud-bucketing client (SDK 2.6.0) and its OpenFeature provider with our server as their bucketing API
 * ({@code baseURLOverride}): on generated users every answer equals what {@code LocalProvider} computes from the same
 * config file; {@code track} and EdgeDB work as with DevCycle's cloud.
 */
final class DevCycleCloudClientTest {
    private static final String CONTRACT_CONFIG = "contract-config_v2.json";
    private static final int USERS = 200;

    private static DevCycleServer server;
    private static LocalProvider local;
    private static ConfigFacts facts;
    private static List<GeneratedUsers.GeneratedUser> users;

    private final RecordingDevCycleLogger logger = RecordingDevCycleLogger.INSTANCE;

    @BeforeAll
    static void start() throws Exception {
        server = DevCycleServer.start(CONTRACT_CONFIG);
        local = new LocalProvider(LocalOptions.builder()
                .flagOverrides(FlagOverrides.file(server.configFile(), false), OverrideBehaviour.LOCAL_ONLY)
                .build());
        local.initialize(new ImmutableContext());
        facts = ConfigFacts.of(DevCycleServer.resource(CONTRACT_CONFIG));
        users = GeneratedUsers.generate(424242L, USERS, facts.userIds(), Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        local.shutdown();
        server.close();
    }

    @BeforeEach
    void forgetEarlierLogs() {
        logger.reset();
    }

    private DevCycleCloudClient cloud(boolean edgeDb) {
        return new DevCycleCloudClient(
                server.sdkKey(),
                DevCycleCloudOptions.builder()
                        .baseURLOverride(server.baseUrl())
                        .enableEdgeDB(edgeDb)
                        .customLogger(logger)
                        .build());
    }

    @Test
    void variableAndVariableValueEqualLocalProviders() {
        DevCycleCloudClient cloud = cloud(false);
        List<Cells> cells = new ArrayList<>();
        for (GeneratedUsers.GeneratedUser user : users) {
            for (Map.Entry<String, String> variable : facts.variables().entrySet()) {
                String key = variable.getKey();
                Object fallback = Cells.devCycleDefault(variable.getValue());
                Variable<Object> theirs = cloud.variable(user.sdkUser(), key, fallback);
                ProviderEvaluation<?> ours = Cells.evaluate(local, key, variable.getValue(), user.context());
                cells.add(Cells.of(user.sdkUser().getUserId(), key, theirs, ours));
                assertThat(Cells.plain(cloud.variableValue(user.sdkUser(), key, fallback)))
                        .isEqualTo(Cells.plain(theirs.getValue()));
            }
        }

        assertThat(cells).hasSize(USERS * facts.variables().size());
        assertThat(cells).anyMatch(c -> !c.theirsDefaulted()).anyMatch(Cells::theirsDefaulted);
        assertThat(cells.stream().filter(c -> !c.agree()).toList()).isEmpty();
        assertThat(logger.complaints()).isEmpty();
    }

    @Test
    void allVariablesEqualLocalProvidersAllFlags() throws Exception {
        DevCycleCloudClient cloud = cloud(false);
        for (GeneratedUsers.GeneratedUser user : users) {
            Map<String, BaseVariable> theirs = cloud.allVariables(user.sdkUser());
            Map<String, FlagEvaluationDetails<Object>> ours = local.allFlags(user.context());

            assertThat(plainValues(theirs)).as(user.toString()).isEqualTo(plainDetails(ours));
            theirs.forEach((key, variable) -> {
                assertThat(variable.getKey()).isEqualTo(key);
                assertThat(variable.getType().toString())
                        .isEqualTo(facts.variables().get(key));
            });
        }
    }

    @Test
    void allFeaturesEqualLocalProviders() throws Exception {
        DevCycleCloudClient cloud = cloud(false);
        int served = 0;
        for (GeneratedUsers.GeneratedUser user : users) {
            Map<String, Feature> theirs = cloud.allFeatures(user.sdkUser());
            Map<String, ResultDetail> ours = local.allFeatures(user.context());

            assertThat(theirs.keySet()).as(user.toString()).isEqualTo(ours.keySet());
            for (Map.Entry<String, ResultDetail> entry : ours.entrySet()) {
                Feature feature = theirs.get(entry.getKey());
                ResultDetail detail = entry.getValue();
                assertThat(feature.getId()).isEqualTo(detail.featureId());
                assertThat(feature.getKey()).isEqualTo(detail.featureKey());
                assertThat(feature.getType().toString()).isEqualTo(detail.featureType());
                assertThat(feature.getVariation()).isEqualTo(detail.variationId());
                assertThat(feature.getVariationKey()).isEqualTo(detail.variationKey());
                assertThat(feature.getVariationName()).isEqualTo(detail.variationName());
                served++;
            }
        }
        assertThat(served).isPositive();
    }

    @Test
    void trackIsAcceptedAndCounted() throws Exception {
        DevCycleCloudClient cloud = cloud(false);
        String labels = "config=\"" + DevCycleServer.CONFIG_NAME + "\",kind=\"custom\"";
        double before = server.metric("vexilla_events_received_total", labels);

        cloud.track(
                users.get(0).sdkUser(),
                DevCycleEvent.builder()
                        .type("purchase")
                        .value(BigDecimal.valueOf(3))
                        .build());

        assertThat(server.metric("vexilla_events_received_total", labels)).isEqualTo(before + 1);
        assertThat(logger.complaints()).isEmpty();
    }

    @Test
    void withEdgeDbALaterRequestIsEvaluatedWithTheStoredUser() throws Exception {
        DevCycleCloudClient cloud = cloud(true);
        DevCycleUser full = DevCycleUser.builder()
                .userId("u-edge-1")
                .country("DE")
                .email("admin@corp.example")
                .customData(new LinkedHashMap<>(Map.of("plan", "gold", "seats", 80)))
                .build();
        MutableContext context = new MutableContext("u-edge-1")
                .add("country", "DE")
                .add("email", "admin@corp.example")
                .add("customData", new MutableStructure().add("plan", "gold").add("seats", 80));
        cloud.variable(full, "price-multiplier", Cells.NUMBER_DEFAULT);

        DevCycleUser idOnly = DevCycleUser.builder().userId("u-edge-1").build();
        for (Map.Entry<String, String> variable : facts.variables().entrySet()) {
            Variable<Object> theirs =
                    cloud.variable(idOnly, variable.getKey(), Cells.devCycleDefault(variable.getValue()));
            ProviderEvaluation<?> ours = Cells.evaluate(local, variable.getKey(), variable.getValue(), context);
            assertThat(Cells.of("u-edge-1", variable.getKey(), theirs, ours).agree())
                    .as(variable.getKey())
                    .isTrue();
        }
        assertThat(cloud.variableValue(idOnly, "price-multiplier", Cells.NUMBER_DEFAULT))
                .isEqualTo(1.25);
        assertThat(cloud(false).variableValue(idOnly, "price-multiplier", Cells.NUMBER_DEFAULT))
                .as("without EdgeDB the stored data is not used")
                .isNotEqualTo(1.25);
    }

    @Test
    void devCyclesOpenFeatureProviderServesLocalProvidersValues() throws Exception {
        OpenFeatureAPI api = OpenFeatureAPI.createIsolated();
        api.setProviderAndWait("devcycle", cloud(false).getOpenFeatureProvider());
        Client client = api.getClient("devcycle");
        int compared = 0;
        for (GeneratedUsers.GeneratedUser user : users.subList(0, 100)) {
            for (Map.Entry<String, String> variable : facts.variables().entrySet()) {
                String key = variable.getKey();
                ProviderEvaluation<?> ours = Cells.evaluate(local, key, variable.getValue(), user.context());
                Object theirs = switch (variable.getValue()) {
                    case "Boolean" -> client.getBooleanValue(key, false, user.context());
                    case "String" -> client.getStringValue(key, Cells.STRING_DEFAULT, user.context());
                    case "Number" -> client.getDoubleValue(key, Cells.NUMBER_DEFAULT, user.context());
                    default ->
                        client.getObjectValue(
                                key, new Value(new MutableStructure().add("vexillaDefault", true)), user.context());
                };
                assertThat(Cells.plain(theirs)).as(user + " " + key).isEqualTo(Cells.plain(ours.getValue()));
                compared++;
            }
        }
        assertThat(compared).isEqualTo(100 * facts.variables().size());
        api.shutdown();
    }

    private static Map<String, Object> plainValues(Map<String, BaseVariable> variables) {
        Map<String, Object> out = new LinkedHashMap<>();
        variables.forEach((key, variable) -> out.put(key, Cells.plain(variable.getValue())));
        return out;
    }

    private static Map<String, Object> plainDetails(Map<String, FlagEvaluationDetails<Object>> details) {
        Map<String, Object> out = new LinkedHashMap<>();
        details.forEach((key, detail) -> {
            if (detail.getErrorCode() == null && !Objects.equals(detail.getReason(), Reason.DEFAULT.name())) {
                out.put(key, Cells.plain(detail.getValue()));
            }
        });
        return out;
    }
}
