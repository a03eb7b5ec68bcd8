package dev.vexilla.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin API over a config directory: {@link AdminApiContract} plus what is particular to files. */
final class DirectoryAdminApiTest extends AdminApiContract {
    @TempDir
    Path dir;

    private Path configs;

    @BeforeEach
    void directory() throws Exception {
        configs = TestServers.configDirectory(dir);
    }

    @Override
    VexillaServer startServer(String adminToken) {
        return TestServers.start(TestServers.options(dir)
                .configDirectory(configs)
                .adminToken(adminToken)
                .build());
    }

    @Override
    String everythingAtRest() throws Exception {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                if (!file.getFileName().toString().equals("events.jsonl")) {
                    all.append(file).append('\n').append(Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        }
        return all.toString();
    }

    @Test
    void writes_replaceFilesAtomically_andLeaveNoTemporaryFiles() throws Exception {
        VexillaServer server = server(TOKEN);

        admin(server, "PUT", "/admin/v1/configs/alpha", CONFIG_V2);
        admin(server, "POST", "/admin/v1/keys", "{\"sdkKey\":\"" + NEW_KEY + "\",\"config\":\"alpha\"}");

        assertThat(Files.readString(configs.resolve("alpha.json"))).isEqualTo(CONFIG_V2);
        try (Stream<Path> files = Files.walk(configs)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void addedKeys_areDigestLines_besideThePlainKeyLinesThatKeepWorking() throws Exception {
        VexillaServer server = server(TOKEN);

        admin(server, "POST", "/admin/v1/keys", "{\"sdkKey\":\"" + NEW_KEY + "\",\"config\":\"beta\"}");

        String keysFile = Files.readString(configs.resolve(ServerOptions.DEFAULT_KEYS_FILE_NAME));
        assertThat(keysFile)
                .contains(TestServers.KEY_A + " = alpha")
                .containsPattern("sha256:[0-9a-f]{64}#" + dev.vexilla.model.FlagSetIds.of(NEW_KEY) + " = beta");
        assertThat(TestServers.get(server, TestServers.configPath(TestServers.KEY_A))
                        .statusCode())
                .isEqualTo(200);
        assertThat(TestServers.get(server, TestServers.configPath(NEW_KEY)).body())
                .isEqualTo(TestServers.MINIMAL_CONFIG.replace("true", "false"));
        assertThat(admin(server, "DELETE", "/admin/v1/keys/" + dev.vexilla.model.FlagSetIds.of(TestServers.KEY_A), null)
                        .statusCode())
                .as("a plain-key line is deleted by its key id too")
                .isEqualTo(200);
        assertThat(Files.readString(configs.resolve(ServerOptions.DEFAULT_KEYS_FILE_NAME)))
                .doesNotContain(TestServers.KEY_A);
    }
}
