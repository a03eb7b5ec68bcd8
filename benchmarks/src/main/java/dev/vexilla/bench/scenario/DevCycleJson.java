package dev.vexilla.bench.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Builds the nodes of a DevCycle config v2 (what its server SDKs download from
 * {@code /config/v2/server/{sdkKey}.json}): project, environment, features with variations and targets, variables, and
 * the audience filters of targets.
 */
final class DevCycleJson {

    /** A filter type or operator, as the config spells it. */
    static final String AND = "and";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper VALUES = new ObjectMapper();

    private DevCycleJson() {}

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }

    /**
     * Returns a deterministic id shaped like DevCycle's (24 lower-case hex digits, as a MongoDB ObjectId): the first
     * twelve bytes of the SHA-1 of a label.
     *
     * @param label a label unique within the config, e.g. {@code "feature:d1-bool"}
     * @return the id
     */
    static String id(String label) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(label.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(24);
            for (int i = 0; i < 12; i++) {
                hex.append(String.format("%02x", digest[i] & 0xff));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-1", e);
        }
    }

    /**
     * Returns the root of a config with its project and environment and empty {@code features} and {@code variables}.
     *
     * @param projectKey the project's key
     * @return the root node
     */
    static ObjectNode root(String projectKey) {
        ObjectNode root = object();
        ObjectNode project = root.putObject("project");
        project.put("_id", id("project:" + projectKey));
        project.put("key", projectKey);
        project.put("a0_organization", "org_vexillabench");
        ObjectNode settings = project.putObject("settings");
        settings.putObject("edgeDB").put("enabled", false);
        settings.putObject("optIn").put("enabled", false);
        ObjectNode environment = root.putObject("environment");
        environment.put("_id", id("environment:" + projectKey));
        environment.put("key", "production");
        root.putArray("features");
        root.putArray("variables");
        return root;
    }

    /** A variable definition: {@code {"_id", "key", "type"}}. */
    static ObjectNode variable(String id, String key, String type) {
        ObjectNode node = object();
        node.put("_id", id);
        node.put("key", key);
        node.put("type", type);
        return node;
    }

    /** A JSON value node of a variation's variable value (Boolean, String, Integer, Double or a Map). */
    static com.fasterxml.jackson.databind.JsonNode value(Object value) {
        return VALUES.valueToTree(value);
    }

    /** The audience {@code {"_id", "filters": {"operator": "and", "filters": [...]}}} of a target. */
    static ObjectNode audience(String id, List<ObjectNode> filters) {
        ObjectNode audience = object();
        audience.put("_id", id);
        ObjectNode operator = audience.putObject("filters");
        operator.put("operator", AND);
        ArrayNode list = operator.putArray("filters");
        filters.forEach(list::add);
        return audience;
    }

    /** The filter every user passes: {@code {"type": "all"}}. */
    static ObjectNode all() {
        ObjectNode filter = object();
        filter.put("type", "all");
        filter.putArray("values");
        return filter;
    }

    /**
     * A user filter on one of DevCycle's user fields.
     *
     * @param subType {@code user_id}, {@code email}, {@code country}, {@code appVersion}, ...
     * @param comparator {@code =}, {@code >}, {@code contain}, {@code startWith}, ...
     * @param values the filter's values (strings)
     * @return the filter node
     */
    static ObjectNode userFilter(String subType, String comparator, List<String> values) {
        ObjectNode filter = object();
        filter.put("type", "user");
        filter.put("subType", subType);
        filter.put("comparator", comparator);
        ArrayNode list = filter.putArray("values");
        values.forEach(list::add);
        return filter;
    }

    /**
     * A user filter on one custom-data key.
     *
     * @param dataKey the custom-data key
     * @param dataKeyType {@code String}, {@code Number} or {@code Boolean}
     * @param comparator the comparator
     * @param values the filter's values, of the key's type
     * @return the filter node
     */
    static ObjectNode customDataFilter(String dataKey, String dataKeyType, String comparator, List<?> values) {
        ObjectNode filter = object();
        filter.put("type", "user");
        filter.put("subType", "customData");
        filter.put("dataKey", dataKey);
        filter.put("dataKeyType", dataKeyType);
        filter.put("comparator", comparator);
        ArrayNode list = filter.putArray("values");
        values.forEach(v -> list.add(value(v)));
        return filter;
    }
}
