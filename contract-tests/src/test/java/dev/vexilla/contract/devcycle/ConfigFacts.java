package dev.vexilla.contract.devcycle;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What the tests need to know about a DevCycle config v2, read from its JSON: the variables and their types, and the
 * user ids and custom-data values its filters name (so generated users hit the targets).
 *
 * @param variables variable key to DevCycle type ({@code Boolean}, {@code String}, {@code Number}, {@code JSON})
 * @param userIds the values of {@code user_id} filters
 * @param customData each {@code customData} filter's data key with the values it names
 */
record ConfigFacts(Map<String, String> variables, List<String> userIds, Map<String, List<Object>> customData) {

    static ConfigFacts of(String json) throws IOException {
        JsonNode root = DevCycleServer.JSON.readTree(json);
        Map<String, String> variables = new LinkedHashMap<>();
        for (JsonNode variable : root.path("variables")) {
            variables.put(variable.path("key").asText(), variable.path("type").asText());
        }
        TreeSet<String> ids = new TreeSet<>();
        Map<String, List<Object>> data = new LinkedHashMap<>();
        collect(root.path("features"), ids, data);
        collect(root.path("audiences"), ids, data);
        return new ConfigFacts(variables, new ArrayList<>(ids), data);
    }

    private static void collect(JsonNode node, TreeSet<String> ids, Map<String, List<Object>> data) {
        if (node.isObject()) {
            if ("user".equals(node.path("type").asText())) {
                String subType = node.path("subType").asText();
                for (JsonNode value : node.path("values")) {
                    if (subType.equals("user_id")) {
                        ids.add(value.asText());
                    } else if (subType.equals("customData")) {
                        Object plain = DevCycleServer.JSON.convertValue(value, Object.class);
                        List<Object> values =
                                data.computeIfAbsent(node.path("dataKey").asText(), k -> new ArrayList<>());
                        if (!values.contains(plain)) {
                            values.add(plain);
                        }
                    }
                }
            }
            node.elements().forEachRemaining(child -> collect(child, ids, data));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> collect(child, ids, data));
        }
    }
}
