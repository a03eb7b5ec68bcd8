package dev.vexilla.model.bucketing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /v1/track}: {@code {user, events:[...]}}.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class TrackRequest {

    private final DevCycleUser user;
    private final List<TrackEvent> events;

    /**
     * Creates a request.
     *
     * @param user the user the events are about
     * @param events the events; {@code null} for none
     * @throws IllegalArgumentException if {@code user} is missing
     */
    @JsonCreator
    public TrackRequest(
            @JsonProperty("user") @Nullable DevCycleUser user,
            @JsonProperty("events") @Nullable List<TrackEvent> events) {
        if (user == null) {
            throw new IllegalArgumentException("user is required");
        }
        this.user = user;
        this.events = events == null ? Collections.emptyList() : Collections.unmodifiableList(new ArrayList<>(events));
    }

    /**
     * Returns the user.
     *
     * @return the user, never null
     */
    @JsonProperty("user")
    public DevCycleUser user() {
        return user;
    }

    /**
     * Returns the events.
     *
     * @return an unmodifiable list, never null
     */
    @JsonProperty("events")
    public List<TrackEvent> events() {
        return events;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof TrackRequest)) {
            return false;
        }
        TrackRequest that = (TrackRequest) o;
        return user.equals(that.user) && events.equals(that.events);
    }

    @Override
    public int hashCode() {
        return Objects.hash(user, events);
    }

    @Override
    public String toString() {
        return "TrackRequest{user=" + user + ", events=" + events + "}";
    }
}
