package dev.vexilla.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class JsonLinesEventSinkTest {
    @TempDir
    Path dir;

    @Test
    void appendsOneLinePerCallToAnExistingFile() throws Exception {
        Path file = dir.resolve("events.jsonl");
        Files.writeString(file, "{\"earlier\":true}\n");

        try (JsonLinesEventSink sink = new JsonLinesEventSink(file)) {
            sink.append("{\"a\":1}");
            sink.append("{\"b\":2}");

            assertThat(Files.readAllLines(file)).containsExactly("{\"earlier\":true}", "{\"a\":1}", "{\"b\":2}");
        }
    }

    @Test
    void unwritableTarget_failsTheAppendThenRecoversWhenItBecomesWritable() throws Exception {
        Path file = dir.resolve("later.jsonl");
        Files.createDirectory(file);
        try (JsonLinesEventSink sink = new JsonLinesEventSink(file)) {
            assertThatThrownBy(() -> sink.append("{}")).isInstanceOf(IOException.class);

            Files.delete(file);
            sink.append("{\"ok\":true}");

            assertThat(Files.readAllLines(file)).containsExactly("{\"ok\":true}");
        }
    }

    @Test
    void appendAfterClose_fails() {
        JsonLinesEventSink sink = new JsonLinesEventSink(dir.resolve("x.jsonl"));
        sink.close();
        sink.close();

        assertThatThrownBy(() -> sink.append("{}"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("closed");
    }
}
