package dev.vexilla.model.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openfeature.sdk.Value;
import dev.vexilla.model.ObjectMappers;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class JsonValuesTest {

    @Test
    void jsonToValueAndBackKeepsTheTree() throws Exception {
        JsonNode tree = ObjectMappers.shared()
                .readTree(
                        "{\"s\":\"x\",\"i\":1,\"l\":5000000000,\"d\":1.5,\"b\":true,\"n\":null,\"a\":[1,{\"k\":\"v\"}]}");

        Value value = JsonValues.toValue(tree);

        assertThat(value.asStructure().getValue("i").asObject()).isEqualTo(1);
        assertThat(value.asStructure().getValue("l").asObject()).isEqualTo(5_000_000_000L);
        assertThat(value.asStructure().getValue("d").asObject()).isEqualTo(1.5);
        assertThat(value.asStructure().getValue("n").isNull()).isTrue();
        assertThat(JsonValues.toJson(value)).isEqualTo(tree);
    }

    @Test
    void instantBecomesUnixSecondsOnTheWire() {
        assertThat(JsonValues.toJson(new Value(Instant.ofEpochSecond(7))).longValue())
                .isEqualTo(7L);
        assertThat(JsonValues.toJson(null).isNull()).isTrue();
        assertThat(JsonValues.plain(new Object()).isNull()).isTrue();
    }

    @Test
    void plainMapsAndListsBecomeObjectsAndArraysMemberByMember() throws Exception {
        String json = "{\"s\":\"x\",\"i\":1,\"l\":5000000000,\"big\":123456789012345678901234567890,"
                + "\"d\":1.5,\"b\":false,\"n\":null,\"a\":[1,{\"k\":[\"v\"]}]}";
        Object plain = ObjectMappers.shared().readValue(json, Object.class);

        assertThat(JsonValues.plain(plain)).isEqualTo(ObjectMappers.shared().readTree(json));
        assertThat(JsonValues.plain(List.of()).isArray()).isTrue();
        assertThat(JsonValues.plain(Map.of(7, "seven")).get("7").asText()).isEqualTo("seven");
        assertThat(JsonValues.plain(new BigDecimal("0.1")).decimalValue()).isEqualTo(new BigDecimal("0.1"));
    }
}
