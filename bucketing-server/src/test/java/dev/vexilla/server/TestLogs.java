package dev.vexilla.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the server log that surefire points slf4j-simple at ({@code target/test-server.log}). */
final class TestLogs {
    private TestLogs() {}

    static String text() throws IOException {
        String file = System.getProperty("org.slf4j.simpleLogger.logFile");
        if (file == null) {
            throw new IllegalStateException("run through Maven: surefire sets org.slf4j.simpleLogger.logFile");
        }
        return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    }
}
