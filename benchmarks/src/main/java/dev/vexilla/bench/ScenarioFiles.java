package dev.vexilla.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Temporary files for SDKs that read their config from a path, and SDK keys unique within the JVM.
 */
final class ScenarioFiles {

    private static final AtomicInteger KEYS = new AtomicInteger();

    private ScenarioFiles() {}

    /**
     * Writes text into a new temporary file.
     *
     * @param prefix the file name prefix
     * @param content the file content
     * @return the file; delete it with {@link #delete(Path)}
     * @throws IOException if the file cannot be written
     */
    static Path write(String prefix, String content) throws IOException {
        Path file = Files.createTempFile("vexilla-bench-" + prefix + "-", ".json");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    /**
     * Deletes a file written by {@link #write(String, String)}, if any.
     *
     * @param file the file, or {@code null}
     * @throws IOException if the file exists and cannot be deleted
     */
    static void delete(@Nullable Path file) throws IOException {
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }

    /**
     * Returns an SDK key no other caller in this JVM got; local-only ConfigCat clients do not validate keys.
     *
     * @return the key
     */
    static String uniqueSdkKey() {
        return "vexilla-bench-local-only-" + KEYS.incrementAndGet();
    }
}
