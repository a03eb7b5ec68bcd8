package dev.vexilla.providers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.Value;
import dev.vexilla.cloud.CloudProvider;
import dev.vexilla.local.LocalProvider;
import dev.vexilla.server.ServerOptions;
import dev.vexilla.server.VexillaServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The promise: one application, unchanged, run under two configurations (local evaluation of a ConfigCat v6
 * file, and cloud evaluation by a real bucketing server serving the same file), gets the same value, variant, reason
 * and error code for every flag and user.
 */
@Timeout(60)
final class SwapByConfigurationTest {
    private static final String KEY = "providers-test-key-0123456789abcdef";
    private static final String CONFIG = "checkout-flags_v6.json";

    @TempDir
    static Path directory;

    static Path configFile;
    static VexillaServer server;

    @BeforeAll
    static void startServer() throws IOException {
        configFile = directory.resolve(CONFIG);
        try (InputStream in = SwapByConfigurationTest.class.getResourceAsStream(CONFIG)) {
            Files.copy(in, configFile);
        }
        Path configs = Files.createDirectories(directory.resolve("configs"));
        Files.copy(configFile, configs.resolve("checkout.json"));
        Files.writeString(configs.resolve(ServerOptions.DEFAULT_KEYS_FILE_NAME), KEY + " = checkout\n");
        server = VexillaServer.start(ServerOptions.builder()
                .port(0)
                .bindAddress("127.0.0.1")
                .configDirectory(configs)
                .eventsSink(directory.resolve("events.jsonl"))
                .build());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bucketing", "ofrep"})
    void theSameApplicationAnswersIdenticallyFromALocalFileAndFromTheServer(String protocol) throws Exception {
        Run local = run(Map.of("VEXILLA_MODE", "local", "VEXILLA_CONFIG_FILE", configFile.toString()));
        Run cloud = run(Map.of(
                "VEXILLA_MODE",
                "cloud",
                "VEXILLA_SDK_KEY",
                KEY,
                "VEXILLA_BASE_URL",
                server.baseUri().toString(),
                "VEXILLA_PROTOCOL",
                protocol,
                "VEXILLA_REQUEST_TIMEOUT",
                "5s"));

        assertThat(local.provider()).isEqualTo(LocalProvider.NAME);
        assertThat(cloud.provider()).isEqualTo(CloudProvider.NAME);
        assertThat(cloud.answers()).containsExactlyElementsOf(local.answers());
    }

    @Test
    void theComparedAnswersCoverEveryKindOfResult() throws Exception {
        List<Answer> answers =
                run(Map.of("VEXILLA_CONFIG_FILE", configFile.toString())).answers();

        assertThat(answers)
                .extracting(Answer::reason)
                .contains("STATIC", "TARGETING_MATCH", "SPLIT", "DEFAULT", "ERROR");
        assertThat(answers).extracting(Answer::errorCode).contains(ErrorCode.FLAG_NOT_FOUND, ErrorCode.TYPE_MISMATCH);
        assertThat(answers)
                .contains(new Answer("supportTier", "ada", "priority", "5e7c1e01", "TARGETING_MATCH", null, null));
    }

    /** Runs {@link CheckoutFlags} with the provider the environment chooses, in an API instance of its own. */
    private static Run run(Map<String, String> environment) throws Exception {
        OpenFeatureAPI api = OpenFeatureAPI.createIsolated();
        try {
            api.setProviderAndWait(VexillaProviders.builder()
                    .environment(environment)
                    .systemProperties(Map.of())
                    .build());
            return new Run(api.getProviderMetadata().getName(), CheckoutFlags.answers(api.getClient()));
        } finally {
            api.shutdown();
        }
    }

    private record Run(String provider, List<Answer> answers) {}

    /** One evaluation's result, as the application sees it. */
    record Answer(
            String flag,
            String user,
            Object value,
            @Nullable String variant,
            String reason,
            @Nullable ErrorCode errorCode,
            @Nullable String errorMessage) {
        static Answer of(String user, FlagEvaluationDetails<?> details) {
            return new Answer(
                    details.getFlagKey(),
                    user,
                    details.getValue(),
                    details.getVariant(),
                    details.getReason(),
                    details.getErrorCode(),
                    details.getErrorMessage());
        }
    }

    /** The application: plain OpenFeature, nothing in it knows which provider answers. */
    static final class CheckoutFlags {
        private static final Map<String, EvaluationContext> USERS = Map.of(
                "ada", context("user-ada", "ada@vexilla.dev", "US"),
                "bob", context("user-bob", "bob@example.com", "DE"),
                "cy", context("user-cy", null, "CA"),
                "dee", context("user-dee", "dee@example.org", null),
                "anonymous", new ImmutableContext(Map.of("country", new Value("CA"))));

        private CheckoutFlags() {}

        static List<Answer> answers(Client client) {
            List<Answer> answers = new ArrayList<>();
            for (String user : List.of("ada", "bob", "cy", "dee", "anonymous")) {
                EvaluationContext context = USERS.get(user);
                List<Function<EvaluationContext, FlagEvaluationDetails<?>>> evaluations = List.of(
                        ctx -> client.getBooleanDetails("checkoutEnabled", false, ctx),
                        ctx -> client.getBooleanDetails("newDashboard", false, ctx),
                        ctx -> client.getStringDetails("supportTier", "none", ctx),
                        ctx -> client.getIntegerDetails("maxCartItems", 0, ctx),
                        ctx -> client.getDoubleDetails("discountRate", 0.0, ctx),
                        ctx -> client.getIntegerDetails("supportTier", -1, ctx),
                        ctx -> client.getBooleanDetails("retiredFlag", false, ctx));
                for (Function<EvaluationContext, FlagEvaluationDetails<?>> evaluation : evaluations) {
                    answers.add(Answer.of(user, evaluation.apply(context)));
                }
            }
            return answers;
        }

        private static EvaluationContext context(String id, @Nullable String email, @Nullable String country) {
            Map<String, Value> attributes = new HashMap<>();
            if (email != null) {
                attributes.put("email", new Value(email));
            }
            if (country != null) {
                attributes.put("country", new Value(country));
            }
            return new ImmutableContext(id, attributes);
        }
    }
}
