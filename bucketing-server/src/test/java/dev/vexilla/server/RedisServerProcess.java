package dev.vexilla.server;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} on a random free loopback port, without persistence, for the duration of a test.
 * If redis-server is not installed the test fails with a message saying so: these tests never skip.
 */
final class RedisServerProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path dataDir;

    private RedisServerProcess(Process process, int port, Path dataDir) {
        this.process = process;
        this.port = port;
        this.dataDir = dataDir;
    }

    static RedisServerProcess start() throws IOException {
        return start(freePort(), null);
    }

    /**
     * Starts a redis-server that keeps its data on disk (append-only file, fsync on every write), so that
     * {@link #restart()} brings back what was written before {@link #close()}.
     */
    static RedisServerProcess startDurable() throws IOException {
        return start(freePort(), Files.createTempDirectory("redis-data"));
    }

    /** Starts a new redis-server on the same port and data directory as this stopped one. */
    RedisServerProcess restart() throws IOException {
        return start(port, dataDir);
    }

    private static RedisServerProcess start(int port, Path dataDir) throws IOException {
        Path binary = findBinary();
        Path log = Files.createTempFile("redis-test", ".log");
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                binary.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1", "--save", ""));
        if (dataDir == null) {
            command.addAll(java.util.List.of("--appendonly", "no"));
        } else {
            command.addAll(
                    java.util.List.of("--dir", dataDir.toString(), "--appendonly", "yes", "--appendfsync", "always"));
        }
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        RedisServerProcess redis = new RedisServerProcess(process, port, dataDir);
        try {
            await("redis-server on port " + port)
                    .atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(20))
                    .until(redis::ping);
        } catch (RuntimeException e) {
            redis.close();
            throw new IllegalStateException("redis-server did not start; its log: " + Files.readString(log), e);
        }
        return redis;
    }

    private static Path findBinary() {
        Path standard = Path.of("/usr/bin/redis-server");
        if (Files.isExecutable(standard)) {
            return standard;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "redis-server");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("redis-server is not installed (looked in /usr/bin and PATH). The EdgeDB Redis tests"
                + " need it: install it (e.g. apt-get install redis-server; .ci/run does this).");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    boolean ping() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = new byte[7];
            int n = in.readNBytes(reply, 0, 7);
            return n == 7 && new String(reply, StandardCharsets.US_ASCII).equals("+PONG\r\n");
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
