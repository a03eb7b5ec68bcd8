package dev.vexilla.server;

import dev.vexilla.server.relay.RelayOptions;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns command-line flags and environment variables into {@link ServerOptions}. A flag wins over its environment
 * variable, which wins over the default. Errors name the flag or variable and the rejected value.
 */
final class CommandLineOptions {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");
    private static final String NONE = "none";
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|k|kb|kib|m|mb|mib)?");

    /** One option: its flag, environment variable, help text and how it sets the builder. */
    private record Option(
            String flag, String env, String valueName, String help, BiConsumer<ServerOptions.Builder, String> setter) {}

    /**
     * One relay option: parsed together with the others by {@link RelayOptions#parse(Map)}, under its flag's name
     * without the leading {@code --}.
     */
    private record RelayOption(String flag, String env, String valueName, String help) {
        String name() {
            return flag.substring(2);
        }
    }

    private static final List<RelayOption> RELAY_OPTIONS = List.of(
            new RelayOption(
                    "--upstream",
                    "VEXILLA_UPSTREAM",
                    "URL",
                    "relay mode: mirror the configs of --upstream-keys from this upstream CDN (a Vexilla server,"
                            + " ConfigCat's or DevCycle's) and forward events there (excludes --config-dir and"
                            + " --config-store)"),
            new RelayOption(
                    "--upstream-keys",
                    "VEXILLA_UPSTREAM_KEYS",
                    "KEYS",
                    "relay mode, required: the relayed SDK keys and the config name each is served as,"
                            + " key=name,key2=name2 (only these are relayed)"),
            new RelayOption(
                    "--upstream-kind",
                    "VEXILLA_UPSTREAM_KIND",
                    "KIND",
                    "vexilla, configcat or devcycle (default: detected from the keys and the URL)"),
            new RelayOption(
                    "--upstream-poll-interval",
                    "VEXILLA_UPSTREAM_POLL_INTERVAL",
                    "DURATION",
                    "polling of the upstream while no change stream is open (default 60s, at least 1s)"),
            new RelayOption(
                    "--upstream-backstop-interval",
                    "VEXILLA_UPSTREAM_BACKSTOP_INTERVAL",
                    "DURATION",
                    "polling of the upstream while its change stream is open (default 5m)"),
            new RelayOption(
                    "--upstream-timeout",
                    "VEXILLA_UPSTREAM_TIMEOUT",
                    "DURATION",
                    "timeout of one request to the upstream (default 10s, at least 100ms)"),
            new RelayOption(
                    "--upstream-events-url",
                    "VEXILLA_UPSTREAM_EVENTS_URL",
                    "URL",
                    "where accepted events are forwarded; none: not forwarded (default: the upstream for Vexilla"
                            + " and DevCycle, none for ConfigCat)"),
            new RelayOption(
                    "--upstream-event-queue",
                    "VEXILLA_UPSTREAM_EVENT_QUEUE",
                    "N",
                    "events waiting to be forwarded, at most; more are dropped and counted (default 10000)"),
            new RelayOption(
                    "--upstream-event-batch",
                    "VEXILLA_UPSTREAM_EVENT_BATCH",
                    "N",
                    "events per forwarding request, at most (default 100)"),
            new RelayOption(
                    "--upstream-event-flush-interval",
                    "VEXILLA_UPSTREAM_EVENT_FLUSH_INTERVAL",
                    "DURATION",
                    "how often queued events are forwarded (default 3s, at least 100ms)"));

    private static final List<Option> OPTIONS = List.of(
            new Option(
                    "--port",
                    "VEXILLA_PORT",
                    "PORT",
                    "TCP port; 0 picks a random free port (default 8080)",
                    (b, v) -> b.port(parseInt(v))),
            new Option(
                    "--bind",
                    "VEXILLA_BIND_ADDRESS",
                    "ADDRESS",
                    "address to bind (default 0.0.0.0; an embedded server's builder defaults to 127.0.0.1)",
                    ServerOptions.Builder::bindAddress),
            new Option(
                    "--config-dir",
                    "VEXILLA_CONFIG_DIR",
                    "DIR",
                    "directory of config JSON v6 files, one <name>.json per config; watched for changes"
                            + " (default: none, the embedded demo config is served)",
                    (b, v) -> b.configDirectory(Path.of(v))),
            new Option(
                    "--keys-file",
                    "VEXILLA_KEYS_FILE",
                    "FILE",
                    "SDK keys file, one 'sdk-key = config-name' per line (default <config-dir>/sdk-keys.txt)",
                    (b, v) -> b.keysFile(Path.of(v))),
            new Option(
                    "--config-store",
                    "VEXILLA_CONFIG_STORE",
                    "URL",
                    "keep configs and SDK keys in Redis, shared by every server: redis://[:password@]host:port[/db]"
                            + " (excludes --config-dir)",
                    ServerOptions.Builder::configStore),
            new Option(
                    "--admin-token",
                    "VEXILLA_ADMIN_TOKEN",
                    "TOKEN",
                    "bearer token of the admin API under /admin/v1 (default: none, the admin API answers 404)",
                    ServerOptions.Builder::adminToken),
            new Option(
                    "--edgedb",
                    "VEXILLA_EDGEDB_URL",
                    "URL",
                    "EdgeDB store: memory or redis://host:port[/db] (default memory)",
                    ServerOptions.Builder::edgeDbUrl),
            new Option(
                    "--edgedb-prefix",
                    "VEXILLA_EDGEDB_PREFIX",
                    "TEXT",
                    "prefix of EdgeDB keys in Redis (default vexilla:edgedb:)",
                    ServerOptions.Builder::edgeDbKeyPrefix),
            new Option(
                    "--edgedb-ttl",
                    "VEXILLA_EDGEDB_TTL",
                    "DURATION",
                    "lifetime of an EdgeDB entry after its last write; 0 = forever (default 0)",
                    (b, v) -> b.edgeDbTtl(parseDuration(v))),
            new Option(
                    "--edgedb-timeout",
                    "VEXILLA_EDGEDB_TIMEOUT",
                    "DURATION",
                    "timeout of one Redis operation (default 500ms)",
                    (b, v) -> b.edgeDbTimeout(parseDuration(v))),
            new Option(
                    "--edgedb-max-entries",
                    "VEXILLA_EDGEDB_MAX_ENTRIES",
                    "N",
                    "users kept by the in-memory EdgeDB store, least recently used evicted first (default 100000)",
                    (b, v) -> b.edgeDbMaxEntries(parseInt(v))),
            new Option(
                    "--events-sink",
                    "VEXILLA_EVENTS_SINK",
                    "FILE",
                    "JSON-lines file accepted event batches are appended to; none: count them only"
                            + " (default vexilla-events.jsonl)",
                    (b, v) -> b.eventsSink(v.equalsIgnoreCase(NONE) ? null : Path.of(v))),
            new Option(
                    "--public-url",
                    "VEXILLA_PUBLIC_URL",
                    "URL",
                    "base URL clients reach the server under, named in served DevCycle configs' sse.hostname"
                            + " (default: each request's scheme and Host)",
                    (b, v) -> b.publicUrl(parseUrl(v))),
            new Option(
                    "--max-body",
                    "VEXILLA_MAX_BODY",
                    "SIZE",
                    "largest request body, e.g. 1048576, 512k, 1m (default 1m); larger get 413",
                    (b, v) -> b.maxBodyBytes(parseSize(v))),
            new Option(
                    "--max-header",
                    "VEXILLA_MAX_HEADER",
                    "SIZE",
                    "largest request line plus headers (default 8k); larger get 431",
                    (b, v) -> b.maxHeaderBytes(parseSize(v))),
            new Option(
                    "--max-streams",
                    "VEXILLA_MAX_STREAMS",
                    "N",
                    "cap on concurrent change streams (default 1000); more get 503",
                    (b, v) -> b.maxStreams(parseInt(v))),
            new Option(
                    "--rate-limit",
                    "VEXILLA_RATE_LIMIT",
                    "N",
                    "evaluation requests per second per config (default 0: no limit); more get 429",
                    (b, v) -> b.rateLimit(parseInt(v))),
            new Option(
                    "--worker-threads",
                    "VEXILLA_WORKER_THREADS",
                    "N",
                    "worker threads running route code (default 200, at least 8)",
                    (b, v) -> b.workerThreads(parseInt(v))),
            new Option(
                    "--max-concurrent-requests",
                    "VEXILLA_MAX_CONCURRENT_REQUESTS",
                    "N",
                    "requests processed at once, bodies on their way not counted (default: 3/4 of the worker"
                            + " threads); more get 503",
                    (b, v) -> b.maxConcurrentRequests(parseInt(v))),
            new Option(
                    "--max-connections",
                    "VEXILLA_MAX_CONNECTIONS",
                    "N",
                    "open connections; at the cap no more are accepted until one closes (default 1024 per"
                            + " processor, at most half the file descriptor limit)",
                    (b, v) -> b.maxConnections(parseInt(v))),
            new Option(
                    "--header-timeout",
                    "VEXILLA_HEADER_TIMEOUT",
                    "DURATION",
                    "time to send a complete request line and headers before the connection is closed (default 20s)",
                    (b, v) -> b.headerTimeout(parseDuration(v))),
            new Option(
                    "--shutdown-timeout",
                    "VEXILLA_SHUTDOWN_TIMEOUT",
                    "DURATION",
                    "on stop, time for requests in flight to complete before they are aborted (default 10s)",
                    (b, v) -> b.shutdownTimeout(parseDuration(v))),
            new Option(
                    "--body-timeout",
                    "VEXILLA_BODY_TIMEOUT",
                    "DURATION",
                    "time for a request body to arrive completely (default 20s); slower get 408",
                    (b, v) -> b.bodyTimeout(parseDuration(v))),
            new Option(
                    "--heartbeat",
                    "VEXILLA_HEARTBEAT",
                    "DURATION",
                    "interval between heartbeat comments on change streams (default 30s)",
                    (b, v) -> b.heartbeatInterval(parseDuration(v))),
            new Option(
                    "--rescan",
                    "VEXILLA_RESCAN",
                    "DURATION",
                    "interval of the periodic config rescan behind file watching (default 10s)",
                    (b, v) -> b.rescanInterval(parseDuration(v))));

    private CommandLineOptions() {}

    /**
     * Parses flags and environment variables.
     *
     * @param args the command-line arguments
     * @param environment the environment variables
     * @return the options
     * @throws IllegalArgumentException naming the flag or variable at fault
     */
    static ServerOptions parse(String[] args, Map<String, String> environment) {
        ServerOptions.Builder builder = ServerOptions.builder()
                .bindAddress(ServerOptions.DEFAULT_COMMAND_LINE_BIND_ADDRESS)
                .eventsSink(ServerOptions.DEFAULT_COMMAND_LINE_EVENTS_SINK);
        Map<String, String> relay = new HashMap<>();
        Map<String, String> relaySources = new HashMap<>();
        for (Option option : OPTIONS) {
            String value = environment.get(option.env());
            if (value != null && !value.isBlank()) {
                apply(builder, option, option.env(), value);
            }
        }
        for (RelayOption option : RELAY_OPTIONS) {
            String value = environment.get(option.env());
            if (value != null && !value.isBlank()) {
                relay.put(option.name(), value.strip());
                relaySources.put(option.name(), option.env());
            }
        }
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            @Nullable String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            RelayOption relayOption = findRelay(name);
            Option option = relayOption == null ? find(name) : null;
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + ": a value is required");
                }
                value = args[++i];
            }
            if (option != null) {
                apply(builder, option, name, value);
            } else {
                relay.put(relayOption.name(), value.strip());
                relaySources.put(relayOption.name(), name);
            }
        }
        if (!relay.isEmpty()) {
            RelayOptions upstream = relayOptions(relay, relaySources);
            try {
                builder.upstream(upstream);
            } catch (IllegalArgumentException e) {
                String source = relaySources.getOrDefault("upstream-keys", "--upstream-keys");
                throw new IllegalArgumentException(
                        source + ": " + e.getMessage().replaceFirst("^upstream-keys: ", ""), e);
            }
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            String flag = e.getMessage().startsWith("maxConcurrentRequests")
                    ? "--max-concurrent-requests"
                    : e.getMessage().startsWith("configStore")
                            ? "--config-store"
                            : e.getMessage().startsWith("upstream") ? "--upstream" : "--keys-file";
            throw new IllegalArgumentException(flag + ": " + e.getMessage(), e);
        }
    }

    /**
     * Returns the {@code --help} text.
     *
     * @return every option with its environment variable
     */
    static String helpText() {
        StringBuilder out = new StringBuilder();
        out.append("Usage: java -jar vexilla-server.jar [OPTIONS]\n\n");
        out.append("Vexilla bucketing server: serves config JSON v6 files, change streams, event ingestion\n");
        out.append("and EdgeDB. Each option can also be set by its environment variable; a flag wins.\n\n");
        for (Option option : OPTIONS) {
            out.append(String.format(
                    Locale.ROOT,
                    "  %-34s %s%n",
                    option.flag() + " " + option.valueName(),
                    "[env " + option.env() + "]"));
            out.append("        ").append(option.help()).append('\n');
        }
        out.append("\nRelay mode (mirror an upstream CDN instead of serving a directory or the config store):\n");
        for (RelayOption option : RELAY_OPTIONS) {
            out.append(String.format(
                    Locale.ROOT,
                    "  %-34s %s%n",
                    option.flag() + " " + option.valueName(),
                    "[env " + option.env() + "]"));
            out.append("        ").append(option.help()).append('\n');
        }
        out.append(String.format(Locale.ROOT, "  %-34s %s%n", "--help", "print this text and exit"));
        out.append(
                "\nDURATION: 500ms, 30s, 5m, 1h or ISO-8601 (PT30S). SIZE: bytes, or with k/m suffix (1024-based).\n");
        return out.toString();
    }

    private static Option find(String flag) {
        for (Option option : OPTIONS) {
            if (option.flag().equals(flag)) {
                return option;
            }
        }
        throw new IllegalArgumentException("unknown option '" + flag + "' (see --help)");
    }

    private static @Nullable RelayOption findRelay(String flag) {
        for (RelayOption option : RELAY_OPTIONS) {
            if (option.flag().equals(flag)) {
                return option;
            }
        }
        return null;
    }

    /**
     * Parses the relay options; an error names the flag or variable it came from ({@code upstream-keys: ...} becomes
     * {@code --upstream-keys: ...} or {@code VEXILLA_UPSTREAM_KEYS: ...}), and never contains a key.
     */
    private static RelayOptions relayOptions(Map<String, String> values, Map<String, String> sources) {
        try {
            return RelayOptions.parse(values);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            for (RelayOption option : RELAY_OPTIONS) {
                String source = sources.getOrDefault(option.name(), option.flag());
                if (message.startsWith(option.name() + ": ")) {
                    throw new IllegalArgumentException(
                            source + ": " + message.substring(option.name().length() + 2), e);
                }
                if (message.startsWith(option.name() + " ")) {
                    throw new IllegalArgumentException(source + ": " + message, e);
                }
            }
            throw new IllegalArgumentException("--upstream: " + message, e);
        }
    }

    private static void apply(ServerOptions.Builder builder, Option option, String source, String value) {
        try {
            option.setter().accept(builder, value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    static int parseInt(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be an integer, was '" + value + "'", e);
        }
    }

    static URI parseUrl(String value) {
        try {
            return new URI(value.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("must be a URL, was '" + value + "'", e);
        }
    }

    static Duration parseDuration(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = DURATION.matcher(text);
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
        try {
            return Duration.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "must be a duration like 500ms, 30s, 5m, 1h or PT30S, was '" + value + "'", e);
        }
    }

    static int parseSize(String value) {
        Matcher m = SIZE.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("must be a size like 1048576, 512k or 1m, was '" + value + "'");
        }
        String unit = m.group(2) == null ? "b" : m.group(2);
        long multiplier = unit.startsWith("k") ? 1024 : unit.startsWith("m") ? 1024 * 1024 : 1;
        long bytes;
        try {
            bytes = Math.multiplyExact(Long.parseLong(m.group(1)), multiplier);
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("is too large, was '" + value + "'", e);
        }
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("is too large, was '" + value + "'");
        }
        return (int) bytes;
    }
}
