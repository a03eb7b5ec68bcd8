package dev.vexilla.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vexilla.model.FlagSetIds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ConfigStoreTest {
    static final String KEY = "store-test-key-0000000000000001";
    static final String V1 = "{\"f\":{\"flag\":{\"v\":{\"b\":true}}}}";
    static final String V2 = "{\"f\":{\"flag\":{\"v\":{\"b\":false}}}}";
    static final String BROKEN = "{\"f\":{\"flag\":{\"v\":{\"b\":false}}, \"other\": [1]}}";

    @TempDir
    Path dir;

    private Path keys;
    private final MetricsRegistry metrics = new MetricsRegistry();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T03:00:00Z"), ZoneOffset.UTC);
    private final List<ServedConfig<?>> announced = new CopyOnWriteArrayList<>();

    @BeforeEach
    void files() throws Exception {
        keys = dir.resolve("keys.txt");
        Files.writeString(keys, KEY + " = main\n");
        Files.writeString(dir.resolve("main.json"), V1);
    }

    private ConfigStore<?> open() {
        ConfigStore<?> store = ConfigStore.open(dir, keys, ConfigValidators.jsonShape(), clock, metrics);
        store.addListener((previous, current) -> announced.add(current));
        return store;
    }

    @Test
    void open_loadsConfigsAndKeys() {
        ConfigStore<?> store = open();

        ServedConfig<?> config = store.forKey(KEY).orElseThrow();
        assertThat(config.name()).isEqualTo("main");
        assertThat(config.text()).isEqualTo(V1);
        assertThat(config.version()).isEqualTo(1);
        assertThat(config.loadedAt()).isEqualTo(clock.instant());
        assertThat(store.forKey("other-key-000000000000000000")).isEmpty();
        assertThat(store.forKey(null)).isEmpty();
    }

    @Test
    void keyed_pairsTheConfigWithThePresentedKeysFlagSetId() throws Exception {
        String second = "store-test-key-0000000000000002";
        Files.writeString(keys, KEY + " = main\n" + second + " = main\n");
        ConfigStore<?> store = open();

        KeyedConfig<?> first = store.keyed(KEY).orElseThrow();
        KeyedConfig<?> other = store.keyed(second).orElseThrow();

        assertThat(first.served()).isSameAs(other.served());
        assertThat(first.name()).isEqualTo("main");
        assertThat(first.flagSetId()).isEqualTo(FlagSetIds.of(KEY));
        assertThat(other.flagSetId()).isEqualTo(FlagSetIds.of(second));
        assertThat(store.keyed("other-key-000000000000000000")).isEmpty();
    }

    @Test
    void hotReload_brokenFileKeepsOldVersionThenFixedFileIsServedAndAnnounced() throws Exception {
        ConfigStore<?> store = open();
        String oldEtag = store.forKey(KEY).orElseThrow().etag();

        Files.writeString(dir.resolve("main.json"), BROKEN);
        store.rescan();

        assertThat(store.forKey(KEY).orElseThrow().text()).isEqualTo(V1);
        assertThat(announced).isEmpty();
        assertThat(metrics.counter("vexilla_config_reloads_total", "", "config", "outcome")
                        .value("main", "rejected"))
                .isEqualTo(1);

        Files.writeString(dir.resolve("main.json"), V2);
        store.rescan();

        ServedConfig<?> current = store.forKey(KEY).orElseThrow();
        assertThat(current.text()).isEqualTo(V2);
        assertThat(current.version()).isEqualTo(2);
        assertThat(current.etag()).isNotEqualTo(oldEtag);
        assertThat(announced)
                .singleElement()
                .satisfies(c -> assertThat(c.etag()).isEqualTo(current.etag()));
    }

    @Test
    void rejectedFile_isLoggedOnceWithFileNameAndJsonPath() throws Exception {
        ConfigStore<?> store = open();
        Path file = dir.resolve("main.json");

        Files.writeString(file, BROKEN);
        store.rescan();
        store.rescan();

        String log = TestLogs.text();
        List<String> lines = log.lines()
                .filter(l -> l.contains(file.toString()))
                .filter(l -> l.contains("Rejected"))
                .toList();
        assertThat(lines).singleElement().asString().contains("$.f.other").contains("previous version keeps serving");
    }

    @Test
    void listenersReceiveTheVersionServedBeforeBesideTheNewOne() throws Exception {
        ConfigStore<?> store = open();
        String firstEtag = store.forKey(KEY).orElseThrow().etag();
        List<String> seen = new CopyOnWriteArrayList<>();
        store.addListener((before, current) ->
                seen.add(current.name() + " after " + (before == null ? "nothing" : before.etag())));

        Files.writeString(dir.resolve("main.json"), V2);
        store.rescan();
        Files.writeString(dir.resolve("third.json"), V1);
        store.rescan();

        assertThat(seen).containsExactly("main after " + firstEtag, "third after nothing");
    }

    @Test
    void unchangedFiles_areNotReannounced() throws Exception {
        ConfigStore<?> store = open();

        store.rescan();
        store.rescan();

        assertThat(announced).isEmpty();
        assertThat(store.forKey(KEY).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void newConfigFileAndKey_areServedAfterRescan() throws Exception {
        ConfigStore<?> store = open();
        String newKey = "store-test-key-0000000000000002";

        Files.writeString(dir.resolve("second.json"), V2);
        Files.writeString(keys, KEY + " = main\n" + newKey + " = second\n");
        store.rescan();

        assertThat(store.forKey(newKey).orElseThrow().text()).isEqualTo(V2);
        assertThat(announced).extracting(ServedConfig::name).containsExactly("second");
    }

    @Test
    void deletedConfigFile_stopsBeingServed() throws Exception {
        ConfigStore<?> store = open();

        Files.delete(dir.resolve("main.json"));
        store.rescan();

        assertThat(store.forKey(KEY)).isEmpty();
        assertThat(store.configs()).isEmpty();
    }

    @Test
    void brokenKeysFile_keepsThePreviousKeys() throws Exception {
        ConfigStore<?> store = open();

        Files.writeString(keys, "this line has no separator\n");
        store.rescan();

        assertThat(store.forKey(KEY)).isPresent();
    }

    @Test
    void configInvalidAtStartup_isNotServedButOthersAre() throws Exception {
        Files.writeString(dir.resolve("main.json"), "[]");
        Files.writeString(dir.resolve("good.json"), V1);

        ConfigStore<?> store = open();

        assertThat(store.byName("main")).isEmpty();
        assertThat(store.byName("good")).isPresent();
    }

    @Test
    void filesWithInvalidNames_areIgnored() throws Exception {
        Files.writeString(dir.resolve(".hidden.json"), V1);

        ConfigStore<?> store = open();

        assertThat(store.configs().keySet()).containsExactly("main");
    }

    @Test
    void demo_servesTheEmbeddedConfigUnderTheDemoKeyAndIgnoresRescan() {
        ConfigStore<?> store =
                ConfigStore.demo(VexillaServer.DEMO_SDK_KEY, ConfigValidators.jsonShape(), clock, metrics);

        store.rescan();

        assertThat(store.forKey(VexillaServer.DEMO_SDK_KEY).orElseThrow().name())
                .isEqualTo(ConfigStore.DEMO_CONFIG_NAME);
        assertThat(store.directory()).isEmpty();
    }

    @Test
    void compiledFormComesFromTheValidator() {
        ConfigStore<Integer> store = ConfigStore.open(dir, keys, (name, json) -> json.length, clock, metrics);

        assertThat(store.forKey(KEY).orElseThrow().compiled()).isEqualTo(V1.length());
    }

    @Test
    void validatorThatThrowsUnexpectedly_isTreatedAsRejection() throws Exception {
        ConfigStore<Object> store = ConfigStore.open(
                dir,
                keys,
                (name, json) -> {
                    if (json.length != V1.length()) {
                        throw new IllegalStateException("boom");
                    }
                    return name;
                },
                clock,
                metrics);

        Files.writeString(dir.resolve("main.json"), V2 + " ");
        store.rescan();

        assertThat(store.forKey(KEY).orElseThrow().text()).isEqualTo(V1);
    }

    @Test
    void missingKeysFile_failsOpenWithPath() {
        Path absent = dir.resolve("absent-keys.txt");

        assertThatThrownBy(() -> ConfigStore.open(dir, absent, ConfigValidators.jsonShape(), clock, metrics))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("absent-keys.txt");
    }

    private static StoredConfig stored(String name, String json, Instant acceptedAt) {
        byte[] bytes = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return new StoredConfig(name, bytes, ServedConfig.etagOf(bytes), acceptedAt);
    }

    private static SourceSnapshot snapshot(StoredConfig... configs) {
        Map<String, StoredConfig> byName = new java.util.HashMap<>();
        for (StoredConfig config : configs) {
            byName.put(config.name(), config);
        }
        return new SourceSnapshot(byName, List.of(SdkKeys.digested(KEY, "main")));
    }

    @Test
    void fed_servesWhatTheSourcePushes_withTheSourcesAcceptTime_andAnnouncesOnlyNewVersions() {
        ConfigStore<?> store = ConfigStore.fed(ConfigValidators.jsonShape(), clock, metrics);
        store.addListener((previous, current) -> announced.add(current));
        Instant accepted = Instant.parse("2026-11-01T10:00:00Z");
        assertThat(store.sourceFailure()).isPresent();

        store.snapshot(snapshot(stored("main", V1, accepted)));
        store.health(null);
        store.snapshot(snapshot(stored("main", V1, accepted.plusSeconds(5))));

        ServedConfig<?> served = store.forKey(KEY).orElseThrow();
        assertThat(served.text()).isEqualTo(V1);
        assertThat(served.loadedAt()).isEqualTo(accepted.plusSeconds(5));
        assertThat(announced).hasSize(1);
        assertThat(store.sourceFailure()).isEmpty();
        assertThat(store.keyed(KEY).orElseThrow().flagSetId()).isEqualTo(FlagSetIds.of(KEY));
    }

    @Test
    void fed_keepsTheLastGoodVersionWhenTheSourcePushesARejectedOne_andDropsDeletedConfigs() {
        ConfigStore<?> store = ConfigStore.fed(ConfigValidators.jsonShape(), clock, metrics);
        store.snapshot(snapshot(stored("main", V1, clock.instant()), stored("other", V2, clock.instant())));

        store.snapshot(snapshot(stored("main", "{\"f\":[]}", clock.instant())));
        store.health("the config store (Redis) cannot be reached");

        assertThat(store.forKey(KEY).orElseThrow().text()).isEqualTo(V1);
        assertThat(store.byName("other")).isEmpty();
        assertThat(store.sourceFailure()).hasValue("the config store (Redis) cannot be reached");
        store.snapshot(snapshot(stored("main", V2, clock.instant())));
        assertThat(store.forKey(KEY).orElseThrow().text()).isEqualTo(V2);
        assertThat(store.forKey(KEY).orElseThrow().version()).isEqualTo(2);
    }
}
