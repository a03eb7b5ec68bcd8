package dev.vexilla.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vexilla.model.events.EventsBatch;
import dev.vexilla.model.events.RequestEvent;
import dev.vexilla.model.events.UserEvents;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

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
     * Validates and aggregates a batch read with shared-model's {@link EventsBatch} DTO.
     *
     * @param batch the parsed body
     * @return the summary
     * @throws HttpError 400 naming the JSON path of the first semantic error (empty user id, missing target, ...)
     */
    static EventBatchSummary of(EventsBatch batch) {
        Set<String> users = new HashSet<>();
        Map<String, Map<String, Long>> evaluations = new TreeMap<>();
        Map<String, Long> defaulted = new TreeMap<>();
        Map<String, Long> custom = new TreeMap<>();
        Map<String, Long> other = new TreeMap<>();
        int events = 0;
        List<UserEvents> entries = batch.batch();
        for (int i = 0; i < entries.size(); i++) {
            String at = "$.batch[" + i + "]";
            UserEvents entry = entries.get(i);
            users.add(requireText(entry.user().userId(), at + ".user.user_id"));
            List<RequestEvent> list = entry.events();
            for (int j = 0; j < list.size(); j++) {
                String eventAt = at + ".events[" + j + "]";
                RequestEvent event = list.get(j);
                String type = requireText(event.type(), eventAt + ".type");
                long count = type.startsWith("agg") ? count(event.value(), eventAt) : 1;
                switch (type) {
                    case RequestEvent.VARIABLE_EVALUATED, RequestEvent.AGG_VARIABLE_EVALUATED ->
                        evaluations
                                .computeIfAbsent(requireText(event.target(), eventAt + ".target"), k -> new TreeMap<>())
                                .merge(variation(event), count, Long::sum);
                    case RequestEvent.VARIABLE_DEFAULTED, RequestEvent.AGG_VARIABLE_DEFAULTED ->
                        defaulted.merge(requireText(event.target(), eventAt + ".target"), count, Long::sum);
                    case RequestEvent.CUSTOM_EVENT ->
                        custom.merge(requireText(event.customType(), eventAt + ".customType"), 1L, Long::sum);
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

    private static String requireText(@Nullable String value, String at) {
        if (value == null || value.isEmpty()) {
            throw new HttpError(400, at + " must be a non-empty string");
        }
        if (value.length() > MAX_NAME_LENGTH) {
            throw new HttpError(400, at + " must be at most " + MAX_NAME_LENGTH + " characters");
        }
        return value;
    }

    private static long count(@Nullable Double value, String at) {
        if (value == null) {
            return 1;
        }
        if (value.isNaN() || value < 0 || value > Integer.MAX_VALUE) {
            throw new HttpError(400, at + ".value must be a count between 0 and " + Integer.MAX_VALUE);
        }
        return value.longValue();
    }

    private static String variation(RequestEvent event) {
        Object variation = event.metaData().get("_variation");
        if (variation instanceof String text && !text.isEmpty()) {
            return text.length() > MAX_NAME_LENGTH ? text.substring(0, MAX_NAME_LENGTH) : text;
        }
        return "unknown";
    }
}
