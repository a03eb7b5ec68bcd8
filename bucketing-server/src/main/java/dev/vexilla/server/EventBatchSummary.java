package dev.vexilla.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The aggregate of one accepted {@code POST /v1/events/batch} body ({@code {batch:[{user, events:[…]}]}}):
 * evaluation counts by flag and variation, defaulted counts by flag, custom events by type, other events by type,
 * and how many users and events it held. Only counts and names survive: user ids, e-mails, custom data, values and
 * metadata are dropped, so the summary is safe to store.
 *
 * <p>Event types follow DevCycle: {@code variableEvaluated} and {@code aggVariableEvaluated} (flag in
 * {@code target}, variation in {@code metaData._variation}, count in {@code value} for aggregates),
 * {@code variableDefaulted} and {@code aggVariableDefaulted}, and {@code customEvent} (type in
 * {@code customType}).
 *
 * @param users distinct {@code user_id}s in the batch
 * @param events events in the batch
 * @param evaluations flag key to variation id to count
 * @param defaulted flag key to count
 * @param custom custom event type to count
 * @param other any other event type to count
 */
record EventBatchSummary(
        int users,
        int events,
        Map<String, Map<String, Long>> evaluations,
        Map<String, Long> defaulted,
        Map<String, Long> custom,
        Map<String, Long> other) {

    private static final int MAX_NAME_LENGTH = 256;

    /**
     * Validates and aggregates a batch body.
     *
     * @param root the parsed body
     * @return the summary
     * @throws HttpError 400 naming the JSON path of the first shape error
     */
    static EventBatchSummary of(JsonNode root) {
        JsonNode batch = root.get("batch");
        if (!root.isObject() || batch == null || !batch.isArray()) {
            throw new HttpError(400, "$.batch must be an array of {user, events}");
        }
        Set<String> users = new HashSet<>();
        Map<String, Map<String, Long>> evaluations = new TreeMap<>();
        Map<String, Long> defaulted = new TreeMap<>();
        Map<String, Long> custom = new TreeMap<>();
        Map<String, Long> other = new TreeMap<>();
        int events = 0;
        for (int i = 0; i < batch.size(); i++) {
            String at = "$.batch[" + i + "]";
            JsonNode item = batch.get(i);
            JsonNode user = item.get("user");
            if (!item.isObject() || user == null || !user.isObject()) {
                throw new HttpError(400, at + ".user must be an object");
            }
            users.add(requireText(user, "user_id", at + ".user"));
            JsonNode list = item.get("events");
            if (list == null || !list.isArray()) {
                throw new HttpError(400, at + ".events must be an array");
            }
            for (int j = 0; j < list.size(); j++) {
                String eventAt = at + ".events[" + j + "]";
                JsonNode event = list.get(j);
                if (!event.isObject()) {
                    throw new HttpError(400, eventAt + " must be an object");
                }
                String type = requireText(event, "type", eventAt);
                long count = type.startsWith("agg") ? count(event, eventAt) : 1;
                switch (type) {
                    case "variableEvaluated", "aggVariableEvaluated" ->
                        evaluations
                                .computeIfAbsent(requireText(event, "target", eventAt), k -> new TreeMap<>())
                                .merge(variation(event), count, Long::sum);
                    case "variableDefaulted", "aggVariableDefaulted" ->
                        defaulted.merge(requireText(event, "target", eventAt), count, Long::sum);
                    case "customEvent" -> custom.merge(requireText(event, "customType", eventAt), 1L, Long::sum);
                    default -> other.merge(type, 1L, Long::sum);
                }
                events++;
            }
        }
        return new EventBatchSummary(users.size(), events, evaluations, defaulted, custom, other);
    }

    /**
     * Renders the summary as one JSON line for the sink.
     *
     * @param configName the config the SDK key reads
     * @param receivedAt when the batch arrived
     * @return a JSON object without line breaks
     */
    String toJsonLine(String configName, Instant receivedAt) {
        ObjectNode line = ServerJson.mapper().createObjectNode();
        line.put("receivedAt", receivedAt.toString());
        line.put("config", configName);
        line.put("users", users);
        line.put("events", events);
        line.set("evaluations", ServerJson.mapper().valueToTree(evaluations));
        line.set("defaulted", ServerJson.mapper().valueToTree(defaulted));
        line.set("custom", ServerJson.mapper().valueToTree(custom));
        line.set("other", ServerJson.mapper().valueToTree(other));
        return line.toString();
    }

    private static String requireText(JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new HttpError(400, at + "." + field + " must be a non-empty string");
        }
        String text = value.asText();
        if (text.length() > MAX_NAME_LENGTH) {
            throw new HttpError(400, at + "." + field + " must be at most " + MAX_NAME_LENGTH + " characters");
        }
        return text;
    }

    private static long count(JsonNode event, String at) {
        JsonNode value = event.get("value");
        if (value == null || value.isNull()) {
            return 1;
        }
        if (!value.isNumber() || value.asDouble() < 0 || value.asDouble() > Integer.MAX_VALUE) {
            throw new HttpError(400, at + ".value must be a count between 0 and " + Integer.MAX_VALUE);
        }
        return value.asLong();
    }

    private static String variation(JsonNode event) {
        JsonNode meta = event.get("metaData");
        if (meta != null && meta.isObject()) {
            JsonNode variation = meta.get("_variation");
            if (variation != null
                    && variation.isTextual()
                    && !variation.asText().isEmpty()) {
                String text = variation.asText();
                return text.length() > MAX_NAME_LENGTH ? text.substring(0, MAX_NAME_LENGTH) : text;
            }
        }
        return "unknown";
    }
}
