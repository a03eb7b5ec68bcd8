package dev.vexilla.local;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.Value;
import dev.vexilla.engine.configcat.ConfigCatConfig;
import dev.vexilla.model.testsupport.LogCapture;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * ConfigCat's evaluation log is opt-in ({@link LocalOptions.Builder#evaluationLog(boolean)}): off by default whatever
 * the level of its logger, and the provider says once at start when it is on.
 */
@ResourceLock("dev.vexilla.evaluation logger level")
final class LocalProviderEvaluationLogTest {

    private static final ImmutableContext ADA =
            new ImmutableContext("ada", Map.of("Email", new Value("ada@example.com")));

    private static LocalOptions.Builder options() {
        return LocalOptions.builder()
                .flagOverrides(FlagOverrides.classpath("dev/vexilla/local/flags-a.json"), OverrideBehaviour.LOCAL_ONLY);
    }

    /** Starts a provider, evaluates one flag with a rule, and returns what the evaluation logger received. */
    private static String evaluateCapturingTheEvaluationLog(LocalOptions options) throws Exception {
        LocalProvider provider = new LocalProvider(options);
        try (LogCapture log = LogCapture.of(ConfigCatConfig.EVALUATION_LOGGER)) {
            provider.initialize(null);
            assertThat(provider.getStringEvaluation("textRule", "default", ADA).getValue())
                    .isEqualTo("example");
            return String.join("\n", log.messages(Level.INFO));
        } finally {
            provider.shutdown();
        }
    }

    @Test
    void evaluationLogIsOffByDefault_evenWithItsLoggerAtInfo() throws Exception {
        assertThat(evaluateCapturingTheEvaluationLog(options().build())).isEmpty();
    }

    /** Starts a provider with the evaluation logger at a level and returns the provider's warnings. */
    private static String startCapturingWarnings(LocalOptions options, Level evaluationLoggerLevel) throws Exception {
        LocalProvider provider = new LocalProvider(options);
        try (LogCapture evaluationLog = LogCapture.of(ConfigCatConfig.EVALUATION_LOGGER);
                LogCapture log = LogCapture.of(LocalProvider.class)) {
            evaluationLog.level(evaluationLoggerLevel);
            provider.initialize(null);
            return String.join("\n", log.messages(Level.WARN));
        } finally {
            provider.shutdown();
        }
    }

    @Test
    void saysNothingAtStartWithTheLogOff_evenWithItsLoggerAtInfo() throws Exception {
        assertThat(startCapturingWarnings(options().build(), Level.INFO)).doesNotContain("evaluation log");
    }

    @Test
    void evaluationLogOption_writesConfigCatsTextOncePerEvaluation() throws Exception {
        assertThat(evaluateCapturingTheEvaluationLog(
                        options().evaluationLog(true).build()))
                .startsWith("Evaluating 'textRule' for User '{\"Identifier\":\"ada\",\"Email\":\"ada@example.com\"}'")
                .contains("THEN 'example' => MATCH, applying rule")
                .endsWith("Returning 'example'.")
                .containsOnlyOnce("Evaluating 'textRule'");
    }

    @Test
    void warnsOnceAtStartWhenTheLogIsOnAndItsLoggerAtInfo() throws Exception {
        assertThat(startCapturingWarnings(options().evaluationLog(true).build(), Level.INFO))
                .containsOnlyOnce("evaluation log is on")
                .contains("LocalOptions.evaluationLog")
                .contains(ConfigCatConfig.EVALUATION_LOGGER);
    }

    @Test
    void saysNothingAtStartWhenTheLogIsOnButItsLoggerAboveInfo() throws Exception {
        assertThat(startCapturingWarnings(options().evaluationLog(true).build(), Level.WARN))
                .doesNotContain("evaluation log");
    }
}
