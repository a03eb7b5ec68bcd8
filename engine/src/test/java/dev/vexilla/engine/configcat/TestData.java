package dev.vexilla.engine.configcat;

import dev.vexilla.engine.ConfigParseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the ConfigCat conformance data copied under {@code src/test/resources/configcat/}. */
final class TestData {

    private TestData() {}

    static String read(String path) {
        String resource = "/configcat/" + path;
        try (InputStream in = TestData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the stored config of an SDK key: the Go snapshot, or the Kotlin snapshot for keys only stored there. */
    static String configForKey(String sdkKey) {
        if (sdkKey.endsWith("P4e3fAz_1ky2-Zg2e4cbkw")) {
            return read("configs/kotlin/ConfigV2EvaluationTest.ruleOrOptionRemoteJson.json");
        }
        return read("configs/go-by-key/" + sdkKey.replace("/", "__") + ".json");
    }

    static ConfigCatConfig parse(String json) {
        try {
            return ConfigCatConfig.parse(json);
        } catch (ConfigParseException e) {
            throw new AssertionError("test config does not parse: " + e.getMessage(), e);
        }
    }
}
