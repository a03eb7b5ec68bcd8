package dev.vexilla.bench;

import com.devcycle.sdk.server.common.model.PlatformData;
import com.devcycle.sdk.server.common.model.ProjectConfig;
import com.devcycle.sdk.server.local.bucketing.LocalBucketing;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vexilla.bench.scenario.DevCycleUsers;

/**
 * DevCycle's Java SDK loading a new config, as its config manager does on every download: Jackson reads the text into
 * the SDK's {@link ProjectConfig}, writes it back to JSON, and the WASM engine parses and stores that
 * ({@link LocalBucketing#storeConfig}). The WASM instance is created once in the setup (that takes seconds and
 * happens once per client), so each call measures the load of a config into a running client.
 */
public class DevCycleParse extends DevCycleParseBench {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LocalBucketing bucketing;

    @Override
    protected void open() throws Exception {
        bucketing = new LocalBucketing();
        bucketing.setPlatformData(PlatformData.builder().build().toString());
    }

    @Override
    protected Object parse(String configJson) throws Exception {
        ProjectConfig config = MAPPER.readValue(configJson, ProjectConfig.class);
        bucketing.storeConfig(DevCycleCdn.SDK_KEY, MAPPER.writeValueAsString(config));
        return bucketing;
    }

    @Override
    protected int servedVariables(Object parsed) throws Exception {
        return ((LocalBucketing) parsed)
                .generateBucketedConfig(DevCycleCdn.SDK_KEY, DevCycleSdkEvaluator.devCycleUser(DevCycleUsers.MAIN))
                .variables
                .size();
    }
}
