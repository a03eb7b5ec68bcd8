package dev.vexilla.examples;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.FeatureProvider;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.vexilla.providers.Setting;
import dev.vexilla.providers.VexillaProviders;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * A small application whose flag provider is chosen by configuration only: {@link VexillaProviders} builds the local
 * or the cloud provider from the settings, and the code below it is plain OpenFeature that does not change when the
 * provider does.
 *
 * <p>It takes every {@link Setting} ({@code VEXILLA_MODE} = {@code local} or {@code cloud}, {@code VEXILLA_SDK_KEY},
 * {@code VEXILLA_BASE_URL}, {@code VEXILLA_CONFIG_FILE}, …; the user guide lists them) from, highest first: system
 * properties ({@code -Dvexilla.mode=cloud}), environment variables, the properties file {@code vexilla.properties} in
 * the working directory (same names), and this application's own default {@code VEXILLA_REALTIME=true} (the local
 * provider listens to the server's change stream, as the cloud provider does by default).
 *
 * @since 0.1.0
 */
public final class CheckoutApplication {
    /** The properties file read from the working directory when it exists. */
    public static final Path DEFAULT_PROPERTIES_FILE = Path.of("vexilla.properties");

    /** This application's defaults, under the properties file. */
    static final Map<String, String> DEFAULTS = Map.of(Setting.REALTIME.variable(), "true");

    private CheckoutApplication() {}

    /**
     * Runs the application with the process's system properties and environment, and {@link #DEFAULT_PROPERTIES_FILE}.
     *
     * @param args one optional argument: the user id to evaluate for (default {@code user-1})
     */
    public static void main(String[] args) {
        String userId = args.length > 0 ? args[0] : "user-1";
        try {
            run(providerFor(System.getenv(), DEFAULT_PROPERTIES_FILE), userId, System.out);
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("checkout application: " + e.getMessage());
            System.exit(2);
        }
    }

    /**
     * Evaluates the checkout kill switch for one user and prints the result. Nothing here depends on the provider.
     *
     * @param provider the provider, not yet initialized; shut down before this returns
     * @param userId the user to evaluate for
     * @param out where the result line goes
     */
    static void run(FeatureProvider provider, String userId, PrintStream out) {
        OpenFeatureAPI api = OpenFeatureAPI.createIsolated();
        try {
            api.setProviderAndWait(provider);
            Client client = api.getClient();
            FlagEvaluationDetails<Boolean> checkout =
                    client.getBooleanDetails("checkoutEnabled", false, new ImmutableContext(userId));
            out.println("provider=" + api.getProviderMetadata().getName() + " user=" + userId + " checkoutEnabled="
                    + checkout.getValue() + " reason=" + checkout.getReason());
        } finally {
            api.shutdown();
        }
    }

    /**
     * Builds the provider the settings choose: system properties ({@code vexilla.*}), then the environment, then the
     * properties file, then {@link #DEFAULTS}.
     *
     * @param environment the environment variables
     * @param propertiesFile the properties file; ignored when it does not exist
     * @return a new, not yet initialized provider
     * @throws IllegalArgumentException if a setting is missing or invalid (the message names it)
     * @throws IOException if the file exists but cannot be read
     */
    static FeatureProvider providerFor(Map<String, String> environment, Path propertiesFile) throws IOException {
        return VexillaProviders.builder()
                .environment(environment)
                .defaults(defaults(propertiesFile))
                .build();
    }

    /**
     * Returns the settings under the environment: {@link #DEFAULTS}, with the properties file's entries (when the file
     * exists) over them.
     *
     * @param propertiesFile the properties file; ignored when it does not exist
     * @return the settings
     * @throws IOException if the file exists but cannot be read
     */
    static Map<String, String> defaults(Path propertiesFile) throws IOException {
        Map<String, String> settings = new HashMap<>(DEFAULTS);
        if (Files.isRegularFile(propertiesFile)) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(propertiesFile, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            properties.stringPropertyNames().forEach(name -> settings.put(name, properties.getProperty(name)));
        }
        return settings;
    }
}
