package dev.vexilla.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.devcycle.sdk.server.common.model.BaseVariable;
import dev.vexilla.bench.scenario.DevCycleConfigs;
import dev.vexilla.bench.scenario.DevCycleScenarios;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class DevCycleRawTest {

    @Test
    void setUpAcceptsDevCyclesAnswersAndBenchmarksReturnThem() throws Exception {
        DevCycleRaw bench = new DevCycleRaw();
        bench.setUp();
        try {
            assertThat(bench.d1_bool()).isTrue();
            assertThat(bench.d2_oneAudience()).isTrue();
            assertThat(bench.d4_tenTargets()).isEqualTo(DevCycleScenarios.D4_EXPECTED);
            Map<String, Object> values = new LinkedHashMap<>();
            bench.d5_allVariables100()
                    .forEach((key, variable) ->
                            values.put(key, DevCycleConfigs.normalise(((BaseVariable) variable).getValue())));
            assertThat(values).containsExactlyInAnyOrderEntriesOf(DevCycleConfigs.expectedForMainUser());
        } finally {
            bench.tearDown();
        }
    }

    @Test
    void theSdkNeverPostsEventsAndLoadsTheConfigOnce() throws Exception {
        try (DevCycleSdkEvaluator sdk = DevCycleSdkEvaluator.start(DevCycleConfigs.scenarios())) {
            for (int i = 0; i < 100; i++) {
                sdk.booleanValue(
                        DevCycleScenarios.D2_ONE_AUDIENCE,
                        DevCycleSdkEvaluator.devCycleUser(dev.vexilla.bench.scenario.DevCycleUsers.MAIN));
            }

            assertThat(sdk.cdn().configRequests()).isEqualTo(1);
            assertThat(sdk.cdn().eventRequests()).isZero();
        }
    }
}
