package dev.vexilla.bench;

import dev.vexilla.bench.scenario.DevCycleBenchUser;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One engine that evaluates a DevCycle config v2 directly, without OpenFeature: what the raw DevCycle group
 * ({@link DevCycleEngineBench}) and the scaling group ({@link DevCycleScalingBench}) measure. Implementations:
 * {@link DevCycleSdkEvaluator} (DevCycle's Java SDK) and {@link VexillaDevCycleEvaluator} (Vexilla's engine).
 *
 * @param <U> the engine's user type
 */
interface DevCycleEvaluator<U> extends AutoCloseable {

    /**
     * Converts a scenario user into the engine's user type; called in the setup only, never while measuring.
     *
     * @param user the scenario user
     * @return the engine's user
     */
    U user(DevCycleBenchUser user);

    /**
     * Evaluates a Boolean variable.
     *
     * @param key the variable key
     * @param user a user from {@link #user(DevCycleBenchUser)}
     * @return the value, {@code false} when the user is not served one
     */
    boolean booleanValue(String key, U user);

    /**
     * Evaluates a String variable.
     *
     * @param key the variable key
     * @param user a user from {@link #user(DevCycleBenchUser)}
     * @return the value, {@code "none"} when the user is not served one
     */
    String stringValue(String key, U user);

    /**
     * Evaluates every variable of the config, as the engine's natural all-variables call does.
     *
     * @param user a user from {@link #user(DevCycleBenchUser)}
     * @return every variable the user is served, by key; the entries as the engine returns them
     */
    Map<String, ?> allValues(U user);

    /**
     * Returns the value of one entry of {@link #allValues}; by default the entry itself.
     *
     * @param entry an entry of the map {@link #allValues} returned
     * @return its value: Boolean, String, Number or a Map
     */
    default @Nullable Object plainValue(@Nullable Object entry) {
        return entry;
    }

    /**
     * Releases the engine.
     *
     * @throws Exception if closing fails
     */
    @Override
    void close() throws Exception;
}
