package dev.vexilla.local.internal.cache;

import dev.vexilla.local.ConfigCache;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ConfigCache} that keeps each value in a file {@code <directory>/<name>.cache}. A key made only of
 * letters, digits, {@code .}, {@code _} and {@code -} (up to 100 characters, such as ConfigCat's SHA-1 hex keys) is
 * the file name as it is; any other key is replaced by the SHA-1 hex of its UTF-8 bytes.
 *
 * <p><b>Failure policy.</b> Nothing is thrown. A write goes to a temporary file in the same directory, which is then
 * atomically moved over the old file (plainly replaced where the file system cannot move atomically), so a reader
 * sees a complete old or new value. A missing file is a miss. An I/O error on read is a miss, on write the value is
 * dropped; the first failure is logged at WARN, later ones at DEBUG until an operation succeeds again.
 *
 * <p>Thread-safe; calls block on file I/O.
 *
 * @since 0.1.0
 */
public final class FileConfigCache implements ConfigCache {
    private static final Logger LOG = LoggerFactory.getLogger(FileConfigCache.class);
    private static final int MAX_PLAIN_KEY_LENGTH = 100;

    private final Path directory;
    private final AtomicBoolean failing = new AtomicBoolean();

    /**
     * Creates a cache over a directory; use {@link ConfigCache#file(Path)}.
     *
     * @param directory the directory holding the cache files; created on first write if missing
     */
    public FileConfigCache(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    @Override
    public @Nullable String read(String key) {
        Path file = fileFor(key);
        try {
            String value = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            succeeded();
            return value;
        } catch (NoSuchFileException e) {
            succeeded();
            return null;
        } catch (IOException | RuntimeException e) {
            failed("read", file, e);
            return null;
        }
    }

    @Override
    public void write(String key, String value) {
        Objects.requireNonNull(value, "value");
        Path target = fileFor(key);
        Path temp = null;
        try {
            Files.createDirectories(directory);
            temp = Files.createTempFile(directory, target.getFileName().toString(), ".tmp");
            Files.write(temp, value.getBytes(StandardCharsets.UTF_8));
            moveIntoPlace(temp, target);
            succeeded();
        } catch (IOException | RuntimeException e) {
            failed("write", target, e);
            deleteQuietly(temp);
        }
    }

    /**
     * Returns the file that holds a key's value.
     *
     * @param key the cache key
     * @return the file path inside the cache directory
     */
    Path fileFor(String key) {
        Objects.requireNonNull(key, "key");
        String name = isPlain(key) ? key : Sha1.hex(key);
        return directory.resolve(name + ".cache");
    }

    private static boolean isPlain(String key) {
        if (key.isEmpty() || key.length() > MAX_PLAIN_KEY_LENGTH || key.startsWith(".")) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || c == '_'
                    || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(@Nullable Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            LOG.debug("Could not delete the temporary cache file {}", temp, e);
        }
    }

    private void succeeded() {
        failing.set(false);
    }

    private void failed(String operation, Path file, Exception e) {
        if (failing.compareAndSet(false, true)) {
            LOG.warn(
                    "Config cache {} of {} failed, ignoring the cache until it works again: {}",
                    operation,
                    file,
                    e.toString());
        } else {
            LOG.debug("Config cache {} of {} failed again: {}", operation, file, e.toString());
        }
    }

    @Override
    public String toString() {
        return "ConfigCache.file(" + directory + ")";
    }
}
