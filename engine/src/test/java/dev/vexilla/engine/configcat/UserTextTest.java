package dev.vexilla.engine.configcat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vexilla.model.User;
import java.util.List;
import org.junit.jupiter.api.Test;

final class UserTextTest {

    @Test
    void wellKnownAttributesComeFirstThenCustomOnesByName() {
        User user = User.builder()
                .attribute("zeta", "z")
                .country("HU")
                .attribute("Alpha", 3)
                .identifier("42")
                .email("a@b.c")
                .attribute("list", List.of("x", "\"y\""))
                .build();

        assertThat(UserText.json(user))
                .isEqualTo("{\"Identifier\":\"42\",\"Email\":\"a@b.c\",\"Country\":\"HU\",\"Alpha\":3,"
                        + "\"list\":[\"x\",\"\\\"y\\\"\"],\"zeta\":\"z\"}");
    }

    @Test
    void emptyEmailAndCountryAreLeftOut() {
        assertThat(UserText.json(
                        User.builder().identifier("").email("").country("").build()))
                .isEqualTo("{\"Identifier\":\"\"}");
    }
}
