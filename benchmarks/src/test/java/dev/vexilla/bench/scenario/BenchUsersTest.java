package dev.vexilla.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class BenchUsersTest {

    @Test
    void rolloutUsersHaveDistinctIdentifiersAndAPowerOfTwoCount() {
        Set<String> ids = new HashSet<>();
        BenchUsers.rolloutUsers().forEach(u -> ids.add(u.identifier()));

        assertThat(ids).hasSize(BenchUsers.ROLLOUT_USER_COUNT);
        assertThat(Integer.bitCount(BenchUsers.ROLLOUT_USER_COUNT)).isEqualTo(1);
    }

    @Test
    void mainUserHasEveryAttributeARuleReads() {
        for (ScenarioFlags.Rule rule : ScenarioFlags.S4_RULES) {
            assertThat(BenchUsers.MAIN.attribute(rule.attribute()))
                    .as(rule.attribute())
                    .isNotNull();
        }
    }

    @Test
    void attributesWithoutIdentifierPutWellKnownOnesFirst() {
        assertThat(BenchUsers.MAIN.attributesWithoutIdentifier().keySet())
                .startsWith(BenchUser.EMAIL, BenchUser.COUNTRY)
                .doesNotContain(BenchUser.IDENTIFIER);
    }
}
