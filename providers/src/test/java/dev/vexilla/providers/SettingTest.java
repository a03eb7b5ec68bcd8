package dev.vexilla.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

final class SettingTest {

    @Test
    void variableAndPropertyNamesFollowTheConvention() {
        assertThat(Setting.SDK_KEY.variable()).isEqualTo("VEXILLA_SDK_KEY");
        assertThat(Setting.SDK_KEY.property()).isEqualTo("vexilla.sdk.key");
        assertThat(Setting.CONFIG_FILE_WATCH.variable()).isEqualTo("VEXILLA_CONFIG_FILE_WATCH");
        assertThat(Setting.CONFIG_FILE_WATCH.property()).isEqualTo("vexilla.config.file.watch");
    }

    @ParameterizedTest
    @EnumSource(Setting.class)
    void everyPropertyIsTheLowerCaseDottedFormOfItsVariable(Setting setting) {
        assertThat(setting.variable()).startsWith("VEXILLA_");
        assertThat(setting.property())
                .isEqualTo(setting.variable().toLowerCase(Locale.ROOT).replace('_', '.'));
    }

    @ParameterizedTest
    @EnumSource(Setting.class)
    void eitherNameFindsTheSetting(Setting setting) {
        assertThat(Setting.forName(setting.variable())).contains(setting);
        assertThat(Setting.forName(setting.property())).contains(setting);
    }

    @Test
    void namesInAnotherCaseOrWithoutThePrefixAreNoSetting() {
        assertThat(Setting.forName("vexilla_mode")).isEmpty();
        assertThat(Setting.forName("VEXILLA.MODE")).isEmpty();
        assertThat(Setting.forName("MODE")).isEmpty();
    }

    @Test
    void noSettingSharesANameWithTheServer() {
        assertThat(Arrays.stream(Setting.values()).map(Setting::variable))
                .doesNotContainAnyElementsOf(Settings.SERVER_VARIABLES);
    }
}
