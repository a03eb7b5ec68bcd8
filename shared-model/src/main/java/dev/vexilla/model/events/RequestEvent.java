package dev.vexilla.model.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.vexilla.model.internal.WireInstantDeserializer;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One event of an events batch: {@code {type, customType, user_id, target, date, clientDate, value, metaData,
 * featureVars}}. Dates are written as ISO-8601 text and read from ISO-8601 text or epoch milliseconds.
 *
 * <p>Aggregated evaluation counters use {@link #AGG_VARIABLE_EVALUATED} / {@link #AGG_VARIABLE_DEFAULTED} with
 * {@code target} = variable key, {@code value} = count and {@code metaData} = {@code {_feature, _variation,
 * eval:{<reason>:count}}}; custom events use {@link #CUSTOM_EVENT} with {@code customType} = the event name.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class RequestEvent {

    /** The type of an aggregated counter of served values. */
    public static final String AGG_VARIABLE_EVALUATED = "aggVariableEvaluated";

    /** The type of an aggregated counter of defaulted evaluations. */
    public static final String AGG_VARIABLE_DEFAULTED = "aggVariableDefaulted";

    /** The type of a single evaluation event. */
    public static final String VARIABLE_EVALUATED = "variableEvaluated";

    /** The type of a single defaulted evaluation event. */
    public static final String VARIABLE_DEFAULTED = "variableDefaulted";

    /** The type of a custom (tracked) event. */
    public static final String CUSTOM_EVENT = "customEvent";

    /** The {@code _variation} placeholder of defaulted counters. */
    public static final String DEFAULT_VARIATION = "DEFAULT";

    private final String type;
    private final @Nullable String customType;
    private final @Nullable String userId;
    private final @Nullable String target;
    private final @Nullable Instant date;
    private final @Nullable Instant clientDate;
    private final @Nullable Double value;
    private final Map<String, Object> metaData;
    private final Map<String, String> featureVars;

    /**
     * Creates an event.
     *
     * @param type the event type
     * @param customType the custom event name for {@link #CUSTOM_EVENT}, or {@code null}
     * @param userId the user id, or {@code null}
     * @param target the target (the variable key for counters), or {@code null}
     * @param date when the event happened, or {@code null}
     * @param clientDate the client's clock at that time, or {@code null}
     * @param value the numeric value (the count for counters), or {@code null}
     * @param metaData JSON-ready metadata, or {@code null}
     * @param featureVars feature id to variation id, or {@code null}
     * @throws IllegalArgumentException if {@code type} is missing
     */
    public RequestEvent(
            String type,
            @Nullable String customType,
            @Nullable String userId,
            @Nullable String target,
            @Nullable Instant date,
            @Nullable Instant clientDate,
            @Nullable Double value,
            @Nullable Map<String, Object> metaData,
            @Nullable Map<String, String> featureVars) {
        if (type == null) {
            throw new IllegalArgumentException("type is required");
        }
        this.type = type;
        this.customType = customType;
        this.userId = userId;
        this.target = target;
        this.date = date;
        this.clientDate = clientDate;
        this.value = value;
        this.metaData = copy(metaData);
        this.featureVars = copy(featureVars);
    }

    @JsonCreator
    static RequestEvent fromWire(
            @JsonProperty("type") @Nullable String type,
            @JsonProperty("customType") @Nullable String customType,
            @JsonProperty("user_id") @Nullable String userId,
            @JsonProperty("target") @Nullable String target,
            @JsonProperty("date") @JsonDeserialize(using = WireInstantDeserializer.class) @Nullable Instant date,
            @JsonProperty("clientDate") @JsonDeserialize(using = WireInstantDeserializer.class) @Nullable
                    Instant clientDate,
            @JsonProperty("value") @Nullable Double value,
            @JsonProperty("metaData") @Nullable Map<String, Object> metaData,
            @JsonProperty("featureVars") @Nullable Map<String, String> featureVars) {
        if (type == null) {
            throw new IllegalArgumentException("type is required");
        }
        return new RequestEvent(type, customType, userId, target, date, clientDate, value, metaData, featureVars);
    }

    /**
     * Creates an aggregated counter of served values for one variable and variation.
     *
     * @param variableKey the flag key
     * @param featureId the feature id (for Vexilla the config id or flag key)
     * @param variationId the served variation id
     * @param reasonCounts count per OpenFeature reason name
     * @param date when the aggregation window closed
     * @return the event, with {@code value} the sum of the counts
     */
    public static RequestEvent aggregatedEvaluation(
            String variableKey, String featureId, String variationId, Map<String, Long> reasonCounts, Instant date) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("_feature", featureId);
        meta.put("_variation", variationId);
        meta.put("eval", new LinkedHashMap<>(reasonCounts));
        return new RequestEvent(
                AGG_VARIABLE_EVALUATED, null, null, variableKey, date, null, (double) sum(reasonCounts), meta, null);
    }

    /**
     * Creates an aggregated counter of defaulted evaluations for one variable.
     *
     * @param variableKey the flag key
     * @param count how many evaluations were defaulted
     * @param date when the aggregation window closed
     * @return the event
     */
    public static RequestEvent aggregatedDefault(String variableKey, long count, Instant date) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("_variation", DEFAULT_VARIATION);
        meta.put("eval", Collections.singletonMap("DEFAULT", count));
        return new RequestEvent(
                AGG_VARIABLE_DEFAULTED, null, null, variableKey, date, null, (double) count, meta, null);
    }

    /**
     * Creates a custom event.
     *
     * @param name the event name ({@code customType})
     * @param userId the user id, or {@code null}
     * @param value a numeric value, or {@code null}
     * @param metaData JSON-ready metadata, or {@code null}
     * @param date when the event happened
     * @return the event
     */
    public static RequestEvent custom(
            String name,
            @Nullable String userId,
            @Nullable Double value,
            @Nullable Map<String, Object> metaData,
            Instant date) {
        return new RequestEvent(
                CUSTOM_EVENT, Objects.requireNonNull(name, "name"), userId, null, date, date, value, metaData, null);
    }

    private static long sum(Map<String, Long> counts) {
        long total = 0;
        for (Long c : counts.values()) {
            total += c;
        }
        return total;
    }

    private static <V> Map<String, V> copy(@Nullable Map<String, V> map) {
        return map == null || map.isEmpty()
                ? Collections.emptyMap()
                : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /**
     * Returns the event type.
     *
     * @return the type, never null
     */
    @JsonProperty("type")
    public String type() {
        return type;
    }

    /**
     * Returns the custom event name.
     *
     * @return the name, or {@code null}
     */
    @JsonProperty("customType")
    public @Nullable String customType() {
        return customType;
    }

    /**
     * Returns the user id.
     *
     * @return the id, or {@code null}
     */
    @JsonProperty("user_id")
    public @Nullable String userId() {
        return userId;
    }

    /**
     * Returns the target.
     *
     * @return the target, or {@code null}
     */
    @JsonProperty("target")
    public @Nullable String target() {
        return target;
    }

    /**
     * Returns when the event happened.
     *
     * @return the date-time, or {@code null}
     */
    @JsonIgnore
    public @Nullable Instant date() {
        return date;
    }

    /**
     * Returns the client's clock at the time of the event.
     *
     * @return the date-time, or {@code null}
     */
    @JsonIgnore
    public @Nullable Instant clientDate() {
        return clientDate;
    }

    @JsonProperty("date")
    @Nullable
    String dateText() {
        return date == null ? null : date.toString();
    }

    @JsonProperty("clientDate")
    @Nullable
    String clientDateText() {
        return clientDate == null ? null : clientDate.toString();
    }

    /**
     * Returns the numeric value.
     *
     * @return the value, or {@code null}
     */
    @JsonProperty("value")
    public @Nullable Double value() {
        return value;
    }

    /**
     * Returns the metadata.
     *
     * @return an unmodifiable map, never null
     */
    @JsonProperty("metaData")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public Map<String, Object> metaData() {
        return metaData;
    }

    /**
     * Returns the feature-to-variation map.
     *
     * @return an unmodifiable map, never null
     */
    @JsonProperty("featureVars")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public Map<String, String> featureVars() {
        return featureVars;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof RequestEvent)) {
            return false;
        }
        RequestEvent that = (RequestEvent) o;
        return type.equals(that.type)
                && Objects.equals(customType, that.customType)
                && Objects.equals(userId, that.userId)
                && Objects.equals(target, that.target)
                && Objects.equals(date, that.date)
                && Objects.equals(clientDate, that.clientDate)
                && Objects.equals(value, that.value)
                && metaData.equals(that.metaData)
                && featureVars.equals(that.featureVars);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, customType, userId, target, date, clientDate, value, metaData, featureVars);
    }

    @Override
    public String toString() {
        return "RequestEvent{type=" + type + (customType != null ? ", customType=" + customType : "") + ", target="
                + target + ", value=" + value + ", date=" + date + ", metaData=" + metaData + "}";
    }
}
