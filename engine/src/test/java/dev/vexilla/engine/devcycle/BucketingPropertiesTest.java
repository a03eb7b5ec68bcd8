package dev.vexilla.engine.devcycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.ObjectMappers;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** Statistical and determinism properties of DevCycle bucketing. */
final class BucketingPropertiesTest {

    /** A config with one String variable {@code v} served by a target with the given distribution (variation ids). */
    static DevCycleConfig distribution(double... percentages) {
        ObjectNode root = Fixtures.oneTarget(
                ObjectMappers.shared()
                        .createObjectNode()
                        .put("operator", "and")
                        .set(
                                "filters",
                                ObjectMappers.shared()
                                        .createArrayNode()
                                        .add(ObjectMappers.shared()
                                                .createObjectNode()
                                                .put("type", "all"))),
                ObjectMappers.shared().createObjectNode());
        ((ObjectNode) root.get("variables").get(0)).put("type", "String");
        ObjectNode feature = (ObjectNode) root.get("features").get(0);
        com.fasterxml.jackson.databind.node.ArrayNode variations = feature.putArray("variations");
        ObjectNode target =
                (ObjectNode) feature.get("configuration").get("targets").get(0);
        com.fasterxml.jackson.databind.node.ArrayNode entries = target.putArray("distribution");
        for (int i = 0; i < percentages.length; i++) {
            ObjectNode variation = variations
                    .addObject()
                    .put("_id", "variation-" + i)
                    .put("key", "v" + i)
                    .put("name", "V" + i);
            variation.putArray("variables").addObject().put("_var", "var-v").put("value", "value-" + i);
            entries.addObject().put("_variation", "variation-" + i).put("percentage", percentages[i]);
        }
        return Fixtures.parse(root);
    }

    private static Map<Object, Integer> split(DevCycleConfig config, int users) {
        Random random = new Random(20_260_101L);
        Map<Object, Integer> counts = new HashMap<>();
        for (int i = 0; i < users; i++) {
            String id = new UUID(random.nextLong(), random.nextLong()).toString();
            counts.merge(config.evaluate("v", TestUser.of(id)).value(), 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void fiftyFiftySplitsOneHundredThousandUsersWithinOnePercent() {
        Map<Object, Integer> counts = split(distribution(0.5, 0.5), 100_000);

        assertThat(counts.get("value-0") / 100_000.0).isCloseTo(0.5, within(0.01));
        assertThat(counts.get("value-1") / 100_000.0).isCloseTo(0.5, within(0.01));
    }

    @Test
    void twentyFiveSeventyFiveSplitsOneHundredThousandUsersWithinOnePercent() {
        Map<Object, Integer> counts = split(distribution(0.25, 0.75), 100_000);

        assertThat(counts.get("value-0") / 100_000.0).isCloseTo(0.25, within(0.01));
        assertThat(counts.get("value-1") / 100_000.0).isCloseTo(0.75, within(0.01));
    }

    private static final DevCycleConfig THREE_WAY = distribution(0.2, 0.3, 0.5);
    private static final DevCycleConfig THREE_WAY_AGAIN = distribution(0.2, 0.3, 0.5);

    @Property(tries = 1000)
    void theSameUserAlwaysLandsInTheSameVariation(@ForAll @StringLength(min = 1, max = 40) String userId) {
        EvaluationResult first = THREE_WAY.evaluate("v", TestUser.of(userId));
        EvaluationResult again = THREE_WAY.evaluate("v", TestUser.of(userId));
        EvaluationResult otherCompilation = THREE_WAY_AGAIN.evaluate("v", TestUser.of(userId));

        assertThat(again).isSameAs(first);
        assertThat(otherCompilation).isEqualTo(first);
    }

    @Test
    void generatesBucketsApproximatelyInTheVariationDistribution() {
        // bucketing.test.ts "generates buckets approximately in the same distribution as the variation
        // distributions": 200,000 users, each share within DevCycle's bounds.
        Map<Object, Integer> counts = split(distribution(0.2555, 0.4445, 0.2, 0.1), 200_000);

        assertThat(counts.get("value-0") / 200_000.0).isBetween(0.2525, 0.2575);
        assertThat(counts.get("value-1") / 200_000.0).isBetween(0.4425, 0.4475);
        assertThat(counts.get("value-2") / 200_000.0).isBetween(0.19, 0.21);
        assertThat(counts.get("value-3") / 200_000.0).isBetween(0.09, 0.11);
    }
}
