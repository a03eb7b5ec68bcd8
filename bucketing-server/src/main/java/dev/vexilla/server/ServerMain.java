package dev.vexilla.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * Entry point of {@code vexilla-server.jar}: {@code java -jar vexilla-server.jar [--help] [OPTIONS]}.
 *
 * <p>Exit codes: 0 after {@code --help}; 2 for a bad option or value (one line on stderr naming the flag or
 * environment variable); 1 when the server cannot start. Otherwise it runs until the JVM is stopped ({@code SIGTERM},
 * {@code SIGINT}), and a shutdown hook closes the server gracefully: change streams end with a "reconnect later"
 * frame and requests in flight get up to {@code --shutdown-timeout} to complete (see {@link VexillaServer#close()}). The jar logs through slf4j-simple with the settings of {@code simplelogger.properties}
 * beside this class (our INFO lines, libraries from WARN up, the per-evaluation log off); {@code -D} flags override
 * them.
 *
 * @since 0.1.0
 */
public final class ServerMain {
    private static final String LOGGING_DEFAULTS = "simplelogger.properties";

    private ServerMain() {}

    /**
     * Starts the server.
     *
     * @param args command-line options; see {@code --help}
     */
    public static void main(String[] args) {
        applyLoggingDefaults(System.getProperties());
        int code = run(args, System.getenv(), System.out, System.err);
        if (code >= 0) {
            System.exit(code);
        }
    }

    /**
     * Copies the jar's slf4j-simple settings ({@value #LOGGING_DEFAULTS}, beside this class) into {@code system}
     * where no value is set, so a {@code -Dorg.slf4j.simpleLogger...} flag wins. Runs before the first logger is
     * created; the file is not at the classpath root, where it would configure an embedding application's logging.
     *
     * @param system the properties slf4j-simple reads, {@link System#getProperties()} in the jar
     * @throws IllegalStateException if the file is missing from the jar (a build error)
     */
    static void applyLoggingDefaults(Properties system) {
        Properties defaults = new Properties();
        try (InputStream in = ServerMain.class.getResourceAsStream(LOGGING_DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException(LOGGING_DEFAULTS + " is missing from the jar");
            }
            defaults.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + LOGGING_DEFAULTS, e);
        }
        defaults.stringPropertyNames().forEach(name -> {
            if (system.getProperty(name) == null) {
                system.setProperty(name, defaults.getProperty(name));
            }
        });
    }

    /**
     * Parses the options and starts the server, or prints help or an error.
     *
     * @param args the arguments
     * @param env the environment
     * @param out where help goes
     * @param err where errors go
     * @return an exit code, or -1 once the server has started and was stopped by the shutdown hook
     */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            out.print(ServerOptions.helpText());
            return 0;
        }
        ServerOptions options;
        try {
            options = ServerOptions.fromCommandLine(args, env);
        } catch (IllegalArgumentException e) {
            err.println("vexilla-server: " + e.getMessage());
            return 2;
        }
        VexillaServer server;
        try {
            server = VexillaServer.start(options);
        } catch (RuntimeException e) {
            err.println("vexilla-server: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
                            stopped.countDown();
                        },
                        "vexilla-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.close();
        }
        return -1;
    }
}
