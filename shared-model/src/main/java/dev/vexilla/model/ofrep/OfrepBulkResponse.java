package dev.vexilla.model.ofrep;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The 200 body of the OFREP bulk endpoint: {@code {flags:[...], metadata?, eventStreams?}}. The ETag travels in the
 * HTTP header, not here.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public final class OfrepBulkResponse {

    private final List<OfrepEvaluation> flags;
    private final Map<String, Object> metadata;
    private final List<OfrepEventStream> eventStreams;

    /**
     * Creates the body.
     *
     * @param flags the evaluations; {@code null} for none
     * @param metadata JSON-ready flag-set metadata, or {@code null}
     * @param eventStreams change notification streams, or {@code null}
     */
    @JsonCreator
    public OfrepBulkResponse(
            @JsonProperty("flags") @Nullable List<OfrepEvaluation> flags,
            @JsonProperty("metadata") @Nullable Map<String, Object> metadata,
            @JsonProperty("eventStreams") @Nullable List<OfrepEventStream> eventStreams) {
        this.flags = flags == null ? Collections.emptyList() : Collections.unmodifiableList(new ArrayList<>(flags));
        this.metadata = metadata == null || metadata.isEmpty()
                ? Collections.emptyMap()
                : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        this.eventStreams = eventStreams == null
                ? Collections.emptyList()
                : Collections.unmodifiableList(new ArrayList<>(eventStreams));
    }

    /**
     * Returns the evaluations.
     *
     * @return an unmodifiable list, never null
     */
    @JsonProperty("flags")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public List<OfrepEvaluation> flags() {
        return flags;
    }

    /**
     * Returns the flag-set metadata.
     *
     * @return an unmodifiable map, never null
     */
    @JsonProperty("metadata")
    public Map<String, Object> metadata() {
        return metadata;
    }

    /**
     * Returns the event streams.
     *
     * @return an unmodifiable list, never null
     */
    @JsonProperty("eventStreams")
    public List<OfrepEventStream> eventStreams() {
        return eventStreams;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof OfrepBulkResponse)) {
            return false;
        }
        OfrepBulkResponse that = (OfrepBulkResponse) o;
        return flags.equals(that.flags) && metadata.equals(that.metadata) && eventStreams.equals(that.eventStreams);
    }

    @Override
    public int hashCode() {
        return Objects.hash(flags, metadata, eventStreams);
    }

    @Override
    public String toString() {
        return "OfrepBulkResponse{flags=" + flags + ", metadata=" + metadata + ", eventStreams=" + eventStreams + "}";
    }
}
