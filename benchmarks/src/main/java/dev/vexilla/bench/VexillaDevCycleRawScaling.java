package dev.vexilla.bench;

import dev.vexilla.model.User;

/**
 * Vexilla's DevCycle engine in the DevCycle scaling group: one compiled config (see {@link VexillaDevCycleEvaluator})
 * shared by one or two benchmark threads, evaluated without a lock.
 */
public class VexillaDevCycleRawScaling extends DevCycleScalingBench<User> {

    @Override
    protected DevCycleEvaluator<User> open(String configJson) throws Exception {
        return VexillaDevCycleEvaluator.parse(configJson);
    }
}
