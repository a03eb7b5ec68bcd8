package dev.vexilla.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

final class ServerMainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return ServerMain.run(
                args,
                env,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void help_printsUsageAndExitsZero() {
        assertThat(run(Map.of(), "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: java -jar vexilla-server.jar");
    }

    @Test
    void badOption_printsOneLineNamingItAndExitsTwo() {
        assertThat(run(Map.of(), "--max-streams", "none")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo("vexilla-server: --max-streams: must be an integer, was 'none'");
    }

    @Test
    void missingConfigDirectory_exitsOneWithTheReason() {
        assertThat(run(Map.of("VEXILLA_CONFIG_DIR", "/no/such/dir", "VEXILLA_PORT", "0")))
                .isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("/no/such/dir");
    }

    @Test
    void loggingDefaults_areNotOnTheClasspathRootOfTheLibraryJar() throws Exception {
        Path classes = Path.of(ServerMain.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());

        assertThat(classes.resolve("simplelogger.properties"))
                .as("an embedding application would pick it up as its own slf4j-simple configuration")
                .doesNotExist();
    }

    @Test
    void loggingDefaults_areAppliedByTheJarWithoutOverridingWhatIsSet() {
        Properties system = new Properties();
        system.setProperty("org.slf4j.simpleLogger.log.dev.vexilla.evaluation", "info");

        ServerMain.applyLoggingDefaults(system);

        assertThat(system.getProperty("org.slf4j.simpleLogger.log.dev.vexilla.evaluation"))
                .isEqualTo("info");
        assertThat(system.getProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty"))
                .isEqualTo("warn");
        assertThat(system.getProperty("org.slf4j.simpleLogger.defaultLogLevel")).isEqualTo("info");
    }
}
