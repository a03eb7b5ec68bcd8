package dev.vexilla.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openfeature.sdk.FeatureProvider;
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
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
final class CheckoutApplicationTest {
    @TempDir
    Path directory;

    @Test
    void localModeEvaluatesThroughTheServerNamedInTheSettings() throws IOException {
        assertThat(runAgainstServer(Map.of()))
                .isEqualTo("provider=" + LocalProvider.NAME + " user=user-9 checkoutEnabled=true reason=STATIC"
                        + System.lineSeparator());
    }

    @Test
    void cloudModeEvaluatesOnTheServerWithTheSameResult() throws IOException {
        assertThat(runAgainstServer(Map.of("VEXILLA_MODE", "cloud")))
                .isEqualTo("provider=" + CloudProvider.NAME + " user=user-9 checkoutEnabled=true reason=STATIC"
                        + System.lineSeparator());
    }

    @Test
    void localModeWithAConfigFileNeedsNoServer() throws IOException {
        Path flags = Files.writeString(directory.resolve("flags.json"), "{\"flags\": {\"checkoutEnabled\": false}}");

        assertThat(run(Map.of("VEXILLA_CONFIG_FILE", flags.toString())))
                .startsWith("provider=" + LocalProvider.NAME + " user=user-9 checkoutEnabled=false reason=");
    }

    private String runAgainstServer(Map<String, String> more) throws IOException {
        try (VexillaServer server = VexillaServer.start(ServerOptions.builder()
                .port(0)
                .bindAddress("127.0.0.1")
                .eventsSink(directory.resolve("events.jsonl"))
                .build())) {
            Map<String, String> environment = new HashMap<>(more);
            environment.put("VEXILLA_SDK_KEY", VexillaServer.DEMO_SDK_KEY);
            environment.put("VEXILLA_BASE_URL", server.baseUri().toString());
            return run(environment);
        }
    }

    private String run(Map<String, String> environment) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CheckoutApplication.run(
                CheckoutApplication.providerFor(environment, directory.resolve("absent.properties")),
                "user-9",
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void modeDefaultsToLocal() throws IOException {
        FeatureProvider provider = CheckoutApplication.providerFor(
                Map.of("VEXILLA_SDK_KEY", VexillaServer.DEMO_SDK_KEY, "VEXILLA_BASE_URL", "http://127.0.0.1:9"),
                directory.resolve("absent.properties"));
        try {
            assertThat(provider).isInstanceOf(LocalProvider.class);
        } finally {
            provider.shutdown();
        }
    }

    @Test
    void cloudModeWithoutAKeyNamesTheMissingSetting() {
        assertThatThrownBy(() -> CheckoutApplication.providerFor(
                        Map.of("VEXILLA_MODE", "Cloud "), directory.resolve("absent.properties")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("VEXILLA_SDK_KEY is required in cloud mode");
    }

    @Test
    void cloudModeWithoutABaseUrlNamesTheMissingSetting() {
        assertThatThrownBy(() -> CheckoutApplication.providerFor(
                        Map.of("VEXILLA_MODE", "cloud", "VEXILLA_SDK_KEY", VexillaServer.DEMO_SDK_KEY),
                        directory.resolve("absent.properties")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("VEXILLA_BASE_URL is required in cloud mode (or OFREP_ENDPOINT)");
    }

    @Test
    void unknownModeIsRejectedWithTheValue() {
        assertThatThrownBy(() -> CheckoutApplication.providerFor(
                        Map.of("VEXILLA_MODE", "remote"), directory.resolve("absent.properties")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("VEXILLA_MODE must be local or cloud, was 'remote'");
    }

    @Test
    void theFormerProviderVariableIsReportedAsUnknown() {
        assertThatThrownBy(() -> CheckoutApplication.providerFor(
                        Map.of("VEXILLA_PROVIDER", "cloud"), directory.resolve("absent.properties")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(
                        "unknown setting VEXILLA_PROVIDER (environment variable); the settings are" + " VEXILLA_MODE,");
    }

    @Test
    void environmentVariableWinsOverThePropertiesFile() throws IOException {
        Path file = directory.resolve("vexilla.properties");
        Files.writeString(
                file,
                "VEXILLA_MODE=cloud\nVEXILLA_SDK_KEY=" + VexillaServer.DEMO_SDK_KEY
                        + "\nVEXILLA_BASE_URL=http://127.0.0.1:9\n");

        FeatureProvider fromFile = CheckoutApplication.providerFor(Map.of("PATH", "/usr/bin"), file);
        FeatureProvider overridden = CheckoutApplication.providerFor(Map.of("VEXILLA_MODE", "local"), file);
        try {
            assertThat(fromFile).isInstanceOf(CloudProvider.class);
            assertThat(overridden).isInstanceOf(LocalProvider.class);
        } finally {
            fromFile.shutdown();
            overridden.shutdown();
        }
    }

    @Test
    void thePropertiesFileWinsOverTheApplicationsDefaults() throws IOException {
        Path file = Files.writeString(directory.resolve("vexilla.properties"), "VEXILLA_REALTIME=false\n");

        assertThat(CheckoutApplication.defaults(file)).containsExactly(Map.entry("VEXILLA_REALTIME", "false"));
    }

    @Test
    void missingPropertiesFileLeavesTheApplicationsDefaults() throws IOException {
        assertThat(CheckoutApplication.defaults(directory.resolve("absent.properties")))
                .containsExactlyInAnyOrderEntriesOf(CheckoutApplication.DEFAULTS);
    }
}
