package dev.vexilla.cloud.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vexilla.model.ObjectMappers;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * One {@code refetchConfig} message of the server's change stream, e.g.
 * {@code {"type":"refetchConfig","etag":"abc","lastModified":1700000000000,"flagsChanged":["a","b"]}}.
 *
 * <p>Only {@code type} and {@code flagsChanged} are read; other members are ignored. {@code flagsChanged} is optional:
 * servers that do not know (or older servers) leave it out, and then every flag may have changed. A
 * {@code flagsChanged} that is not an array of strings counts as absent. Immutable.
 */
final class ChangeMessage {
    /** The message type that announces a new config version. */
    static final String REFETCH_CONFIG = "refetchConfig";

    private final @Nullable Set<String> flagsChanged;

    private ChangeMessage(@Nullable Set<String> flagsChanged) {
        this.flagsChanged = flagsChanged;
    }

    /**
     * Reads the data of one stream event.
     *
     * @param data the event's data (one JSON object)
     * @return the message, or {@code null} when the data is not JSON or not a {@code refetchConfig} message
     */
    static @Nullable ChangeMessage parse(String data) {
        JsonNode root;
        try {
            root = ObjectMappers.shared().readTree(data);
        } catch (Exception e) {
            return null;
        }
        if (root == null || !REFETCH_CONFIG.equals(root.path("type").asText(null))) {
            return null;
        }
        return new ChangeMessage(keys(root.get("flagsChanged")));
    }

    private static @Nullable Set<String> keys(@Nullable JsonNode array) {
        if (array == null || !array.isArray()) {
            return null;
        }
        Set<String> keys = new TreeSet<>();
        for (JsonNode key : array) {
            if (!key.isTextual()) {
                return null;
            }
            keys.add(key.asText());
        }
        return Collections.unmodifiableSet(keys);
    }

    /**
     * Returns the keys whose evaluation may differ from the previous version, as the server listed them.
     *
     * @return the keys, sorted and unmodifiable (empty when the change altered no flag), or {@code null} when the
     *     message does not say, so every flag may have changed
     */
    @Nullable
    Set<String> flagsChanged() {
        return flagsChanged;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof ChangeMessage && Objects.equals(flagsChanged, ((ChangeMessage) o).flagsChanged);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(flagsChanged);
    }

    @Override
    public String toString() {
        return "ChangeMessage{flagsChanged=" + (flagsChanged == null ? "unknown" : flagsChanged) + "}";
    }
}
