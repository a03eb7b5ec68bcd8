package dev.vexilla.engine.configcat;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.User;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ConfigCat's 15 evaluation-log sets: each evaluation returns the expected value and logs exactly the text of
 * ConfigCat's Java SDK (warnings and the INFO 5000 entry).
 */
@ResourceLock("dev.vexilla.evaluation logger level")
final class EvaluationLogConformanceTest {

    private static final Map<String, String> KOTLIN_CONFIGS = Map.of(
            "prerequisite_flag", "PrerequisiteFlag.json",
            "segment", "Segment.json",
            "options_based_on_custom_attr", "OptionsBasedOnCustomAttr.json",
            "options_within_targeting_rule", "OptionsWithinTargetingRule.json");

    static Stream<Arguments> sets() {
        return Stream.of(
                        "1_targeting_rule",
                        "2_targeting_rules",
                        "and_rules",
                        "comparators",
                        "epoch_date_validation",
                        "list_truncation",
                        "number_validation",
                        "options_after_targeting_rule",
                        "options_based_on_custom_attr",
                        "options_based_on_user_id",
                        "options_within_targeting_rule",
                        "prerequisite_flag",
                        "segment",
                        "semver_validation",
                        "simple_value")
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void valuesAndLogTextsMatchConfigCat(String set) throws IOException {
        JsonNode descriptor = new ObjectMapper().readTree(TestData.read("evaluationlog/" + set + ".json"));
        ConfigCatConfig config = TestData.parse(configOf(set, descriptor)).withEvaluationLog(true);
        List<String> failures = new ArrayList<>();
        int checked = 0;
        try (EvaluationLogCapture capture = new EvaluationLogCapture(Level.INFO)) {
            for (JsonNode test : descriptor.get("tests")) {
                capture.clear();
                String key = test.get("key").asText();
                EvaluationResult result = config.evaluate(key, user(test.get("user")));
                String expectedLog = TestData.read("evaluationlog/" + set + "/"
                                + test.get("expectedLog").asText())
                        .replace("\r\n", "\n")
                        .stripTrailing();
                String actualLog = capture.text().replace("\r\n", "\n").stripTrailing();
                Object expectedValue = new ObjectMapper().treeToValue(test.get("returnValue"), Object.class);
                if (!valueMatches(expectedValue, result.value())) {
                    failures.add(set + " " + key + ": value " + result + ", expected " + expectedValue);
                }
                if (!actualLog.equals(expectedLog)) {
                    failures.add(set + " " + key + " log differs:\n--- expected\n" + expectedLog + "\n--- actual\n"
                            + actualLog);
                }
                checked++;
            }
        }
        System.out.println(
                "evaluation log " + set + ": " + checked + " evaluations checked, " + failures.size() + " failures");
        assertThat(failures).isEmpty();
    }

    private static boolean valueMatches(Object expected, Object actual) {
        if (expected instanceof Number && actual instanceof Number) {
            return ((Number) expected).doubleValue() == ((Number) actual).doubleValue();
        }
        return expected.equals(actual);
    }

    private static String configOf(String set, JsonNode descriptor) {
        if (descriptor.has("jsonOverride")) {
            return TestData.read("evaluationlog/" + set + "/"
                    + descriptor.get("jsonOverride").asText());
        }
        String kotlin = KOTLIN_CONFIGS.get(set);
        if (kotlin != null) {
            return TestData.read("configs/kotlin/" + kotlin);
        }
        return TestData.configForKey(descriptor.get("sdkKey").asText());
    }

    static User user(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        User.Builder b = User.builder();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String value = e.getValue().asText();
            switch (e.getKey()) {
                case "Identifier":
                    b.identifier(value);
                    break;
                case "Email":
                    b.email(value);
                    break;
                case "Country":
                    b.country(value);
                    break;
                default:
                    b.attribute(e.getKey(), value);
            }
        }
        return b.build();
    }
}
