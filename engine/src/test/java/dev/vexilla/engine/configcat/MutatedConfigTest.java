package dev.vexilla.engine.configcat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vexilla.engine.ConfigParseException;
import dev.vexilla.model.ErrorKind;
import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.User;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Robustness: real configs with random parts replaced by values of the wrong type either fail as a whole with
 * {@link ConfigParseException}, or compile, and then every evaluation returns a result without throwing.
 */
final class MutatedConfigTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String[] SOURCES = {
        "configs/go-by-key/configcat-sdk-1__JcPbCGl_1E-K9M-fJOyKyQ__OfQqcTjfFUGBwMKqtyEOrQ.json",
        "configs/kotlin/PrerequisiteFlag.json",
        "configs/kotlin/Segment.json",
        "configs/go-by-key/configcat-sdk-1__PKDVCLf-Hq-h-kCzMp-L7Q__AG6C1ngVb0CvM07un6JisQ.json"
    };
    private static final List<User> USERS = List.of(
            User.builder()
                    .identifier("1")
                    .email("kate@configcat.com")
                    .country("USA")
                    .build(),
            User.builder()
                    .identifier("2")
                    .email("a@example.com")
                    .attribute("Custom1", "1.0.0")
                    .build(),
            User.of(""));

    @Property(tries = 300)
    void mutatedConfigsNeverThrowFromEvaluation(@ForAll long seed) throws IOException {
        Random random = new Random(seed);
        JsonNode root = MAPPER.readTree(TestData.read(SOURCES[random.nextInt(SOURCES.length)]));
        for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
            mutate(root, random);
        }
        ConfigCatConfig config;
        try {
            config = ConfigCatConfig.parse(MAPPER.writeValueAsString(root));
        } catch (ConfigParseException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        for (String key : config.keys()) {
            assertThat(config.evaluate(key, null)).isNotNull();
            for (User user : USERS) {
                EvaluationResult r = config.evaluate(key, user);
                assertThat(r.isError() ? r.errorMessage() : r.value()).isNotNull();
                // GENERAL would mean an unexpected exception inside the engine: a defect, not a config problem.
                assertThat(r.errorKind()).as("%s: %s", key, r).isNotEqualTo(ErrorKind.GENERAL);
            }
        }
        List<String> keys = new ArrayList<>();
        config.evaluateAll(USERS.get(0), (k, r) -> keys.add(k));
        assertThat(keys).containsExactlyElementsOf(config.keys());
    }

    private static void mutate(JsonNode root, Random random) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        JsonNode replacement = randomValue(random);
        if (target instanceof ObjectNode) {
            ObjectNode object = (ObjectNode) target;
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            if (!names.isEmpty()) {
                object.set(names.get(random.nextInt(names.size())), replacement);
            }
        } else if (target instanceof ArrayNode && target.size() > 0) {
            ((ArrayNode) target).set(random.nextInt(target.size()), replacement);
        }
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node.isContainerNode()) {
            out.add(node);
            node.forEach(child -> collect(child, out));
        }
    }

    private static JsonNode randomValue(Random random) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        switch (random.nextInt(9)) {
            case 0:
                return f.nullNode();
            case 1:
                return f.numberNode(random.nextInt(40) - 2);
            case 2:
                return f.numberNode(random.nextDouble() * 1e6);
            case 3:
                return f.textNode("x" + random.nextInt(3));
            case 4:
                return f.booleanNode(random.nextBoolean());
            case 5:
                return f.arrayNode().add("1.0.0").add(f.nullNode());
            case 6:
                return f.objectNode().put("b", true);
            case 7:
                return f.objectNode().put("s", "v").put("i", 5_000_000_000L);
            default:
                return f.arrayNode();
        }
    }
}
