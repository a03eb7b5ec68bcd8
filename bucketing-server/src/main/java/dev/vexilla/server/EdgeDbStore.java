package dev.vexilla.server;

import java.util.Map;
import java.util.Optional;

/**
 * Server-side storage of user data between requests (DevCycle's EdgeDB): the non-private fields of a user, by user
 * id, merged into later evaluations that ask for it ({@code ?enableEdgeDB=true}).
 *
 * <p>Fields are a JSON-compatible map: values are {@link String}, {@link Number}, {@link Boolean}, {@code null},
 * {@code List} or {@code Map} of the same. Private fields ({@code privateCustomData}) must never be passed in.
 *
 * <p>Failure policy, for every implementation: a backend failure never escapes. {@link #get} answers empty and
 * {@link #put} drops the write; both count the failure in {@code vexilla_edgedb_operations_total} with
 * {@code outcome="error"}, and the request proceeds without EdgeDB data. Implementations are thread-safe and
 * {@link #close()} is idempotent.
 *
 * @since 0.1.0
 */
public interface EdgeDbStore extends AutoCloseable {

    /**
     * Reads the stored fields of a user.
     *
     * @param userId the user id, non-empty
     * @return the fields, empty when none are stored, they expired, or the backend failed
     */
    Optional<Map<String, Object>> get(String userId);

    /**
     * Replaces the stored fields of a user (callers merge first if they want merging).
     *
     * @param userId the user id, non-empty
     * @param fields the non-private fields to store
     */
    void put(String userId, Map<String, Object> fields);

    /** Releases the backend; idempotent. */
    @Override
    void close();
}
