package dev.vexilla.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.configcat.ConfigCatClient;
import com.configcat.LogLevel;
import com.configcat.PollingModes;
import com.configcat.RefreshResult;
import com.configcat.User;
import dev.vexilla.engine.configcat.ConfigCatConfig;
import dev.vexilla.engine.configcat.SettingType;
import dev.vexilla.model.EvaluationResult;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ConfigCat's own Java SDK uses the server as its base URL and evaluates the embedded demo config: proves the CDN
 * path, headers and the demo config's rules (e-mail, semver, segment, prerequisite, rollout) work for ConfigCat, and
 * that ConfigCat's client and Vexilla's engine give the same value for every flag and many users.
 */
final class ConfigCatClientInteropTest {
    /** ConfigCat SDKs only accept keys shaped like theirs. */
    static final String CONFIGCAT_KEY = "configcat-sdk-1/vexillaInteropTest0001/vexillaInteropTest0002";

    @TempDir
    Path dir;

    private VexillaServer server;
    private ConfigCatClient client;

    @BeforeEach
    void start() throws Exception {
        Path configs = Files.createDirectories(dir.resolve("configs"));
        try (InputStream demo = ConfigStore.class.getResourceAsStream("demo-config_v6.json")) {
            Files.write(configs.resolve("demo.json"), demo.readAllBytes());
        }
        Files.writeString(configs.resolve(ServerOptions.DEFAULT_KEYS_FILE_NAME), CONFIGCAT_KEY + " = demo\n");
        server = TestServers.start(
                TestServers.options(dir).configDirectory(configs).build());
        client = ConfigCatClient.get(CONFIGCAT_KEY, options -> {
            options.baseUrl("http://127.0.0.1:" + server.port());
            options.pollingMode(PollingModes.manualPoll());
            options.logLevel(LogLevel.NO_LOG);
        });
        RefreshResult refresh = client.forceRefresh();
        assertThat(refresh.isSuccess()).as(String.valueOf(refresh.error())).isTrue();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.close();
    }

    private static User user(String id, String email, Map<String, Object> custom) {
        return new User.Builder().email(email).custom(custom).build(id);
    }

    @Test
    void killSwitchAndNumbers() {
        assertThat(client.getValue(Boolean.class, "checkoutEnabled", false)).isTrue();
        assertThat(client.getValue(Integer.class, "maxUploadMb", 0)).isEqualTo(25);
        assertThat(client.getValue(Double.class, "discountRate", 0.0)).isEqualTo(0.1);
        User us = new User.Builder().country("US").build("u1");
        assertThat(client.getValue(Integer.class, "maxUploadMb", us, 0)).isEqualTo(100);
    }

    @Test
    void emailEndsWithRule() {
        assertThat(client.getValue(String.class, "supportTier", user("u1", "ana@vexilla.dev", Map.of()), ""))
                .isEqualTo("priority");
        assertThat(client.getValue(String.class, "supportTier", user("u2", "bob@elsewhere.org", Map.of()), ""))
                .isEqualTo("standard");
    }

    @Test
    void semverRules() {
        assertThat(client.getValue(String.class, "upgradeBanner", user("u", "", Map.of("AppVersion", "1.9.3")), ""))
                .isEqualTo("upgrade-required");
        assertThat(client.getValue(String.class, "upgradeBanner", user("u", "", Map.of("AppVersion", "3.0.0")), ""))
                .isEqualTo("try-beta-features");
        assertThat(client.getValue(String.class, "upgradeBanner", user("u", "", Map.of("AppVersion", "2.5.0")), ""))
                .isEqualTo("none");
    }

    @Test
    void segmentAndPrerequisite() {
        User beta = user("u", "kim@beta.vexilla.dev", Map.of());
        User other = user("u", "kim@vexilla.dev", Map.of());

        assertThat(client.getValue(Boolean.class, "betaSearch", beta, false)).isTrue();
        assertThat(client.getValue(Boolean.class, "searchSuggestions", beta, false))
                .isTrue();
        assertThat(client.getValue(Boolean.class, "betaSearch", other, true)).isFalse();
        assertThat(client.getValue(Boolean.class, "searchSuggestions", other, true))
                .isFalse();
    }

    @Test
    void percentageRolloutSplitsUsersRoughlyOneInFour() {
        int on = 0;
        for (int i = 0; i < 400; i++) {
            if (client.getValue(Boolean.class, "newDashboard", new User.Builder().build("user-" + i), false)) {
                on++;
            }
        }
        assertThat(on).isBetween(60, 140);
    }

    @Test
    void secondRefreshUsesTheEtagAndGets304() {
        RefreshResult again = client.forceRefresh();

        assertThat(again.isSuccess()).isTrue();
        assertThat(server.metrics().render())
                .contains("vexilla_http_requests_total{route=\"/configuration-files/{sdkKey}/config_v6.json\","
                        + "status=\"304\"} 1");
    }

    @Test
    void configCatsClientAndVexillasEngineAgreeOnEveryFlagForManyUsers() throws Exception {
        byte[] served;
        try (InputStream demo = ConfigStore.class.getResourceAsStream("demo-config_v6.json")) {
            served = demo.readAllBytes();
        }
        ConfigCatConfig engine = ConfigCatConfig.parse(new String(served, StandardCharsets.UTF_8));
        String[] emails = {"ada@vexilla.dev", "bob@example.com", "eve@beta.vexilla.dev", "joe@other.org", ""};
        String[] countries = {"US", "CA", "DE", "", "us"};
        String[] versions = {"1.9.0", "2.0.0", "2.5.1", "3.0.0-beta.1", "3.0.0", "not-a-version"};
        Random random = new Random(20261122);
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        for (int i = 0; i < 300; i++) {
            String id = "user-" + i;
            String email = emails[random.nextInt(emails.length)];
            String country = countries[random.nextInt(countries.length)];
            String version = versions[random.nextInt(versions.length)];
            User configCatUser = new User.Builder()
                    .email(email)
                    .country(country)
                    .custom(Map.of("AppVersion", version))
                    .build(id);
            dev.vexilla.model.User vexillaUser = dev.vexilla.model.User.builder()
                    .identifier(id)
                    .email(email)
                    .country(country)
                    .attribute("AppVersion", version)
                    .build();
            for (String key : engine.keys()) {
                EvaluationResult expected = engine.evaluate(key, vexillaUser);
                Object actual = configCatValue(key, engine.settingType(key), configCatUser);
                compared++;
                if (!String.valueOf(expected.value()).equals(String.valueOf(actual))) {
                    mismatches.add(key + " for " + id + "/" + email + "/" + country + "/" + version + ": engine "
                            + expected.value() + ", ConfigCat " + actual);
                }
            }
        }
        assertThat(compared).isEqualTo(300 * engine.keys().size());
        assertThat(mismatches).isEmpty();
    }

    private Object configCatValue(String key, SettingType type, User user) {
        switch (type) {
            case BOOLEAN:
                return client.getValue(Boolean.class, key, user, null);
            case STRING:
                return client.getValue(String.class, key, user, null);
            case INT:
                return client.getValue(Integer.class, key, user, null);
            default:
                return client.getValue(Double.class, key, user, null);
        }
    }
}
