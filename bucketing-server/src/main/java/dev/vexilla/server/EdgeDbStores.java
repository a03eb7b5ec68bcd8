package dev.vexilla.server;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Creates the {@link EdgeDbStore} named by the options, and the helpers the stores share. */
final class EdgeDbStores {
    private EdgeDbStores() {}

    /**
     * Creates the store the options name.
     *
     * @param options the server options
     * @param clock the clock
     * @param metrics where operation counts go
     * @return the memory or Redis store
     */
    static EdgeDbStore create(ServerOptions options, Clock clock, MetricsRegistry metrics) {
        if (options.edgeDbUrl().equals(ServerOptions.DEFAULT_EDGEDB_URL)) {
            return new MemoryEdgeDbStore(options.edgeDbMaxEntries(), options.edgeDbTtl(), clock, metrics);
        }
        return new RedisEdgeDbStore(
                options.edgeDbUrl(),
                options.edgeDbKeyPrefix(),
                options.edgeDbTtl(),
                options.edgeDbTimeout(),
                clock,
                metrics);
    }

    /**
     * Checks an EdgeDB URL.
     *
     * @param url {@code memory} or {@code redis[s]://host:port[/db]}
     * @throws IllegalArgumentException when it is neither
     */
    static void validateUrl(String url) {
        String value = url.strip();
        if (value.equals(ServerOptions.DEFAULT_EDGEDB_URL)) {
            return;
        }
        try {
            URI uri = new URI(value);
            boolean redis = "redis".equals(uri.getScheme()) || "rediss".equals(uri.getScheme());
            if (!redis || uri.getHost() == null || uri.getPort() < 1) {
                throw new IllegalArgumentException(
                        "edgeDbUrl must be 'memory' or redis://host:port[/db], was '" + redactUrl(value) + "'");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    "edgeDbUrl must be 'memory' or redis://host:port[/db], was '" + redactUrl(value) + "'", e);
        }
    }

    /**
     * Hides the password of a Redis URL.
     *
     * @param url the URL
     * @return the URL with any user info replaced by {@code ****}
     */
    static String redactUrl(String url) {
        int scheme = url.indexOf("://");
        int at = url.lastIndexOf('@');
        if (scheme < 0 || at < scheme) {
            return url;
        }
        return url.substring(0, scheme + 3) + "****" + url.substring(at);
    }

    /**
     * Returns the shared operations counter.
     *
     * @param metrics the registry
     * @return {@code vexilla_edgedb_operations_total{store,op,outcome}}
     */
    static MetricsRegistry.Counter operationsCounter(MetricsRegistry metrics) {
        return metrics.counter(
                "vexilla_edgedb_operations_total",
                "EdgeDB operations by store, operation and outcome.",
                "store",
                "op",
                "outcome");
    }

    /**
     * Deep-copies JSON-compatible data into immutable collections.
     *
     * @param fields the fields
     * @return an immutable copy keeping iteration order
     */
    static Map<String, Object> immutableCopy(Map<String, Object> fields) {
        Map<String, Object> copy = new LinkedHashMap<>();
        fields.forEach((k, v) -> copy.put(k, copyValue(v)));
        return Collections.unmodifiableMap(copy);
    }

    @SuppressWarnings("unchecked")
    private static @Nullable Object copyValue(@Nullable Object value) {
        if (value instanceof Map<?, ?> map) {
            return immutableCopy((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(copyValue(v)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }
}
