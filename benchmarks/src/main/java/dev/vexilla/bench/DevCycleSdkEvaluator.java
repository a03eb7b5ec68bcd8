package dev.vexilla.bench;

import com.devcycle.sdk.server.common.model.BaseVariable;
import com.devcycle.sdk.server.common.model.DevCycleUser;
import com.devcycle.sdk.server.local.api.DevCycleLocalClient;
import com.devcycle.sdk.server.local.model.DevCycleLocalOptions;
import dev.vexilla.bench.scenario.DevCycleBenchUser;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * DevCycle's Java SDK ({@code com.devcycle:java-server-sdk}): a {@link DevCycleLocalClient} (local bucketing: the
 * AssemblyScript engine compiled to WASM, run by wasmtime) fed the scenario config by a {@link DevCycleCdn} on
 * loopback, with realtime updates (SSE) and both kinds of event logging off and the config poll once an hour, so that
 * nothing but evaluations happens while measuring. {@link #start(String)} waits until the client has its config.
 *
 * <p>Thread-safe as the SDK is: every evaluation of one client goes through its WASM instance behind one lock.
 */
final class DevCycleSdkEvaluator implements DevCycleEvaluator<DevCycleUser> {

    /** How long {@link #start(String)} waits for the first config; the WASM compiles in seconds on a loaded machine. */
    static final Duration INIT_TIMEOUT = Duration.ofSeconds(60);

    /** The config poll interval: once an hour, so that no poll lands in a measured iteration. */
    static final int POLL_INTERVAL_MS = 3_600_000;

    private static final String NO_STRING = "none";

    private final DevCycleCdn cdn;
    private final DevCycleLocalClient client;

    private DevCycleSdkEvaluator(DevCycleCdn cdn, DevCycleLocalClient client) {
        this.cdn = cdn;
        this.client = client;
    }

    /**
     * Serves a config on loopback, creates a local client on it and waits until the client has loaded it.
     *
     * @param configJson the DevCycle config v2 text
     * @return the ready evaluator
     * @throws Exception if the server cannot start, or the client does not initialise within {@link #INIT_TIMEOUT}
     */
    static DevCycleSdkEvaluator start(String configJson) throws Exception {
        DevCycleCdn cdn = DevCycleCdn.start(configJson);
        DevCycleLocalClient client = null;
        try {
            client = new DevCycleLocalClient(DevCycleCdn.SDK_KEY, options(cdn));
            long deadline = System.nanoTime() + INIT_TIMEOUT.toNanos();
            while (!client.isInitialized()) {
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("DevCycle's local client did not initialise within "
                            + INIT_TIMEOUT.toSeconds() + " s (" + cdn.configRequests() + " config requests answered)");
                }
                Thread.sleep(10);
            }
            return new DevCycleSdkEvaluator(cdn, client);
        } catch (Exception | Error e) {
            if (client != null) {
                client.close();
            }
            cdn.close();
            throw e;
        }
    }

    private static DevCycleLocalOptions options(DevCycleCdn cdn) {
        String base = cdn.baseUri().toString();
        return DevCycleLocalOptions.builder()
                .configCdnBaseUrl(base)
                .eventsApiBaseUrl(base)
                .configPollingIntervalMS(POLL_INTERVAL_MS)
                .disableRealtimeUpdates(true)
                .disableAutomaticEventLogging(true)
                .disableCustomEventLogging(true)
                .build();
    }

    /**
     * Returns the client, for its OpenFeature provider.
     *
     * @return the initialised client
     */
    DevCycleLocalClient client() {
        return client;
    }

    /**
     * Returns the loopback CDN the client reads.
     *
     * @return the server
     */
    DevCycleCdn cdn() {
        return cdn;
    }

    @Override
    public DevCycleUser user(DevCycleBenchUser user) {
        return devCycleUser(user);
    }

    /**
     * Converts a scenario user into DevCycle's user: user id, e-mail, country and app version as fields, the rest
     * as custom data.
     *
     * @param user the scenario user
     * @return DevCycle's user
     */
    static DevCycleUser devCycleUser(DevCycleBenchUser user) {
        return DevCycleUser.builder()
                .userId(user.userId())
                .email(user.email())
                .country(user.country())
                .appVersion(user.appVersion())
                .customData(new LinkedHashMap<>(user.customData()))
                .build();
    }

    @Override
    public boolean booleanValue(String key, DevCycleUser user) {
        return client.variableValue(user, key, Boolean.FALSE);
    }

    @Override
    public String stringValue(String key, DevCycleUser user) {
        return client.variableValue(user, key, NO_STRING);
    }

    @Override
    public Map<String, BaseVariable> allValues(DevCycleUser user) {
        return client.allVariables(user);
    }

    @Override
    public @Nullable Object plainValue(@Nullable Object entry) {
        return entry instanceof BaseVariable variable ? variable.getValue() : entry;
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            cdn.close();
        }
    }
}
