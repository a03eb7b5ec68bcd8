package dev.vexilla.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The flag models the engine understands.
 *
 * @since 0.2.0
 */
public enum FlagModel {
    /** ConfigCat's config JSON v6: settings ({@code "f"}), segments ({@code "s"}) and preferences ({@code "p"}). */
    CONFIGCAT_V6,

    /**
     * DevCycle's config v2 (what its server SDKs download from {@code /config/v2/server/{sdkKey}.json}): project,
     * environment, features with variations and targets, variables and audiences.
     */
    DEVCYCLE_V2;

    /**
     * Tells the model of a config document by its shape: ConfigCat's config JSON v6 has an {@code "f"} or
     * {@code "p"} object or an {@code "s"} array at the top level (or is the simple {@code {"flags":{…}}} form);
     * DevCycle's config v2 has {@code project}, {@code environment}, {@code features} and {@code variables}.
     *
     * @param root the parsed document
     * @return the model, or empty when the document has neither shape
     */
    public static Optional<FlagModel> detect(JsonNode root) {
        if (!root.isObject()) {
            return Optional.empty();
        }
        if (root.has("project") && root.has("environment") && root.has("features") && root.has("variables")) {
            return Optional.of(DEVCYCLE_V2);
        }
        if (root.path("f").isObject()
                || root.path("p").isObject()
                || root.path("s").isArray()
                || root.path("flags").isObject()) {
            return Optional.of(CONFIGCAT_V6);
        }
        return Optional.empty();
    }
}
