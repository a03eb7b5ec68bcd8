package dev.vexilla.bench;

import com.devcycle.sdk.server.common.model.DevCycleUser;

/**
 * DevCycle's SDK in the DevCycle scaling group: one local client (see {@link DevCycleSdkEvaluator}) shared by one or
 * two benchmark threads. Its evaluations serialise on the client's WASM lock.
 */
public class DevCycleRawScaling extends DevCycleScalingBench<DevCycleUser> {

    @Override
    protected DevCycleEvaluator<DevCycleUser> open(String configJson) throws Exception {
        return DevCycleSdkEvaluator.start(configJson);
    }
}
