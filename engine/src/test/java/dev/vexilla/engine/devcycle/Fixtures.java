package dev.vexilla.engine.devcycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vexilla.engine.ConfigParseException;
import dev.vexilla.model.ObjectMappers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Loads the conformance data under {@code src/test/resources/devcycle/} and builds small configs. */
final class Fixtures {

    private Fixtures() {}

    static String text(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/devcycle/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource devcycle/" + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String resource) {
        try {
            return ObjectMappers.shared().readTree(text(resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DevCycleConfig config(String resource) {
        return parse(text(resource));
    }

    static DevCycleConfig parse(String json) {
        try {
            return DevCycleConfig.parse(json);
        } catch (ConfigParseException e) {
            throw new AssertionError("config does not parse: " + e.getMessage(), e);
        }
    }

    static DevCycleConfig parse(JsonNode json) {
        return parse(json.toString());
    }

    static Clock clockAt(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    /**
     * A minimal valid config with one Boolean variable {@code v} (id {@code var-v}) served {@code true} by feature
     * {@code f} through one target whose audience filters are {@code operator}.
     */
    static ObjectNode oneTarget(JsonNode operator, JsonNode audiences) {
        ObjectNode root = ObjectMappers.shared().createObjectNode();
        root.putObject("project")
                .put("_id", "project-id")
                .put("key", "project")
                .put("a0_organization", "org")
                .putObject("settings");
        root.putObject("environment").put("_id", "env-id").put("key", "development");
        root.set("audiences", audiences);
        root.putArray("variables")
                .addObject()
                .put("_id", "var-v")
                .put("key", "v")
                .put("type", "Boolean");
        ObjectNode feature = root.putArray("features").addObject();
        feature.put("_id", "feature-id").put("key", "f").put("type", "release");
        ObjectNode variation = feature.putArray("variations").addObject();
        variation.put("_id", "variation-on").put("key", "on").put("name", "On");
        variation.putArray("variables").addObject().put("_var", "var-v").put("value", true);
        ObjectNode configuration = feature.putObject("configuration");
        configuration.put("_id", "configuration-id");
        ObjectNode target = configuration.putArray("targets").addObject();
        target.put("_id", "target-id");
        target.putObject("_audience").set("filters", operator);
        target.putArray("distribution")
                .addObject()
                .put("_variation", "variation-on")
                .put("percentage", 1);
        return root;
    }
}
