package dev.vexilla.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Checks what JMH generated from the states: every peer under the shared method names, nothing from the bases. */
final class BenchmarkListTest {

    private static final Pattern ENTRY =
            Pattern.compile("^JMH S \\d+ dev\\.vexilla\\.bench\\.(\\S+) S \\d+ \\S+ S \\d+ (\\S+) ");

    @Test
    void everyPeerRunsTheSharedScenarioMethods() throws IOException {
        assertThat(generatedBenchmarks())
                .containsExactlyInAnyOrder(
                        "HashMapRaw.s1_bool",
                        "HashMapRaw.s5_allFlags100",
                        "ConfigCatRaw.s1_bool",
                        "ConfigCatRaw.s2_oneRule",
                        "ConfigCatRaw.s3_rollout",
                        "ConfigCatRaw.s4_tenRules",
                        "ConfigCatRaw.s5_allFlags100",
                        "BaselineOpenFeature.s1_bool",
                        "BaselineOpenFeature.s2_oneRule",
                        "BaselineOpenFeature.s3_rollout",
                        "BaselineOpenFeature.s4_tenRules",
                        "ContextReadingOpenFeature.s1_bool",
                        "ContextReadingOpenFeature.s2_oneRule",
                        "ContextReadingOpenFeature.s3_rollout",
                        "ContextReadingOpenFeature.s4_tenRules",
                        "ConfigCatOpenFeature.s1_bool",
                        "ConfigCatOpenFeature.s2_oneRule",
                        "ConfigCatOpenFeature.s3_rollout",
                        "ConfigCatOpenFeature.s4_tenRules",
                        "FlagdOpenFeature.s1_bool",
                        "FlagdOpenFeature.s2_oneRule",
                        "FlagdOpenFeature.s3_rollout",
                        "FlagdOpenFeature.s4_tenRules",
                        "ConfigCatParse.parse10k",
                        "VexillaRaw.s1_bool",
                        "VexillaRaw.s2_oneRule",
                        "VexillaRaw.s3_rollout",
                        "VexillaRaw.s4_tenRules",
                        "VexillaRaw.s5_allFlags100",
                        "VexillaRaw.s5_allFlags100Pass",
                        "VexillaParse.parse10k",
                        "VexillaLocalOpenFeature.s1_bool",
                        "VexillaLocalOpenFeature.s2_oneRule",
                        "VexillaLocalOpenFeature.s3_rollout",
                        "VexillaLocalOpenFeature.s4_tenRules",
                        "OfrepCloud.s1_bool",
                        "OfrepCloud.s2_oneRule",
                        "OfrepCloud.s3_rollout",
                        "OfrepCloud.s4_tenRules",
                        "VexillaBucketingCloud.s1_bool",
                        "VexillaBucketingCloud.s2_oneRule",
                        "VexillaBucketingCloud.s3_rollout",
                        "VexillaBucketingCloud.s4_tenRules",
                        "VexillaOfrepCloud.s1_bool",
                        "VexillaOfrepCloud.s2_oneRule",
                        "VexillaOfrepCloud.s3_rollout",
                        "VexillaOfrepCloud.s4_tenRules",
                        "VexillaCachedCloud.s1_bool",
                        "VexillaCachedCloud.s2_oneRule",
                        "VexillaCachedCloud.s3_rollout",
                        "VexillaCachedCloud.s4_tenRules",
                        "OfrepScaling.s2_oneRule_1thread",
                        "OfrepScaling.s2_oneRule_8threads",
                        "VexillaBucketingScaling.s2_oneRule_1thread",
                        "VexillaBucketingScaling.s2_oneRule_8threads",
                        "VexillaOfrepScaling.s2_oneRule_1thread",
                        "VexillaOfrepScaling.s2_oneRule_8threads",
                        "DevCycleRaw.d1_bool",
                        "DevCycleRaw.d2_oneAudience",
                        "DevCycleRaw.d3_split",
                        "DevCycleRaw.d4_tenTargets",
                        "DevCycleRaw.d5_allVariables100",
                        "VexillaDevCycleRaw.d1_bool",
                        "VexillaDevCycleRaw.d2_oneAudience",
                        "VexillaDevCycleRaw.d3_split",
                        "VexillaDevCycleRaw.d4_tenTargets",
                        "VexillaDevCycleRaw.d5_allVariables100",
                        "VexillaDevCycleRaw.d5_allVariables100Pass",
                        "BaselineDevCycleOpenFeature.d1_bool",
                        "BaselineDevCycleOpenFeature.d2_oneAudience",
                        "BaselineDevCycleOpenFeature.d3_split",
                        "BaselineDevCycleOpenFeature.d4_tenTargets",
                        "ContextReadingDevCycleOpenFeature.d1_bool",
                        "ContextReadingDevCycleOpenFeature.d2_oneAudience",
                        "ContextReadingDevCycleOpenFeature.d3_split",
                        "ContextReadingDevCycleOpenFeature.d4_tenTargets",
                        "DevCycleOpenFeature.d1_bool",
                        "DevCycleOpenFeature.d2_oneAudience",
                        "DevCycleOpenFeature.d3_split",
                        "DevCycleOpenFeature.d4_tenTargets",
                        "VexillaDevCycleOpenFeature.d1_bool",
                        "VexillaDevCycleOpenFeature.d2_oneAudience",
                        "VexillaDevCycleOpenFeature.d3_split",
                        "VexillaDevCycleOpenFeature.d4_tenTargets",
                        "DevCycleRawScaling.d2_oneAudience_1thread",
                        "DevCycleRawScaling.d2_oneAudience_2threads",
                        "VexillaDevCycleRawScaling.d2_oneAudience_1thread",
                        "VexillaDevCycleRawScaling.d2_oneAudience_2threads",
                        "DevCycleParse.parseDevCycle1k",
                        "VexillaDevCycleParse.parseDevCycle1k");
    }

    private static List<String> generatedBenchmarks() throws IOException {
        List<String> names = new ArrayList<>();
        try (InputStream in = BenchmarkListTest.class.getResourceAsStream("/META-INF/BenchmarkList")) {
            assertThat(in).as("JMH's generated benchmark list").isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                Matcher m = ENTRY.matcher(line);
                if (m.find()) {
                    names.add(m.group(1) + "." + m.group(2));
                }
            }
        }
        return names;
    }
}
