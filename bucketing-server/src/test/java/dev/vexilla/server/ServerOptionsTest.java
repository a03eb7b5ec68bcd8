package dev.vexilla.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

final class ServerOptionsTest {
    @Test
    void defaults_areTheDocumentedConstants() {
        ServerOptions options = ServerOptions.builder().build();

        assertThat(options.port()).isEqualTo(ServerOptions.DEFAULT_PORT).isEqualTo(8080);
        assertThat(options.bindAddress())
                .as("an embedded server is reachable from this machine only unless asked")
                .isEqualTo(ServerOptions.DEFAULT_BIND_ADDRESS)
                .isEqualTo("127.0.0.1");
        assertThat(options.configDirectory()).isEmpty();
        assertThat(options.keysFile()).isEmpty();
        assertThat(options.edgeDbUrl()).isEqualTo("memory");
        assertThat(options.maxBodyBytes()).isEqualTo(1024 * 1024);
        assertThat(options.maxStreams()).isEqualTo(ServerOptions.DEFAULT_MAX_STREAMS);
        assertThat(options.heartbeatInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.eventsSink()).as("no file is written unless asked").isEmpty();
    }

    @Test
    void slowClientDefaults_areTheDocumentedConstants() {
        ServerOptions options = ServerOptions.builder().build();

        assertThat(options.workerThreads())
                .isEqualTo(ServerOptions.DEFAULT_WORKER_THREADS)
                .isEqualTo(200);
        assertThat(options.maxConcurrentRequests())
                .as("three quarters of the workers")
                .isEqualTo(150);
        assertThat(options.bodyTimeout()).isEqualTo(ServerOptions.DEFAULT_BODY_TIMEOUT);
        assertThat(options.headerTimeout())
                .isEqualTo(ServerOptions.DEFAULT_HEADER_TIMEOUT)
                .isEqualTo(Duration.ofSeconds(20));
        assertThat(options.maxConnections())
                .isEqualTo(ServerOptions.defaultMaxConnections())
                .isBetween(
                        ServerOptions.MIN_MAX_CONNECTIONS,
                        ServerOptions.DEFAULT_MAX_CONNECTIONS_PER_PROCESSOR
                                * Runtime.getRuntime().availableProcessors());
        assertThat(ServerOptions.builder().workerThreads(8).build().maxConcurrentRequests())
                .isEqualTo(6);
    }

    @Test
    void slowClientOptions_areValidatedWithPreciseMessages() {
        assertThatThrownBy(() -> ServerOptions.builder().workerThreads(4))
                .hasMessage("workerThreads must be >= 8, was 4");
        assertThatThrownBy(() -> ServerOptions.builder().maxConcurrentRequests(0))
                .hasMessage("maxConcurrentRequests must be >= 1, was 0");
        assertThatThrownBy(() -> ServerOptions.builder()
                        .workerThreads(10)
                        .maxConcurrentRequests(11)
                        .build())
                .hasMessage("maxConcurrentRequests must be <= workerThreads (10), was 11");
        assertThatThrownBy(() -> ServerOptions.builder().bodyTimeout(Duration.ofMillis(10)))
                .hasMessage("bodyTimeout must be >= PT0.1S, was PT0.01S");
        assertThatThrownBy(() -> ServerOptions.builder().headerTimeout(Duration.ZERO))
                .hasMessage("headerTimeout must be >= PT0.1S, was PT0S");
        assertThatThrownBy(() -> ServerOptions.builder().maxConnections(2))
                .hasMessage("maxConnections must be >= 8, was 2");
    }

    @Test
    void keysFile_defaultsToAFileInTheConfigDirectory() {
        ServerOptions options =
                ServerOptions.builder().configDirectory(Path.of("/etc/vexilla")).build();

        assertThat(options.keysFile()).hasValue(Path.of("/etc/vexilla/sdk-keys.txt"));
    }

    @Test
    void keysFileWithoutConfigDirectory_isRejected() {
        assertThatThrownBy(
                        () -> ServerOptions.builder().keysFile(Path.of("k.txt")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("keysFile requires configDirectory");
    }

    @Test
    void outOfRangeValues_getPreciseMessages() {
        assertThatThrownBy(() -> ServerOptions.builder().port(70000)).hasMessage("port must be in 0..65535, was 70000");
        assertThatThrownBy(() -> ServerOptions.builder().maxBodyBytes(10))
                .hasMessage("maxBodyBytes must be >= 1024, was 10");
        assertThatThrownBy(() -> ServerOptions.builder().heartbeatInterval(Duration.ofMillis(5)))
                .hasMessage("heartbeatInterval must be >= PT0.1S, was PT0.005S");
        assertThatThrownBy(() -> ServerOptions.builder().maxStreams(0)).hasMessage("maxStreams must be >= 1, was 0");
        assertThatThrownBy(() -> ServerOptions.builder().edgeDbTtl(Duration.ofMillis(10)))
                .hasMessage("edgeDbTtl must be 0 or >= 1s, was PT0.01S");
        assertThatThrownBy(() -> ServerOptions.builder().edgeDbUrl("http://x"))
                .hasMessageContaining("edgeDbUrl must be 'memory' or redis://host:port");
        assertThatThrownBy(() -> ServerOptions.builder().bindAddress(" "))
                .hasMessageContaining("bindAddress must not be blank");
    }

    @Test
    void equalOptions_areEqualAndToStringHidesRedisPassword() {
        ServerOptions a = ServerOptions.builder()
                .edgeDbUrl("redis://:hunter2@localhost:6379")
                .build();
        ServerOptions b = ServerOptions.builder()
                .edgeDbUrl("redis://:hunter2@localhost:6379")
                .build();

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.toString()).doesNotContain("hunter2").contains("redis://****@localhost:6379");
    }
}
