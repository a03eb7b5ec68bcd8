package dev.vexilla.engine.devcycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vexilla.model.ErrorKind;
import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.ResultDetail;
import dev.vexilla.model.ResultReason;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * DevCycle's {@code variable.test.ts} (js-sdks HEAD) on {@code testData.json}. DevCycle's {@code variableForUser} takes
 * the requested type and answers nothing for another type; this engine serves the variable's own type and leaves the
 * type check to the result mapping ({@code ResultMapper}, {@code TYPE_MISMATCH}), so the wrong-type case checks the
 * served value's type instead.
 */
final class VariableForUserTest {

    private static final JsonNode TEST_DATA = Fixtures.json("js-sdks/testData.json");
    private static final DevCycleConfig CONFIG = Fixtures.parse(TEST_DATA.get("config"))
            .withEnvironment(DevCycleEnvironment.builder()
                    .clock(Fixtures.clockAt(TEST_DATA.get("_momentNow").textValue()))
                    .build());
    private static final TestUser USER = TestUser.of("asuh").country("canada").email("test");

    private static void assertServed(String key, Object value) {
        EvaluationResult r = CONFIG.evaluate(key, USER);
        ResultDetail d = Objects.requireNonNull(r.detail(), key);

        assertThat(r.value()).as(key).isEqualTo(value);
        assertThat(r.reason()).isEqualTo(ResultReason.TARGETING_MATCH);
        assertThat(d.featureId()).isEqualTo("614ef6aa473928459060721a");
        assertThat(d.reasonDetails()).isEqualTo("User ID AND Country");
        assertThat(d.targetId()).isEqualTo("61536f468fd67f0091982533");
    }

    @Test
    @DisplayName("generates variable object for user")
    void generatesVariableObjectForUser() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("hello", "world");
        json.put("num", 610);
        json.put("bool", true);

        assertServed("swagTest", "YEEEEOWZA");
        assertServed("bool-var", false);
        assertServed("num-var", 610.61);
        assertServed("json-var", json);
    }

    @Test
    @DisplayName("returns null if variable type isn't correct: the served value is a String, not a Number")
    void wrongType() {
        assertThat(CONFIG.evaluate("swagTest", USER).value()).isInstanceOf(String.class);
    }

    @Test
    @DisplayName("returns null if variable does not exist")
    void unknownVariable() {
        assertThat(CONFIG.evaluate("unknownKey", USER).errorKind()).isEqualTo(ErrorKind.FLAG_NOT_FOUND);
    }
}
