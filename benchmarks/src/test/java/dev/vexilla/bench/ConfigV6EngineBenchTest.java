package dev.vexilla.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vexilla.bench.scenario.BenchConfigs;
import dev.vexilla.bench.scenario.BenchUser;
import dev.vexilla.bench.scenario.Scenarios;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class ConfigV6EngineBenchTest {

    /** An engine that knows the answers, optionally with one of them wrong. */
    static final class AnswerEngine extends ConfigV6EngineBench<BenchUser> {
        private final Map<String, Object> answers = new HashMap<>(BenchConfigs.expectedForMainUser());
        private boolean opened;
        private boolean closed;

        AnswerEngine breaking(String key, Object wrongValue) {
            answers.put(key, wrongValue);
            return this;
        }

        @Override
        protected void open(String configJson) {
            assertThat(configJson).isEqualTo(BenchConfigs.configCatScenarios());
            opened = true;
        }

        @Override
        protected BenchUser user(BenchUser user) {
            return user;
        }

        @Override
        protected boolean booleanValue(String key, BenchUser user) {
            if (key.equals(Scenarios.S3_ROLLOUT)) {
                return Scenarios.s3ExpectedConfigCat(user.identifier());
            }
            return (Boolean) answers.get(key);
        }

        @Override
        protected String stringValue(String key, BenchUser user) {
            return (String) answers.get(key);
        }

        @Override
        protected Map<String, ?> allValues(BenchUser user) {
            return new HashMap<>(answers);
        }

        @Override
        protected void close() {
            closed = true;
        }
    }

    @Test
    void rightAnswersPassTheSetupAndTeardownCloses() throws Exception {
        AnswerEngine engine = new AnswerEngine();
        engine.setUp();
        engine.tearDown();

        assertThat(engine.opened).isTrue();
        assertThat(engine.closed).isTrue();
    }

    @Test
    void oneWrongScenarioAnswerFailsTheSetupNamingIt() {
        AnswerEngine engine = new AnswerEngine().breaking(Scenarios.S4_TEN_RULES, "rule9");

        assertThatThrownBy(engine::setUp)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("s4_tenRules expected rule10 but was rule9");
        assertThat(engine.closed).as("a failed setup releases the engine").isTrue();
    }

    @Test
    void oneWrongFlagOfTheHundredFailsTheSetupNamingIt() {
        AnswerEngine engine = new AnswerEngine().breaking("s5_00002_k2", 7);

        assertThatThrownBy(engine::setUp)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("s5_allFlags100[s5_00002_k2] expected 6 but was 7");
    }

    @Test
    void rolloutUsersAreCycledInOrder() throws Exception {
        AnswerEngine engine = new AnswerEngine();
        engine.setUp();
        // the setup consumed exactly one round of 1024 users, so the next call is user 0 again
        boolean first = Scenarios.s3ExpectedConfigCat(
                dev.vexilla.bench.scenario.BenchUsers.rolloutUsers().get(0).identifier());

        assertThat(engine.s3_rollout()).isEqualTo(first);
    }
}
