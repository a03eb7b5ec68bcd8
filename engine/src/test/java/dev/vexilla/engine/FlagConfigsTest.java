package dev.vexilla.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vexilla.model.User;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

final class FlagConfigsTest {

    private static final String V6 = "{\"p\":{\"u\":\"https://cdn-global.configcat.com\",\"r\":0,\"s\":\"salt\"},"
            + "\"f\":{\"on\":{\"t\":0,\"v\":{\"b\":true},\"i\":\"v1\"}}}";

    @Test
    void tellsTheModelFromTheFirstTopLevelNameOfEitherModel() {
        assertThat(FlagConfigs.detect(V6)).contains(FlagModel.CONFIGCAT_V6);
        assertThat(FlagConfigs.detect("{\"flags\":{\"a\":true}}")).contains(FlagModel.CONFIGCAT_V6);
        assertThat(FlagConfigs.detect("{\"sse\":{\"hostname\":\"h\"},\"project\":{}}"))
                .as("names of neither model are skipped, values and all")
                .contains(FlagModel.DEVCYCLE_V2);
        assertThat(FlagConfigs.detect("{}")).isEmpty();
        assertThat(FlagConfigs.detect("[1,2]")).isEmpty();
        assertThat(FlagConfigs.detect("not json")).isEmpty();
    }

    @Test
    void parsesEitherModelWithItsOwnParser() throws Exception {
        FlagConfig configCat = FlagConfigs.parse(V6);
        FlagConfig devCycle = FlagConfigs.parse(resource("/devcycle/java-server-sdk/fixture_small_config.json"));

        assertThat(configCat.model()).isEqualTo(FlagModel.CONFIGCAT_V6);
        assertThat(configCat.evaluate("on", User.of("u")).value()).isEqualTo(true);
        assertThat(devCycle.model()).isEqualTo(FlagModel.DEVCYCLE_V2);
        assertThat(devCycle.keys()).isNotEmpty();
    }

    @Test
    void aDocumentOfNeitherShapeIsReadAsConfigCatsAsBefore() throws Exception {
        assertThat(FlagConfigs.parse("{}").keys()).isEmpty();
        assertThatThrownBy(() -> FlagConfigs.parse("not json")).isInstanceOf(ConfigParseException.class);
    }

    @Test
    void aBrokenDevCycleTopLevelIsRejectedWithItsPath() {
        assertThatThrownBy(
                        () -> FlagConfigs.parse("{\"project\":{},\"environment\":{},\"features\":[],\"variables\":3}"))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("project");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = FlagConfigsTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
