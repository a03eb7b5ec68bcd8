package dev.vexilla.engine.configcat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vexilla.model.ResultReason;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class FlagCompilerTest {

    @Test
    void emptyRuleAndOptionArraysAreTheSharedConstantsAndTheFlagStaysStatic() throws Exception {
        Map<String, Flag> flags = ConfigCompiler.compile(
                        "{\"f\":{\"a\":{\"t\":0,\"r\":[],\"p\":[],\"v\":{\"b\":true}},\"b\":{\"t\":0,\"v\":{\"b\":false}}}}")
                .flags();

        Flag a = flags.get("a");
        assertThat(a.rules).isSameAs(FlagCompiler.NO_RULES).isSameAs(flags.get("b").rules);
        assertThat(a.options).isSameAs(FlagCompiler.NO_OPTIONS);
        assertThat(a.simple).isTrue();
        assertThat(a.valueResult.reason()).isEqualTo(ResultReason.STATIC);
    }
}
