package dev.vexilla.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vexilla.engine.configcat.ConfigCatConfig;
import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.ResultReason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks {@code spec-flags_v6.json} against the spec's {@code test-flags.json} with Vexilla's engine: every flag the
 * README does not list as untranslatable is there, and without a user it serves its default variant's value under
 * the variant's name.
 */
final class SpecFlagsTranslationTest {

    private static final String TEST_FLAGS = "dev/vexilla/contract/gherkin/test-flags.json";
    private static final String SPEC_FLAGS_V6 = "dev/vexilla/contract/spec-flags_v6.json";

    /** The flags contract-tests/README.md documents as having no config v6 equivalent. */
    private static final Set<String> UNTRANSLATABLE = Set.of(
            "boolean-disabled-flag",
            "string-disabled-flag",
            "integer-disabled-flag",
            "float-disabled-flag",
            "object-disabled-flag",
            "null-default-flag",
            "undefined-default-flag");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode specFlags;
    private static ConfigCatConfig translated;

    @BeforeAll
    static void load() throws Exception {
        specFlags = MAPPER.readTree(read(TEST_FLAGS));
        translated = ConfigCatConfig.parseStrict(read(SPEC_FLAGS_V6));
    }

    @Test
    void everyTranslatableSpecFlagIsTranslatedAndNothingElse() {
        Set<String> expected = new HashSet<>();
        specFlags.fieldNames().forEachRemaining(expected::add);
        assertThat(expected).containsAll(UNTRANSLATABLE);
        expected.removeAll(UNTRANSLATABLE);

        assertThat(translated.keys()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void withoutUserEveryFlagServesItsDefaultVariant() throws IOException {
        for (Iterator<Map.Entry<String, JsonNode>> it = specFlags.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> flag = it.next();
            if (UNTRANSLATABLE.contains(flag.getKey())) {
                continue;
            }
            String defaultVariant = flag.getValue().path("defaultVariant").asText();
            JsonNode expected = flag.getValue().path("variants").path(defaultVariant);
            EvaluationResult result = translated.evaluate(flag.getKey(), null);

            assertThat(result.isError()).as("%s: %s", flag.getKey(), result).isFalse();
            assertThat(result.variationId()).as("variant of %s", flag.getKey()).isEqualTo(defaultVariant);
            assertThat(asJson(result.value())).as("value of %s", flag.getKey()).isEqualTo(expected);
            boolean targeted = flag.getValue().has("contextEvaluator");
            assertThat(result.reason())
                    .as("reason of %s", flag.getKey())
                    .isEqualTo(targeted ? ResultReason.DEFAULT : ResultReason.STATIC);
        }
    }

    /** A string setting that holds a JSON object stands for an object flag; compare it as JSON. */
    private static JsonNode asJson(Object value) throws IOException {
        if (value instanceof String && ((String) value).startsWith("{")) {
            return MAPPER.readTree((String) value);
        }
        return MAPPER.valueToTree(value);
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = SpecFlagsTranslationTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
