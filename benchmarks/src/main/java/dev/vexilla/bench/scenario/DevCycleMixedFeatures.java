package dev.vexilla.bench.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates a realistic mix of DevCycle features, each setting {@value #VARIABLES_PER_FEATURE} variables whose types
 * cycle through Boolean, String, Number and JSON.
 *
 * <p>Feature {@code n} is of kind {@code n % 8}: 0 served to all; 1 one {@code email endWith} target; 2 a 50/50 split
 * by user id; 3 a {@code country =} list target, then a fallback target for all; 4 one target of two filters
 * ({@code plan} String {@code =} AND {@code seats} Number {@code >=}); 5 a 20/30/50 split; 6 one {@code appVersion}
 * version target; 7 a gradual rollout (its stages in the past, so at 60 %) over all users, then a fallback target.
 * Within kinds 1, 3, 4 and 6 every other cycle of eight matches the main user, so both outcomes are exercised; a user
 * not targeted by kinds 1, 4 or 6 gets none of their variables (DevCycle serves nothing then).
 */
final class DevCycleMixedFeatures {

    /** The number of kinds of feature, each index cycling through them. */
    static final int KINDS = 8;

    /** The variables each feature sets. */
    static final int VARIABLES_PER_FEATURE = 3;

    private static final List<String> TYPES = List.of("Boolean", "String", "Number", "JSON");
    private static final String ON = "on";
    private static final String OFF = "off";

    private DevCycleMixedFeatures() {}

    /**
     * Generates {@code count} features.
     *
     * @param prefix the prefix of every feature and variable key
     * @param count how many features
     * @return the features in index order
     */
    static List<DevCycleFeature> generate(String prefix, int count) {
        List<DevCycleFeature> features = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            features.add(feature(prefix, n));
        }
        return features;
    }

    private static DevCycleFeature feature(String prefix, int n) {
        int kind = n % KINDS;
        boolean matches = (n / KINDS) % 2 == 0;
        String key = String.format("%sfeature-%04d-k%d", prefix, n, kind);
        List<DevCycleFeature.Variable> variables = new ArrayList<>();
        for (int j = 0; j < VARIABLES_PER_FEATURE; j++) {
            String type = TYPES.get((n * VARIABLES_PER_FEATURE + j) % TYPES.size());
            String variableKey = String.format("%sf%04d-%d-%s", prefix, n, j, type.toLowerCase(java.util.Locale.ROOT));
            variables.add(new DevCycleFeature.Variable(DevCycleJson.id("variable:" + variableKey), variableKey, type));
        }
        List<String> variationKeys = switch (kind) {
            case 2 -> List.of("a", "b");
            case 5 -> List.of("small", "medium", "large");
            default -> List.of(ON, OFF);
        };
        List<DevCycleFeature.Variation> variations = new ArrayList<>();
        for (int k = 0; k < variationKeys.size(); k++) {
            variations.add(variation(key, n, k, variationKeys.get(k), variables));
        }
        String first = variations.get(0).id();
        List<DevCycleFeature.Target> targets = switch (kind) {
            case 0 -> List.of(all(key, 0, first));
            case 1 ->
                List.of(target(
                        key,
                        0,
                        DevCycleJson.userFilter(
                                DevCycleBenchUser.EMAIL,
                                "endWith",
                                List.of(matches ? "@example.com" : "@other-" + n + ".test")),
                        matches,
                        first));
            case 2 -> List.of(split(key, variations, 0.5, 0.5));
            case 3 ->
                List.of(
                        target(
                                key,
                                0,
                                DevCycleJson.userFilter(
                                        DevCycleBenchUser.COUNTRY,
                                        "=",
                                        matches ? List.of("HU", "AT") : List.of("DE", "FR")),
                                matches,
                                first),
                        all(key, 1, variations.get(1).id()));
            case 4 ->
                List.of(new DevCycleFeature.Target(
                        DevCycleScenarioFeatures.targetId(key, 0),
                        List.of(
                                DevCycleJson.customDataFilter(
                                        BenchUsers.PLAN,
                                        "String",
                                        "=",
                                        matches ? List.of("enterprise", "business") : List.of("free")),
                                DevCycleJson.customDataFilter(BenchUsers.SEATS, "Number", ">=", List.of(10))),
                        matches,
                        List.of(new DevCycleFeature.Share(first, 1.0))));
            case 5 -> List.of(split(key, variations, 0.2, 0.3, 0.5));
            case 6 ->
                List.of(target(
                        key,
                        0,
                        matches
                                ? DevCycleJson.userFilter(DevCycleBenchUser.APP_VERSION, ">=", List.of("2.0.0"))
                                : DevCycleJson.userFilter(DevCycleBenchUser.APP_VERSION, "<", List.of("1.0.0")),
                        matches,
                        first));
            default ->
                List.of(rollout(key, first), all(key, 1, variations.get(1).id()));
        };
        return new DevCycleFeature(DevCycleJson.id("feature:" + key), key, variables, variations, targets);
    }

    /** Variation {@code k}: Boolean {@code k == 0}, String {@code "<key>-<n>"}, Number, and a JSON object. */
    private static DevCycleFeature.Variation variation(
            String featureKey, int n, int k, String variationKey, List<DevCycleFeature.Variable> variables) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (DevCycleFeature.Variable v : variables) {
            Object value = switch (v.type()) {
                case "Boolean" -> k == 0;
                case "String" -> variationKey + "-" + n;
                case "Number" -> n % 2 == 0 ? (Object) (n * 10 + k) : (Object) (n * 10 + k + 0.25);
                default -> json(n, k, variationKey);
            };
            values.put(v.key(), value);
        }
        return new DevCycleFeature.Variation(
                DevCycleJson.id("variation:" + featureKey + ":" + variationKey), variationKey, values);
    }

    private static Map<String, Object> json(int n, int k, String variationKey) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("feature", n);
        object.put("variation", variationKey);
        object.put("enabled", k == 0);
        object.put("limits", Map.of("max", n * 10 + k));
        return object;
    }

    private static DevCycleFeature.Target all(String key, int index, String variationId) {
        return target(key, index, DevCycleJson.all(), true, variationId);
    }

    private static DevCycleFeature.Target target(
            String key, int index, ObjectNode filter, boolean matches, String variationId) {
        return new DevCycleFeature.Target(
                DevCycleScenarioFeatures.targetId(key, index),
                List.of(filter),
                matches,
                List.of(new DevCycleFeature.Share(variationId, 1.0)));
    }

    private static DevCycleFeature.Target split(
            String key, List<DevCycleFeature.Variation> variations, double... percentages) {
        List<DevCycleFeature.Share> shares = new ArrayList<>();
        for (int i = 0; i < percentages.length; i++) {
            shares.add(new DevCycleFeature.Share(variations.get(i).id(), percentages[i]));
        }
        return new DevCycleFeature.Target(
                DevCycleScenarioFeatures.targetId(key, 0), List.of(DevCycleJson.all()), true, shares);
    }

    /**
     * A target for all users behind a gradual rollout that started at 25 % on 2024-01-01 and reached 60 % on
     * 2024-03-01 (its last stage): 60 % from then on.
     */
    private static DevCycleFeature.Target rollout(String key, String variationId) {
        ObjectNode rollout = DevCycleJson.object();
        rollout.put("type", "gradual");
        rollout.put("startPercentage", 0.25);
        rollout.put("startDate", "2024-01-01T00:00:00.000Z");
        rollout.putArray("stages")
                .addObject()
                .put("type", "linear")
                .put("date", "2024-03-01T00:00:00.000Z")
                .put("percentage", 0.6);
        return new DevCycleFeature.Target(
                DevCycleScenarioFeatures.targetId(key, 0),
                List.of(DevCycleJson.all()),
                true,
                List.of(new DevCycleFeature.Share(variationId, 1.0)),
                rollout,
                0.6);
    }
}
