package dev.vexilla.model;

import static org.assertj.core.api.Assertions.assertThat;

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
}
