package dev.vexilla.server;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends event lines to a file (JSON lines), flushing after every line so a crash loses at most the line being
 * written. The file is created on first use and opened in append mode.
 *
 * <p>Failure policy: an I/O error fails that {@link #append} (the route answers 503 and the client keeps its
 * batch for a retry), logs one WARN line per failure streak, and the next append re-opens the file. Thread-safe:
 * appends are serialized. {@link #close()} is idempotent; appends after close fail.
 */
final class JsonLinesEventSink implements EventSink {
    private static final Logger LOG = LoggerFactory.getLogger(JsonLinesEventSink.class);

    private final Path file;
    private @Nullable Writer writer;
    private boolean failing;
    private boolean closed;

    /**
     * Creates the sink; the file is opened on the first append.
     *
     * @param file the JSON-lines file
     */
    JsonLinesEventSink(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    @Override
    public synchronized void append(String jsonLine) throws IOException {
        if (closed) {
            throw new IOException("events sink is closed");
        }
        try {
            if (writer == null) {
                writer = Files.newBufferedWriter(
                        file,
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND,
                        StandardOpenOption.WRITE);
            }
            writer.write(jsonLine);
            writer.write('\n');
            writer.flush();
            if (failing) {
                LOG.info("Events sink {} is writable again", file);
                failing = false;
            }
        } catch (IOException e) {
            if (!failing) {
                LOG.warn(
                        "Cannot append to events sink {} ({}); batches are refused with 503 until it recovers",
                        file,
                        e.toString());
                failing = true;
            }
            closeWriter();
            throw e;
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        closeWriter();
    }

    private void closeWriter() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                LOG.debug("Closing events sink {} failed", file, e);
            }
            writer = null;
        }
    }

    @Override
    public String toString() {
        return "JsonLinesEventSink{" + file + "}";
    }
}
