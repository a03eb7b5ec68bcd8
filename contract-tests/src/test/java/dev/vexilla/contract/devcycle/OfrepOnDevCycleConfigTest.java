package dev.vexilla.contract.devcycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.devcycle.sdk.server.common.model.DevCycleUser;
import com.fasterxml.jackson.databind.JsonNode;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.Reason;
import dev.vexilla.local.FlagOverrides;
import dev.vexilla.local.LocalOptions;
import dev.vexilla.local.LocalProvider;
import dev.vexilla.local.OverrideBehaviour;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * OFREP on a DevCycle config v2 agrees with {@code LocalProvider} on the same file: value, variant (the variation
 * key), reason, and the DevCycle metadata (feature, variation, target, DevCycle's details text). Only the config's
 * version, flag set id and fetch time differ (the server reports its ETag and the key's id; a file has neither).
 */
final class OfrepOnDevCycleConfigTest {
    private static final String CONTRACT_CONFIG = "contract-config_v2.json";
    private static final List<String> DEVCYCLE_METADATA =
            List.of("featureKey", "featureId", "variationId", "variationKey", "targetId", "evalReasonDetails");
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private static DevCycleServer server;
    private static LocalProvider local;

    @BeforeAll
    static void start() throws Exception {
        server = DevCycleServer.start(CONTRACT_CONFIG);
        local = new LocalProvider(LocalOptions.builder()
                .flagOverrides(FlagOverrides.file(server.configFile(), false), OverrideBehaviour.LOCAL_ONLY)
                .build());
        local.initialize(new ImmutableContext());
    }

    @AfterAll
    static void stop() throws Exception {
        local.shutdown();
        server.close();
    }

    @Test
    void everyVariableForGeneratedUsersEqualsLocalProvider() throws Exception {
        ConfigFacts facts = ConfigFacts.of(DevCycleServer.resource(CONTRACT_CONFIG));
        int served = 0;
        for (GeneratedUsers.GeneratedUser user : GeneratedUsers.generate(99L, 150, facts.userIds(), Map.of())) {
            String body = DevCycleServer.JSON.writeValueAsString(Map.of("context", context(user.sdkUser())));
            for (Map.Entry<String, String> variable : facts.variables().entrySet()) {
                String key = variable.getKey();
                ProviderEvaluation<?> ours = Cells.evaluate(local, key, variable.getValue(), user.context());
                JsonNode theirs = ofrep(key, body);
                String at = user + " " + key;

                assertThat(theirs.path("reason").asText()).as(at).isEqualTo(ours.getReason());
                if (Reason.DEFAULT.name().equals(ours.getReason())) {
                    assertThat(theirs.path("value").isMissingNode()
                                    || theirs.path("value").isNull())
                            .as(at)
                            .isTrue();
                    continue;
                }
                served++;
                assertThat(ours.getFlagMetadata().getString("featureKey"))
                        .as(at)
                        .isNotNull();
                Object value = DevCycleServer.JSON.convertValue(theirs.path("value"), Object.class);
                assertThat(Cells.plain(value)).as(at).isEqualTo(Cells.plain(ours.getValue()));
                assertThat(theirs.path("variant").asText()).as(at).isEqualTo(ours.getVariant());
                for (String name : DEVCYCLE_METADATA) {
                    assertThat(theirs.path("metadata").path(name).asText(null))
                            .as(at + " metadata " + name)
                            .isEqualTo(ours.getFlagMetadata().getString(name));
                }
            }
        }
        assertThat(served).isPositive();
    }

    private static Map<String, Object> context(DevCycleUser user) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("targetingKey", user.getUserId());
        putIfSet(context, "email", user.getEmail());
        putIfSet(context, "country", user.getCountry());
        putIfSet(context, "appVersion", user.getAppVersion());
        putIfSet(context, "customData", user.getCustomData());
        putIfSet(context, "privateCustomData", user.getPrivateCustomData());
        return context;
    }

    private static void putIfSet(Map<String, Object> context, String name, @Nullable Object value) {
        if (value != null) {
            context.put(name, value);
        }
    }

    private static JsonNode ofrep(String key, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "ofrep/v1/evaluate/flags/" + key))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + server.sdkKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return DevCycleServer.JSON.readTree(response.body());
    }
}
