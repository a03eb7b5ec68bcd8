package dev.vexilla.examples;

import dev.openfeature.sdk.EventDetails;
import dev.openfeature.sdk.FeatureProvider;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.vexilla.cloud.CloudOptions;
import dev.vexilla.cloud.CloudProvider;
import dev.vexilla.cloud.Protocol;
import dev.vexilla.local.ConfigProtocol;
import dev.vexilla.local.LocalOptions;
import dev.vexilla.local.LocalProvider;
import dev.vexilla.server.ServerOptions;
import dev.vexilla.server.VexillaServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The demo: starts an embedded Vexilla server on a free port serving a ConfigCat config v6 and a DevCycle config v2,
 * registers the Vexilla providers on OpenFeature domains of one API (for each config a local and a cloud provider;
 * the DevCycle config's local provider runs in DevCycle mode and downloads it from the server's DevCycle CDN path),
 * prints a table of flag evaluations for a few users per config, turns a kill switch off in each config file and
 * shows the change arriving over the server's change stream in all four providers: each emits
 * {@code PROVIDER_CONFIGURATION_CHANGED} (the local providers after re-downloading the config, naming the changed
 * flag; the cloud providers from the server's announcement, which names it for the v6 config).
 *
 * <p>Run it with {@code java -jar examples/target/vexilla-demo.jar}. It exits {@code 0} on success; on failure it
 * prints one line saying what went wrong on standard error and exits {@code 1}.
 *
 * @since 0.1.0
 */
public final class Demo {
    /** The OpenFeature domain of the local provider. */
    static final String LOCAL_DOMAIN = "local";

    /** The OpenFeature domain of the cloud provider. */
    static final String CLOUD_DOMAIN = "cloud";

    /** How long the demo waits for a provider to announce the config change. */
    static final Duration CHANGE_TIMEOUT = Duration.ofSeconds(20);

    /** The OpenFeature domain of the local provider in DevCycle mode, on the DevCycle config v2. */
    static final String DEVCYCLE_LOCAL_DOMAIN = "devcycle-local";

    /** The OpenFeature domain of the cloud provider on the DevCycle config v2. */
    static final String DEVCYCLE_CLOUD_DOMAIN = "devcycle-cloud";

    /**
     * The SDK key of the demo's DevCycle config: public like {@link VexillaServer#DEMO_SDK_KEY}; its {@code server}
     * prefix is what selects the local provider's DevCycle mode.
     */
    static final String DEVCYCLE_SDK_KEY = "server-vexilla-demo-devcycle-000000";

    private static final String CONFIG_NAME = "demo";

    private static final String DEVCYCLE_CONFIG_NAME = "demo-devcycle";

    /** The DevCycle kill switch's value in the demo config v2, and what the demo turns it into. */
    private static final String DEVCYCLE_SWITCH_ON = "{\"_var\": \"variable-payments-enabled\", \"value\": true}";

    /** The kill switch's value and, right after it, its variation id (the demo config's layout). */
    private static final Pattern KILL_SWITCH_VALUE = Pattern.compile(
            "(\"" + DemoFlag.KILL_SWITCH + "\"\\s*:\\s*\\{[^{}]*?\"v\"\\s*:\\s*\\{\\s*\"b\"\\s*:\\s*)true"
                    + "(\\s*\\}\\s*,\\s*\"i\"\\s*:\\s*\")[^\"]*\"");

    /** The variation id the kill switch's new value gets: a new value is a new variation, as in ConfigCat. */
    static final String KILL_SWITCH_OFF_VARIANT = "c0ffee00";

    private Demo() {}

    /**
     * Runs the demo and exits the JVM with its status.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.exit(run(System.out, System.err));
    }

    /**
     * Runs the demo: everything it starts is stopped and its temporary directory deleted before this returns.
     *
     * @param out where the tables and announcements go
     * @param err where a failure is reported, in one line
     * @return {@code 0} on success, {@code 1} on failure
     */
    static int run(PrintStream out, PrintStream err) {
        Path directory = null;
        try {
            directory = Files.createTempDirectory("vexilla-demo-");
            runIn(directory, out);
            return 0;
        } catch (DemoFailure e) {
            err.println("Vexilla demo failed: " + e.getMessage());
            return 1;
        } catch (IOException | RuntimeException e) {
            err.println("Vexilla demo failed: " + e);
            return 1;
        } finally {
            deleteQuietly(directory);
        }
    }

    private static void runIn(Path directory, PrintStream out) throws IOException {
        Path config = directory.resolve(CONFIG_NAME + ".json");
        Files.writeString(config, demoConfig("demo-config_v6.json"));
        Path devCycleConfig = directory.resolve(DEVCYCLE_CONFIG_NAME + ".json");
        Files.writeString(devCycleConfig, demoConfig("demo-config_v2.json"));
        Path keysFile = directory.resolve(ServerOptions.DEFAULT_KEYS_FILE_NAME);
        Files.writeString(
                keysFile,
                VexillaServer.DEMO_SDK_KEY + " = " + CONFIG_NAME + "\n" + DEVCYCLE_SDK_KEY + " = "
                        + DEVCYCLE_CONFIG_NAME + "\n");
        ServerOptions serverOptions = ServerOptions.builder()
                .port(0)
                .bindAddress("127.0.0.1")
                .configDirectory(directory)
                .keysFile(keysFile)
                .eventsSink(directory.resolve("events.jsonl"))
                .rescanInterval(Duration.ofMillis(500))
                .build();
        try (VexillaServer server = VexillaServer.start(serverOptions)) {
            out.println("Vexilla server on " + server.baseUri() + ", serving " + config.getFileName() + " (config v6)"
                    + " and " + devCycleConfig.getFileName() + " (DevCycle config v2) from " + directory);
            OpenFeatureAPI api = OpenFeatureAPI.createIsolated();
            try {
                demonstrate(api, sides(server.baseUri()), devCycleSides(server.baseUri()), directory, out);
            } finally {
                api.shutdown();
            }
        }
    }

    /**
     * Returns the providers of the demo, one per OpenFeature domain, in column order.
     *
     * @param baseUri the embedded server
     * @return domain name to provider
     */
    static Map<String, FeatureProvider> sides(URI baseUri) {
        Map<String, FeatureProvider> sides = new LinkedHashMap<>();
        sides.put(
                LOCAL_DOMAIN,
                new LocalProvider(LocalOptions.builder()
                        .sdkKey(VexillaServer.DEMO_SDK_KEY)
                        .baseUrl(baseUri)
                        .realtimeUpdates(true)
                        .build()));
        sides.put(
                CLOUD_DOMAIN,
                new CloudProvider(CloudOptions.builder()
                        .sdkKey(VexillaServer.DEMO_SDK_KEY)
                        .baseUrl(baseUri)
                        .environment(Map.of())
                        .build()));
        return sides;
    }

    /**
     * Returns the providers of the demo's DevCycle config v2, one per OpenFeature domain, in column order: the local
     * provider in DevCycle mode (config from the server's {@code /config/v2/server/} path, the change stream the
     * config names, events to the server) and the cloud provider on the server's OFREP routes.  OFREP carries a JSON variable's
     * value as its JSON object, so both columns show the same structure.
     *
     * @param baseUri the embedded server
     * @return domain name to provider
     */
    static Map<String, FeatureProvider> devCycleSides(URI baseUri) {
        Map<String, FeatureProvider> sides = new LinkedHashMap<>();
        sides.put(
                DEVCYCLE_LOCAL_DOMAIN,
                new LocalProvider(LocalOptions.builder()
                        .sdkKey(DEVCYCLE_SDK_KEY)
                        .configProtocol(ConfigProtocol.DEVCYCLE)
                        .baseUrl(baseUri)
                        .eventsUrl(baseUri)
                        .build()));
        sides.put(
                DEVCYCLE_CLOUD_DOMAIN,
                new CloudProvider(CloudOptions.builder()
                        .sdkKey(DEVCYCLE_SDK_KEY)
                        .baseUrl(baseUri)
                        .protocol(Protocol.OFREP)
                        .environment(Map.of())
                        .build()));
        return sides;
    }

    private static void demonstrate(
            OpenFeatureAPI api,
            Map<String, FeatureProvider> sides,
            Map<String, FeatureProvider> devCycleSides,
            Path directory,
            PrintStream out)
            throws IOException {
        Map<String, BlockingQueue<EventDetails>> changes = register(api, sides, out);
        Map<String, BlockingQueue<EventDetails>> devCycleChanges = register(api, devCycleSides, out);
        out.println();
        out.print(table(api, changes.keySet(), DemoFlag.all()).render());
        out.println();
        out.println("DevCycle config v2 (" + DEVCYCLE_CONFIG_NAME + ".json):");
        out.print(table(api, devCycleChanges.keySet(), DemoFlag.devCycle()).render());
        out.println();
        Path config = directory.resolve(CONFIG_NAME + ".json");
        turnKillSwitchOff(config);
        out.println("Changed " + config.getFileName() + ": " + DemoFlag.KILL_SWITCH + " is now false");
        announce(changes, DemoFlag.KILL_SWITCH, out);
        Path devCycleConfig = directory.resolve(DEVCYCLE_CONFIG_NAME + ".json");
        turnDevCycleSwitchOff(devCycleConfig);
        out.println("Changed " + devCycleConfig.getFileName() + ": " + DemoFlag.DEVCYCLE_KILL_SWITCH + " is now false");
        announce(devCycleChanges, DemoFlag.DEVCYCLE_KILL_SWITCH, out);
        out.println();
        List<DemoFlag> killSwitch = List.of(new DemoFlag(DemoFlag.KILL_SWITCH, false));
        out.print(table(api, changes.keySet(), killSwitch).render());
        out.println();
        List<DemoFlag> devCycleSwitch = List.of(new DemoFlag(DemoFlag.DEVCYCLE_KILL_SWITCH, false));
        out.print(table(api, devCycleChanges.keySet(), devCycleSwitch).render());
    }

    private static Map<String, BlockingQueue<EventDetails>> register(
            OpenFeatureAPI api, Map<String, FeatureProvider> sides, PrintStream out) {
        Map<String, BlockingQueue<EventDetails>> changes = new LinkedHashMap<>();
        for (Map.Entry<String, FeatureProvider> side : sides.entrySet()) {
            BlockingQueue<EventDetails> queue = new LinkedBlockingQueue<>();
            api.setProviderAndWait(side.getKey(), side.getValue());
            api.getClient(side.getKey()).onProviderConfigurationChanged(queue::add);
            changes.put(side.getKey(), queue);
            out.println("Registered " + side.getValue().getMetadata().getName() + " on domain '" + side.getKey() + "'");
        }
        return changes;
    }

    private static void announce(Map<String, BlockingQueue<EventDetails>> changes, String flag, PrintStream out) {
        for (Map.Entry<String, BlockingQueue<EventDetails>> side : changes.entrySet()) {
            List<String> flags =
                    awaitChange(side.getKey(), side.getValue(), flag).getFlagsChanged();
            out.println("[" + side.getKey() + "] PROVIDER_CONFIGURATION_CHANGED, flags changed: "
                    + (flags == null ? "not listed (any flag may have changed)" : flags));
        }
    }

    private static DemoTable table(OpenFeatureAPI api, Iterable<String> domains, List<DemoFlag> flags) {
        List<String> header = new ArrayList<>(List.of("user", "flag"));
        for (String domain : domains) {
            header.addAll(List.of(domain + " value", "variant", "reason"));
        }
        DemoTable table = new DemoTable(header);
        for (DemoUser user : DemoUser.all()) {
            for (DemoFlag flag : flags) {
                List<String> row = new ArrayList<>(List.of(user.label(), flag.key()));
                for (String domain : domains) {
                    FlagEvaluationDetails<?> details = flag.evaluate(api.getClient(domain), user.context());
                    row.addAll(cells(details));
                }
                table.add(row);
            }
        }
        return table;
    }

    private static List<String> cells(FlagEvaluationDetails<?> details) {
        String value = DemoFlag.text(details.getValue());
        if (details.getErrorCode() != null) {
            value += " (" + details.getErrorCode() + ")";
        }
        String variant = details.getVariant() == null ? "-" : details.getVariant();
        String reason = details.getReason() == null ? "-" : details.getReason();
        return List.of(value, variant, reason);
    }

    private static EventDetails awaitChange(String domain, BlockingQueue<EventDetails> queue, String flag) {
        long deadline = System.nanoTime() + CHANGE_TIMEOUT.toNanos();
        try {
            while (true) {
                EventDetails details = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (details == null) {
                    throw new DemoFailure("the '" + domain + "' provider did not announce the config change within "
                            + CHANGE_TIMEOUT.toSeconds() + "s");
                }
                List<String> flags = details.getFlagsChanged();
                if (flags == null || flags.contains(flag)) {
                    return details;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailure("interrupted while waiting for the '" + domain + "' provider");
        }
    }

    /**
     * Sets the kill switch's value to false (with a new variation id) and replaces the config file atomically, so the server never reads a
     * half-written file.
     */
    private static void turnKillSwitchOff(Path config) throws IOException {
        String text = Files.readString(config);
        Matcher matcher = KILL_SWITCH_VALUE.matcher(text);
        if (!matcher.find()) {
            throw new DemoFailure("the demo config has no " + DemoFlag.KILL_SWITCH + " flag with value true");
        }
        Path next = config.resolveSibling(config.getFileName() + ".next");
        Files.writeString(next, matcher.replaceFirst("$1false$2" + KILL_SWITCH_OFF_VARIANT + "\""));
        Files.move(next, config, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Turns the DevCycle config's kill switch off, replacing the file atomically. */
    private static void turnDevCycleSwitchOff(Path config) throws IOException {
        String text = Files.readString(config);
        if (!text.contains(DEVCYCLE_SWITCH_ON)) {
            throw new DemoFailure("the demo config v2 has no " + DemoFlag.DEVCYCLE_KILL_SWITCH + " with value true");
        }
        Path next = config.resolveSibling(config.getFileName() + ".next");
        Files.writeString(next, text.replace(DEVCYCLE_SWITCH_ON, DEVCYCLE_SWITCH_ON.replace("true", "false")));
        Files.move(next, config, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String demoConfig(String resource) throws IOException {
        try (InputStream in = VexillaServer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new DemoFailure(
                        "the server's demo config resource " + resource + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void deleteQuietly(@Nullable Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A leftover temporary directory is harmless; the demo's result does not depend on it.
        }
    }

    /** A failure of the demo with a message for the user; no stack trace is printed for it. */
    private static final class DemoFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DemoFailure(String message) {
            super(message, null, false, false);
        }
    }
}
