package dev.vexilla.engine.configcat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class PreferencesTest {

    @Test
    void absentPreferencesAreTheSharedNoneInstance() {
        assertThat(Preferences.of(null, Preferences.RedirectMode.NO_REDIRECT)).isSameAs(Preferences.NONE);
        assertThat(Preferences.NONE.baseUrl()).isNull();
    }

    @Test
    void equalPreferencesAreEqual() {
        Preferences a = Preferences.of("https://x", Preferences.RedirectMode.FORCE_REDIRECT);
        Preferences b = Preferences.of("https://x", Preferences.RedirectMode.FORCE_REDIRECT);

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(Preferences.NONE);
        assertThat(a.toString()).contains("https://x", "FORCE_REDIRECT");
    }
}
