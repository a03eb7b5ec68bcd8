package dev.vexilla.contract.deploy;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The processes a test started, each writing its output to its own log file. {@link #close()} kills whatever is
 * still running; {@link #logs()} gathers every log for a failure message.
 */
final class Processes implements AutoCloseable {
    /** Lines of each log quoted in a failure message. */
    private static final int TAIL_LINES = 150;

    private final Path logDirectory;
    private final List<Started> started = new ArrayList<>();

    /** One started process and its log. */
    record Started(String name, Process process, Path log) {}

    Processes(Path logDirectory) throws IOException {
        this.logDirectory = Files.createDirectories(logDirectory);
    }

    /**
     * Starts a process.
     *
     * @param name a name for the log file (a counter is appended when the name repeats)
     * @param command the command line
     * @param environment variables to set; {@code null} values remove a variable inherited from this JVM
     * @param workingDirectory its working directory
     * @return the started process
     * @throws IOException if it cannot be started
     */
    synchronized Started start(
            String name, List<String> command, Map<String, String> environment, Path workingDirectory)
            throws IOException {
        Path log = logDirectory.resolve(name + "-"
                + (started.stream().filter(s -> s.name().equals(name)).count() + 1) + ".log");
        StringBuilder header = new StringBuilder();
        environment.forEach((key, value) -> {
            if (value != null) {
                header.append(key)
                        .append('=')
                        .append(key.contains("TOKEN") ? "***" : value)
                        .append('\n');
            }
        });
        header.append("$ ").append(String.join(" ", command)).append('\n');
        Files.writeString(log, header);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        environment.forEach((key, value) -> {
            if (value == null) {
                builder.environment().remove(key);
            } else {
                builder.environment().put(key, value);
            }
        });
        Started process = new Started(name, builder.start(), log);
        started.add(process);
        return process;
    }

    /**
     * Every log, the last lines of each, for a failure message.
     *
     * @return the logs
     */
    synchronized String logs() {
        StringBuilder out = new StringBuilder();
        for (Started s : started) {
            out.append("\n----- ")
                    .append(s.log())
                    .append(" (")
                    .append(
                            s.process().isAlive()
                                    ? "running"
                                    : "exit " + s.process().exitValue())
                    .append(") -----\n");
            try {
                List<String> lines = Files.readAllLines(s.log(), StandardCharsets.UTF_8);
                lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size())
                        .forEach(line -> out.append(line).append('\n'));
            } catch (IOException | UncheckedIOException e) {
                out.append("(cannot read: ").append(e).append(")\n");
            }
        }
        return out.toString();
    }

    @Override
    public synchronized void close() throws InterruptedException {
        for (Started s : started) {
            s.process().destroyForcibly();
        }
        for (Started s : started) {
            s.process().waitFor(60, TimeUnit.SECONDS);
        }
    }

    /**
     * Finds an executable in /usr/bin or on the PATH.
     *
     * @param name the executable
     * @param hint what to do when it is missing
     * @return its path
     */
    static Path executable(String name, String hint) {
        Path standard = Path.of("/usr/bin", name);
        if (Files.isExecutable(standard)) {
            return standard;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError(name + " is not installed (looked in /usr/bin and on the PATH): " + hint);
    }

    /**
     * A TCP port nobody listens on right now.
     *
     * @return the port
     * @throws IOException if no port can be had
     */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * Whether a redis-server answers {@code PING} on a loopback port.
     *
     * @param port the port
     * @return true for {@code +PONG}
     */
    static boolean redisAnswers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = in.readNBytes(7);
            return new String(reply, StandardCharsets.US_ASCII).equals("+PONG\r\n");
        } catch (IOException e) {
            return false;
        }
    }
}
