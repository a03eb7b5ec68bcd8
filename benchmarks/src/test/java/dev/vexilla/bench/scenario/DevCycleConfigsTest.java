package dev.vexilla.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class DevCycleConfigsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void scenarioConfigHoldsExactlyHundredVariablesEachSetByOneFeature() throws IOException {
        JsonNode config = JSON.readTree(DevCycleConfigs.scenarios());
        Set<String> variableIds = new HashSet<>();
        config.get("variables").forEach(v -> variableIds.add(v.get("_id").asText()));
        List<String> setIds = new ArrayList<>();
        config.get("features")
                .forEach(f -> f.get("variations")
                        .get(0)
                        .get("variables")
                        .forEach(v -> setIds.add(v.get("_var").asText())));

        assertThat(config.get("variables").size()).isEqualTo(DevCycleScenarios.VARIABLE_COUNT);
        assertThat(variableIds).hasSize(DevCycleScenarios.VARIABLE_COUNT);
        assertThat(setIds).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(variableIds);
        assertThat(config.get("features").size()).isEqualTo(4 + 32);
        assertThat(DevCycleConfigs.variableKeys()).hasSize(DevCycleScenarios.VARIABLE_COUNT);
    }

    @Test
    void everyVariableTypeAppears() throws IOException {
        List<String> types = new ArrayList<>();
        JSON.readTree(DevCycleConfigs.scenarios())
                .get("variables")
                .forEach(v -> types.add(v.get("type").asText()));

        assertThat(types).contains("Boolean", "String", "Number", "JSON");
    }

    @Test
    void d2IsOneTargetWithOneEmailEndWithFilter() throws IOException {
        JsonNode targets = feature(DevCycleScenarios.D2_ONE_AUDIENCE + "-feature")
                .get("configuration")
                .get("targets");

        assertThat(targets.size()).isEqualTo(1);
        assertThat(targets.get(0).get("_audience").get("filters").toString())
                .isEqualTo("{\"operator\":\"and\",\"filters\":[{\"type\":\"user\",\"subType\":\"email\","
                        + "\"comparator\":\"endWith\",\"values\":[\"@example.com\"]}]}");
    }

    @Test
    void d4HasTenOneFilterTargetsOnEightDifferentAttributes() throws IOException {
        JsonNode targets = feature(DevCycleScenarios.D4_TEN_TARGETS + "-feature")
                .get("configuration")
                .get("targets");
        Set<String> attributes = new HashSet<>();
        targets.forEach(t -> {
            JsonNode filters = t.get("_audience").get("filters").get("filters");
            assertThat(filters.size()).isEqualTo(1);
            JsonNode filter = filters.get(0);
            attributes.add(
                    filter.has("dataKey")
                            ? filter.get("dataKey").asText()
                            : filter.get("subType").asText());
        });

        assertThat(targets.size()).isEqualTo(10);
        assertThat(attributes)
                .containsExactlyInAnyOrder(
                        "seats", "appVersion", "country", "email", "plan", "user_id", "betaTester", "accountAgeDays");
    }

    @Test
    void d3SplitsTheRolloutUsersRoughlyInHalf() {
        long on = DevCycleUsers.rolloutUsers().stream()
                .filter(u -> DevCycleScenarios.d3Expected(u.userId()))
                .count();

        assertThat(on).isBetween(412L, 612L);
    }

    @Test
    void mainUserIsServedTheScenariosAndMostOfTheMix() {
        Map<String, Object> expected = DevCycleConfigs.expectedForMainUser();

        assertThat(expected)
                .containsEntry(DevCycleScenarios.D1_BOOL, true)
                .containsEntry(DevCycleScenarios.D2_ONE_AUDIENCE, true)
                .containsEntry(DevCycleScenarios.D4_TEN_TARGETS, "target10")
                .containsKey(DevCycleScenarios.D3_SPLIT);
        // kinds 1, 4 and 6 of every other cycle of eight do not target the main user: 6 features, 18 variables
        assertThat(expected).hasSize(DevCycleScenarios.VARIABLE_COUNT - 18);
        assertThat(DevCycleConfigs.variableKeys()).containsAll(expected.keySet());
    }

    @Test
    void expectedValuesAreNormalised() {
        assertThat(DevCycleConfigs.expectedForMainUser().values())
                .allSatisfy(v -> assertThat(v).isInstanceOfAny(Boolean.class, String.class, Double.class, Map.class));
        assertThat(DevCycleConfigs.normalise(Map.of("a", List.of(1, 2.5f)))).isEqualTo(Map.of("a", List.of(1.0, 2.5)));
    }

    @Test
    void generationIsDeterministic() {
        assertThat(DevCycleConfigs.files()).isEqualTo(DevCycleConfigs.files());
        assertThat(DevCycleConfigs.large(40)).isEqualTo(DevCycleConfigs.large(40));
    }

    @Test
    void largeConfigHoldsTheRequestedFeaturesWithThreeVariablesEach() throws IOException {
        JsonNode config = JSON.readTree(DevCycleConfigs.large(DevCycleScenarios.LARGE_FEATURE_COUNT));

        assertThat(config.get("features").size()).isEqualTo(DevCycleScenarios.LARGE_FEATURE_COUNT);
        assertThat(config.get("variables").size()).isEqualTo(3 * DevCycleScenarios.LARGE_FEATURE_COUNT);
        assertThat(DevCycleConfigs.largeServedCount(DevCycleScenarios.LARGE_FEATURE_COUNT))
                .isBetween(2000, 3000);
    }

    @Test
    void largeConfigRejectsFewerFeaturesThanKinds() {
        assertThatThrownBy(() -> DevCycleConfigs.large(3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("featureCount must be >= 8, was 3");
    }

    @Test
    void benchConfigFilesIncludeTheDevCycleOnes() {
        assertThat(BenchConfigs.files())
                .containsKeys(
                        DevCycleConfigs.SCENARIOS_FILE, DevCycleConfigs.EXPECTED_FILE, DevCycleConfigs.BASELINE_FILE);
    }

    private static JsonNode feature(String key) throws IOException {
        for (JsonNode f : JSON.readTree(DevCycleConfigs.scenarios()).get("features")) {
            if (f.get("key").asText().equals(key)) {
                return f;
            }
        }
        throw new AssertionError("no feature " + key);
    }
}
