package dev.vexilla.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@link ConfigWriter} of a config directory: writes {@code <name>.json} and the keys file atomically (a
 * temporary file in the same directory, then {@code ATOMIC_MOVE}, so the watcher and other readers never see half a
 * file), then rescans the {@link ConfigStore} so the write is served when the call returns. History and audit live in
 * the hidden directory {@value #META} inside the config directory ({@code versions/<name>/<etag>.json},
 * {@code history/<name>.jsonl}, {@code audit.jsonl}, newest last), which the store ignores. Admin-added keys are
 * written as digest lines ({@code sha256:<hex>#<flagSetId> = <name>}); lines with plain keys keep working.
 *
 * <p>Failure policy: writes are serialized within this server (one server owns a directory for writing); an I/O
 * error throws {@link ConfigWriter.Unavailable} and leaves the previous file in place; the temporary file is removed.
 */
final class DirectoryConfigWriter implements ConfigWriter {
    /** The hidden directory holding history and audit. */
    static final String META = ".vexilla";

    private final ConfigStore<?> store;
    private final Path directory;
    private final Path keysFile;
    private final Path meta;
    private final Clock clock;

    /**
     * Creates the writer.
     *
     * @param store the store serving the directory; rescanned after every write
     * @param clock stamps versions and audit entries
     */
    DirectoryConfigWriter(ConfigStore<?> store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.directory = store.directory().orElseThrow(() -> new IllegalArgumentException("store has no directory"));
        this.keysFile = store.keysFile().orElseThrow();
        this.meta = directory.resolve(META);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<StoredConfig> list() {
        return store.configs().values().stream()
                .map(c -> new StoredConfig(c.name(), c.bytes(), c.etag(), c.loadedAt()))
                .sorted(Comparator.comparing(StoredConfig::name))
                .toList();
    }

    @Override
    public Optional<StoredConfig> read(String name) {
        return store.byName(name).map(c -> new StoredConfig(c.name(), c.bytes(), c.etag(), c.loadedAt()));
    }

    @Override
    public synchronized Written put(String name, byte[] json, @Nullable String ifMatch, String actor, String action) {
        Path file = directory.resolve(name + ".json");
        @Nullable String current = currentEtag(file);
        check(name, ifMatch, current);
        String etag = ServedConfig.etagOf(json);
        Instant now = clock.instant();
        try {
            if (!etag.equals(current)) {
                Path versions = Files.createDirectories(meta.resolve("versions").resolve(name));
                writeAtomically(versions.resolve(etag + ".json"), json);
                writeAtomically(file, json);
                ObjectNode entry = ServerJson.mapper().createObjectNode();
                entry.put("etag", etag).put("acceptedAt", now.toEpochMilli()).put("actor", actor);
                append(Files.createDirectories(meta.resolve("history")).resolve(name + ".jsonl"), entry.toString());
                audit(new AuditEntry(actor, now, action, name, null, current, etag));
            }
        } catch (IOException e) {
            throw unavailable(e);
        }
        store.rescan();
        Instant acceptedAt = store.byName(name).map(ServedConfig::loadedAt).orElse(now);
        return new Written(new StoredConfig(name, json, etag, acceptedAt), current == null);
    }

    @Override
    public synchronized List<Version> versions(String name) {
        Path history = meta.resolve("history").resolve(name + ".jsonl");
        List<Version> out = new ArrayList<>();
        for (String line : lines(history)) {
            try {
                JsonNode node = ServerJson.mapper().readTree(line);
                out.add(
                        0,
                        new Version(
                                node.path("etag").asText(),
                                Instant.ofEpochMilli(node.path("acceptedAt").asLong()),
                                node.path("actor").asText()));
            } catch (IOException e) {
                // a torn last line after a crash: skip it
            }
        }
        return out.size() > HISTORY ? List.copyOf(out.subList(0, HISTORY)) : out;
    }

    @Override
    public Optional<byte[]> version(String name, String etag) {
        if (!etag.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    Files.readAllBytes(meta.resolve("versions").resolve(name).resolve(etag + ".json")));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw unavailable(e);
        }
    }

    @Override
    public synchronized Optional<StoredConfig> delete(String name, @Nullable String ifMatch, String actor) {
        Path file = directory.resolve(name + ".json");
        @Nullable String current = currentEtag(file);
        if (current == null) {
            return Optional.empty();
        }
        check(name, ifMatch, current);
        try {
            Files.delete(file);
            audit(new AuditEntry(actor, clock.instant(), "DELETE /admin/v1/configs/{name}", name, null, current, null));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw unavailable(e);
        }
        store.rescan();
        return Optional.of(new StoredConfig(name, new byte[0], current, clock.instant()));
    }

    @Override
    public synchronized void addKey(SdkKeys.Digested key, String actor) {
        if (store.keys().digests().stream().anyMatch(k -> k.digestHex().equals(key.digestHex()))) {
            throw new Conflict("this SDK key is already mapped");
        }
        try {
            String text = Files.readString(keysFile, StandardCharsets.UTF_8);
            String joined = text.isEmpty() || text.endsWith("\n") ? text : text + "\n";
            String updated = joined + key.line() + "\n";
            SdkKeys.parse(updated);
            writeAtomically(keysFile, updated.getBytes(StandardCharsets.UTF_8));
            audit(new AuditEntry(
                    actor, clock.instant(), "POST /admin/v1/keys", key.configName(), key.keyId(), null, null));
        } catch (IOException e) {
            throw unavailable(e);
        } catch (IllegalArgumentException e) {
            throw new Conflict("the keys file cannot take this key: " + e.getMessage());
        }
        store.rescan();
    }

    @Override
    public List<SdkKeys.Digested> keys() {
        return store.keys().digests();
    }

    @Override
    public synchronized boolean deleteKey(String keyId, String actor) {
        try {
            String text = Files.readString(keysFile, StandardCharsets.UTF_8);
            StringBuilder kept = new StringBuilder();
            String removedFrom = null;
            for (String line : text.split("\r?\n", -1)) {
                SdkKeys.Digested digested = digestedLine(line);
                if (removedFrom == null && digested != null && digested.keyId().equals(keyId)) {
                    removedFrom = digested.configName();
                    continue;
                }
                kept.append(line).append('\n');
            }
            if (removedFrom == null) {
                return false;
            }
            String updated = kept.toString().replaceFirst("\n$", "");
            writeAtomically(keysFile, updated.getBytes(StandardCharsets.UTF_8));
            audit(new AuditEntry(
                    actor, clock.instant(), "DELETE /admin/v1/keys/{keyId}", removedFrom, keyId, null, null));
        } catch (IOException e) {
            throw unavailable(e);
        }
        store.rescan();
        return true;
    }

    /** Returns the digest form of one keys-file line, or null for blank, comment and malformed lines. */
    private static SdkKeys.@Nullable Digested digestedLine(String line) {
        String stripped = line.strip();
        if (stripped.isEmpty() || stripped.startsWith("#")) {
            return null;
        }
        try {
            List<SdkKeys.Digested> parsed = SdkKeys.parse(stripped).digests();
            return parsed.isEmpty() ? null : parsed.get(0);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public synchronized List<AuditEntry> audit() {
        List<AuditEntry> out = new ArrayList<>();
        for (String line : lines(meta.resolve("audit.jsonl"))) {
            try {
                out.add(0, AuditTrail.parse(line));
            } catch (IllegalStateException e) {
                // a torn last line after a crash: skip it
            }
        }
        return out.size() > AUDIT ? List.copyOf(out.subList(0, AUDIT)) : out;
    }

    private void audit(AuditEntry entry) throws IOException {
        append(
                Files.createDirectories(meta).resolve("audit.jsonl"),
                AuditTrail.toJson(entry).toString());
    }

    private static void check(String name, @Nullable String ifMatch, @Nullable String current) {
        if (ifMatch != null && !ifMatch.equals(current)) {
            throw new Conflict("config '" + name + "' is at another version than If-Match names");
        }
    }

    private static @Nullable String currentEtag(Path file) {
        try {
            return ServedConfig.etagOf(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw unavailable(e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank())
                    .toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw unavailable(e);
        }
    }

    private static void append(Path file, String line) throws IOException {
        Files.writeString(
                file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /**
     * Replaces a file atomically: writes a temporary file beside it, forces it to disk, then moves it over the
     * target with {@code ATOMIC_MOVE}.
     */
    static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path dir = Objects.requireNonNull(target.toAbsolutePath().getParent());
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(bytes));
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static Unavailable unavailable(IOException e) {
        return new Unavailable(
                "the config directory cannot be written: " + e.getClass().getSimpleName(), e);
    }
}
