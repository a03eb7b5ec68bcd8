package dev.vexilla.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vexilla.server.relay.RelayOptions;
import dev.vexilla.server.relay.UpstreamKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class CommandLineOptionsTest {
    @Test
    void flagsInBothFormsAreRead() {
        ServerOptions options = CommandLineOptions.parse(
                new String[] {"--port", "9090", "--bind=127.0.0.1", "--max-body", "512k", "--heartbeat", "15s"},
                Map.of());

        assertThat(options.port()).isEqualTo(9090);
        assertThat(options.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(options.maxBodyBytes()).isEqualTo(512 * 1024);
        assertThat(options.heartbeatInterval()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void commandLineDefaults_bindEveryInterfaceAndWriteTheEventsFile() {
        ServerOptions options = CommandLineOptions.parse(new String[0], Map.of());

        assertThat(options.bindAddress())
                .isEqualTo(ServerOptions.DEFAULT_COMMAND_LINE_BIND_ADDRESS)
                .isEqualTo("0.0.0.0");
        assertThat(options.eventsSink()).hasValue(Path.of("vexilla-events.jsonl"));
    }

    @Test
    void slowClientFlags_areRead() {
        ServerOptions options = CommandLineOptions.parse(
                new String[] {
                    "--worker-threads", "64",
                    "--max-concurrent-requests", "40",
                    "--max-connections", "5000",
                    "--header-timeout", "5s",
                    "--body-timeout=2s"
                },
                Map.of());

        assertThat(options.workerThreads()).isEqualTo(64);
        assertThat(options.maxConcurrentRequests()).isEqualTo(40);
        assertThat(options.maxConnections()).isEqualTo(5000);
        assertThat(options.headerTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.bodyTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThatThrownBy(() -> CommandLineOptions.parse(
                        new String[] {"--worker-threads", "8", "--max-concurrent-requests", "9"}, Map.of()))
                .hasMessageStartingWith("--max-concurrent-requests: ");
    }

    @Test
    void publicUrl_isReadFromTheFlagOrItsVariable_andValidated() {
        assertThat(CommandLineOptions.parse(new String[] {"--public-url", "https://flags.example.com/"}, Map.of())
                        .publicUrl())
                .hasValue(java.net.URI.create("https://flags.example.com"));
        assertThat(CommandLineOptions.parse(new String[0], Map.of("VEXILLA_PUBLIC_URL", "http://10.0.0.5:8080"))
                        .publicUrl())
                .hasValue(java.net.URI.create("http://10.0.0.5:8080"));
        assertThat(CommandLineOptions.parse(new String[0], Map.of()).publicUrl())
                .isEmpty();
        assertThatThrownBy(() -> CommandLineOptions.parse(new String[] {"--public-url", "flags.example.com"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--public-url")
                .hasMessageContaining("absolute http or https URL");
        assertThatThrownBy(() -> CommandLineOptions.parse(new String[] {"--public-url", "https://h/?q=1"}, Map.of()))
                .hasMessageContaining("query");
    }

    @Test
    void eventsSinkNone_turnsTheFileOff() {
        assertThat(CommandLineOptions.parse(new String[] {"--events-sink", "none"}, Map.of())
                        .eventsSink())
                .isEmpty();
        assertThat(CommandLineOptions.parse(new String[0], Map.of("VEXILLA_EVENTS_SINK", "none"))
                        .eventsSink())
                .isEmpty();
    }

    @Test
    void environmentVariablesAreReadAndFlagsWin() {
        ServerOptions options = CommandLineOptions.parse(
                new String[] {"--port", "7000"},
                Map.of(
                        "VEXILLA_PORT", "6000",
                        "VEXILLA_CONFIG_DIR", "/srv/configs",
                        "VEXILLA_EDGEDB_URL", "redis://localhost:6379",
                        "VEXILLA_MAX_STREAMS", "12",
                        "VEXILLA_RATE_LIMIT", "500",
                        "VEXILLA_RESCAN", "PT1M"));

        assertThat(options.port()).isEqualTo(7000);
        assertThat(options.configDirectory()).hasValue(Path.of("/srv/configs"));
        assertThat(options.keysFile()).hasValue(Path.of("/srv/configs/sdk-keys.txt"));
        assertThat(options.edgeDbUrl()).isEqualTo("redis://localhost:6379");
        assertThat(options.maxStreams()).isEqualTo(12);
        assertThat(options.rateLimit()).isEqualTo(500);
        assertThat(options.rescanInterval()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void badValues_nameTheFlagOrVariable() {
        assertThatThrownBy(() -> CommandLineOptions.parse(new String[] {"--port", "eighty"}, Map.of()))
                .hasMessage("--port: must be an integer, was 'eighty'");
        assertThatThrownBy(() -> CommandLineOptions.parse(new String[0], Map.of("VEXILLA_PORT", "-1")))
                .hasMessage("VEXILLA_PORT: port must be in 0..65535, was -1");
        assertThatThrownBy(() -> CommandLineOptions.parse(new String[] {"--heartbeat", "soon"}, Map.of()))
                .hasMessageStartingWith("--heartbeat: must be a duration");
        assertThatThrownBy(() -> CommandLineOptions.parse(new String[] {"--max-body", "1gb"}, Map.of()))
                .hasMessageStartingWith("--max-body: must be a size");
        assertThatThrownBy(() -> CommandLineOptions.parse(new String[] {"--colour", "blue"}, Map.of()))
                .hasMessage("unknown option '--colour' (see --help)");
        assertThatThrownBy(() -> CommandLineOptions.parse(new String[] {"--port"}, Map.of()))
                .hasMessage("--port: a value is required");
    }

    @Test
    void durationsAndSizes_acceptTheDocumentedForms() {
        assertThat(CommandLineOptions.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(CommandLineOptions.parseDuration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(CommandLineOptions.parseDuration("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(CommandLineOptions.parseDuration("0")).isZero();
        assertThat(CommandLineOptions.parseSize("1m")).isEqualTo(1024 * 1024);
        assertThat(CommandLineOptions.parseSize("2048")).isEqualTo(2048);
        assertThat(CommandLineOptions.parseSize("8KiB")).isEqualTo(8192);
        assertThatThrownBy(() -> CommandLineOptions.parseSize("99999999m")).hasMessageContaining("too large");
    }

    @Test
    void helpText_listsEveryFlagWithItsEnvironmentVariable() {
        String help = CommandLineOptions.helpText();

        for (String pair : new String[] {
            "--port PORT",
            "VEXILLA_PORT",
            "--bind",
            "VEXILLA_BIND_ADDRESS",
            "--config-dir",
            "VEXILLA_CONFIG_DIR",
            "--keys-file",
            "VEXILLA_KEYS_FILE",
            "--edgedb",
            "VEXILLA_EDGEDB_URL",
            "VEXILLA_EDGEDB_PREFIX",
            "VEXILLA_EDGEDB_TTL",
            "VEXILLA_EDGEDB_TIMEOUT",
            "VEXILLA_EDGEDB_MAX_ENTRIES",
            "--events-sink",
            "VEXILLA_EVENTS_SINK",
            "--max-body",
            "VEXILLA_MAX_BODY",
            "--max-header",
            "VEXILLA_MAX_HEADER",
            "--max-streams",
            "VEXILLA_MAX_STREAMS",
            "--rate-limit N",
            "VEXILLA_RATE_LIMIT",
            "--heartbeat",
            "VEXILLA_HEARTBEAT",
            "--rescan",
            "VEXILLA_RESCAN",
            "--help"
        }) {
            assertThat(help).contains(pair);
        }
    }

    @Test
    void shutdownTimeout_defaultsToTenSecondsAndIsReadFromFlagAndEnvironment() {
        assertThat(CommandLineOptions.parse(new String[0], Map.of()).shutdownTimeout())
                .isEqualTo(ServerOptions.DEFAULT_SHUTDOWN_TIMEOUT)
                .isEqualTo(Duration.ofSeconds(10));
        assertThat(CommandLineOptions.parse(new String[] {"--shutdown-timeout", "30s"}, Map.of())
                        .shutdownTimeout())
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(CommandLineOptions.parse(new String[0], Map.of("VEXILLA_SHUTDOWN_TIMEOUT", "0"))
                        .shutdownTimeout())
                .isZero();
        assertThatThrownBy(() -> ServerOptions.builder().shutdownTimeout(Duration.ofSeconds(-1)))
                .hasMessage("shutdownTimeout must be >= 0, was PT-1S");
        assertThat(CommandLineOptions.helpText()).contains("--shutdown-timeout").contains("VEXILLA_SHUTDOWN_TIMEOUT");
    }

    @Test
    void configStoreAndAdminToken_areReadFromFlagsAndVariables_andTheTokenIsNeverPrinted() {
        ServerOptions options = CommandLineOptions.parse(
                new String[] {"--config-store", "redis://:secret@127.0.0.1:6379/2"},
                Map.of("VEXILLA_ADMIN_TOKEN", "admin-token-0123456789abcdef"));

        assertThat(options.configStore()).hasValue("redis://:secret@127.0.0.1:6379/2");
        assertThat(options.adminToken()).hasValue("admin-token-0123456789abcdef");
        assertThat(options.toString()).doesNotContain("secret").doesNotContain("admin-token-0123");
        assertThatThrownBy(() -> CommandLineOptions.parse(new String[] {"--config-store", "memory"}, Map.of()))
                .hasMessageStartingWith("--config-store: configStore must be redis://");
        assertThatThrownBy(() -> CommandLineOptions.parse(new String[] {"--admin-token", "short"}, Map.of()))
                .hasMessageStartingWith("--admin-token: adminToken must be at least 16")
                .hasMessageNotContaining("short");
        assertThatThrownBy(() -> CommandLineOptions.parse(
                        new String[] {"--config-store", "redis://127.0.0.1:6379", "--config-dir", "/tmp"}, Map.of()))
                .hasMessageStartingWith("--config-store: configStore and configDirectory exclude each other");
    }

    static final String RELAYED_KEY = "relayed-key-0123456789abcdef-0001";

    @Test
    void upstreamFlags_makeARelayOfTheListedKeys() {
        ServerOptions options = CommandLineOptions.parse(
                new String[] {
                    "--upstream",
                    "https://flags.example.com/",
                    "--upstream-keys",
                    RELAYED_KEY + "=web",
                    "--upstream-poll-interval=30s",
                    "--upstream-events-url",
                    "none"
                },
                Map.of());

        RelayOptions relay = options.upstream().orElseThrow();
        assertThat(relay.upstream()).hasToString("https://flags.example.com");
        assertThat(relay.keys()).containsExactly(Map.entry(RELAYED_KEY, "web"));
        assertThat(relay.kind()).isEqualTo(UpstreamKind.VEXILLA);
        assertThat(relay.pollInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(relay.eventsUrl()).isEmpty();
        assertThat(options.configDirectory()).isEmpty();
        assertThat(options.configStore()).isEmpty();
    }

    @Test
    void upstreamEnvironmentVariables_areReadAndAFlagWins() {
        ServerOptions options = CommandLineOptions.parse(
                new String[] {"--upstream-timeout", "2s"},
                Map.of(
                        "VEXILLA_UPSTREAM", "https://cdn-global.configcat.com",
                        "VEXILLA_UPSTREAM_KEYS", RELAYED_KEY + "=web",
                        "VEXILLA_UPSTREAM_KIND", "configcat",
                        "VEXILLA_UPSTREAM_TIMEOUT", "5s",
                        "VEXILLA_UPSTREAM_EVENT_QUEUE", "500",
                        "VEXILLA_UPSTREAM_EVENT_BATCH", "50",
                        "VEXILLA_UPSTREAM_EVENT_FLUSH_INTERVAL", "1s",
                        "VEXILLA_UPSTREAM_BACKSTOP_INTERVAL", "10m"));

        RelayOptions relay = options.upstream().orElseThrow();
        assertThat(relay.kind()).isEqualTo(UpstreamKind.CONFIGCAT);
        assertThat(relay.requestTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(relay.eventQueueCapacity()).isEqualTo(500);
        assertThat(relay.eventBatchSize()).isEqualTo(50);
        assertThat(relay.eventFlushInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(relay.streamBackstopInterval()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void upstreamWithoutKeys_isRefused_neverABlindProxy() {
        assertThatThrownBy(() ->
                        CommandLineOptions.parse(new String[] {"--upstream", "https://flags.example.com"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--upstream-keys: required (key=config-name pairs to relay)");
        assertThatThrownBy(() ->
                        CommandLineOptions.parse(new String[] {"--upstream-keys", RELAYED_KEY + "=web"}, Map.of()))
                .hasMessageStartingWith("--upstream: required");
    }

    @Test
    void upstreamExcludesTheConfigDirectoryAndTheConfigStore() {
        assertThatThrownBy(() -> CommandLineOptions.parse(
                        new String[] {
                            "--upstream", "https://flags.example.com",
                            "--upstream-keys", RELAYED_KEY + "=web",
                            "--config-dir", "/etc/vexilla/configs"
                        },
                        Map.of()))
                .hasMessageStartingWith("--upstream: upstream excludes configDirectory and configStore");
        assertThatThrownBy(() -> CommandLineOptions.parse(
                        new String[] {"--config-store", "redis://localhost:6379"},
                        Map.of(
                                "VEXILLA_UPSTREAM",
                                "https://flags.example.com",
                                "VEXILLA_UPSTREAM_KEYS",
                                RELAYED_KEY + "=web")))
                .hasMessageStartingWith("--upstream: upstream excludes");
    }

    @Test
    void badUpstreamValues_nameTheirFlagOrVariable_andNeverTheKey() {
        assertThatThrownBy(() -> CommandLineOptions.parse(
                        new String[0],
                        Map.of("VEXILLA_UPSTREAM", "https://flags.example.com", "VEXILLA_UPSTREAM_KEYS", RELAYED_KEY)))
                .hasMessage("VEXILLA_UPSTREAM_KEYS: entry 1: expected '<sdk-key>=<config-name>'");
        assertThatThrownBy(() -> CommandLineOptions.parse(
                        new String[] {
                            "--upstream", "https://flags.example.com",
                            "--upstream-keys", RELAYED_KEY + "=web",
                            "--upstream-poll-interval", "10ms"
                        },
                        Map.of()))
                .hasMessageStartingWith("--upstream-poll-interval: ")
                .hasMessageNotContaining(RELAYED_KEY);
        assertThatThrownBy(() -> CommandLineOptions.parse(
                        new String[] {"--upstream", "ftp://flags.example.com", "--upstream-keys", RELAYED_KEY + "=web"},
                        Map.of()))
                .hasMessageStartingWith("--upstream: must be an http or https URL");
        assertThatThrownBy(() -> CommandLineOptions.parse(
                        new String[] {
                            "--upstream",
                            "ftp://relay:s3cret@flags.example.com",
                            "--upstream-keys",
                            RELAYED_KEY + "=web"
                        },
                        Map.of()))
                .hasMessageContaining("ftp://****@flags.example.com")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> CommandLineOptions.parse(
                        new String[] {
                            "--upstream",
                            "https://flags.example.com",
                            "--upstream-keys",
                            RELAYED_KEY + "=web," + RELAYED_KEY.replace("0001", "0002") + "=web"
                        },
                        Map.of()))
                .hasMessageStartingWith("--upstream-keys: each relayed key needs its own config name")
                .hasMessageNotContaining(RELAYED_KEY);
    }

    @Test
    void relayOptionsToString_hidesTheKeysAndTheUpstreamsCredentials() {
        ServerOptions options = CommandLineOptions.parse(
                new String[] {
                    "--upstream", "https://relay:s3cret@flags.example.com", "--upstream-keys", RELAYED_KEY + "=web"
                },
                Map.of());

        assertThat(options.toString())
                .contains("upstream=https://flags.example.com (vexilla, 1 key)")
                .doesNotContain(RELAYED_KEY)
                .doesNotContain("s3cret");
    }

    @Test
    void helpText_listsTheRelayFlagsWithTheirVariables() {
        assertThat(CommandLineOptions.helpText())
                .contains("--upstream URL", "[env VEXILLA_UPSTREAM]")
                .contains("--upstream-keys KEYS", "[env VEXILLA_UPSTREAM_KEYS]")
                .contains("--upstream-event-flush-interval DURATION", "[env VEXILLA_UPSTREAM_EVENT_FLUSH_INTERVAL]");
    }
}
