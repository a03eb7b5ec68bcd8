package dev.vexilla.model.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openfeature.sdk.Value;
import dev.vexilla.model.ObjectMappers;
import java.time.Instant;
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
        assertThat(JsonValues.scalar(new Object()).isNull()).isTrue();
    }
}
