package dev.vexilla.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class BenchConfigsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void scenarioConfigHoldsHundredFlagsWithScenariosSegmentsPrerequisitesAndOptions() throws IOException {
        JsonNode config = JSON.readTree(BenchConfigs.configCatScenarios());

        assertThat(config.get("f").size()).isEqualTo(Scenarios.FLAG_COUNT);
        assertThat(config.get("f").has(Scenarios.S1_BOOL)).isTrue();
        assertThat(config.get("f").get(Scenarios.S4_TEN_RULES).get("r").size()).isEqualTo(10);
        assertThat(config.get("s").size()).isEqualTo(2);
        String text = config.toString();
        assertThat(text).contains("\"p\":{\"f\":").contains("\"s\":{\"s\":0").contains("\"p\":[{\"p\":50");
    }

    @Test
    void everyValueTypeAppearsInTheMix() throws IOException {
        JsonNode flags = JSON.readTree(BenchConfigs.configCatScenarios()).get("f");
        List<Integer> types = new ArrayList<>();
        flags.forEach(flag -> types.add(flag.get("t").asInt()));

        assertThat(types).contains(0, 1, 2, 3);
    }

    @Test
    void s2RuleIsEmailEndsWithExampleComServingTrue() throws IOException {
        JsonNode rule = JSON.readTree(BenchConfigs.configCatScenarios())
                .get("f")
                .get(Scenarios.S2_ONE_RULE)
                .get("r")
                .get(0);

        assertThat(rule.get("c").get(0).get("u").toString())
                .isEqualTo("{\"a\":\"Email\",\"c\":32,\"l\":[\"@example.com\"]}");
        assertThat(rule.get("s").get("v").get("b").asBoolean()).isTrue();
    }

    @Test
    void generationIsDeterministic() {
        assertThat(BenchConfigs.files()).isEqualTo(BenchConfigs.files());
        assertThat(BenchConfigs.configCatLarge(500)).isEqualTo(BenchConfigs.configCatLarge(500));
    }

    @Test
    void writtenResourcesEqualTheGeneratorsOutput() throws IOException {
        for (Map.Entry<String, String> file : BenchConfigs.files().entrySet()) {
            String path = BenchConfigs.RESOURCE_FOLDER + file.getKey();
            try (InputStream in = BenchConfigs.class.getClassLoader().getResourceAsStream(path)) {
                assertThat(in)
                        .as("resource %s (regenerate with BenchConfigs.main)", path)
                        .isNotNull();
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                        .as("resource %s is stale: regenerate with BenchConfigs.main", path)
                        .isEqualTo(file.getValue());
            }
        }
    }

    @Test
    void expectedValuesCoverEveryFlagOfTheConfig() throws IOException {
        JsonNode flags = JSON.readTree(BenchConfigs.configCatScenarios()).get("f");
        List<String> keys = new ArrayList<>();
        flags.fieldNames().forEachRemaining(keys::add);

        assertThat(BenchConfigs.expectedForMainUser().keySet()).containsExactlyElementsOf(keys);
    }

    @Test
    void largeConfigHoldsTheRequestedFlagsAndTwentySegments() throws IOException {
        JsonNode config = JSON.readTree(BenchConfigs.configCatLarge(Scenarios.LARGE_FLAG_COUNT));

        assertThat(config.get("f").size()).isEqualTo(Scenarios.LARGE_FLAG_COUNT);
        assertThat(config.get("s").size()).isEqualTo(20);
    }

    @Test
    void largeConfigRejectsFewerFlagsThanKinds() {
        assertThatThrownBy(() -> BenchConfigs.configCatLarge(3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("flagCount must be >= 10, was 3");
    }

    @Test
    void flagdScenariosDefineS1ToS4WithTheirTargeting() throws IOException {
        JsonNode flags = JSON.readTree(BenchConfigs.flagdScenarios()).get("flags");

        assertThat(flags.get(Scenarios.S1_BOOL).has("targeting")).isFalse();
        assertThat(flags.get(Scenarios.S2_ONE_RULE).get("targeting").toString())
                .isEqualTo("{\"if\":[{\"ends_with\":[{\"var\":\"Email\"},\"@example.com\"]},\"on\",\"off\"]}");
        assertThat(flags.get(Scenarios.S3_ROLLOUT).get("targeting").toString())
                .isEqualTo("{\"fractional\":[[\"on\",50],[\"off\",50]]}");
        // ten conditions, ten variants, one fallback
        assertThat(flags.get(Scenarios.S4_TEN_RULES).get("targeting").get("if").size())
                .isEqualTo(21);
    }

    @Test
    void baselineServesTheMainUsersAnswers() {
        assertThat(BenchConfigs.baselineValues())
                .containsEntry(Scenarios.S1_BOOL, true)
                .containsEntry(Scenarios.S2_ONE_RULE, true)
                .containsEntry(Scenarios.S4_TEN_RULES, Scenarios.S4_EXPECTED)
                .hasSize(4);
    }
}
