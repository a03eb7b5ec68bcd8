package dev.vexilla.bench;

import com.devcycle.sdk.server.common.model.DevCycleUser;

/**
 * DevCycle's own Java SDK on the raw DevCycle group: {@code DevCycleLocalClient.variableValue} (d1 to d4) and
 * {@code allVariables} (d5) on a local client fed the scenario config by a loopback CDN (see
 * {@link DevCycleSdkEvaluator}: realtime updates and event logging off). Each call crosses into the WASM engine behind
 * the client's lock: the user and the key are encoded as protobuf and copied into the WASM's memory, and the result
 * copied back and decoded (d5: the user as JSON in, the whole bucketed config as JSON out).
 */
public class DevCycleRaw extends DevCycleEngineBench<DevCycleUser> {

    @Override
    protected DevCycleEvaluator<DevCycleUser> open(String configJson) throws Exception {
        return DevCycleSdkEvaluator.start(configJson);
    }
}
