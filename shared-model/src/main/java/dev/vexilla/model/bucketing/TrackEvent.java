package dev.vexilla.model.bucketing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One custom event of a {@code POST /v1/track} request: {@code {type, target, value, date, metaData}}, where
 * {@code date} is epoch milliseconds.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class TrackEvent {

    private final String type;
    private final @Nullable String target;
    private final @Nullable Double value;
    private final @Nullable Long date;
    private final Map<String, Object> metaData;

    /**
     * Creates an event.
     *
     * @param type the event type (the tracked event's name)
     * @param target the target, or {@code null}
     * @param value a numeric value, or {@code null}
     * @param date epoch milliseconds, or {@code null}
     * @param metaData JSON-ready metadata, or {@code null}
     * @throws IllegalArgumentException if {@code type} is missing
     */
    @JsonCreator
    public TrackEvent(
            @JsonProperty("type") @Nullable String type,
            @JsonProperty("target") @Nullable String target,
            @JsonProperty("value") @Nullable Double value,
            @JsonProperty("date") @Nullable Long date,
            @JsonProperty("metaData") @Nullable Map<String, Object> metaData) {
        if (type == null) {
            throw new IllegalArgumentException("type is required");
        }
        this.type = type;
        this.target = target;
        this.value = value;
        this.date = date;
        this.metaData = metaData == null || metaData.isEmpty()
                ? Collections.emptyMap()
                : Collections.unmodifiableMap(new LinkedHashMap<>(metaData));
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
     * Returns the target.
     *
     * @return the target, or {@code null}
     */
    @JsonProperty("target")
    public @Nullable String target() {
        return target;
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
     * Returns the event time.
     *
     * @return epoch milliseconds, or {@code null}
     */
    @JsonProperty("date")
    public @Nullable Long date() {
        return date;
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

    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof TrackEvent)) {
            return false;
        }
        TrackEvent that = (TrackEvent) o;
        return type.equals(that.type)
                && Objects.equals(target, that.target)
                && Objects.equals(value, that.value)
                && Objects.equals(date, that.date)
                && metaData.equals(that.metaData);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, target, value, date, metaData);
    }

    @Override
    public String toString() {
        return "TrackEvent{type=" + type + ", target=" + target + ", value=" + value + ", date=" + date + ", metaData="
                + metaData + "}";
    }
}
