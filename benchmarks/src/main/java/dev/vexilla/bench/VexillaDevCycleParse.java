package dev.vexilla.bench;

import dev.vexilla.bench.scenario.DevCycleUsers;
import dev.vexilla.engine.devcycle.DevCycleConfig;

/**
 * Vexilla's parse and compile of a DevCycle config v2 into the immutable snapshot every evaluation reads
 * ({@link DevCycleConfig#parse(String)}): Jackson, then the compile step (audiences, filter values, versions,
 * distributions and rollouts prepared, results precomputed).
 */
public class VexillaDevCycleParse extends DevCycleParseBench {

    @Override
    protected Object parse(String configJson) throws Exception {
        return DevCycleConfig.parse(configJson);
    }

    @Override
    protected int servedVariables(Object parsed) {
        int[] count = {0};
        ((DevCycleConfig) parsed)
                .evaluateAll(VexillaDevCycleEvaluator.vexillaUser(DevCycleUsers.MAIN), (key, result) -> count[0]++);
        return count[0];
    }
}
