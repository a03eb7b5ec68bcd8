package dev.vexilla.model.internal.stream;

import java.util.Objects;

/**
 * One dispatched server-sent event: its type, its data and the last event id in force when it was dispatched.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class SseEvent {
    /** The event type used when the stream names none. */
    public static final String DEFAULT_TYPE = "message";

    private final String type;
    private final String data;
    private final String lastEventId;

    /**
     * Creates an event.
     *
     * @param type the event type ({@link #DEFAULT_TYPE} when the stream named none)
     * @param data the data lines joined with LF, without a trailing LF
     * @param lastEventId the last event id of the stream at dispatch, empty when there is none
     */
    public SseEvent(String type, String data, String lastEventId) {
        this.type = Objects.requireNonNull(type, "type");
        this.data = Objects.requireNonNull(data, "data");
        this.lastEventId = Objects.requireNonNull(lastEventId, "lastEventId");
    }

    /**
     * Returns the event type.
     *
     * @return the type, {@link #DEFAULT_TYPE} when the stream named none; never null
     */
    public String type() {
        return type;
    }

    /**
     * Returns the event data.
     *
     * @return the data lines joined with LF; never null
     */
    public String data() {
        return data;
    }

    /**
     * Returns the last event id in force when this event was dispatched.
     *
     * @return the id, empty when there is none; never null
     */
    public String lastEventId() {
        return lastEventId;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SseEvent)) {
            return false;
        }
        SseEvent other = (SseEvent) o;
        return type.equals(other.type) && data.equals(other.data) && lastEventId.equals(other.lastEventId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, data, lastEventId);
    }

    @Override
    public String toString() {
        return "SseEvent{type=" + type + ", data=" + data + ", lastEventId=" + lastEventId + '}';
    }
}
