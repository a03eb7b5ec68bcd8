package dev.vexilla.local;

import static dev.vexilla.model.testsupport.TestHttpServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.ProviderEvent;
import dev.vexilla.model.testsupport.LogCapture;
import dev.vexilla.model.testsupport.ManualScheduler;
import dev.vexilla.model.testsupport.MutableClock;
import dev.vexilla.model.testsupport.TestHttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flag overrides: the three behaviours, file auto-reload (including a broken reload), missing sources. */
final class LocalProviderOverridesTest {

    private static final ImmutableContext EMPTY = new ImmutableContext();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final OpenFeatureAPI api = OpenFeatureAPI.createIsolated();
    private final EventLog events = new EventLog(api);
    private final TestHttpServer http = TestHttpServer.start();

    @TempDir
    Path dir;

    @AfterEach
    void tearDown() {
        api.shutdown();
        http.close();
    }

    private LocalOptions.Builder remote(FlagOverrides overrides, OverrideBehaviour behaviour) {
        return LocalOptions.builder()
                .sdkKey(TestConfigs.SDK_KEY)
                .baseUrl(http.baseUri())
                .pollingMode(PollingMode.manualPoll())
                .flagOverrides(overrides, behaviour)
                .clock(clock)
                .scheduler(scheduler);
    }

    @Test
    void localOverRemote_localWinsWhereBothDefineAKey() {
        http.fallback(respond(200, TestConfigs.A, "ETag", "\"a\""));
        LocalProvider provider = new LocalProvider(remote(
                        FlagOverrides.map(Map.of("textRule", "local", "onlyLocal", true)),
                        OverrideBehaviour.LOCAL_OVER_REMOTE)
                .build());
        api.setProviderAndWait(provider);

        assertThat(provider.getStringEvaluation("textRule", "x", EMPTY).getValue())
                .isEqualTo("local");
        assertThat(provider.getBooleanEvaluation("onlyLocal", false, EMPTY).getValue())
                .isTrue();
        assertThat(provider.getBooleanEvaluation("boolStatic", false, EMPTY).getValue())
                .isTrue();
        assertThat(http.requestCount()).isEqualTo(1);
    }

    @Test
    void remoteOverLocal_remoteWinsWhereBothDefineAKey() {
        http.fallback(respond(200, TestConfigs.A, "ETag", "\"a\""));
        LocalProvider provider = new LocalProvider(remote(
                        FlagOverrides.map(Map.of("textRule", "local", "onlyLocal", true)),
                        OverrideBehaviour.REMOTE_OVER_LOCAL)
                .build());
        api.setProviderAndWait(provider);

        assertThat(provider.getStringEvaluation("textRule", "x", EMPTY).getValue())
                .isEqualTo("plain");
        assertThat(provider.getBooleanEvaluation("onlyLocal", false, EMPTY).getValue())
                .isTrue();
    }

    @Test
    void localOnly_makesNoRequestEvenWithAnSdkKey() {
        LocalProvider provider =
                new LocalProvider(remote(FlagOverrides.map(Map.of("a", true)), OverrideBehaviour.LOCAL_ONLY)
                        .build());
        api.setProviderAndWait(provider);
        scheduler.advance(Duration.ofHours(1));

        assertThat(provider.getBooleanEvaluation("a", false, EMPTY).getValue()).isTrue();
        assertThat(provider.keys()).containsExactly("a");
        assertThat(http.requestCount()).isZero();
    }

    @Test
    void autoReloadingFile_installsEachGoodVersion_andKeepsTheLastGoodOneOnABrokenReload() throws IOException {
        Path file = dir.resolve("flags.json");
        write(file, "{\"flags\": {\"a\": true}}", 1);
        LocalProvider provider = new LocalProvider(LocalOptions.builder()
                .flagOverrides(FlagOverrides.file(file, true), OverrideBehaviour.LOCAL_ONLY)
                .clock(clock)
                .scheduler(scheduler)
                .build());
        api.setProviderAndWait(provider);
        events.next(ProviderEvent.PROVIDER_READY);

        write(file, "{\"flags\": {\"a\": false, \"b\": 7}}", 2);
        scheduler.advance(FlagOverrides.DEFAULT_RELOAD_CHECK_INTERVAL);

        assertThat(events.next(ProviderEvent.PROVIDER_CONFIGURATION_CHANGED)
                        .details
                        .getFlagsChanged())
                .containsExactly("a", "b");
        assertThat(provider.getBooleanEvaluation("a", true, EMPTY).getValue()).isFalse();
        assertThat(provider.getIntegerEvaluation("b", 0, EMPTY).getValue()).isEqualTo(7);

        try (LogCapture log = LogCapture.of(LocalProvider.class)) {
            write(file, "{\"flags\": {\"a\": tru", 3);
            scheduler.advance(FlagOverrides.DEFAULT_RELOAD_CHECK_INTERVAL);
            assertThat(log.messages(Level.WARN))
                    .anySatisfy(m -> assertThat(m)
                            .contains("keeping the last good overrides")
                            .contains("flags.json"));
        }
        assertThat(provider.getBooleanEvaluation("a", true, EMPTY).getValue()).isFalse();

        write(file, "{\"flags\": {\"a\": true, \"b\": 7}}", 4);
        scheduler.advance(FlagOverrides.DEFAULT_RELOAD_CHECK_INTERVAL);
        assertThat(events.next(ProviderEvent.PROVIDER_CONFIGURATION_CHANGED)
                        .details
                        .getFlagsChanged())
                .containsExactly("a");
        events.assertQuiet();
    }

    @Test
    void fullConfigFile_isAcceptedAsOverrides() throws IOException {
        Path file = dir.resolve("config.json");
        write(file, TestConfigs.A, 1);
        LocalProvider provider = new LocalProvider(LocalOptions.builder()
                .flagOverrides(FlagOverrides.file(file), OverrideBehaviour.LOCAL_ONLY)
                .build());
        api.setProviderAndWait(provider);
        assertThat(provider.getStringEvaluation("textRule", "x", new ImmutableContext("u", Map.of()))
                        .getValue())
                .isEqualTo("plain");
    }

    @Test
    void missingFileOrResource_failsInitializeNamingIt() {
        Path missing = dir.resolve("missing.json");
        LocalProvider fromFile = new LocalProvider(LocalOptions.builder()
                .flagOverrides(FlagOverrides.file(missing), OverrideBehaviour.LOCAL_ONLY)
                .build());
        assertThatThrownBy(() -> fromFile.initialize(EMPTY)).hasMessageContaining("missing.json");
        fromFile.shutdown();
        LocalProvider fromClasspath = new LocalProvider(LocalOptions.builder()
                .flagOverrides(FlagOverrides.classpath("no/such.json"), OverrideBehaviour.LOCAL_ONLY)
                .build());
        assertThatThrownBy(() -> fromClasspath.initialize(EMPTY)).hasMessageContaining("no/such.json");
        fromClasspath.shutdown();
    }

    private static void write(Path file, String text, int version) throws IOException {
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_700_000_000_000L + version * 10_000L));
    }
}
