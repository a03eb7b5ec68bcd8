package dev.vexilla.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.ImmutableMetadata;
import dev.openfeature.sdk.Value;
import dev.vexilla.engine.FlagConfig;
import dev.vexilla.model.ContextMapper;
import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.FlagMetadata;
import dev.vexilla.model.FlagSetIds;
import dev.vexilla.model.ObjectMappers;
import dev.vexilla.model.bucketing.DevCycleUser;
import dev.vexilla.model.bucketing.Variable;
import dev.vexilla.model.ofrep.OfrepBulkResponse;
import dev.vexilla.model.ofrep.OfrepEvaluation;
import dev.vexilla.model.ofrep.OfrepEvaluationRequest;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same configs evaluated by the engine directly (as {@code LocalProvider} does, through
 * {@link ContextMapper#view}, with no user for an empty context), through {@code POST /v1/variables[/{key}]} and
 * through OFREP give identical value, variant, reason, error kind and flag metadata (the {@code flagSetId} derived from
 * the request's key included) for a few hundred generated users; every fourth has no targeting key, some of those no
 * attribute at all.
 */
final class EvaluationParityTest {
    private static final List<String> CONFIGS =
            List.of("Comparators", "Segment", "PrerequisiteFlag", "SemverValidation", "demo");
    private static final int USERS = 200;

    @TempDir
    static Path dir;

    private static VexillaServer server;

    @BeforeAll
    static void start() throws Exception {
        Path configs = Files.createDirectories(dir.resolve("configs"));
        StringBuilder keys = new StringBuilder();
        for (String name : CONFIGS) {
            String resource = name.equals("demo")
                    ? "/dev/vexilla/server/demo-config_v6.json"
                    : "/configcat-kotlin-sdk/" + name + ".json";
            try (InputStream in = EvaluationParityTest.class.getResourceAsStream(resource)) {
                Files.write(configs.resolve(name + ".json"), in.readAllBytes());
            }
            keys.append(key(name)).append(" = ").append(name).append('\n');
        }
        Files.writeString(configs.resolve(ServerOptions.DEFAULT_KEYS_FILE_NAME), keys);
        server = TestServers.start(
                TestServers.options(dir).configDirectory(configs).build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String key(String config) {
        return "parity-key-" + config.toLowerCase(java.util.Locale.ROOT) + "-0000000000";
    }

    @Test
    void engineV1AndOfrep_agreeForGeneratedUsers() throws Exception {
        Random random = new Random(20261122);
        int compared = 0;
        for (int i = 0; i < USERS; i++) {
            EvaluationContext ctx = generatedContext(random, i);
            for (String config : CONFIGS) {
                Map<String, Outcome> expected = engine(config, ctx);
                assertThat(viaVariables(config, ctx))
                        .as("v1 for user %d on %s", i, config)
                        .isEqualTo(expected);
                assertThat(viaOfrepBulk(config, ctx))
                        .as("OFREP for user %d on %s", i, config)
                        .isEqualTo(expected);
                if (i % 15 == 0) {
                    String flag = new ArrayList<>(expected.keySet()).get(random.nextInt(expected.size()));
                    assertThat(viaVariable(config, flag, ctx)).isEqualTo(expected.get(flag));
                    assertThat(viaOfrepSingle(config, flag, ctx)).isEqualTo(expected.get(flag));
                }
                compared += expected.size();
            }
        }
        assertThat(compared).isGreaterThan(USERS * 50);
    }

    /** What a local provider reading the same bytes would return. */
    private static Map<String, Outcome> engine(String config, EvaluationContext ctx) {
        @SuppressWarnings("unchecked")
        ServedConfig<FlagConfig> served =
                (ServedConfig<FlagConfig>) server.configStore().byName(config).orElseThrow();
        FlagMetadata metadata = FlagMetadata.of(served.etag(), FlagSetIds.of(key(config)), served.loadedAt());
        Map<String, Outcome> out = new LinkedHashMap<>();
        for (String flag : served.compiled().keys()) {
            EvaluationResult result = served.compiled().evaluate(flag, ctx.isEmpty() ? null : ContextMapper.view(ctx));
            out.put(flag, Outcome.of(result, metadata.metadataFor(result)));
        }
        return out;
    }

    private static Map<String, Outcome> viaVariables(String config, EvaluationContext ctx) throws Exception {
        HttpResponse<String> response = post(config, "/v1/variables", v1Body(ctx));
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Outcome> out = new HashMap<>();
        ObjectMappers.read(ServerJson.mapper(), response.body(), Variable.MAP_TYPE)
                .forEach((k, v) -> out.put(k, Outcome.of(v.toEvaluationResult(), v.flagMetadata())));
        return out;
    }

    private static Outcome viaVariable(String config, String flag, EvaluationContext ctx) throws Exception {
        HttpResponse<String> response = post(config, "/v1/variables/" + flag, v1Body(ctx));
        Variable v = ObjectMappers.read(ServerJson.mapper(), response.body(), Variable.class);
        return Outcome.of(v.toEvaluationResult(), v.flagMetadata());
    }

    private static Map<String, Outcome> viaOfrepBulk(String config, EvaluationContext ctx) throws Exception {
        HttpResponse<String> response = post(config, "/ofrep/v1/evaluate/flags", ofrepBody(ctx));
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Outcome> out = new HashMap<>();
        for (OfrepEvaluation e : ObjectMappers.read(ServerJson.mapper(), response.body(), OfrepBulkResponse.class)
                .flags()) {
            out.put(e.key(), Outcome.of(e.toEvaluationResult().orElseThrow(), e.flagMetadata()));
        }
        return out;
    }

    private static Outcome viaOfrepSingle(String config, String flag, EvaluationContext ctx) throws Exception {
        HttpResponse<String> response = post(config, "/ofrep/v1/evaluate/flags/" + flag, ofrepBody(ctx));
        OfrepEvaluation e = ObjectMappers.read(ServerJson.mapper(), response.body(), OfrepEvaluation.class);
        return Outcome.of(e.toEvaluationResult().orElseThrow(), e.flagMetadata());
    }

    /** The user JSON; without targeting key an anonymous user, with an empty user id unless the context is empty. */
    private static String v1Body(EvaluationContext ctx) throws Exception {
        DevCycleUser user = DevCycleUser.fromUser(ContextMapper.toUser(ctx));
        if (user.userId() == null) {
            user = user.toBuilder()
                    .isAnonymous(true)
                    .userId(ctx.isEmpty() ? null : "")
                    .build();
        }
        return ServerJson.mapper().writeValueAsString(user);
    }

    private static String ofrepBody(EvaluationContext ctx) throws Exception {
        return ServerJson.mapper().writeValueAsString(OfrepEvaluationRequest.of(ctx));
    }

    private static HttpResponse<String> post(String config, String path, String body) throws Exception {
        return TestServers.send(TestServers.request(server, path)
                .header("Authorization", "Bearer " + key(config))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private static EvaluationContext generatedContext(Random random, int i) {
        Map<String, Value> attributes = new HashMap<>();
        String[] emails = {
            "joe@example.com",
            "jane@example.com",
            "ada@vexilla.dev",
            "x@beta.vexilla.dev",
            "kate@configcat.com",
            "john@sensitivecompany.com",
            "mark@test.com",
            "sue@other.org"
        };
        String[] countries = {"US", "CA", "HU", "GB", "United Kingdom", "Hungary", "DE"};
        String[] versions = {"1.0.0", "2.0.0", "2.1.3", "3.0.0-beta.1", "3.0.0", "0.9.9", "4.0.0-alpha", "not-semver"};
        if (random.nextInt(10) > 0) {
            attributes.put("Email", new Value(emails[random.nextInt(emails.length)]));
        }
        if (random.nextInt(10) > 1) {
            attributes.put("Country", new Value(countries[random.nextInt(countries.length)]));
        }
        if (random.nextBoolean()) {
            attributes.put("Custom1", new Value(versions[random.nextInt(versions.length)]));
        }
        if (random.nextBoolean()) {
            attributes.put("Version", new Value(versions[random.nextInt(versions.length)]));
            attributes.put("AppVersion", new Value(versions[random.nextInt(versions.length)]));
        }
        switch (random.nextInt(4)) {
            case 0 -> attributes.put("Number", new Value(random.nextInt(10) - 2));
            case 1 -> attributes.put("Number", new Value(random.nextDouble() * 10));
            case 2 -> attributes.put("Number", new Value(Integer.toString(random.nextInt(7))));
            default -> {}
        }
        if (random.nextBoolean()) {
            attributes.put("Date", new Value(Instant.ofEpochSecond(1_680_000_000L + random.nextInt(200_000_000))));
        }
        if (i % 4 == 3) {
            return new ImmutableContext(i % 8 == 3 ? attributes : Map.of());
        }
        return new ImmutableContext("user-" + i + "-" + random.nextInt(1000), attributes);
    }

    /** What a client sees of one evaluation. */
    private record Outcome(
            Object value, String variant, String reason, String errorKind, Map<String, Object> metadata) {
        static Outcome of(EvaluationResult r, ImmutableMetadata metadata) {
            return new Outcome(
                    r.value(),
                    r.variationId(),
                    r.reason().name(),
                    r.errorKind() == null ? null : r.errorKind().name(),
                    metadata.asUnmodifiableMap());
        }
    }
}
