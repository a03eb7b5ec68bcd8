package dev.vexilla.engine.configcat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vexilla.model.User;
import org.junit.jupiter.api.Test;

final class EvaluationStateTest {

    @Test
    void aThreadReusesItsStateAndItsMemo() {
        User ada = User.of("ada");
        EvaluationState first = EvaluationState.begin(ada, true);
        UserAttributesSeen seen = new UserAttributesSeen(first);
        first.end();

        EvaluationState second = EvaluationState.begin(ada, true);
        try {
            assertThat(second).isSameAs(seen.state);
            assertThat(second.user).isSameAs(seen.memo).isInstanceOf(AttributeReads.class);
        } finally {
            second.end();
        }
    }

    @Test
    void aNestedEvaluationGetsAFreshStateThatReadsItsUserDirectly() {
        User outer = User.of("outer");
        User inner = User.of("inner");
        EvaluationState claimed = EvaluationState.begin(outer, true);
        try {
            EvaluationState nested = EvaluationState.begin(inner, true);
            assertThat(nested).isNotSameAs(claimed);
            assertThat(nested.user).isSameAs(inner);
            nested.end();
        } finally {
            claimed.end();
        }
    }

    @Test
    void endReleasesTheUserTheLogAndThePrerequisiteChain() {
        EvaluationState state = EvaluationState.begin(User.of("ada"), false);
        state.trace = new Trace();
        state.start("a");
        state.enter("b");

        state.end();

        assertThat(state.user).isNull();
        assertThat(state.trace).isNull();
        assertThat(state.depth()).isZero();
    }

    @Test
    void thePrerequisiteChainDetectsCyclesAndDescribesThemOutermostFirst() {
        EvaluationState state = EvaluationState.begin(null, false);
        try {
            state.start("f0");
            for (int i = 1; i < 20; i++) {
                state.enter("f" + i); // past the initial capacity
            }
            assertThat(state.depth()).isEqualTo(20);
            assertThat(state.key()).isEqualTo("f19");
            assertThat(state.isEvaluating("f3")).isTrue();
            assertThat(state.isEvaluating("g")).isFalse();
            state.start("a");
            state.enter("b");
            assertThat(state.cycle("a")).isEqualTo("'a' -> 'b' -> 'a'");
            state.exit();
            assertThat(state.key()).isEqualTo("a");
        } finally {
            state.end();
        }
    }

    /** What a claimed state held, to compare with the next claim. */
    private static final class UserAttributesSeen {
        final EvaluationState state;
        final Object memo;

        UserAttributesSeen(EvaluationState state) {
            this.state = state;
            this.memo = java.util.Objects.requireNonNull(state.user);
        }
    }
}
