package dev.vexilla.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The result of mapping an evaluation context eagerly: the user and the problems met on the way.
 *
 * <p>A problem never stops the mapping: the offending attribute is converted or dropped, and a message naming it is
 * recorded. The cloud provider turns problems into {@code INVALID_CONTEXT}; the local provider may log them.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class MappedUser {

    private final User user;
    private final List<String> problems;

    /**
     * Creates a result.
     *
     * @param user the mapped user
     * @param problems the problem messages, copied
     */
    public MappedUser(User user, List<String> problems) {
        this.user = Objects.requireNonNull(user, "user");
        this.problems =
                problems.isEmpty() ? Collections.emptyList() : Collections.unmodifiableList(new ArrayList<>(problems));
    }

    /**
     * Returns the mapped user.
     *
     * @return the user, never null
     */
    public User user() {
        return user;
    }

    /**
     * Returns the problems, each a message naming the attribute concerned.
     *
     * @return an unmodifiable list, empty when the context mapped cleanly
     */
    public List<String> problems() {
        return problems;
    }

    /**
     * Tells whether any problem was found.
     *
     * @return {@code true} when {@link #problems()} is not empty
     */
    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof MappedUser)) {
            return false;
        }
        MappedUser that = (MappedUser) o;
        return user.equals(that.user) && problems.equals(that.problems);
    }

    @Override
    public int hashCode() {
        return Objects.hash(user, problems);
    }

    @Override
    public String toString() {
        return "MappedUser{user=" + user + ", problems=" + problems + "}";
    }
}
