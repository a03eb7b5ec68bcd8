package dev.vexilla.local;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.vexilla.engine.configcat.ConfigCatConfig;
import dev.vexilla.local.internal.testsupport.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.slf4j.LoggerFactory;

/** The provider says once, at start, when the costly evaluation log is on, and stays quiet when it is off. */
@ResourceLock("dev.vexilla.evaluation logger level")
final class LocalProviderEvaluationLogWarningTest {

    private static LocalProvider provider() {
        return new LocalProvider(LocalOptions.builder()
                .flagOverrides(FlagOverrides.classpath("dev/vexilla/local/flags-a.json"), OverrideBehaviour.LOCAL_ONLY)
                .build());
    }

    private static String startAndCaptureWarnings(Level evaluationLogLevel) throws Exception {
        Logger evaluationLog = (Logger) LoggerFactory.getLogger(ConfigCatConfig.EVALUATION_LOGGER);
        Level previous = evaluationLog.getLevel();
        evaluationLog.setLevel(evaluationLogLevel);
        LocalProvider provider = provider();
        try (LogCapture log = LogCapture.of(LocalProvider.class)) {
            provider.initialize(null);
            return String.join("\n", log.messages(Level.WARN));
        } finally {
            provider.shutdown();
            evaluationLog.setLevel(previous);
        }
    }

    @Test
    void warnsAtStartWhenTheEvaluationLogIsAtInfo() throws Exception {
        assertThat(startAndCaptureWarnings(Level.INFO))
                .contains("evaluation log is on")
                .contains(ConfigCatConfig.EVALUATION_LOGGER)
                .contains("WARN");
    }

    @Test
    void saysNothingWhenTheEvaluationLogIsOff() throws Exception {
        assertThat(startAndCaptureWarnings(Level.WARN)).doesNotContain("evaluation log");
    }
}
