package dev.vexilla.model.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vexilla.model.bucketing.DevCycleUser;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The events of one user in a batch: {@code {user, events:[...]}}. The user must not carry private custom data
 * (use {@link DevCycleUser#withoutPrivateCustomData()}); aggregated counters use a synthetic user.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class UserEvents {

    private final DevCycleUser user;
    private final List<RequestEvent> events;

    /**
     * Creates the entry.
     *
     * @param user the user
     * @param events the events; {@code null} for none
     * @throws IllegalArgumentException if {@code user} is missing
     */
    @JsonCreator
    public UserEvents(
            @JsonProperty("user") @Nullable DevCycleUser user,
            @JsonProperty("events") @Nullable List<RequestEvent> events) {
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
    public List<RequestEvent> events() {
        return events;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof UserEvents)) {
            return false;
        }
        UserEvents that = (UserEvents) o;
        return user.equals(that.user) && events.equals(that.events);
    }

    @Override
    public int hashCode() {
        return Objects.hash(user, events);
    }

    @Override
    public String toString() {
        return "UserEvents{user=" + user + ", events=" + events + "}";
    }
}
