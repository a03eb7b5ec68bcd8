package dev.vexilla.server;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The server-wide metric families that belong to no single route: build info, JVM and process metrics, the configs
 * being served and the health of the config source. Components register their own families (requests, evaluations,
 * streams, EdgeDB, events) where they count.
 */
final class ServerMetrics {
    private ServerMetrics() {}

    /**
     * Registers the server-wide families.
     *
     * @param metrics the server's registry
     * @param store the config store whose configs and source health are reported
     */
    static void register(MetricsRegistry metrics, ConfigStore<?> store) {
        metrics.registerJvmMetrics();
        String version = BuildInfo.version();
        String java = Runtime.version().toString();
        metrics.gauge(
                "vexilla_build_info",
                "Always 1; the server's version and the Java runtime it runs on.",
                List.of("version", "java_version"),
                () -> Map.of(List.of(version, java), 1));
        metrics.gauge(
                "vexilla_config_info",
                "Always 1 per served config; its current ETag (content hash, without quotes).",
                List.of("config", "etag"),
                () -> {
                    Map<List<String>, Number> out = new HashMap<>();
                    store.configs().forEach((name, config) -> out.put(List.of(name, config.etag()), 1));
                    return out;
                });
        metrics.gauge(
                "vexilla_configs_loaded",
                "Configs being served.",
                List.of(),
                () -> Map.of(List.of(), store.configs().size()));
        metrics.gauge(
                "vexilla_config_source_up",
                "1 while the config source can be read, 0 while it fails (/readyz then answers 503).",
                List.of(),
                () -> Map.of(List.of(), store.sourceFailure().isPresent() ? 0 : 1));
    }
}
