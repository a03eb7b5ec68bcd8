package dev.vexilla.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the configs the server serves and the SDK keys that read them, and reloads both from disk.
 *
 * <p>Each {@link #rescan()} reads the config directory ({@code <name>.json}, not recursive) and the keys file. A new
 * or changed file is validated and compiled by the {@link ConfigValidator}; all accepted changes of one rescan are
 * swapped in with one volatile write and then announced to the listeners. Readers never lock.
 *
 * <p>Failure policy: a file that fails validation is rejected with one WARN line naming the file, the reason and
 * the JSON path; the previous version of that config keeps serving, and the same broken bytes are not reported
 * again. An unreadable or malformed keys file is rejected the same way and the previous keys stay in force. A
 * deleted config file stops being served (INFO line). A config directory that cannot be listed or a keys file that
 * cannot be read keeps what is loaded and is reported by {@link #sourceFailure()} until a rescan succeeds. Nothing
 * logged contains an SDK key. {@link #rescan()} never throws for bad files or I/O errors; it is serialized, so the
 * watcher and the periodic rescan may both call it.
 *
 * <p>A store made by {@link #fed} reads no directory: a {@link ConfigSource} pushes complete snapshots into it
 * ({@link #snapshot}) and reports its health ({@link #health}). Each config whose ETag or accept time changed is
 * compiled and swapped in the same way; a version that fails validation is logged once and the last good compiled
 * copy keeps serving; a key list that cannot be built keeps the previous keys. While the source reports a failure,
 * {@link #sourceFailure()} says so and everything already loaded keeps serving.
 *
 * @param <C> the compiled form of a config
 */
final class ConfigStore<C> implements ConfigSource.Listener {
    /** Name of the config served in demo mode. */
    static final String DEMO_CONFIG_NAME = "demo";

    private static final Logger LOG = LoggerFactory.getLogger(ConfigStore.class);
    private static final String DEMO_RESOURCE = "demo-config_v6.json";

    private record State<C>(SdkKeys keys, Map<String, ServedConfig<C>> configs) {}

    private final @Nullable Path directory;
    private final @Nullable Path keysFile;
    private final ConfigValidator<C> validator;
    private final Clock clock;
    private final MetricsRegistry.Counter reloads;
    private final List<BiConsumer<@Nullable ServedConfig<C>, ServedConfig<C>>> listeners = new CopyOnWriteArrayList<>();
    /** Digest of the bytes last looked at per config (accepted or rejected), so broken files are reported once. */
    private final Map<String, String> lastSeen = new HashMap<>();

    private @Nullable String lastSeenKeys;
    private boolean keysReadable = true;
    private volatile State<C> state;
    private volatile @Nullable String sourceFailure;

    private ConfigStore(
            @Nullable Path directory,
            @Nullable Path keysFile,
            ConfigValidator<C> validator,
            Clock clock,
            MetricsRegistry metrics) {
        this.directory = directory;
        this.keysFile = keysFile;
        this.validator = Objects.requireNonNull(validator, "validator");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.reloads = metrics.counter(
                "vexilla_config_reloads_total", "Config files looked at, by config and outcome.", "config", "outcome");
        this.state = new State<>(SdkKeys.parse(""), Map.of());
        metrics.gauge(
                "vexilla_config_version",
                "Version of each served config (+1 per accepted change).",
                List.of("config"),
                this::versions);
    }

    /**
     * Creates a store that serves the embedded demo config under {@code demoKey}; {@link #rescan()} does nothing.
     *
     * @param demoKey the public demo SDK key
     * @param validator validates and compiles the demo config
     * @param clock the clock
     * @param metrics where reload metrics go
     * @param <C> the compiled form
     * @return the store
     * @throws IllegalStateException if the embedded config is missing or rejected (a build error)
     */
    static <C> ConfigStore<C> demo(String demoKey, ConfigValidator<C> validator, Clock clock, MetricsRegistry metrics) {
        ConfigStore<C> store = new ConfigStore<>(null, null, validator, clock, metrics);
        byte[] bytes;
        try (InputStream in = ConfigStore.class.getResourceAsStream(DEMO_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("embedded " + DEMO_RESOURCE + " is missing from the jar");
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read embedded " + DEMO_RESOURCE, e);
        }
        try {
            C compiled = validator.compile(DEMO_CONFIG_NAME, bytes);
            ServedConfig<C> config = new ServedConfig<>(
                    DEMO_CONFIG_NAME, bytes, ServedConfig.etagOf(bytes), compiled, 1, clock.instant());
            store.state = new State<>(SdkKeys.of(demoKey, DEMO_CONFIG_NAME), Map.of(DEMO_CONFIG_NAME, config));
        } catch (InvalidConfigException e) {
            throw new IllegalStateException("embedded demo config is invalid: " + e.getMessage(), e);
        }
        return store;
    }

    /**
     * Creates an empty store that a {@link ConfigSource} feeds; {@link #rescan()} does nothing.
     *
     * @param validator validates and compiles every version the source pushes
     * @param clock the clock
     * @param metrics where reload metrics go
     * @param <C> the compiled form
     * @return the store, serving nothing until the first snapshot
     */
    static <C> ConfigStore<C> fed(ConfigValidator<C> validator, Clock clock, MetricsRegistry metrics) {
        ConfigStore<C> store = new ConfigStore<>(null, null, validator, clock, metrics);
        store.sourceFailure = "the config source has not been read yet";
        return store;
    }

    /**
     * Swaps in a source's complete state: compiles each config whose ETag or accept time changed, drops configs the
     * source no longer holds, replaces the keys, then announces the changed configs. Never throws for bad versions.
     *
     * @param snapshot the source's state
     */
    @Override
    public synchronized void snapshot(SourceSnapshot snapshot) {
        State<C> before = state;
        Map<String, ServedConfig<C>> configs = new TreeMap<>();
        List<ServedConfig<C>> changed = new ArrayList<>();
        for (StoredConfig stored : snapshot.configs().values()) {
            ServedConfig<C> previous = before.configs().get(stored.name());
            ServedConfig<C> served = fromSource(stored, previous);
            if (served != null) {
                configs.put(served.name(), served);
                if (previous == null || !previous.etag().equals(served.etag())) {
                    changed.add(served);
                }
            }
        }
        before.configs().keySet().stream()
                .filter(name -> !configs.containsKey(name))
                .forEach(name -> LOG.info("Config '{}' was deleted at the source; it is no longer served", name));
        lastSeen.keySet().retainAll(snapshot.configs().keySet());
        SdkKeys keys;
        try {
            keys = SdkKeys.fromDigests(snapshot.keys());
        } catch (IllegalArgumentException e) {
            LOG.warn("Rejected the keys of the config source: {}; the previous keys stay in force", e.getMessage());
            keys = before.keys();
        }
        state = new State<>(keys, Map.copyOf(configs));
        announce(before, changed);
    }

    /**
     * Records the health of the source feeding this store.
     *
     * @param failure a client-safe reason, or null when the source is readable
     */
    @Override
    public void health(@Nullable String failure) {
        sourceFailure = failure;
    }

    private @Nullable ServedConfig<C> fromSource(StoredConfig stored, @Nullable ServedConfig<C> previous) {
        if (previous != null && previous.etag().equals(stored.etag())) {
            return previous.loadedAt().equals(stored.acceptedAt())
                    ? previous
                    : new ServedConfig<>(
                            stored.name(),
                            previous.bytes(),
                            previous.etag(),
                            previous.compiled(),
                            previous.version(),
                            stored.acceptedAt());
        }
        if (stored.etag().equals(lastSeen.get(stored.name()))) {
            return previous;
        }
        lastSeen.put(stored.name(), stored.etag());
        try {
            C compiled = validator.compile(stored.name(), stored.bytes());
            long version = previous == null ? 1 : previous.version() + 1;
            reloads.inc(stored.name(), "accepted");
            LOG.info(
                    "Config '{}' loaded from the config source (version {}, etag {})",
                    stored.name(),
                    version,
                    stored.etag());
            return new ServedConfig<>(
                    stored.name(), stored.bytes(), stored.etag(), compiled, version, stored.acceptedAt());
        } catch (InvalidConfigException | RuntimeException e) {
            reloads.inc(stored.name(), "rejected");
            LOG.warn(
                    "Rejected version {} of config '{}' from the config source: {}; {}",
                    stored.etag(),
                    stored.name(),
                    e.getMessage(),
                    previous == null ? "the config is not served" : "the previous version keeps serving");
            return previous;
        }
    }

    private void announce(State<C> before, List<ServedConfig<C>> changed) {
        for (ServedConfig<C> config : changed) {
            ServedConfig<C> previous = before.configs().get(config.name());
            for (BiConsumer<@Nullable ServedConfig<C>, ServedConfig<C>> listener : listeners) {
                try {
                    listener.accept(previous, config);
                } catch (RuntimeException e) {
                    LOG.warn("A config change listener failed for config '{}'", config.name(), e);
                }
            }
        }
    }

    /**
     * Creates a store over a config directory and a keys file and loads them once.
     *
     * @param directory the config directory
     * @param keysFile the keys file
     * @param validator validates and compiles config files
     * @param clock the clock
     * @param metrics where reload metrics go
     * @param <C> the compiled form
     * @return the loaded store
     * @throws IllegalArgumentException if the directory or the keys file is missing or the keys file is malformed
     */
    static <C> ConfigStore<C> open(
            Path directory, Path keysFile, ConfigValidator<C> validator, Clock clock, MetricsRegistry metrics) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException(
                    "config directory " + directory + " does not exist or is not a directory");
        }
        if (!Files.isRegularFile(keysFile)) {
            throw new IllegalArgumentException("keys file " + keysFile + " does not exist or is not a file");
        }
        ConfigStore<C> store = new ConfigStore<>(directory, keysFile, validator, clock, metrics);
        try {
            store.state = new State<>(SdkKeys.parse(Files.readString(keysFile, StandardCharsets.UTF_8)), Map.of());
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("keys file " + keysFile + ": " + e.getMessage(), e);
        }
        store.rescan();
        return store;
    }

    /**
     * Registers a listener called after every accepted change of a config, on the thread that rescanned.
     *
     * @param listener receives the version that was served before (null for a config that was not served) and the
     *     new version
     */
    void addListener(BiConsumer<@Nullable ServedConfig<C>, ServedConfig<C>> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Finds the config an SDK key reads, in constant time with respect to the key.
     *
     * @param sdkKey the presented key, may be null
     * @return the served config, empty when the key is unknown or its config is not loaded
     */
    Optional<ServedConfig<C>> forKey(@Nullable String sdkKey) {
        return keyed(sdkKey).map(KeyedConfig::served);
    }

    /**
     * Finds the config an SDK key reads together with the key's flag set id, in constant time with respect to the
     * key.
     *
     * @param sdkKey the presented key, may be null
     * @return the served config and the key's flag set id, empty when the key is unknown or its config is not loaded
     */
    Optional<KeyedConfig<C>> keyed(@Nullable String sdkKey) {
        State<C> current = state;
        return current.keys()
                .grantFor(sdkKey)
                .flatMap(grant -> Optional.ofNullable(current.configs().get(grant.configName()))
                        .map(served -> new KeyedConfig<>(served, grant.flagSetId())));
    }

    /**
     * Finds a config by name.
     *
     * @param name the config name
     * @return the served config, empty when none is loaded under that name
     */
    Optional<ServedConfig<C>> byName(String name) {
        return Optional.ofNullable(state.configs().get(name));
    }

    /**
     * Returns the SDK keys in force.
     *
     * @return the keys
     */
    SdkKeys keys() {
        return state.keys();
    }

    /**
     * Returns every served config by name.
     *
     * @return an immutable snapshot
     */
    Map<String, ServedConfig<C>> configs() {
        return state.configs();
    }

    /**
     * Tells why the config source is failing, for readiness: the last rescan could not list the config directory or
     * could not read the keys file (the configs and keys already loaded keep serving). A rejected config file or a
     * malformed keys file is not a source failure; it is logged and counted per file.
     *
     * @return a short client-safe reason without paths, empty while the source is readable
     */
    Optional<String> sourceFailure() {
        return Optional.ofNullable(sourceFailure);
    }

    /** @return the config directory, empty in demo mode */
    Optional<Path> directory() {
        return Optional.ofNullable(directory);
    }

    /** @return the keys file, empty in demo mode */
    Optional<Path> keysFile() {
        return Optional.ofNullable(keysFile);
    }

    /**
     * Re-reads the keys file and every config file, swaps in what changed and announces changed configs. Never
     * throws for bad files; see the class documentation.
     */
    synchronized void rescan() {
        if (directory == null || keysFile == null) {
            return;
        }
        State<C> before = state;
        SdkKeys keys = reloadKeys(before.keys());
        Map<String, ServedConfig<C>> configs = new TreeMap<>(before.configs());
        List<ServedConfig<C>> changed = new ArrayList<>();
        Map<String, Path> files = listConfigFiles();
        if (files == null) {
            sourceFailure = "the config directory cannot be listed";
            return;
        }
        sourceFailure = keysReadable ? null : "the keys file cannot be read";
        configs.keySet().removeIf(name -> {
            boolean gone = !files.containsKey(name);
            if (gone) {
                LOG.info("Config file {}.json was removed; config '{}' is no longer served", name, name);
                lastSeen.remove(name);
            }
            return gone;
        });
        lastSeen.keySet().retainAll(files.keySet());
        for (Map.Entry<String, Path> file : files.entrySet()) {
            ServedConfig<C> loaded = load(file.getKey(), file.getValue(), configs.get(file.getKey()));
            if (loaded != null) {
                configs.put(loaded.name(), loaded);
                changed.add(loaded);
            }
        }
        state = new State<>(keys, Map.copyOf(configs));
        announce(before, changed);
    }

    private @Nullable Map<String, Path> listConfigFiles() {
        Map<String, Path> files = new TreeMap<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(Objects.requireNonNull(directory), "*.json")) {
            for (Path path : stream) {
                String fileName = path.getFileName().toString();
                String name = fileName.substring(0, fileName.length() - ".json".length());
                if (Files.isRegularFile(path)
                        && SdkKeys.CONFIG_NAME.matcher(name).matches()) {
                    files.put(name, path);
                }
            }
            return files;
        } catch (IOException e) {
            LOG.warn(
                    "Cannot list config directory {} ({}); keeping the configs already loaded",
                    directory,
                    e.toString());
            return null;
        }
    }

    private @Nullable ServedConfig<C> load(String name, Path path, @Nullable ServedConfig<C> previous) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            LOG.warn("Cannot read config file {} ({}); the previous version keeps serving", path, e.toString());
            return null;
        }
        String etag = ServedConfig.etagOf(bytes);
        if (etag.equals(lastSeen.get(name))
                || (previous != null && previous.etag().equals(etag))) {
            lastSeen.put(name, etag);
            return null;
        }
        lastSeen.put(name, etag);
        try {
            C compiled = validator.compile(name, bytes);
            long version = previous == null ? 1 : previous.version() + 1;
            reloads.inc(name, "accepted");
            LOG.info("Config '{}' loaded from {} (version {}, etag {})", name, path.getFileName(), version, etag);
            return new ServedConfig<>(name, bytes, etag, compiled, version, clock.instant());
        } catch (InvalidConfigException e) {
            reloads.inc(name, "rejected");
            LOG.warn(
                    "Rejected config file {}: {} at {}; {}",
                    path,
                    e.reason(),
                    e.jsonPath(),
                    previous == null ? "config '" + name + "' is not served" : "the previous version keeps serving");
            return null;
        } catch (RuntimeException e) {
            reloads.inc(name, "rejected");
            LOG.warn(
                    "Rejected config file {}: the validator failed ({}); the previous version keeps serving",
                    path,
                    e.toString());
            return null;
        }
    }

    private SdkKeys reloadKeys(SdkKeys current) {
        Path file = Objects.requireNonNull(keysFile);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            if (lastSeenKeys == null || !lastSeenKeys.isEmpty()) {
                LOG.warn(
                        "Cannot read keys file {} ({}); the previous keys stay in force",
                        file,
                        e.getClass().getSimpleName());
            }
            lastSeenKeys = "";
            keysReadable = false;
            return current;
        }
        keysReadable = true;
        String digest = ServedConfig.etagOf(text.getBytes(StandardCharsets.UTF_8));
        if (digest.equals(lastSeenKeys)) {
            return current;
        }
        lastSeenKeys = digest;
        try {
            SdkKeys keys = SdkKeys.parse(text);
            if (keys.size() != current.size() || !keys.configNames().equals(current.configNames())) {
                LOG.info("Keys file {} loaded: {}", file, keys);
            }
            return keys;
        } catch (IllegalArgumentException e) {
            LOG.warn("Rejected keys file {}: {}; the previous keys stay in force", file, e.getMessage());
            return current;
        }
    }

    private Map<List<String>, Number> versions() {
        Map<List<String>, Number> out = new HashMap<>();
        state.configs().forEach((name, config) -> out.put(List.of(name), config.version()));
        return out;
    }
}
