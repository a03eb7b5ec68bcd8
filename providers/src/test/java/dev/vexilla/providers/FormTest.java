package dev.vexilla.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vexilla.cloud.Protocol;
import dev.vexilla.local.ConfigProtocol;
import dev.vexilla.local.DataGovernance;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class FormTest {
    @TempDir
    Path directory;

    @ParameterizedTest
    @CsvSource({
        "500ms, PT0.5S",
        "30s, PT30S",
        "5m, PT5M",
        "1h, PT1H",
        "30S, PT30S",
        "PT30S, PT30S",
        "pt1m30s, PT1M30S",
        "0, PT0S"
    })
    void durationsAreShortFormsOrIso8601(String text, String expected) {
        assertThat(Form.DURATION.parse(text)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "30", "30 s", "-5s", "PT-5S", "1d", "99999999999999999h"})
    void otherDurationsAreRejected(String text) {
        assertThatThrownBy(() -> Form.DURATION.parse(text)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void booleansAreTrueOrFalseInAnyCase() {
        assertThat(Form.BOOLEAN.parse("TRUE")).isEqualTo(true);
        assertThat(Form.BOOLEAN.parse("false")).isEqualTo(false);
        assertThatThrownBy(() -> Form.BOOLEAN.parse("yes")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void choicesIgnoreCase() {
        assertThat(Form.MODE.parse("Cloud")).isEqualTo(Mode.CLOUD);
        assertThat(Form.MODE.parse("local")).isEqualTo(Mode.LOCAL);
        assertThat(Form.PROTOCOL.parse("OFREP")).isEqualTo(Protocol.OFREP);
        assertThat(Form.PROTOCOL.parse("bucketing")).isEqualTo(Protocol.BUCKETING_V1);
        assertThat(Form.DATA_GOVERNANCE.parse("EU")).isEqualTo(DataGovernance.EU);
        assertThat(Form.DATA_GOVERNANCE.parse("global")).isEqualTo(DataGovernance.GLOBAL);
        assertThatThrownBy(() -> Form.PROTOCOL.parse("grpc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Form.DATA_GOVERNANCE.parse("us")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Form.CONFIG_PROTOCOL.parse("DevCycle")).isEqualTo(ConfigProtocol.DEVCYCLE);
        assertThat(Form.CONFIG_PROTOCOL.parse("configcat")).isEqualTo(ConfigProtocol.CONFIGCAT);
        assertThatThrownBy(() -> Form.CONFIG_PROTOCOL.parse("flagd")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void urlsMustBeAbsoluteHttpOrHttps() {
        assertThat(Form.URL.parse("https://flags.example.com/base/"))
                .isEqualTo(URI.create("https://flags.example.com/base/"));
        assertThatThrownBy(() -> Form.URL.parse("flags.example.com")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Form.URL.parse("ftp://flags.example.com"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Form.URL.parse("http://bad host/")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://proxy:8443", "http://proxy", "http://proxy:3128/path", "http://u:p@proxy:3128"})
    void proxiesAreHttpHostAndPortOnly(String text) {
        assertThatThrownBy(() -> Form.PROXY.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aProxyWithHostAndPortIsAccepted() {
        assertThat(Form.PROXY.parse("http://proxy.internal:3128")).isEqualTo(URI.create("http://proxy.internal:3128"));
        assertThat(Form.PROXY.parse("http://proxy.internal:3128/"))
                .isEqualTo(URI.create("http://proxy.internal:3128/"));
    }

    @Test
    void aConfigFileMustExistAndBeAFile() throws Exception {
        Path file = Files.writeString(directory.resolve("flags.json"), "{}");

        assertThat(Form.FILE.parse(file.toString())).isEqualTo(file);
        assertThatThrownBy(
                        () -> Form.FILE.parse(directory.resolve("absent.json").toString()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Form.FILE.parse(directory.toString())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void integersAreWholeNumbers() {
        assertThat(Form.INTEGER.parse("42")).isEqualTo(42);
        assertThatThrownBy(() -> Form.INTEGER.parse("4.2")).isInstanceOf(NumberFormatException.class);
    }
}
