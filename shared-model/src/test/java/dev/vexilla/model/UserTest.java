package dev.vexilla.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

final class UserTest {

    @Test
    void withoutPrivateAttributesKeepsEverythingElse() {
        User user = User.builder()
                .identifier("u")
                .email("a@b.c")
                .country("HU")
                .attribute("plan", "pro")
                .privateAttribute("ssn", "123")
                .build();

        User open = user.withoutPrivateAttributes();

        assertThat(open)
                .isEqualTo(User.builder()
                        .identifier("u")
                        .email("a@b.c")
                        .country("HU")
                        .attribute("plan", "pro")
                        .build());
        assertThat(open.privateAttributeNames()).isEmpty();
    }

    @Test
    void withoutPrivateAttributesReturnsSameInstanceWhenNothingIsPrivate() {
        User user = User.builder().identifier("u").attribute("plan", "pro").build();

        assertThat(user.withoutPrivateAttributes()).isSameAs(user);
    }

    @Test
    void aBuilderKeepsBuildingWithoutChangingTheUsersItBuilt() {
        User.Builder builder =
                User.builder().identifier("u").attribute("plan", "pro").privateAttribute("ssn", "1");
        User first = builder.build();

        User second = builder.attribute("plan", "free").attribute("seats", 5).build();
        User third = builder.attribute("seats", null)
                .privateAttribute("plan", "gold")
                .build();

        assertThat(first.customAttributes()).containsExactly(entry("plan", "pro"), entry("ssn", "1"));
        assertThat(first.privateAttributeNames()).containsExactly("ssn");
        assertThat(second.customAttributes())
                .containsExactly(entry("plan", "free"), entry("ssn", "1"), entry("seats", 5));
        assertThat(second.privateAttributeNames()).containsExactly("ssn");
        assertThat(third.customAttributes()).containsExactly(entry("plan", "gold"), entry("ssn", "1"));
        assertThat(third.privateAttributeNames()).containsExactlyInAnyOrder("ssn", "plan");
        assertThat(User.builder().identifier("u").build().customAttributes()).isEmpty();
    }
}
