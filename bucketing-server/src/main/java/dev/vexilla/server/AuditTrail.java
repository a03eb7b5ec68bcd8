package dev.vexilla.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The JSON form of {@link ConfigWriter.AuditEntry}, shared by the stores that keep an audit trail. */
final class AuditTrail {
    private AuditTrail() {}

    /**
     * Writes an entry as JSON ({@code at} as ISO-8601).
     *
     * @param entry the entry
     * @return {@code {"actor","at","action","config","keyId"?,"oldEtag","newEtag"}}
     */
    static ObjectNode toJson(ConfigWriter.AuditEntry entry) {
        ObjectNode node = ServerJson.mapper().createObjectNode();
        node.put("actor", entry.actor());
        node.put("at", entry.at().toString());
        node.put("action", entry.action());
        node.put("config", entry.config());
        if (entry.target() != null) {
            node.put("keyId", entry.target());
        }
        putOrNull(node, "oldEtag", entry.oldEtag());
        putOrNull(node, "newEtag", entry.newEtag());
        return node;
    }

    /**
     * Reads an entry written by {@link #toJson}.
     *
     * @param json the JSON text
     * @return the entry
     * @throws IllegalStateException when the text is not such an entry
     */
    static ConfigWriter.AuditEntry parse(String json) {
        try {
            JsonNode node = ServerJson.mapper().readTree(json);
            return new ConfigWriter.AuditEntry(
                    node.path("actor").asText(),
                    Instant.parse(node.path("at").asText()),
                    node.path("action").asText(),
                    node.path("config").asText(),
                    text(node, "keyId"),
                    text(node, "oldEtag"),
                    text(node, "newEtag"));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("malformed audit entry in the config store", e);
        }
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static void putOrNull(ObjectNode node, String field, @Nullable String value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }
}
