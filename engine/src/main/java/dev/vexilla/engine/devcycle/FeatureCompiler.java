package dev.vexilla.engine.devcycle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vexilla.model.ObjectMappers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Compiles one feature: variations and the values they give the variables the feature serves, then its targets. A
 * problem anywhere in the feature gives a {@link Feature} with a {@link Feature#problem} and no targets.
 */
final class FeatureCompiler {

    private static final Target[] NO_TARGETS = new Target[0];

    private final AudienceCompiler audiences;
    private final Map<String, JsonNode> variablesByKey;
    private final Map<String, List<String>> keysById;
    private final boolean passthrough;
    private final Canon canon;

    FeatureCompiler(
            AudienceCompiler audiences,
            Map<String, JsonNode> variablesByKey,
            Map<String, List<String>> keysById,
            boolean passthrough,
            Canon canon) {
        this.canon = canon;
        this.audiences = audiences;
        this.variablesByKey = variablesByKey;
        this.keysById = keysById;
        this.passthrough = passthrough;
    }

    /**
     * Returns the keys of the variables a feature's variations set, in order of first appearance: the feature's slots.
     * A variation variable whose {@code _var} is not a variable of the config is ignored.
     */
    String[] slots(JsonNode feature) {
        java.util.LinkedHashSet<String> keys = new java.util.LinkedHashSet<>();
        for (JsonNode variation : feature.path("variations")) {
            for (JsonNode variable : variation.path("variables")) {
                JsonNode id = variable.path("_var");
                if (id.isTextual()) {
                    keys.addAll(keysById.getOrDefault(id.textValue(), Collections.emptyList()));
                }
            }
        }
        return keys.toArray(new String[0]);
    }

    Feature compile(int index, JsonNode node, String path) {
        String[] slots = slots(node);
        long fingerprint = Json.fingerprint(node);
        String id = node.path("_id").isTextual() ? node.get("_id").textValue() : "";
        String key = node.path("key").isTextual() ? node.get("key").textValue() : "";
        String type = node.path("type").isTextual() ? node.get("type").textValue() : "";
        try {
            if (!node.isObject()) {
                throw new ConfigProblem(path, "a feature must be an object");
            }
            id = Json.string(node, "_id", path);
            type = canon.of(Json.oneOf(node, "type", path, ConfigCompiler.featureTypes()));
            key = Json.string(node, "key", path);
            FeatureShape shape = shape(node, path, id, key, type, slots);
            JsonNode configuration = Json.object(node, "configuration", path);
            String configPath = Json.join(path, "configuration");
            Json.string(configuration, "_id", configPath);
            JsonNode targetNodes = Json.array(configuration, "targets", configPath);
            Target[] targets = new Target[targetNodes.size()];
            for (int i = 0; i < targets.length; i++) {
                targets[i] = target(targetNodes.get(i), Json.index(Json.join(configPath, "targets"), i), shape);
            }
            return new Feature(index, shape, targets, passthrough, null, fingerprint);
        } catch (ConfigProblem p) {
            FeatureShape empty = new FeatureShape(
                    id,
                    key,
                    type,
                    new String[0],
                    new String[0],
                    new String[0],
                    slots,
                    new Object[0][],
                    new String[0][]);
            return new Feature(index, empty, NO_TARGETS, passthrough, p.getMessage(), fingerprint);
        }
    }

    private FeatureShape shape(JsonNode node, String path, String id, String key, String type, String[] slots) {
        JsonNode variations = Json.array(node, "variations", path);
        int n = variations.size();
        String[] ids = new String[n];
        String[] keys = new String[n];
        String[] names = new String[n];
        @Nullable Object[][] values = new Object[n][slots.length];
        @Nullable String[][] problems = new String[n][];
        for (int v = 0; v < n; v++) {
            String vPath = Json.index(Json.join(path, "variations"), v);
            JsonNode variation = variations.get(v);
            if (!variation.isObject()) {
                throw new ConfigProblem(vPath, "a variation must be an object");
            }
            ids[v] = Json.string(variation, "_id", vPath);
            names[v] = canon.of(Json.string(variation, "name", vPath));
            keys[v] = canon.of(Json.string(variation, "key", vPath));
            JsonNode vars = Json.array(variation, "variables", vPath);
            for (int i = 0; i < vars.size(); i++) {
                JsonNode entry = vars.get(i);
                String ePath = Json.index(Json.join(vPath, "variables"), i);
                if (!entry.isObject()) {
                    throw new ConfigProblem(ePath, "a variation variable must be an object");
                }
                Json.string(entry, "_var", ePath);
                if (entry.get("value") == null) {
                    throw new ConfigProblem(Json.join(ePath, "value"), "required value missing");
                }
            }
            for (int s = 0; s < slots.length; s++) {
                JsonNode variable = variablesByKey.get(slots[s]);
                String varId = variable.get("_id").textValue();
                JsonNode value = null;
                for (JsonNode entry : vars) {
                    if (varId.equals(entry.get("_var").textValue())) {
                        value = entry.get("value");
                    }
                }
                VariableType varType = VariableType.of(variable.path("type").asText());
                if (value != null && varType != null) {
                    values[v][s] = value(value, varType);
                    if (values[v][s] instanceof String) {
                        values[v][s] = canon.of((String) values[v][s]);
                    }
                    if (values[v][s] == null) {
                        if (problems[v] == null) {
                            problems[v] = new String[slots.length];
                        }
                        problems[v][s] = vPath + ": the value of variable '" + slots[s] + "' in variation '" + keys[v]
                                + "' is not a " + varType.text + " value: " + value;
                    }
                }
            }
        }
        return new FeatureShape(id, key, type, ids, keys, names, slots, values, problems);
    }

    /** Converts a variation value to its variable's type, or {@code null} when it is not of that type. */
    static @Nullable Object value(JsonNode value, VariableType type) {
        switch (type) {
            case STRING:
                return value.isTextual() ? value.textValue() : null;
            case BOOLEAN:
                return value.isBoolean() ? value.booleanValue() : null;
            case NUMBER:
                return value.isNumber() ? Double.valueOf(value.doubleValue()) : null;
            default:
                return value.isObject() || value.isArray() ? frozen(plain(value)) : jsonText(value);
        }
    }

    /** A JSON variable whose value is JSON text of an object or array (older configs store them so) serves it parsed. */
    private static @Nullable Object jsonText(JsonNode value) {
        if (!value.isTextual()) {
            return null;
        }
        try {
            JsonNode parsed = ObjectMappers.shared().readTree(value.textValue());
            return parsed != null && (parsed.isObject() || parsed.isArray()) ? frozen(plain(parsed)) : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static @Nullable Object plain(JsonNode value) {
        return ObjectMappers.shared().convertValue(value, Object.class);
    }

    /** Makes a JSON value read by Jackson (maps, lists, scalars) deeply unmodifiable; results share it. */
    private static @Nullable Object frozen(@Nullable Object value) {
        if (value instanceof Map) {
            Map<String, @Nullable Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                copy.put(String.valueOf(e.getKey()), frozen(e.getValue()));
            }
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List) {
            List<@Nullable Object> copy = new ArrayList<>();
            for (Object item : (List<?>) value) {
                copy.add(frozen(item));
            }
            return Collections.unmodifiableList(copy);
        }
        return value;
    }

    private Target target(JsonNode node, String path, FeatureShape shape) {
        if (!node.isObject()) {
            throw new ConfigProblem(path, "a target must be an object");
        }
        String id = Json.string(node, "_id", path);
        JsonNode audience = Json.object(node, "_audience", path);
        String audiencePath = Json.join(path, "_audience");
        Condition condition =
                audiences.operator(Json.object(audience, "filters", audiencePath), Json.join(audiencePath, "filters"));
        JsonNode rolloutNode = node.get("rollout");
        Rollout rollout =
                rolloutNode != null && rolloutNode.isObject() ? rollout(rolloutNode, Json.join(path, "rollout")) : null;
        JsonNode distribution = Json.array(node, "distribution", path);
        List<String> variationIds = new ArrayList<>();
        List<Double> percentages = new ArrayList<>();
        for (int i = 0; i < distribution.size(); i++) {
            String dPath = Json.index(Json.join(path, "distribution"), i);
            JsonNode entry = distribution.get(i);
            if (!entry.isObject()) {
                throw new ConfigProblem(dPath, "a distribution entry must be an object");
            }
            variationIds.add(Json.string(entry, "_variation", dPath));
            percentages.add(Json.number(entry, "percentage", dPath));
        }
        Integer[] order = new Integer[variationIds.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // Ascending by UTF-16 code units (a stable sort), then reversed: DevCycle's descending order.
        Arrays.sort(order, Comparator.comparing(variationIds::get));
        int n = order.length;
        double[] cumulative = new double[n];
        int[] indexes = new int[n];
        String[] sortedIds = new String[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            int original = order[n - 1 - i];
            sortedIds[i] = variationIds.get(original);
            sum += percentages.get(original);
            cumulative[i] = sum;
            indexes[i] = Arrays.asList(shape.variationIds).indexOf(sortedIds[i]);
        }
        String bucketingKey = Json.optionalString(node, "bucketingKey");
        if (bucketingKey != null && (bucketingKey.isEmpty() || bucketingKey.equals("user_id"))) {
            bucketingKey = null;
        }
        return new Target(shape, canon, id, condition, rollout, bucketingKey, cumulative, indexes, sortedIds);
    }

    static Rollout rollout(JsonNode node, String path) {
        String typeText = Json.oneOf(node, "type", path, "schedule", "gradual", "stepped");
        Rollout.Type type = Rollout.Type.valueOf(typeText.toUpperCase(java.util.Locale.ROOT));
        double startPercentage = 1;
        JsonNode start = node.get("startPercentage");
        if (start != null && !start.isNull()) {
            if (!start.isNumber()) {
                throw new ConfigProblem(Json.join(path, "startPercentage"), "must be a number");
            }
            startPercentage = start.doubleValue();
        }
        long startMillis = Json.date(node, "startDate", path);
        JsonNode stages = node.get("stages");
        int n = stages != null && stages.isArray() ? stages.size() : 0;
        long[] dates = new long[n];
        double[] stagePercentages = new double[n];
        boolean[] linear = new boolean[n];
        for (int i = 0; i < n; i++) {
            String sPath = Json.index(Json.join(path, "stages"), i);
            JsonNode stage = stages.get(i);
            if (!stage.isObject()) {
                throw new ConfigProblem(sPath, "a rollout stage must be an object");
            }
            linear[i] = "linear".equals(Json.oneOf(stage, "type", sPath, "linear", "discrete"));
            dates[i] = Json.date(stage, "date", sPath);
            stagePercentages[i] = Json.number(stage, "percentage", sPath);
        }
        return new Rollout(type, startMillis, startPercentage, dates, stagePercentages, linear);
    }
}
