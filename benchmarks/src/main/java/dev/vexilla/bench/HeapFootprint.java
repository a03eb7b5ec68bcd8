package dev.vexilla.bench;

import com.configcat.Config;
import com.devcycle.sdk.server.common.model.ProjectConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.GsonBuilder;
import dev.vexilla.bench.scenario.BenchConfigs;
import dev.vexilla.bench.scenario.DevCycleConfigs;
import dev.vexilla.bench.scenario.DevCycleScenarios;
import dev.vexilla.bench.scenario.Scenarios;
import dev.vexilla.engine.configcat.ConfigCatConfig;
import dev.vexilla.engine.devcycle.DevCycleConfig;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openjdk.jol.info.GraphLayout;

/**
 * Retained heap of a parsed config, beside the size of its JSON: the 10,000-flag config compiled by Vexilla and
 * mapped by ConfigCat's Gson model, and the 1,000-feature DevCycle config v2 ({@link DevCycleConfigs#large(int)})
 * compiled by Vexilla's DevCycle engine and read into DevCycle's {@code ProjectConfig} (the Java side of DevCycle's
 * SDK only: its WASM keeps a parsed copy of its own in native memory, which JOL cannot see). JOL walks the object graph each one holds (shared JDK constants included, which
 * slightly overstates both). Run with
 * {@code java -Djdk.attach.allowAttachSelf -cp benchmarks/target/benchmarks.jar dev.vexilla.bench.HeapFootprint};
 * add {@code --classes} to print the class histograms of Vexilla's two compiled configs below the table (what each kind of
 * object costs, as in the heap notes of {@code docs/engine.md}).
 */
public final class HeapFootprint {

    private HeapFootprint() {}

    /**
     * Prints one Markdown table row per implementation, then, with {@code --classes}, Vexilla's class histogram.
     *
     * @param args {@code --classes} for the histogram; nothing else is read
     * @throws Exception if a config does not parse
     */
    public static void main(String[] args) throws Exception {
        String json = BenchConfigs.configCatLarge(Scenarios.LARGE_FLAG_COUNT);
        long jsonBytes = json.getBytes(StandardCharsets.UTF_8).length;

        ConfigCatConfig vexilla = ConfigCatConfig.parse(json);
        Config configCat = new GsonBuilder().disableHtmlEscaping().create().fromJson(json, Config.class);

        System.out.println("| implementation | JSON bytes | retained bytes | retained / JSON |");
        System.out.println("|---|---|---|---|");
        row(
                "Vexilla ConfigCatConfig",
                jsonBytes,
                GraphLayout.parseInstance(vexilla).totalSize());
        row(
                "ConfigCat Config (Gson model)",
                jsonBytes,
                GraphLayout.parseInstance(configCat).totalSize());

        String devCycleJson = DevCycleConfigs.large(DevCycleScenarios.LARGE_FEATURE_COUNT);
        long devCycleJsonBytes = devCycleJson.getBytes(StandardCharsets.UTF_8).length;
        DevCycleConfig vexillaDevCycle = DevCycleConfig.parse(devCycleJson);
        ProjectConfig devCycle = new ObjectMapper().readValue(devCycleJson, ProjectConfig.class);
        row(
                "Vexilla DevCycleConfig (1,000 features)",
                devCycleJsonBytes,
                GraphLayout.parseInstance(vexillaDevCycle).totalSize());
        row(
                "DevCycle ProjectConfig (Jackson, Java side only)",
                devCycleJsonBytes,
                GraphLayout.parseInstance(devCycle).totalSize());
        if (List.of(args).contains("--classes")) {
            System.out.println();
            System.out.println(GraphLayout.parseInstance(vexilla).toFootprint());
            System.out.println();
            System.out.println(GraphLayout.parseInstance(vexillaDevCycle).toFootprint());
        }
    }

    private static void row(String name, long jsonBytes, long retained) {
        System.out.printf("| %s | %,d | %,d | %.2f× |%n", name, jsonBytes, retained, (double) retained / jsonBytes);
    }
}
