package dev.vexilla.engine.devcycle;

import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a DevCycle evaluation reads besides the config and the user: the clock rollouts are computed at, the SDK
 * platform that {@code platform} and {@code platformVersion} filters test, and the client custom data that
 * {@code customData} filters fall back to when the user's own custom data lacks the key.
 *
 * <p>Immutable and thread-safe. Bind one to a config with {@link DevCycleConfig#withEnvironment(DevCycleEnvironment)}.
 *
 * <pre>{@code
 * DevCycleEnvironment env = DevCycleEnvironment.builder()
 *         .clock(Clock.systemUTC())
 *         .clientCustomData(Map.of("region", "eu"))
 *         .build();
 * DevCycleConfig config = DevCycleConfig.parse(json).withEnvironment(env);
 * }</pre>
 *
 * @since 0.2.0
 */
public final class DevCycleEnvironment {

    /** The platform DevCycle's Java SDK reports, which {@code platform} filters test by default. */
    public static final String DEFAULT_PLATFORM = "Java";

    private static final DevCycleEnvironment DEFAULTS = builder().build();

    private final Clock clock;
    private final String platform;
    private final String platformVersion;
    private final Map<String, Object> clientCustomData;

    private DevCycleEnvironment(Builder b) {
        this.clock = b.clock;
        this.platform = b.platform;
        this.platformVersion = b.platformVersion;
        this.clientCustomData = b.clientCustomData.isEmpty()
                ? Collections.emptyMap()
                : Collections.unmodifiableMap(new LinkedHashMap<>(b.clientCustomData));
    }

    /**
     * Returns the default environment: the system UTC clock, platform {@value #DEFAULT_PLATFORM}, the JVM's
     * {@code java.version} as platform version, and no client custom data.
     *
     * @return the shared default environment
     */
    public static DevCycleEnvironment defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a builder starting from the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder starting from this environment.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.clock = clock;
        b.platform = platform;
        b.platformVersion = platformVersion;
        b.clientCustomData.putAll(clientCustomData);
        return b;
    }

    /**
     * Returns the clock rollouts are computed at.
     *
     * @return the clock
     */
    public Clock clock() {
        return clock;
    }

    /**
     * Returns the SDK platform {@code platform} filters test.
     *
     * @return the platform
     */
    public String platform() {
        return platform;
    }

    /**
     * Returns the SDK platform version {@code platformVersion} filters test.
     *
     * @return the version
     */
    public String platformVersion() {
        return platformVersion;
    }

    /**
     * Returns the client custom data.
     *
     * @return an unmodifiable map, never null
     */
    public Map<String, Object> clientCustomData() {
        return clientCustomData;
    }

    @Nullable
    Object clientCustomData(String key) {
        return clientCustomData.isEmpty() ? null : clientCustomData.get(key);
    }

    long nowMillis() {
        return clock.millis();
    }

    @Override
    public String toString() {
        return "DevCycleEnvironment{clock=" + clock + ", platform=" + platform + ", platformVersion=" + platformVersion
                + ", clientCustomData=" + clientCustomData.keySet() + "}";
    }

    /**
     * Builds a {@link DevCycleEnvironment}. Not thread-safe.
     *
     * @since 0.2.0
     */
    public static final class Builder {

        private Clock clock = Clock.systemUTC();
        private String platform = DEFAULT_PLATFORM;
        private String platformVersion = String.valueOf(System.getProperty("java.version", ""));
        private final Map<String, Object> clientCustomData = new LinkedHashMap<>();

        private Builder() {}

        /**
         * Sets the clock rollouts are computed at; tests pass a fixed clock.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets the SDK platform; default {@value DevCycleEnvironment#DEFAULT_PLATFORM}.
         *
         * @param platform the platform
         * @return this builder
         */
        public Builder platform(String platform) {
            this.platform = Objects.requireNonNull(platform, "platform");
            return this;
        }

        /**
         * Sets the SDK platform version; default the JVM's {@code java.version}.
         *
         * @param platformVersion the version
         * @return this builder
         */
        public Builder platformVersion(String platformVersion) {
            this.platformVersion = Objects.requireNonNull(platformVersion, "platformVersion");
            return this;
        }

        /**
         * Replaces the client custom data wholesale, as DevCycle's {@code setClientCustomData} does.
         *
         * @param data the entries; values must be strings, numbers or booleans
         * @return this builder
         * @throws IllegalArgumentException if a value is of another type or null
         */
        public Builder clientCustomData(Map<String, ?> data) {
            Objects.requireNonNull(data, "data");
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<String, ?> e : data.entrySet()) {
                Object v = e.getValue();
                if (!(v instanceof String || v instanceof Number || v instanceof Boolean)) {
                    throw new IllegalArgumentException("clientCustomData values must be strings, numbers or booleans,"
                            + " was " + (v == null ? "null" : v.getClass().getSimpleName()) + " for '" + e.getKey()
                            + "'");
                }
                copy.put(Objects.requireNonNull(e.getKey(), "key"), v);
            }
            clientCustomData.clear();
            clientCustomData.putAll(copy);
            return this;
        }

        /**
         * Builds the environment.
         *
         * @return a new immutable environment
         */
        public DevCycleEnvironment build() {
            return new DevCycleEnvironment(this);
        }
    }
}
