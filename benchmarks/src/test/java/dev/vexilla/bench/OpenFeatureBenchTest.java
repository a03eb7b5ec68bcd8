package dev.vexilla.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FeatureProvider;
import dev.openfeature.sdk.Value;
import dev.vexilla.bench.scenario.BenchConfigs;
import dev.vexilla.bench.scenario.BenchUsers;
import dev.vexilla.bench.scenario.Scenarios;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class OpenFeatureBenchTest {

    /** A baseline with one value replaced or removed. */
    static final class WrongValues extends OpenFeatureBench {
        private final Map<String, Object> values = new HashMap<>(BenchConfigs.baselineValues());

        WrongValues put(String key, Object value) {
            values.put(key, value);
            return this;
        }

        WrongValues remove(String key) {
            values.remove(key);
            return this;
        }

        @Override
        protected FeatureProvider createProvider() {
            return new FixedValueProvider(values);
        }

        @Override
        protected boolean expectedRollout(String identifier) {
            return true;
        }
    }

    @Test
    void aWrongValueFailsTheSetupNamingTheFlag() {
        OpenFeatureBench bench = new WrongValues().put(Scenarios.S2_ONE_RULE, false);

        assertThatThrownBy(bench::setUp)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("s2_oneRule expected true but was false");
    }

    @Test
    void anErrorResultFailsTheSetupEvenWhenTheDefaultLooksRight() {
        OpenFeatureBench bench = new WrongValues().remove(Scenarios.S3_ROLLOUT);

        assertThatThrownBy(bench::setUp)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("s3_rollout failed with FLAG_NOT_FOUND");
    }

    @Test
    void contextCarriesTargetingKeyAndTypedAttributes() {
        EvaluationContext ctx = OpenFeatureBench.context(BenchUsers.MAIN);

        assertThat(ctx.getTargetingKey()).isEqualTo(BenchUsers.MAIN.identifier());
        assertThat(ctx.getValue("Email").asString()).isEqualTo("ada@example.com");
        assertThat(ctx.getValue(BenchUsers.SEATS)).isEqualTo(new Value(42));
    }
}
