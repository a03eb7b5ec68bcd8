package dev.vexilla.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openfeature.sdk.FeatureProvider;
import dev.vexilla.bench.scenario.BenchConfigs;
import dev.vexilla.bench.scenario.Scenarios;
import dev.vexilla.cloud.CloudCache;
import dev.vexilla.cloud.Protocol;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class LoopbackBenchTest {

    /** Fixed values with s2 wrong: the server is started but never asked. */
    static final class WrongValues extends CloudBench {
        @Override
        protected FeatureProvider createProvider(URI baseUrl, String sdkKey) {
            Map<String, Object> values = new HashMap<>(BenchConfigs.baselineValues());
            values.put(Scenarios.S2_ONE_RULE, false);
            return new FixedValueProvider(values);
        }
    }

    /** Claims to measure cache hits with the cache off. */
    static final class UncachedButClaimsHits extends CloudBench {
        @Override
        protected FeatureProvider createProvider(URI baseUrl, String sdkKey) {
            return LoopbackProviders.vexilla(baseUrl, sdkKey, Protocol.BUCKETING_V1, CloudCache.disabled());
        }

        @Override
        protected boolean servesFromCache() {
            return true;
        }
    }

    /** Claims to measure requests with the cache on. */
    static final class CachedButClaimsRequests extends CloudBench {
        @Override
        protected FeatureProvider createProvider(URI baseUrl, String sdkKey) {
            return LoopbackProviders.vexillaCached(baseUrl, sdkKey);
        }
    }

    @Test
    void aWrongAnswerFailsTheSetupNamingTheFlag() {
        assertThatThrownBy(new WrongValues()::setUp)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("WrongValues answers wrongly")
                .hasMessageContaining("s2_oneRule expected true but was false");
    }

    @Test
    void aCacheHitBenchmarkWhoseAnswersComeFromTheServerFailsTheSetup() {
        assertThatThrownBy(new UncachedButClaimsHits()::setUp)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("s1_bool has reason")
                .hasMessageContaining("where the benchmark measures cache hits");
    }

    @Test
    void aRequestBenchmarkWhoseAnswersComeFromTheCacheFailsTheSetup() {
        assertThatThrownBy(new CachedButClaimsRequests()::setUp)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("s1_bool has reason CACHED where the benchmark measures requests to the server");
    }

    @Test
    void wrongAnswersWhileMeasuringFailTheIterationOnce() {
        LoopbackBench bench = new VexillaBucketingCloud();
        assertThat(bench.counted(true, true)).isTrue();
        assertThat(bench.counted(false, true)).isFalse();
        assertThat(bench.counted(Scenarios.S4_DEFAULT, Scenarios.S4_EXPECTED)).isEqualTo(Scenarios.S4_DEFAULT);

        assertThatThrownBy(bench::checkIteration)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("VexillaBucketingCloud: 2 evaluations of the last iteration returned a wrong");
        assertThatCode(bench::checkIteration).doesNotThrowAnyException();
    }
}
