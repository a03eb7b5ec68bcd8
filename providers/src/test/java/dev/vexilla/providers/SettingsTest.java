package dev.vexilla.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class SettingsTest {

    private static Settings environment(Map<String, String> environment) {
        return Settings.resolve(Map.of(), Map.of(), environment, Map.of());
    }

    @Test
    void modeIsLocalUnlessSet() {
        assertThat(environment(Map.of()).mode()).isEqualTo(Mode.LOCAL);
        assertThat(environment(Map.of("VEXILLA_MODE", " CLOUD ")).mode()).isEqualTo(Mode.CLOUD);
    }

    @Test
    void systemPropertyWinsOverEnvironmentVariable() {
        Settings settings = Settings.resolve(
                Map.of(), Map.of("vexilla.poll.interval", "30s"), Map.of("VEXILLA_POLL_INTERVAL", "5m"), Map.of());

        assertThat(settings.get(Setting.POLL_INTERVAL, Duration.class)).contains(Duration.ofSeconds(30));
        assertThat(settings.name(Setting.POLL_INTERVAL)).isEqualTo("vexilla.poll.interval");
    }

    @Test
    void givenSettingWinsOverSystemPropertyAndEnvironmentVariable() {
        Settings settings = Settings.resolve(
                Settings.byName(Map.of("VEXILLA_POLL_INTERVAL", "10s"), Settings.GIVEN),
                Map.of("vexilla.poll.interval", "30s"),
                Map.of("VEXILLA_POLL_INTERVAL", "5m"),
                Settings.byName(Map.of("VEXILLA_POLL_INTERVAL", "1h"), Settings.DEFAULT));

        assertThat(settings.get(Setting.POLL_INTERVAL, Duration.class)).contains(Duration.ofSeconds(10));
    }

    @Test
    void environmentVariableWinsOverDefaultsWhichApplyWhenNothingElseIsSet() {
        Settings settings = Settings.resolve(
                Map.of(),
                Map.of(),
                Map.of("VEXILLA_POLL_INTERVAL", "5m"),
                Settings.byName(Map.of("VEXILLA_POLL_INTERVAL", "1h", "vexilla.realtime", "true"), Settings.DEFAULT));

        assertThat(settings.get(Setting.POLL_INTERVAL, Duration.class)).contains(Duration.ofMinutes(5));
        assertThat(settings.get(Setting.REALTIME, Boolean.class)).contains(true);
    }

    @Test
    void aBlankValueCountsAsAbsentSoTheLayerBelowApplies() {
        Settings settings = Settings.resolve(
                Settings.byName(Map.of("vexilla.realtime", "  "), Settings.GIVEN),
                Map.of("vexilla.realtime", ""),
                Map.of("VEXILLA_REALTIME", "true"),
                Map.of());

        assertThat(settings.get(Setting.REALTIME, Boolean.class)).contains(true);
        assertThat(settings.has(Setting.CACHE)).isFalse();
        assertThat(settings.name(Setting.CACHE)).isEqualTo("VEXILLA_CACHE");
    }

    @Test
    void eitherNameWorksInEveryLayer() {
        Settings settings = Settings.resolve(
                Map.of(), Map.of("VEXILLA_PROTOCOL", "ofrep"), Map.of("vexilla.retries", "3"), Map.of());

        assertThat(settings.get(Setting.RETRIES, Integer.class)).contains(3);
        assertThat(settings.name(Setting.PROTOCOL)).isEqualTo("VEXILLA_PROTOCOL");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "VEXILLA_MODE | remote | VEXILLA_MODE must be local or cloud, was 'remote'",
                "VEXILLA_POLL_INTERVAL | soon | VEXILLA_POLL_INTERVAL must be a duration like 500ms, 30s, 5m, 1h or"
                        + " PT30S, was 'soon'",
                "VEXILLA_REALTIME | yes | VEXILLA_REALTIME must be true or false, was 'yes'",
                "VEXILLA_RETRIES | one | VEXILLA_RETRIES must be a whole number, was 'one'",
                "VEXILLA_PROTOCOL | grpc | VEXILLA_PROTOCOL must be bucketing or ofrep, was 'grpc'",
                "VEXILLA_DATA_GOVERNANCE | us | VEXILLA_DATA_GOVERNANCE must be global or eu, was 'us'",
                "VEXILLA_BASE_URL | flags.example.com | VEXILLA_BASE_URL must be an absolute http or https URL, was"
                        + " 'flags.example.com'",
                "VEXILLA_PROXY | https://proxy:8443 | VEXILLA_PROXY must be an HTTP proxy as http://host:port, was"
                        + " 'https://proxy:8443'",
                "VEXILLA_CONFIG_FILE | /no/such/flags.json | VEXILLA_CONFIG_FILE must be the path of a readable file,"
                        + " was '/no/such/flags.json'",
                "vexilla.cache.ttl | 30 | vexilla.cache.ttl must be a duration like 500ms, 30s, 5m, 1h or PT30S, was"
                        + " '30'"
            })
    void aValueOfTheWrongFormIsNamedWithWhatIsAccepted(String name, String value, String message) {
        assertThatThrownBy(() -> environment(Map.of(name, value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void aBadSystemPropertyIsNamedAsTheProperty() {
        assertThatThrownBy(() -> Settings.resolve(
                        Map.of(), Map.of("vexilla.cache", "on"), Map.of("VEXILLA_CACHE", "true"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("vexilla.cache must be true or false, was 'on'");
    }

    @Test
    void everyValueIsCheckedWhateverTheMode() {
        assertThatThrownBy(() -> environment(Map.of("VEXILLA_MODE", "local", "VEXILLA_PROTOCOL", "http2")))
                .hasMessage("VEXILLA_PROTOCOL must be bucketing or ofrep, was 'http2'");
    }

    @Test
    void anInvalidSdkKeyIsNamedButNotShown() {
        String key = "srv secret key with spaces 0123456789";

        assertThatThrownBy(() -> environment(Map.of("VEXILLA_SDK_KEY", key)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("VEXILLA_SDK_KEY must be 1 to 256 letters, digits and - _ . ~ /, with no .. and no / at"
                        + " either end (the value is not shown)")
                .hasNoCause();
    }

    @Test
    void aMisspelledVariableIsRejectedWithTheNameItProbablyMeant() {
        assertThatThrownBy(() -> environment(Map.of("VEXILLA_POLL_INTERVALL", "30s")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown setting VEXILLA_POLL_INTERVALL (environment variable); did you mean"
                        + " VEXILLA_POLL_INTERVAL?");
    }

    @Test
    void aMisspelledPropertyIsRejectedWithThePropertyItProbablyMeant() {
        assertThatThrownBy(() -> Settings.resolve(Map.of(), Map.of("vexilla.sdkkey", "k"), Map.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown setting vexilla.sdkkey (system property); did you mean vexilla.sdk.key?");
    }

    @Test
    void anUnknownNameFarFromEverySettingListsTheSettings() {
        assertThatThrownBy(() -> environment(Map.of("VEXILLA_PROVIDER", "cloud")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown setting VEXILLA_PROVIDER (environment variable); the settings are"
                        + " VEXILLA_MODE, VEXILLA_SDK_KEY, VEXILLA_BASE_URL,")
                .hasMessageEndingWith("VEXILLA_ENABLE_EDGEDB");
    }

    @Test
    void theServersVariablesAndOtherNamesAreIgnored() {
        Settings settings = environment(Map.of(
                "VEXILLA_PORT", "8080",
                "VEXILLA_CONFIG_DIR", "/etc/vexilla",
                "PATH", "/usr/bin",
                "OFREP_ENDPOINT", "http://flags:8080/",
                "VEXILLA_MODE", "cloud"));

        assertThat(settings.mode()).isEqualTo(Mode.CLOUD);
    }

    @Test
    void oneLayerMustNotSetBothNamesOfASetting() {
        assertThatThrownBy(() -> Settings.byName(
                        new TreeMap<>(Map.of("VEXILLA_MODE", "cloud", "vexilla.mode", "local")), Settings.ENVIRONMENT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("VEXILLA_MODE and vexilla.mode are the same setting, both set as environment variable;"
                        + " keep one");
    }

    @Test
    void aRequiredSettingThatIsMissingIsNamed() {
        assertThatThrownBy(() -> environment(Map.of()).required(Setting.SDK_KEY, String.class, "in cloud mode"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("VEXILLA_SDK_KEY is required in cloud mode");
    }

    @Test
    void anOptionsComplaintIsPrefixedWithTheNameTheValueCameFrom() {
        Settings settings = Settings.resolve(Map.of(), Map.of("vexilla.retries", "11"), Map.of(), Map.of());

        assertThatThrownBy(() -> settings.ifSet(Setting.RETRIES, Integer.class, retries -> {
                    throw new IllegalArgumentException("retries must be in [0, 10], was " + retries);
                }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("vexilla.retries: retries must be in [0, 10], was 11");
    }
}
