package dev.vexilla.examples;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.FeatureProvider;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.vexilla.cloud.CloudOptions;
import dev.vexilla.cloud.CloudProvider;
import dev.vexilla.local.LocalOptions;
import dev.vexilla.local.LocalProvider;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * A small application whose flag provider is chosen by configuration only: the code below the provider choice is
 * plain OpenFeature and does not change when the provider does.
 *
 * <p>Settings come from environment variables, or else from a properties file ({@code vexilla.properties} in the
 * working directory, same keys); an environment variable wins over the file:
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>key</th><th>meaning</th></tr>
 *   <tr><td>{@code VEXILLA_PROVIDER}</td><td>{@code local} (default) or {@code cloud}</td></tr>
 *   <tr><td>{@code VEXILLA_SDK_KEY}</td><td>the SDK key (required)</td></tr>
 *   <tr><td>{@code VEXILLA_BASE_URL}</td><td>the Vexilla server, e.g. {@code http://localhost:8080}
 *       (required)</td></tr>
 * </table>
 *
 * @since 0.1.0
 */
public final class CheckoutApplication {
    /** The setting that chooses the provider. */
    public static final String PROVIDER = "VEXILLA_PROVIDER";

    /** The setting that holds the SDK key. */
    public static final String SDK_KEY = "VEXILLA_SDK_KEY";

    /** The setting that holds the server's base URL. */
    public static final String BASE_URL = "VEXILLA_BASE_URL";

    /** The properties file read from the working directory when it exists. */
    public static final Path DEFAULT_PROPERTIES_FILE = Path.of("vexilla.properties");

    private CheckoutApplication() {}

    /**
     * Runs the application with the process's environment and {@link #DEFAULT_PROPERTIES_FILE}.
     *
     * @param args one optional argument: the user id to evaluate for (default {@code user-1})
     */
    public static void main(String[] args) {
        String userId = args.length > 0 ? args[0] : "user-1";
        try {
            Map<String, String> settings = settings(System.getenv(), DEFAULT_PROPERTIES_FILE);
            run(settings, userId, System.out);
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("checkout application: " + e.getMessage());
            System.exit(2);
        }
    }

    /**
     * Evaluates the checkout kill switch for one user with the provider the settings choose and prints the result.
     *
     * @param settings the settings (see the class comment)
     * @param userId the user to evaluate for
     * @param out where the result line goes
     * @throws IllegalArgumentException if a setting is missing or invalid
     */
    static void run(Map<String, String> settings, String userId, PrintStream out) {
        OpenFeatureAPI api = OpenFeatureAPI.createIsolated();
        try {
            api.setProviderAndWait(providerFor(settings));
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
     * Builds the provider the settings choose.
     *
     * @param settings the settings (see the class comment)
     * @return a new, not yet initialized provider
     * @throws IllegalArgumentException if a setting is missing or invalid
     */
    static FeatureProvider providerFor(Map<String, String> settings) {
        String choice = settings.getOrDefault(PROVIDER, "local").trim().toLowerCase(Locale.ROOT);
        switch (choice) {
            case "local":
                return new LocalProvider(LocalOptions.builder()
                        .sdkKey(required(settings, SDK_KEY))
                        .baseUrl(URI.create(required(settings, BASE_URL)))
                        .realtimeUpdates(true)
                        .build());
            case "cloud":
                return new CloudProvider(CloudOptions.builder()
                        .sdkKey(required(settings, SDK_KEY))
                        .baseUrl(URI.create(required(settings, BASE_URL)))
                        .build());
            default:
                throw new IllegalArgumentException(PROVIDER + " must be local or cloud, was '" + choice + "'");
        }
    }

    /**
     * Merges the settings: the properties file's entries (when the file exists), then the environment's
     * {@code VEXILLA_*} variables on top.
     *
     * @param environment the environment variables
     * @param propertiesFile the properties file; ignored when it does not exist
     * @return the settings
     * @throws IOException if the file exists but cannot be read
     */
    static Map<String, String> settings(Map<String, String> environment, Path propertiesFile) throws IOException {
        Map<String, String> settings = new HashMap<>();
        if (Files.isRegularFile(propertiesFile)) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(propertiesFile, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            properties.stringPropertyNames().forEach(name -> settings.put(name, properties.getProperty(name)));
        }
        environment.forEach((name, value) -> {
            if (name.startsWith("VEXILLA_")) {
                settings.put(name, value);
            }
        });
        return settings;
    }

    private static String required(Map<String, String> settings, String key) {
        String value = settings.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    key + " is required (environment variable or " + DEFAULT_PROPERTIES_FILE + ")");
        }
        return value.trim();
    }
}
