package dev.vexilla.engine.devcycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.management.ThreadMXBean;
import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.ObjectMappers;
import dev.vexilla.model.User;
import java.lang.management.ManagementFactory;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A loose, deterministic check that the common evaluation paths allocate nothing per call (the benchmark scenarios
 * d1-d4): the thread's allocated bytes around 10,000 warm evaluations stay below a bound far smaller than one object per
 * call. Real measurements belong to the JMH benchmarks.
 */
final class AllocationTest {

    private static final int CALLS = 10_000;
    /** Far below 16 bytes per call: what the measuring itself may allocate, not per-evaluation garbage. */
    private static final long BOUND = 16_384;

    private static long allocatedBy(Runnable work) {
        ThreadMXBean bean = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(bean.isThreadAllocatedMemorySupported() && bean.isThreadAllocatedMemoryEnabled());
        long id = Thread.currentThread().getId();
        for (int warm = 0; warm < 5; warm++) {
            work.run();
        }
        long before = bean.getThreadAllocatedBytes(id);
        work.run();
        return bean.getThreadAllocatedBytes(id) - before;
    }

    private static void assertAllocationFree(DevCycleConfig config, IntFunction<User> users) {
        User[] prepared = new User[64];
        for (int i = 0; i < prepared.length; i++) {
            prepared[i] = users.apply(i);
        }
        EvaluationResult[] sink = new EvaluationResult[1];
        long bytes = allocatedBy(() -> {
            for (int i = 0; i < CALLS; i++) {
                sink[0] = config.evaluate("v", prepared[i & 63]);
            }
        });
        assertThat(sink[0]).isNotNull();
        assertThat(config.evaluate("v", prepared[0]).value())
                .as("a served value")
                .isNotNull();
        assertThat(bytes).as("bytes allocated by %d evaluations", CALLS).isLessThan(BOUND);
    }

    private static ObjectNode filter(String subType, String comparator, String value) {
        ObjectNode f = ObjectMappers.shared()
                .createObjectNode()
                .put("type", "user")
                .put("subType", subType)
                .put("comparator", comparator);
        f.putArray("values").add(value);
        return f;
    }

    private static ObjectNode and(ObjectNode... filters) {
        ObjectNode op = ObjectMappers.shared().createObjectNode().put("operator", "and");
        ArrayNode list = op.putArray("filters");
        for (ObjectNode f : filters) {
            list.add(f);
        }
        return op;
    }

    @Test
    void d1BooleanForAllUsersAllocatesNothing() {
        DevCycleConfig config = Fixtures.parse(Fixtures.oneTarget(
                and(ObjectMappers.shared().createObjectNode().put("type", "all")),
                ObjectMappers.shared().createObjectNode()));

        assertAllocationFree(config, i -> User.of("user-" + i));
    }

    @Test
    void d2EmailEndsWithAllocatesNothing() {
        DevCycleConfig config = Fixtures.parse(Fixtures.oneTarget(
                and(filter("email", "endWith", "@example.com")),
                ObjectMappers.shared().createObjectNode()));

        assertAllocationFree(
                config,
                i -> User.builder()
                        .identifier("user-" + i)
                        .email("user" + i + (i % 2 == 0 ? "@example.com" : "@other.org"))
                        .build());
    }

    @Test
    void d3FiftyFiftyDistributionAllocatesNothing() {
        DevCycleConfig config = BucketingPropertiesTest.distribution(0.5, 0.5);

        assertAllocationFree(config, i -> User.of("user-" + i));
    }

    @Test
    void d4TenTargetsLastMatchingWithVersionsAndCustomDataAllocatesNothing() {
        ObjectNode config = Fixtures.oneTarget(
                and(filter("country", "=", "NZ")), ObjectMappers.shared().createObjectNode());
        ArrayNode targets =
                (ArrayNode) config.get("features").get(0).get("configuration").get("targets");
        ObjectNode template = (ObjectNode) targets.get(0);
        targets.removeAll();
        for (int t = 0; t < 9; t++) {
            ObjectNode target = template.deepCopy().put("_id", "target-" + t);
            ObjectNode number =
                    filter("customData", ">", "x").put("dataKey", "seats").put("dataKeyType", "Number");
            number.putArray("values").add(1000 + t);
            ((ObjectNode) target.get("_audience"))
                    .set(
                            "filters",
                            and(
                                    number,
                                    filter("appVersion", ">", "9." + t + ".0"),
                                    filter("email", "contain", "@vip" + t + "."),
                                    filter("country", "=", "X" + t)));
            targets.add(target);
        }
        ObjectNode last = template.deepCopy().put("_id", "target-last");
        ((ObjectNode) last.get("_audience"))
                .set("filters", and(filter("appVersion", ">", "1.0.0"), filter("country", "=", "NZ")));
        targets.add(last);

        assertAllocationFree(
                Fixtures.parse(config),
                i -> User.builder()
                        .identifier("user-" + i)
                        .email("user" + i + "@example.com")
                        .country("NZ")
                        .attribute("appVersion", "2.3." + i)
                        .attribute("seats", 10)
                        .build());
    }
}
