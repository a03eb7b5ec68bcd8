package dev.vexilla.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vexilla.cloud.CloudProvider;
import dev.vexilla.local.LocalProvider;
import dev.vexilla.server.ServerOptions;
import dev.vexilla.server.VexillaServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
final class CheckoutApplicationTest {
    @TempDir
    Path directory;

    @Test
    void localChoiceEvaluatesThroughTheServerNamedInTheSettings() {
        assertThat(runAgainstServer("local"))
                .isEqualTo("provider=" + LocalProvider.NAME + " user=user-9 checkoutEnabled=true reason=STATIC"
                        + System.lineSeparator());
    }

    @Test
    void cloudChoiceEvaluatesOnTheServerWithTheSameResult() {
        assertThat(runAgainstServer("cloud"))
                .isEqualTo("provider=" + CloudProvider.NAME + " user=user-9 checkoutEnabled=true reason=STATIC"
                        + System.lineSeparator());
    }

    private String runAgainstServer(String choice) {
        try (VexillaServer server = VexillaServer.start(ServerOptions.builder()
                .port(0)
                .bindAddress("127.0.0.1")
                .eventsSink(directory.resolve("events.jsonl"))
                .build())) {
            Map<String, String> settings = Map.of(
                    CheckoutApplication.PROVIDER,
                    choice,
                    CheckoutApplication.SDK_KEY,
                    VexillaServer.DEMO_SDK_KEY,
                    CheckoutApplication.BASE_URL,
                    server.baseUri().toString());
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            CheckoutApplication.run(settings, "user-9", new PrintStream(out, true, StandardCharsets.UTF_8));
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void providerDefaultsToLocalWhenNotChosen() {
        Map<String, String> settings = Map.of(
                CheckoutApplication.SDK_KEY,
                VexillaServer.DEMO_SDK_KEY,
                CheckoutApplication.BASE_URL,
                "http://127.0.0.1:9");

        assertThat(CheckoutApplication.providerFor(settings)).isInstanceOf(LocalProvider.class);
    }

    @Test
    void cloudChoiceWithoutAKeyNamesTheMissingSetting() {
        assertThatThrownBy(() -> CheckoutApplication.providerFor(Map.of(CheckoutApplication.PROVIDER, "Cloud ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("VEXILLA_SDK_KEY is required (environment variable or vexilla.properties)");
    }

    @Test
    void unknownChoiceIsRejectedWithTheValue() {
        assertThatThrownBy(() -> CheckoutApplication.providerFor(Map.of(CheckoutApplication.PROVIDER, "remote")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("VEXILLA_PROVIDER must be local or cloud, was 'remote'");
    }

    @Test
    void missingBaseUrlIsNamed() {
        assertThatThrownBy(() -> CheckoutApplication.providerFor(Map.of(CheckoutApplication.SDK_KEY, "k")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("VEXILLA_BASE_URL is required (environment variable or vexilla.properties)");
    }

    @Test
    void environmentVariableWinsOverThePropertiesFile() throws IOException {
        Path file = directory.resolve("vexilla.properties");
        Files.writeString(file, "VEXILLA_PROVIDER=cloud\nVEXILLA_BASE_URL=http://flags.internal:8080\n");

        Map<String, String> settings =
                CheckoutApplication.settings(Map.of("VEXILLA_PROVIDER", "local", "PATH", "/usr/bin"), file);

        assertThat(settings)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("VEXILLA_PROVIDER", "local", "VEXILLA_BASE_URL", "http://flags.internal:8080"));
    }

    @Test
    void missingPropertiesFileLeavesOnlyTheEnvironment() throws IOException {
        Map<String, String> settings =
                CheckoutApplication.settings(Map.of("VEXILLA_SDK_KEY", "k"), directory.resolve("absent.properties"));

        assertThat(settings).containsExactly(Map.entry("VEXILLA_SDK_KEY", "k"));
    }
}
