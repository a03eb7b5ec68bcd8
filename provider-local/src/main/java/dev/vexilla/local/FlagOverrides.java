package dev.vexilla.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where local flag overrides come from: a file, a classpath resource or a map. How they combine with the
 * downloaded config is an {@link OverrideBehaviour}, given beside them in {@link LocalOptions}.
 *
 * <p>Files and resources hold either a full config JSON v6 (rules, segments, percentage options and all) or the
 * simplified form {@code {"flags": {"myFlag": true, "greeting": "hi"}}}. Map values are {@link Boolean},
 * {@link String}, {@link Integer}, {@link Long} or {@link Double}.
 *
 * <pre>{@code
 * LocalOptions options = LocalOptions.builder()
 *         .flagOverrides(FlagOverrides.file(Path.of("flags.json"), true), OverrideBehaviour.LOCAL_ONLY)
 *         .build();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class FlagOverrides {

    /** How often an auto-reloading file is checked for changes unless told otherwise: 1 second. */
    public static final Duration DEFAULT_RELOAD_CHECK_INTERVAL = Duration.ofSeconds(1);

    /** The kinds of override sources. */
    public enum Kind {
        /** A JSON file on disk. */
        FILE,
        /** A JSON resource on the classpath. */
        CLASSPATH,
        /** Values given in code. */
        MAP
    }

    private final Kind kind;
    private final @Nullable Path path;
    private final boolean autoReload;
    private final @Nullable String resource;
    private final Map<String, Object> values;

    private FlagOverrides(
            Kind kind, @Nullable Path path, boolean autoReload, @Nullable String resource, Map<String, Object> values) {
        this.kind = kind;
        this.path = path;
        this.autoReload = autoReload;
        this.resource = resource;
        this.values = values;
    }

    /**
     * Overrides read once from a JSON file.
     *
     * @param path the file
     * @return the override source
     */
    public static FlagOverrides file(Path path) {
        return file(path, false);
    }

    /**
     * Overrides read from a JSON file, optionally re-read whenever the file changes. A changed file that does not
     * parse is reported and ignored: the last good overrides keep serving.
     *
     * @param path the file
     * @param autoReload whether to watch the file and reload it on change
     * @return the override source
     */
    public static FlagOverrides file(Path path, boolean autoReload) {
        Objects.requireNonNull(path, "path");
        return new FlagOverrides(Kind.FILE, path, autoReload, null, Collections.emptyMap());
    }

    /**
     * Overrides read once from a classpath resource, with the context class loader or this class's loader.
     *
     * @param resource the resource name, for example {@code "flags/overrides.json"}
     * @return the override source
     * @throws IllegalArgumentException if {@code resource} is empty
     */
    public static FlagOverrides classpath(String resource) {
        Objects.requireNonNull(resource, "resource");
        if (resource.trim().isEmpty()) {
            throw new IllegalArgumentException("resource must not be empty");
        }
        return new FlagOverrides(Kind.CLASSPATH, null, false, resource, Collections.emptyMap());
    }

    /**
     * Overrides given as values. The map is copied.
     *
     * @param values flag key to value: {@link Boolean}, {@link String}, {@link Integer}, {@link Long} or
     *     {@link Double}
     * @return the override source
     * @throws IllegalArgumentException if a key is empty or a value has another type
     */
    public static FlagOverrides map(Map<String, ?> values) {
        Objects.requireNonNull(values, "values");
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : values.entrySet()) {
            String key = Objects.requireNonNull(e.getKey(), "flag key");
            Object value = e.getValue();
            if (key.isEmpty()) {
                throw new IllegalArgumentException("flag overrides: a flag key must not be empty");
            }
            if (!(value instanceof Boolean
                    || value instanceof String
                    || value instanceof Integer
                    || value instanceof Long
                    || value instanceof Double)) {
                throw new IllegalArgumentException("flag overrides: '" + key
                        + "' must be a Boolean, String, Integer, Long or Double, was "
                        + (value == null ? "null" : value.getClass().getName()));
            }
            copy.put(key, value);
        }
        return new FlagOverrides(Kind.MAP, null, false, null, Collections.unmodifiableMap(copy));
    }

    /**
     * Returns the kind of source.
     *
     * @return the kind, never null
     */
    public Kind kind() {
        return kind;
    }

    /**
     * Returns the file of a {@link Kind#FILE} source.
     *
     * @return the path, or {@code null} for the other kinds
     */
    public @Nullable Path path() {
        return path;
    }

    /**
     * Tells whether a file source is re-read when it changes.
     *
     * @return {@code true} for an auto-reloading file
     */
    public boolean autoReload() {
        return autoReload;
    }

    /**
     * Returns the resource name of a {@link Kind#CLASSPATH} source.
     *
     * @return the resource, or {@code null} for the other kinds
     */
    public @Nullable String resource() {
        return resource;
    }

    /**
     * Returns the values of a {@link Kind#MAP} source.
     *
     * @return an unmodifiable map, empty for the other kinds
     */
    public Map<String, Object> values() {
        return values;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof FlagOverrides)) {
            return false;
        }
        FlagOverrides that = (FlagOverrides) o;
        return kind == that.kind
                && autoReload == that.autoReload
                && Objects.equals(path, that.path)
                && Objects.equals(resource, that.resource)
                && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, path, autoReload, resource, values);
    }

    @Override
    public String toString() {
        switch (kind) {
            case FILE:
                return "FlagOverrides.file(" + path + (autoReload ? ", autoReload" : "") + ")";
            case CLASSPATH:
                return "FlagOverrides.classpath(" + resource + ")";
            default:
                return "FlagOverrides.map(" + values.keySet() + ")";
        }
    }
}
