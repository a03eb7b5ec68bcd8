package dev.vexilla.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FeatureProvider;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.ImmutableMetadata;
import dev.openfeature.sdk.MutableStructure;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.Structure;
import dev.openfeature.sdk.Value;
import dev.vexilla.local.LocalOptions;
import dev.vexilla.local.LocalProvider;
import dev.vexilla.model.FlagMetadata;
import dev.vexilla.model.FlagSetIds;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The same config and 1,000 generated contexts through {@code LocalProvider} and {@code CloudProvider}, over both
 * protocols: value, variant, reason, error code, error message and flag metadata (the ETag as {@code version} and the
 * key's {@code flagSetId} included) agree for every flag, unknown keys included; only {@code fetchTime} (when each side
 * got the config) is left out. A second run does the same for contexts without targeting key: empty ones, ones with
 * attributes, and ones whose every attribute maps to nothing.
 */
final class ParityTest {
    private static final int CONTEXTS = 1000;
    private static final int ANONYMOUS_CONTEXTS = 300;
    private static final String[] EMAILS = {
        "ada@vexilla.dev", "bob@example.com", "eve@beta.vexilla.dev", "joe@other.org", "", "x@EXAMPLE.COM"
    };
    private static final String[] COUNTRIES = {"US", "CA", "DE", "", "us"};
    private static final String[] VERSIONS = {"1.9.0", "2.0.0", "2.5.1", "3.0.0-beta.1", "3.0.0", "not-a-version"};

    @TempDir
    static Path dir;

    static TestServer server;
    static LocalProvider local;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(dir);
        local = new LocalProvider(LocalOptions.builder()
                .sdkKey(TestServer.KEY)
                .baseUrl(server.baseUri())
                .disableAutomaticEventLogging(true)
                .build());
        local.initialize(new ImmutableContext());
    }

    @AfterAll
    static void stop() {
        local.shutdown();
        server.close();
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void thousandContextsEvaluateIdenticallyLocallyAndInTheCloud(Protocol protocol) throws Exception {
        Random random = new Random(20261122L);
        List<EvaluationContext> contexts = new ArrayList<>();
        for (int i = 0; i < CONTEXTS; i++) {
            contexts.add(context(random, i));
        }
        assertParity(protocol, contexts);
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void contextsWithoutTargetingKeyEvaluateIdenticallyLocallyAndInTheCloud(Protocol protocol) throws Exception {
        Random random = new Random(20261123L);
        List<EvaluationContext> contexts = new ArrayList<>(List.of(
                new ImmutableContext(),
                new ImmutableContext(Map.of()),
                new ImmutableContext(""),
                new ImmutableContext("", Map.of("email", new Value("ada@vexilla.dev"))),
                new ImmutableContext(Map.of("email", new Value(""))),
                new ImmutableContext(Map.of("Country", new Value(""), "email", new Value(""))),
                new ImmutableContext(Map.of("customData", new Value(new MutableStructure()))),
                new ImmutableContext(Map.of("note", new Value()))));
        for (int i = 0; i < ANONYMOUS_CONTEXTS; i++) {
            contexts.add(random.nextInt(5) == 0 ? new ImmutableContext() : new ImmutableContext(attributes(random)));
        }
        assertParity(protocol, contexts);
    }

    private static void assertParity(Protocol protocol, List<EvaluationContext> contexts) throws Exception {
        CloudProvider cloud = new CloudProvider(CloudOptions.builder()
                .sdkKey(TestServer.KEY)
                .baseUrl(server.baseUri())
                .protocol(protocol)
                .requestTimeout(Duration.ofSeconds(5))
                .environment(Map.of())
                .build());
        cloud.initialize(new ImmutableContext());
        int compared = 0;
        try {
            for (EvaluationContext ctx : contexts) {
                for (Map.Entry<String, Evaluation> flag : flags().entrySet()) {
                    ProviderEvaluation<?> expected = flag.getValue().run(local, ctx);
                    ProviderEvaluation<?> actual = flag.getValue().run(cloud, ctx);
                    assertSame(flag.getKey(), expected, actual, ctx);
                    compared++;
                }
            }
        } finally {
            cloud.shutdown();
        }
        assertThat(compared).isEqualTo(contexts.size() * flags().size());
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void bothSidesReportTheKeysFlagSetIdAndTheConfigMetadataForUnknownFlags(Protocol protocol) throws Exception {
        CloudProvider cloud = new CloudProvider(CloudOptions.builder()
                .sdkKey(TestServer.KEY)
                .baseUrl(server.baseUri())
                .protocol(protocol)
                .requestTimeout(Duration.ofSeconds(5))
                .environment(Map.of())
                .build());
        try {
            ProviderEvaluation<Boolean> missing =
                    cloud.getBooleanEvaluation("unknownFlag", true, new ImmutableContext("u"));
            ProviderEvaluation<Boolean> localMissing =
                    local.getBooleanEvaluation("unknownFlag", true, new ImmutableContext("u"));

            assertThat(missing.getErrorCode()).isEqualTo(ErrorCode.FLAG_NOT_FOUND);
            assertThat(missing.getErrorMessage()).isEqualTo(localMissing.getErrorMessage());
            assertThat(missing.getFlagMetadata().getString(FlagMetadata.FLAG_SET_ID))
                    .isEqualTo(FlagSetIds.of(TestServer.KEY))
                    .isEqualTo(localMissing.getFlagMetadata().getString(FlagMetadata.FLAG_SET_ID));
            assertThat(missing.getFlagMetadata().asUnmodifiableMap())
                    .containsOnlyKeys(FlagMetadata.VERSION, FlagMetadata.FLAG_SET_ID, FlagMetadata.FETCH_TIME);
        } finally {
            cloud.shutdown();
        }
    }

    private static void assertSame(
            String key, ProviderEvaluation<?> expected, ProviderEvaluation<?> actual, EvaluationContext ctx) {
        String where = key + " for " + ctx.asObjectMap();
        assertThat(actual.getValue()).as(where).isEqualTo(expected.getValue());
        assertThat(actual.getVariant()).as(where).isEqualTo(expected.getVariant());
        assertThat(actual.getReason()).as(where).isEqualTo(expected.getReason());
        assertThat(actual.getErrorCode()).as(where).isEqualTo(expected.getErrorCode());
        assertThat(actual.getErrorMessage()).as(where).isEqualTo(expected.getErrorMessage());
        assertThat(comparable(actual.getFlagMetadata())).as(where).isEqualTo(comparable(expected.getFlagMetadata()));
    }

    private static Map<String, Object> comparable(ImmutableMetadata metadata) {
        Map<String, Object> m = new HashMap<>(metadata.asUnmodifiableMap());
        m.remove(FlagMetadata.FETCH_TIME);
        return m;
    }

    private static EvaluationContext context(Random random, int i) {
        return new ImmutableContext("user-" + i + "-" + Long.toHexString(random.nextLong()), attributes(random));
    }

    private static Map<String, Value> attributes(Random random) {
        Map<String, Value> attrs = new HashMap<>();
        attrs.put("email", new Value(EMAILS[random.nextInt(EMAILS.length)]));
        attrs.put("Country", new Value(COUNTRIES[random.nextInt(COUNTRIES.length)]));
        if (random.nextBoolean()) {
            attrs.put("AppVersion", new Value(VERSIONS[random.nextInt(VERSIONS.length)]));
        }
        if (random.nextInt(4) == 0) {
            Map<String, Value> custom = new HashMap<>();
            custom.put("plan", new Value(random.nextBoolean() ? "pro" : "free"));
            custom.put("seats", new Value(random.nextInt(50)));
            attrs.put("customData", new Value(Structure.mapToStructure(toObjects(custom))));
        }
        return attrs;
    }

    private static Map<String, Object> toObjects(Map<String, Value> values) {
        Map<String, Object> out = new HashMap<>();
        values.forEach((k, v) -> out.put(k, v.asObject()));
        return out;
    }

    interface Evaluation {
        ProviderEvaluation<?> run(FeatureProvider p, EvaluationContext ctx);
    }

    private static Map<String, Evaluation> flags() {
        Map<String, Evaluation> f = new LinkedHashMap<>();
        for (String b : List.of("checkoutEnabled", "newDashboard", "betaSearch", "searchSuggestions")) {
            f.put(b, (p, c) -> p.getBooleanEvaluation(b, false, c));
        }
        for (String s : List.of("supportTier", "upgradeBanner", TestServer.BROKEN_FLAG)) {
            f.put(s, (p, c) -> p.getStringEvaluation(s, "default", c));
        }
        f.put("maxUploadMb", (p, c) -> p.getIntegerEvaluation("maxUploadMb", -1, c));
        f.put("maxUploadMb/long", (p, c) -> p.getLongEvaluation("maxUploadMb", -1L, c));
        f.put("discountRate", (p, c) -> p.getDoubleEvaluation("discountRate", -1.0, c));
        f.put(TestServer.JSON_FLAG, (p, c) -> p.getObjectEvaluation(TestServer.JSON_FLAG, new Value(), c));
        f.put("supportTier/int", (p, c) -> p.getIntegerEvaluation("supportTier", 0, c));
        f.put("unknownFlag", (p, c) -> p.getBooleanEvaluation("unknownFlag", true, c));
        return new ArrayList<>(f.entrySet())
                .stream().collect(LinkedHashMap::new, (m, e) -> m.put(e.getKey(), e.getValue()), Map::putAll);
    }
}
