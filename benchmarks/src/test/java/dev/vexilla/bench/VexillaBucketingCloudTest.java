package dev.vexilla.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vexilla.bench.scenario.Scenarios;
import org.junit.jupiter.api.Test;

final class VexillaBucketingCloudTest {

    @Test
    void bucketingApiProviderAnswersEveryScenarioThroughTheServer() throws Exception {
        VexillaBucketingCloud bench = new VexillaBucketingCloud();
        bench.setUp();
        try {
            assertThat(bench.s1_bool()).isTrue();
            assertThat(bench.s2_oneRule()).isTrue();
            for (int i = 0; i < 3; i++) {
                bench.s3_rollout();
            }
            assertThat(bench.s4_tenRules()).isEqualTo(Scenarios.S4_EXPECTED);
            bench.checkIteration();
        } finally {
            bench.tearDown();
        }
    }
}
