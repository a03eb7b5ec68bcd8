package dev.vexilla.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vexilla.engine.FlagConfig;
import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.FlagMetadata;
import dev.vexilla.model.FlagSetIds;
import dev.vexilla.model.User;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class FlagEvaluationsTest {
    private static final String KEY_A = "alpha-key-000000000000000000001";
    private static final String KEY_B = "alpha-key-000000000000000000002";

    private final MetricsRegistry metrics = new MetricsRegistry();
    private final FlagEvaluations evaluations = new FlagEvaluations(metrics);

    private static ServedConfig<FlagConfig> served(String json, long version, Instant loadedAt) throws Exception {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return new ServedConfig<>(
                "alpha",
                bytes,
                ServedConfig.etagOf(bytes),
                ConfigValidators.engine().compile("alpha", bytes),
                version,
                loadedAt);
    }

    @Test
    void metadata_isTheServedEtagTheKeysFlagSetIdAndTheLoadTime() throws Exception {
        ServedConfig<FlagConfig> config = served(TestServers.MINIMAL_CONFIG, 1, Instant.ofEpochMilli(1234));
        KeyedConfig<FlagConfig> keyed = new KeyedConfig<>(config, FlagSetIds.of(KEY_A));

        FlagMetadata metadata = evaluations.flagMetadata(keyed);

        assertThat(metadata.version()).isEqualTo(config.etag());
        assertThat(metadata.flagSetId()).isEqualTo(FlagSetIds.of(KEY_A)).isNotEqualTo("alpha");
        assertThat(metadata.fetchTime()).isEqualTo(Instant.ofEpochMilli(1234));
        assertThat(evaluations.flagMetadata(keyed)).isSameAs(metadata);
    }

    @Test
    void metadata_differsPerKeyReadingTheSameConfig() throws Exception {
        ServedConfig<FlagConfig> config = served(TestServers.MINIMAL_CONFIG, 1, Instant.ofEpochMilli(7));

        FlagMetadata a = evaluations.flagMetadata(new KeyedConfig<>(config, FlagSetIds.of(KEY_A)));
        FlagMetadata b = evaluations.flagMetadata(new KeyedConfig<>(config, FlagSetIds.of(KEY_B)));

        assertThat(a.flagSetId()).isNotEqualTo(b.flagSetId());
        assertThat(a.version()).isEqualTo(b.version());
        assertThat(evaluations.flagMetadata(new KeyedConfig<>(config, FlagSetIds.of(KEY_A))))
                .isSameAs(a);
    }

    @Test
    void metadata_followsANewVersionOfTheSameConfig() throws Exception {
        ServedConfig<FlagConfig> first = served(TestServers.MINIMAL_CONFIG, 1, Instant.ofEpochMilli(1));
        ServedConfig<FlagConfig> second =
                served(TestServers.MINIMAL_CONFIG.replace("true", "false"), 2, Instant.ofEpochMilli(2));

        FlagMetadata before = evaluations.flagMetadata(new KeyedConfig<>(first, FlagSetIds.of(KEY_A)));
        FlagMetadata after = evaluations.flagMetadata(new KeyedConfig<>(second, FlagSetIds.of(KEY_A)));

        assertThat(after.version()).isEqualTo(second.etag()).isNotEqualTo(before.version());
        assertThat(after.fetchTime()).isEqualTo(Instant.ofEpochMilli(2));
    }

    @Test
    void evaluations_areCountedByFlagAndReason_unknownKeysUnderOneLabel() throws Exception {
        ServedConfig<FlagConfig> config = served(TestServers.MINIMAL_CONFIG, 1, Instant.EPOCH);

        EvaluationResult result = evaluations.evaluate(config, "flag", User.of("u"));
        evaluations.evaluate(config, "typo-1", null);
        evaluations.evaluate(config, "typo-2", null);

        assertThat(result.value()).isEqualTo(true);
        String text = metrics.render();
        assertThat(text)
                .contains("vexilla_evaluations_total{config=\"alpha\",flag=\"flag\",reason=\"STATIC\"} 1.0")
                .contains("vexilla_evaluations_total{config=\"alpha\",flag=\"(unknown)\",reason=\"ERROR\"} 2.0")
                .doesNotContain("typo");
    }

    @Test
    void evaluateAll_passesEveryFlagInKeyOrderAndCountsThem() throws Exception {
        ServedConfig<FlagConfig> config = served(
                "{\"f\":{\"b\":{\"t\":1,\"v\":{\"s\":\"x\"},\"i\":\"i1\"},\"a\":{\"t\":2,\"v\":{\"i\":3},\"i\":\"i2\"}}}",
                1,
                Instant.EPOCH);
        Map<String, Object> seen = new LinkedHashMap<>();

        evaluations.evaluateAll(config, null, (key, result) -> seen.put(key, result.value()));

        assertThat(seen).containsExactly(Map.entry("a", 3), Map.entry("b", "x"));
        assertThat(metrics.render())
                .contains("flag=\"a\",reason=\"STATIC\"} 1.0")
                .contains("flag=\"b\",reason=\"STATIC\"} 1.0");
    }
}
