package dev.vexilla.bench;

import com.configcat.Config;
import com.google.gson.GsonBuilder;
import dev.vexilla.bench.scenario.BenchConfigs;
import dev.vexilla.bench.scenario.Scenarios;
import dev.vexilla.engine.configcat.ConfigCatConfig;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openjdk.jol.info.GraphLayout;

/**
 * Retained heap of a parsed config, beside the size of its JSON: the 10,000-flag config compiled by Vexilla and
 * mapped by ConfigCat's Gson model. JOL walks the object graph each one holds (shared JDK constants included, which
 * slightly overstates both). Run with
 * {@code java -Djdk.attach.allowAttachSelf -cp benchmarks/target/benchmarks.jar dev.vexilla.bench.HeapFootprint};
 * add {@code --classes} to print the class histogram of Vexilla's compiled config below the table (what each kind of
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
        if (List.of(args).contains("--classes")) {
            System.out.println();
            System.out.println(GraphLayout.parseInstance(vexilla).toFootprint());
        }
    }

    private static void row(String name, long jsonBytes, long retained) {
        System.out.printf("| %s | %,d | %,d | %.2f× |%n", name, jsonBytes, retained, (double) retained / jsonBytes);
    }
}
