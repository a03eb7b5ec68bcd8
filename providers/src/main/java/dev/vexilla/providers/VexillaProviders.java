package dev.vexilla.providers;

import dev.openfeature.sdk.FeatureProvider;
import dev.vexilla.cloud.CloudOptions;
import dev.vexilla.cloud.CloudProvider;
import dev.vexilla.local.LocalOptions;
import dev.vexilla.local.LocalProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Builds Vexilla's OpenFeature provider from configuration: {@link LocalProvider} or {@link CloudProvider}, as
 * {@link Setting#MODE} says, with the options the other {@link Setting}s give. The application's code stays the same
 * whichever provider it gets.
 *
 * <pre>{@code
 * // VEXILLA_MODE=cloud VEXILLA_SDK_KEY=... VEXILLA_BASE_URL=https://flags.example.com/
 * OpenFeatureAPI.getInstance().setProviderAndWait(VexillaProviders.fromEnvironment());
 *
 * // The same, with a setting and an option fixed in code:
 * FeatureProvider provider = VexillaProviders.builder()
 *         .set(Setting.REALTIME, "true")
 *         .cloudOptions(options -> options.header("X-Team", "checkout"))
 *         .build();
 * }</pre>
 *
 * <p><b>Where settings come from.</b> A setting given in code ({@link Builder#set}, {@link Builder#setAll}) wins over
 * the system property ({@code -Dvexilla.poll.interval=30s}), which wins over the environment variable
 * ({@code VEXILLA_POLL_INTERVAL=30s}), which wins over the application's defaults ({@link Builder#defaults}, for
 * example a properties file), which win over the provider's default. Options set on the provider's own
 * builder ({@link Builder#localOptions}, {@link Builder#cloudOptions}) are applied last and win over every setting. A
 * blank value counts as absent. The cloud provider also reads its {@code OFREP_*} variables from the environment
 * (below {@code VEXILLA_BASE_URL} and {@code VEXILLA_REQUEST_TIMEOUT}).
 *
 * <p><b>Errors.</b> A value of the wrong form, a value a provider option rejects, a required setting that is missing
 * and an unknown {@code VEXILLA_*} or {@code vexilla.*} name (a typo) throw {@link IllegalArgumentException} whose
 * message names the setting and says what it accepts. No message shows the SDK key.
 *
 * <p><b>Threads and blocking.</b> The static methods are thread-safe; a {@link Builder} is not. Building reads the
 * settings and checks that a config file exists; it sends no request and starts no thread: the provider starts when
 * OpenFeature initializes it ({@code setProviderAndWait}).
 *
 * @since 0.1.0
 */
public final class VexillaProviders {
    /** How long a cached cloud answer is served when {@link Setting#CACHE} is on: 30 seconds. */
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(30);

    /** How many cloud answers are cached when {@link Setting#CACHE} is on: 10,000. */
    public static final int DEFAULT_CACHE_MAX_ENTRIES = 10_000;

    private VexillaProviders() {}

    /**
     * Builds the provider from the system properties and the environment variables.
     *
     * @return a new provider, not yet initialized
     * @throws IllegalArgumentException if a setting is missing, unknown or invalid (the message names it)
     */
    public static FeatureProvider fromEnvironment() {
        return builder().build();
    }

    /**
     * Builds the provider from the given settings only, for example a loaded properties file; the process's
     * environment variables and system properties are not read.
     *
     * @param properties setting names ({@code VEXILLA_MODE} or {@code vexilla.mode}) to values; other names are
     *     ignored
     * @return a new provider, not yet initialized
     * @throws IllegalArgumentException if a setting is missing, unknown or invalid (the message names it)
     */
    public static FeatureProvider fromProperties(Map<String, String> properties) {
        return builder()
                .environment(Collections.emptyMap())
                .systemProperties(Collections.emptyMap())
                .setAll(properties)
                .build();
    }

    /**
     * Starts a builder that reads the process's system properties and environment variables unless told otherwise.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a provider from layers of settings and options set in code. Not thread-safe.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private @Nullable Map<String, String> environment;
        private @Nullable Map<String, String> systemProperties;
        private final Map<Setting, Settings.Text> given = new EnumMap<>(Setting.class);
        private final Map<Setting, Settings.Text> defaults = new EnumMap<>(Setting.class);
        private Consumer<LocalOptions.Builder> localCustomizer = options -> {};
        private Consumer<CloudOptions.Builder> cloudCustomizer = options -> {};

        private Builder() {}

        /**
         * Sets the environment variables read; default {@link System#getenv()}.
         *
         * @param environment variable names to values; copied
         * @return this builder
         */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
            return this;
        }

        /**
         * Sets the system properties read; default {@link System#getProperties()} when {@link #build()} runs.
         *
         * @param systemProperties property names to values; copied
         * @return this builder
         */
        public Builder systemProperties(Map<String, String> systemProperties) {
            this.systemProperties = Map.copyOf(Objects.requireNonNull(systemProperties, "systemProperties"));
            return this;
        }

        /**
         * Gives a setting in code; it wins over its system property and its environment variable.
         *
         * @param setting the setting
         * @param value its text, as in the environment ({@code "30s"}, {@code "true"}); blank removes it from this
         *     layer
         * @return this builder
         */
        public Builder set(Setting setting, String value) {
            Objects.requireNonNull(setting, "setting");
            Objects.requireNonNull(value, "value");
            if (value.trim().isEmpty()) {
                given.remove(setting);
            } else {
                given.put(setting, new Settings.Text(setting.variable(), value.trim()));
            }
            return this;
        }

        /**
         * Gives settings in code by name, as {@link #set(Setting, String)} does for each.
         *
         * @param settings names ({@code VEXILLA_MODE} or {@code vexilla.mode}) to values; names with neither prefix
         *     are ignored, blank values too
         * @return this builder
         * @throws IllegalArgumentException for an unknown {@code VEXILLA_*} or {@code vexilla.*} name, or a setting
         *     given under both its names
         */
        public Builder setAll(Map<String, String> settings) {
            given.putAll(Settings.byName(Objects.requireNonNull(settings, "settings"), Settings.GIVEN));
            return this;
        }

        /**
         * Gives the application's defaults: the lowest layer, under the environment variables, for example the
         * entries of a properties file the application ships or reads.
         *
         * @param settings names ({@code VEXILLA_MODE} or {@code vexilla.mode}) to values; names with neither prefix
         *     are ignored, blank values too
         * @return this builder
         * @throws IllegalArgumentException for an unknown {@code VEXILLA_*} or {@code vexilla.*} name, or a setting
         *     given under both its names
         */
        public Builder defaults(Map<String, String> settings) {
            defaults.putAll(Settings.byName(Objects.requireNonNull(settings, "settings"), Settings.DEFAULT));
            return this;
        }

        /**
         * Sets local provider options in code, applied after the settings (so they win). Used in local mode only.
         *
         * @param customizer gets the builder the settings filled in
         * @return this builder
         */
        public Builder localOptions(Consumer<LocalOptions.Builder> customizer) {
            this.localCustomizer = Objects.requireNonNull(customizer, "customizer");
            return this;
        }

        /**
         * Sets cloud provider options in code, applied after the settings (so they win). Used in cloud mode only.
         *
         * @param customizer gets the builder the settings filled in
         * @return this builder
         */
        public Builder cloudOptions(Consumer<CloudOptions.Builder> customizer) {
            this.cloudCustomizer = Objects.requireNonNull(customizer, "customizer");
            return this;
        }

        /**
         * Builds the provider the settings choose.
         *
         * @return a new {@link LocalProvider} or {@link CloudProvider}, not yet initialized
         * @throws IllegalArgumentException if a setting is missing, unknown or invalid (the message names it and never
         *     shows the SDK key)
         * @throws IllegalStateException if options set in code make an invalid combination
         */
        public FeatureProvider build() {
            return withoutKeys(() -> {
                Settings settings = settings();
                return settings.mode() == Mode.LOCAL
                        ? new LocalProvider(OptionsMapping.local(settings, localCustomizer))
                        : new CloudProvider(OptionsMapping.cloud(settings, environment(), cloudCustomizer));
            });
        }

        /** Resolves the settings and builds the local provider's options, whatever the mode (tests). */
        LocalOptions buildLocalOptions() {
            return withoutKeys(() -> OptionsMapping.local(settings(), localCustomizer));
        }

        /** Resolves the settings and builds the cloud provider's options, whatever the mode (tests). */
        CloudOptions buildCloudOptions() {
            return withoutKeys(() -> OptionsMapping.cloud(settings(), environment(), cloudCustomizer));
        }

        private Settings settings() {
            return Settings.resolve(given, systemProperties(), environment(), defaults);
        }

        private Map<String, String> environment() {
            return environment != null ? environment : System.getenv();
        }

        private Map<String, String> systemProperties() {
            if (systemProperties != null) {
                return systemProperties;
            }
            Properties properties = System.getProperties();
            Map<String, String> copy = new HashMap<>();
            for (String name : properties.stringPropertyNames()) {
                copy.put(name, properties.getProperty(name));
            }
            return copy;
        }

        /** Runs a build step; a failure's message has every SDK key of every layer replaced by its redacted form. */
        private <T> T withoutKeys(Supplier<T> step) {
            try {
                return step.get();
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw KeyRedaction.redact(e, keys());
            }
        }

        private List<String> keys() {
            List<String> keys = new ArrayList<>();
            for (Map<Setting, Settings.Text> layer : List.of(given, defaults)) {
                Settings.Text text = layer.get(Setting.SDK_KEY);
                if (text != null) {
                    keys.add(text.text);
                }
            }
            for (Map<String, String> layer : List.of(systemProperties(), environment())) {
                for (String name : List.of(Setting.SDK_KEY.variable(), Setting.SDK_KEY.property())) {
                    String key = layer.get(name);
                    if (key != null && !key.trim().isEmpty()) {
                        keys.add(key.trim());
                    }
                }
            }
            return keys;
        }
    }
}
