package dev.vexilla.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A small hand-written DevCycle config v2 served beside a ConfigCat v6 config, for the server's DevCycle tests.
 *
 * <p>Feature {@code checkout} (release) serves variation {@code off} to {@code vip@example.com} (one distribution
 * entry: TARGETING_MATCH) and splits everyone else 50/50 between {@code on} and {@code off} (SPLIT); it sets
 * {@code checkout-enabled} (Boolean), {@code checkout-label} (String), {@code checkout-limit} (Number) and
 * {@code checkout-theme} (JSON). Feature {@code canada-only} (experiment) serves {@code canada-banner} (String) to
 * users whose country is {@code CA}, and nobody else.
 */
final class DevCycleFixtures {
    static final String DEVCYCLE_KEY = "server-devcycle-key-000000000000001";
    static final String CONFIG_NAME = "shop-dc";
    static final String VIP_EMAIL = "vip@example.com";

    static final String CONFIG = """
            {
              "project": {"_id": "proj-1", "key": "shop", "a0_organization": "org-1", "settings": {}},
              "environment": {"_id": "env-1", "key": "development"},
              "features": [
                {
                  "_id": "feat-checkout", "key": "checkout", "type": "release",
                  "variations": [
                    {"_id": "var-on", "key": "on", "name": "On", "variables": [
                      {"_var": "id-enabled", "value": true},
                      {"_var": "id-label", "value": "Pay now"},
                      {"_var": "id-limit", "value": 25},
                      {"_var": "id-theme", "value": {"color": "green", "size": 2}}]},
                    {"_id": "var-off", "key": "off", "name": "Off", "variables": [
                      {"_var": "id-enabled", "value": false},
                      {"_var": "id-label", "value": "Closed"},
                      {"_var": "id-limit", "value": 0.5},
                      {"_var": "id-theme", "value": {"color": "grey", "size": 1}}]}
                  ],
                  "configuration": {"_id": "cfg-checkout", "targets": [
                    {"_id": "target-vip", "_audience": {"_id": "aud-vip", "filters": {"operator": "and", "filters": [
                      {"type": "user", "subType": "email", "comparator": "=", "values": ["vip@example.com"]}]}},
                     "distribution": [{"_variation": "var-off", "percentage": 1}]},
                    {"_id": "target-all", "_audience": {"_id": "aud-all", "filters": {"operator": "and", "filters": [
                      {"type": "all"}]}},
                     "distribution": [{"_variation": "var-on", "percentage": 0.5},
                                      {"_variation": "var-off", "percentage": 0.5}]}
                  ]}
                },
                {
                  "_id": "feat-canada", "key": "canada-only", "type": "experiment",
                  "variations": [
                    {"_id": "var-ca", "key": "maple", "name": "Maple", "variables": [
                      {"_var": "id-banner", "value": "Bonjour"}]}
                  ],
                  "configuration": {"_id": "cfg-canada", "targets": [
                    {"_id": "target-ca", "_audience": {"_id": "aud-ca", "filters": {"operator": "and", "filters": [
                      {"type": "user", "subType": "country", "comparator": "=", "values": ["CA"]}]}},
                     "distribution": [{"_variation": "var-ca", "percentage": 1}]}
                  ]}
                }
              ],
              "variables": [
                {"_id": "id-enabled", "key": "checkout-enabled", "type": "Boolean"},
                {"_id": "id-label", "key": "checkout-label", "type": "String"},
                {"_id": "id-limit", "key": "checkout-limit", "type": "Number"},
                {"_id": "id-theme", "key": "checkout-theme", "type": "JSON"},
                {"_id": "id-banner", "key": "canada-banner", "type": "String"}
              ],
              "audiences": {},
              "variableHashes": {},
              "sse": {"hostname": "https://sse.devcycle.example", "path": "/elsewhere"}
            }
            """;

    private DevCycleFixtures() {}

    /**
     * Writes a config directory holding {@link #CONFIG} under {@link #DEVCYCLE_KEY} beside the v6 configs of
     * {@link TestServers#configDirectory(Path)} ({@code alpha} under {@link TestServers#KEY_A}).
     */
    static Path configDirectory(Path dir) throws IOException {
        Path configs = TestServers.configDirectory(dir);
        Files.writeString(configs.resolve(CONFIG_NAME + ".json"), CONFIG);
        Files.writeString(
                configs.resolve(ServerOptions.DEFAULT_KEYS_FILE_NAME),
                "# test keys\n" + TestServers.KEY_A + " = alpha\n" + TestServers.KEY_B + " = beta\n" + DEVCYCLE_KEY
                        + " = " + CONFIG_NAME + "\n");
        return configs;
    }

    /** Starts a server over {@link #configDirectory(Path)} with an injected clock and scheduler. */
    static VexillaServer start(Path dir, ServerOptions.Builder options, Clock clock, ScheduledExecutorService scheduler)
            throws IOException {
        return VexillaServer.start(
                options.configDirectory(configDirectory(dir)).build(), ConfigValidators.engine(), clock, scheduler);
    }

    static String cdnPath(String key) {
        return "/config/v2/server/" + key + ".json";
    }
}
