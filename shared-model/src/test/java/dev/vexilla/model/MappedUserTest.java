package dev.vexilla.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

final class MappedUserTest {

    @Test
    void problemsAreCopiedAndUnmodifiable() {
        List<String> problems = new ArrayList<>();
        problems.add("attribute 'email' ...");
        MappedUser mapped = new MappedUser(User.of("u"), problems);
        problems.add("later");

        assertThat(mapped.problems()).containsExactly("attribute 'email' ...");
        assertThat(mapped.hasProblems()).isTrue();
        assertThatThrownBy(() -> mapped.problems().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void equalWhenUserAndProblemsAreEqual() {
        MappedUser a = new MappedUser(User.of("u"), Collections.emptyList());
        MappedUser b = new MappedUser(User.of("u"), new ArrayList<>());

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.hasProblems()).isFalse();
        assertThat(a.toString()).contains("u");
    }
}
