package dev.vexilla.engine.configcat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vexilla.engine.ConfigParseException;
import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.User;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

@ResourceLock("dev.vexilla.evaluation logger level")
final class EvaluatorTest {

    private static final int EVALUATIONS = 100_000;

    /** A flag whose prerequisite has rules: an evaluate-all pass shares that prerequisite's result in a map. */
    private static final String DEPENDS_ON_RULES =
            "'dependsOnRules':{'t':0,'r':[{'c':[{'p':{'f':'s2','c':0,'v':{'b':true}}}],'s':{'v':{'b':true}}}],'v':{'b':false}},";

    private static final String CONFIG = ("{'p':{'s':'salt'},"
                    + "'s':[{'n':'Staff','r':[{'a':'Email','c':32,'l':['@example.com']}]}],'f':{"
                    + "'s1':{'t':0,'v':{'b':true}},"
                    + "'s2':{'t':0,'r':[{'c':[{'u':{'a':'Email','c':32,'l':['@example.com']}}],'s':{'v':{'b':true}}}],"
                    + "'v':{'b':false}},"
                    + "'split':{'t':1,'p':[{'p':10,'v':{'s':'a'}},{'p':20,'v':{'s':'b'}},{'p':30,'v':{'s':'c'}},"
                    + "{'p':40,'v':{'s':'d'}}],'v':{'s':'none'}},"
                    + "'s4':{'t':1,'r':[" + tenRules() + "],'v':{'s':'none'}},"
                    + "'mixed':{'t':1,'r':["
                    + "{'c':[{'u':{'a':'seats','c':14,'d':100}}],'s':{'v':{'s':'big'}}},"
                    + "{'c':[{'u':{'a':'appVersion','c':6,'s':'2.0.0'}}],'s':{'v':{'s':'old'}}},"
                    + "{'c':[{'u':{'a':'ageDays','c':13,'d':7}}],'s':{'v':{'s':'new'}}},"
                    + "{'c':[{'u':{'a':'appVersion','c':4,'l':['3.0.0','3.1.0-rc.1']}}],'s':{'v':{'s':'listed'}}},"
                    + "{'c':[{'u':{'a':'appVersion','c':9,'s':'3.0.0'}}],'s':{'v':{'s':'current'}}}"
                    + "],'v':{'s':'none'}},"
                    + "'dependent':{'t':0,'r':[{'c':[{'p':{'f':'s1','c':0,'v':{'b':true}}}],'s':{'v':{'b':true}}}],"
                    + "'v':{'b':false}},"
                    + DEPENDS_ON_RULES
                    + "'segmented':{'t':0,'r':[{'c':[{'s':{'s':0,'c':0}}],'s':{'v':{'b':true}}}],'v':{'b':false}}"
                    + "}}")
            .replace('\'', '"');

    private static String tenRules() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            if (i > 0) {
                sb.append(',');
            }
            String attribute = i < 9 ? "Country" : "Email";
            String op = i < 9 ? "0" : "32";
            String value = i < 9 ? "C" + i : "@example.com";
            sb.append("{'c':[{'u':{'a':'")
                    .append(attribute)
                    .append("','c':")
                    .append(op)
                    .append(",'l':['")
                    .append(value)
                    .append("']}}],'s':{'v':{'s':'r")
                    .append(i)
                    .append("'}}}");
        }
        return sb.toString();
    }

    private static ConfigCatConfig config() {
        return config(CONFIG);
    }

    private static ConfigCatConfig config(String json) {
        try {
            return ConfigCatConfig.parse(json);
        } catch (ConfigParseException e) {
            throw new AssertionError(e);
        }
    }

    @Property(tries = 500)
    void sameUserAlwaysLandsInTheSameBucket(@ForAll @StringLength(max = 40) String id) {
        ConfigCatConfig config = config();
        User user = User.of(id);

        EvaluationResult first = config.evaluate("split", user);

        assertThat(config.evaluate("split", User.of(id))).isSameAs(first);
        assertThat(config.evaluate("split", user).optionIndex()).isEqualTo(first.optionIndex());
    }

    @Test
    void randomUsersSplitWithinOnePercentOfTheConfiguredShares() {
        ConfigCatConfig config = config();
        int[] counts = new int[4];
        int users = 100_000;
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < users; i++) {
            String id = new UUID(random.nextLong(), random.nextLong()).toString();
            counts[config.evaluate("split", User.of(id)).optionIndex()]++;
        }
        int[] shares = {10, 20, 30, 40};
        for (int i = 0; i < 4; i++) {
            assertThat(counts[i] * 100.0 / users)
                    .as("option %d", i)
                    .isCloseTo(shares[i], org.assertj.core.data.Offset.offset(1.0));
        }
    }

    @Test
    void hotPathsIncludingPercentageOptionsAllocateNothing() {
        ConfigCatConfig config = config();
        User user = fullUser();
        assertThat(config.evaluate("mixed", user).value()).isEqualTo("current");
        for (String key : List.of("s1", "s2", "s4", "mixed", "dependent", "dependsOnRules", "segmented", "split")) {
            assertThat(leastBytesAllocated(() -> config.evaluate(key, user)))
                    .as("bytes allocated by %d evaluations of %s", EVALUATIONS, key)
                    .isLessThan(EVALUATIONS / 10);
        }
        assertThat(config.evaluate("dependent", user).value()).isEqualTo(true);
        assertThat(config.evaluate("dependsOnRules", user).value()).isEqualTo(true);
        assertThat(config.evaluate("segmented", user).value()).isEqualTo(true);
    }

    @Test
    void evaluateAllPassWithoutSharedPrerequisiteResultsAllocatesNothing() {
        ConfigCatConfig config = config(CONFIG.replace(DEPENDS_ON_RULES.replace('\'', '"'), ""));
        User user = fullUser();
        java.util.function.BiConsumer<String, EvaluationResult> sink = (key, result) -> {};

        long least = leastBytesAllocated(() -> config.evaluateAll(user, sink));

        assertThat(least).as("bytes allocated by %d passes", EVALUATIONS).isLessThan(EVALUATIONS / 10);
    }

    /** A user with every attribute the test config's rules read. */
    private static User fullUser() {
        return User.builder()
                .identifier("1")
                .email("ada@example.com")
                .country("HU")
                .attribute("seats", 42)
                .attribute("appVersion", "3.1.4-beta.2+build.7")
                .attribute("ageDays", 365)
                .build();
    }

    /** The fewest bytes the current thread allocated over three runs of {@link #EVALUATIONS} calls, after warm-up. */
    private static long leastBytesAllocated(Runnable call) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long least = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 3; attempt++) {
            for (int i = 0; i < 20_000; i++) {
                call.run();
            }
            long before = threads.getThreadAllocatedBytes(thread);
            for (int i = 0; i < EVALUATIONS; i++) {
                call.run();
            }
            // A single object per call would be at least 16 bytes each; callers allow only stray JVM-internal bytes.
            least = Math.min(least, threads.getThreadAllocatedBytes(thread) - before);
        }
        return least;
    }
}
