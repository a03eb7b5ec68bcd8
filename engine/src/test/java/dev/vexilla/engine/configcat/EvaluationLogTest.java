package dev.vexilla.engine.configcat;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.vexilla.model.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** The evaluation log is opt-in: a config writes it only when asked to, whatever the logger's level. */
@ResourceLock("dev.vexilla.evaluation logger level")
final class EvaluationLogTest {

    private static final String CONFIG =
            ("{'f':{'k':{'t':0,'r':[{'c':[{'u':{'a':'Email','c':32,'l':['@example.com']}}],"
                            + "'s':{'v':{'b':true}}}],'v':{'b':false}}}}")
                    .replace('\'', '"');

    private static final User USER =
            User.builder().identifier("1").email("ada@example.com").build();

    @Test
    void evaluationLogIsOffByDefault_evenWithTheLoggerAtInfo() {
        ConfigCatConfig config = TestData.parse(CONFIG);

        try (EvaluationLogCapture capture = new EvaluationLogCapture(Level.INFO)) {
            assertThat(config.evaluate("k", USER).value()).isEqualTo(true);
            config.evaluateAll(USER, (key, result) -> {});

            assertThat(capture.events()).isEmpty();
        }
    }

    @Test
    void evaluationLogOn_writesOneInfoEntryPerEvaluation() {
        ConfigCatConfig config = TestData.parse(CONFIG).withEvaluationLog(true);

        try (EvaluationLogCapture capture = new EvaluationLogCapture(Level.INFO)) {
            config.evaluate("k", USER);

            assertThat(capture.text())
                    .isEqualTo(
                            "INFO [5000] Evaluating 'k' for User '{\"Identifier\":\"1\",\"Email\":\"ada@example.com\"}'"
                                    + System.lineSeparator()
                                    + "  Evaluating targeting rules and applying the first match if any:"
                                    + System.lineSeparator()
                                    + "  - IF User.Email ENDS WITH ANY OF ['@example.com'] THEN 'true' => MATCH, applying rule"
                                    + System.lineSeparator() + "  Returning 'true'.");
        }
    }

    @Test
    void evaluationLogOn_writesNothingWhileTheLoggerIsAboveInfo() {
        ConfigCatConfig config = TestData.parse(CONFIG).withEvaluationLog(true);

        try (EvaluationLogCapture capture = new EvaluationLogCapture(Level.WARN)) {
            config.evaluate("k", USER);
            config.evaluateAll(USER, (key, result) -> {});

            assertThat(capture.events()).isEmpty();
        }
    }

    @Test
    void warningsAreWrittenWithTheEvaluationLogOff() {
        ConfigCatConfig config = TestData.parse(CONFIG);

        try (EvaluationLogCapture capture = new EvaluationLogCapture(Level.INFO)) {
            config.evaluate("k", null);

            assertThat(capture.events())
                    .singleElement()
                    .satisfies(e -> assertThat(EvaluationLogCapture.render(e)).startsWith("WARNING [3001] "));
        }
    }

    @Test
    void withEvaluationLog_sharesTheFlagsAndKeepsTheSettingThroughOverlays() {
        ConfigCatConfig quiet = TestData.parse(CONFIG);
        ConfigCatConfig logged = quiet.withEvaluationLog(true);

        assertThat(quiet.evaluationLog()).isFalse();
        assertThat(logged.evaluationLog()).isTrue();
        assertThat(logged.withEvaluationLog(true)).isSameAs(logged);
        assertThat(logged.withEvaluationLog(false).evaluationLog()).isFalse();
        assertThat(logged.keys()).isSameAs(quiet.keys());
        assertThat(logged.contentHash()).isEqualTo(quiet.contentHash());
        assertThat(logged.changedKeys(quiet)).isEmpty();
        assertThat(logged.evaluate("k", USER)).isSameAs(quiet.evaluate("k", USER));
        assertThat(logged.overlay(
                                ConfigCatConfig.fromValues(java.util.Map.of("x", 1)),
                                OverrideBehaviour.LOCAL_OVER_REMOTE)
                        .evaluationLog())
                .isTrue();
    }
}
