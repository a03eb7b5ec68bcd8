package dev.vexilla.engine.configcat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.ResultReason;
import dev.vexilla.model.User;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

final class CompiledFlagTest {

    private static ConfigCatConfig config() throws Exception {
        try (InputStream in = CompiledFlagTest.class.getResourceAsStream("flags-a.json")) {
            return ConfigCatConfig.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void handle_evaluatesLikeTheConfig_andReturnsOneOfItsPrecomputedResultsByIdentity() throws Exception {
        ConfigCatConfig config = config();
        CompiledFlag flag = config.flag("textRule");
        assertThat(flag).isNotNull();
        assertThat(flag.key()).isEqualTo("textRule");
        assertThat(flag.settingType()).isEqualTo(SettingType.STRING);
        User hit = User.builder().identifier("1").email("a@example.com").build();
        User miss = User.builder().identifier("1").email("a@other.org").build();
        EvaluationResult r1 = flag.evaluate(hit);
        EvaluationResult r2 = flag.evaluate(miss);
        assertThat(r1).isEqualTo(config.evaluate("textRule", hit));
        assertThat(r2).isEqualTo(config.evaluate("textRule", miss));
        assertThat(flag.successResults())
                .hasSize(2)
                .anySatisfy(r -> assertThat(r).isSameAs(r1));
        assertThat(flag.successResults()).anySatisfy(r -> assertThat(r).isSameAs(r2));
    }

    @Test
    void successResults_coverValueRulesAndOptions_withoutErrors() throws Exception {
        ConfigCatConfig config = config();
        assertThat(config.flag("split").successResults())
                .extracting(EvaluationResult::variationId)
                .containsExactlyInAnyOrder("s-default", "s-on", "s-off");
        assertThat(config.flag("split").successResults())
                .filteredOn(r -> r.reason() == ResultReason.SPLIT)
                .hasSize(2);
        assertThat(config.flag("broken").successResults()).noneMatch(EvaluationResult::isError);
        assertThat(config.flag("nope")).isNull();
        assertThat(config.flag("boolStatic").toString()).contains("boolStatic");
    }
}
