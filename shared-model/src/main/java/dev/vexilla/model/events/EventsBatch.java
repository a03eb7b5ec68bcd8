package dev.vexilla.model.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /v1/events/batch}: {@code {batch:[{user, events:[...]}]}}.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class EventsBatch {

    private final List<UserEvents> batch;

    /**
     * Creates a batch.
     *
     * @param batch the per-user entries; {@code null} for none
     */
    @JsonCreator
    public EventsBatch(@JsonProperty("batch") @Nullable List<UserEvents> batch) {
        this.batch = batch == null ? Collections.emptyList() : Collections.unmodifiableList(new ArrayList<>(batch));
    }

    /**
     * Returns the per-user entries.
     *
     * @return an unmodifiable list, never null
     */
    @JsonProperty("batch")
    public List<UserEvents> batch() {
        return batch;
    }

    /**
     * Counts the events of all users.
     *
     * @return the number of events
     */
    public int eventCount() {
        int n = 0;
        for (UserEvents u : batch) {
            n += u.events().size();
        }
        return n;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return this == o || (o instanceof EventsBatch && batch.equals(((EventsBatch) o).batch));
    }

    @Override
    public int hashCode() {
        return Objects.hash(batch);
    }

    @Override
    public String toString() {
        return "EventsBatch{" + batch.size() + " users, " + eventCount() + " events}";
    }
}
