package dev.vexilla.engine.devcycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.ObjectMappers;
import dev.vexilla.model.ResultDetail;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * DevCycle's segmentation unit tests ({@code segmentation.test.ts} at js-sdks HEAD, 157 tests), case by case: every
 * {@code evaluateOperator} call of a test with the result its assertion expects, extracted into
 * {@code devcycle/js-sdks/segmentation-cases.json}. Each case becomes a one-target config whose audience is the
 * case's operator; the user passes the audience exactly when the target serves, and the served result's details text
 * is DevCycle's {@code reasonDetails}.
 *
 * <p>Four cases give a custom-data key a JSON {@code null}, which {@code UserAttributes} cannot tell from an absent key;
 * they test {@code exist}/{@code !exist}, where the two agree.
 */
final class SegmentationConformanceTest {

    @TestFactory
    Stream<DynamicTest> everyCaseOfSegmentationTestTs() {
        JsonNode cases = Fixtures.json("js-sdks/segmentation-cases.json").get("cases");
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : cases) {
            String name = c.get("test").textValue().replace("SegmentationManager Unit Test > ", "") + " #"
                    + c.get("n").intValue();
            tests.add(DynamicTest.dynamicTest(name, () -> check(c)));
        }
        assertThat(tests).hasSize(347);
        return tests.stream();
    }

    @SuppressWarnings("unchecked")
    private static void check(JsonNode c) {
        DevCycleConfig config = Fixtures.parse(Fixtures.oneTarget(c.get("operator"), c.get("audiences")));
        JsonNode platform = c.get("platform");
        DevCycleEnvironment env = DevCycleEnvironment.builder()
                .platform(platform.path("platform").asText(""))
                .platformVersion(platform.path("platformVersion").asText(""))
                .build();
        Map<String, Object> user = ObjectMappers.shared().convertValue(c.get("user"), Map.class);

        EvaluationResult r = config.withEnvironment(env).evaluate("v", TestUser.fromMap(user));

        assertThat(config.problems()).as("problems").isEmpty();
        boolean expected = c.get("expected").get("result").booleanValue();
        assertThat(!r.isDefaulted()).as("result of %s", r).isEqualTo(expected);
        if (expected && !c.path("resultOnly").asBoolean(false)) {
            ResultDetail detail = Objects.requireNonNull(r.detail());
            assertThat(detail.reasonDetails())
                    .as("reasonDetails")
                    .isEqualTo(c.get("expected").path("reasonDetails").asText(""));
        }
    }
}
