package dev.vexilla.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

final class DemoUserTest {
    @Test
    void usersHaveDistinctLabelsAndOnlyTheAnonymousOneLacksATargetingKey() {
        List<DemoUser> users = DemoUser.all();

        assertThat(users).extracting(DemoUser::label).doesNotHaveDuplicates();
        assertThat(users)
                .filteredOn(user -> user.context().getTargetingKey() == null)
                .extracting(DemoUser::label)
                .containsExactly("anonymous");
    }

    @Test
    void proUserCarriesTheEmailTheSupportTierRuleTargets() {
        DemoUser pro = DemoUser.all().get(1);

        assertThat(pro.label()).isEqualTo("pro user");
        assertThat(pro.context().getValue("email").asString()).endsWith("@example.com");
        assertThat(pro)
                .isEqualTo(DemoUser.all().get(1))
                .hasSameHashCodeAs(DemoUser.all().get(1));
        assertThat(pro.toString()).isEqualTo("DemoUser{pro user}");
    }
}
