package dev.vexilla.engine.devcycle;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Compiles audience operators and filters into {@link Condition}s. The config's top-level {@code audiences} (what
 * {@code audienceMatch} filters reference) are compiled on first reference and shared; a broken or cyclic audience
 * breaks only the features that reference it. Not thread-safe: one per compilation.
 */
final class AudienceCompiler {

    private final @Nullable JsonNode audiences;
    private final Map<String, Condition> compiled = new HashMap<>();
    private final Map<String, ConfigProblem> broken = new HashMap<>();
    private final Set<String> inProgress = new HashSet<>();

    private final Canon canon;

    AudienceCompiler(@Nullable JsonNode audiences, Canon canon) {
        this.audiences = audiences != null && audiences.isObject() ? audiences : null;
        this.canon = canon;
    }

    /**
     * Compiles an operator node ({@code {operator, filters}}).
     *
     * @param node the node
     * @param path its JSON path
     * @return the condition
     * @throws ConfigProblem if the node or a filter in it is malformed
     */
    Condition operator(JsonNode node, String path) {
        String op = Json.string(node, "operator", path);
        JsonNode filters = Json.array(node, "filters", path);
        List<Condition> plain = new ArrayList<>();
        List<Condition> all = new ArrayList<>();
        Condition nested = null;
        for (int i = 0; i < filters.size(); i++) {
            String itemPath = Json.index(Json.join(path, "filters"), i);
            JsonNode item = filters.get(i);
            if (!item.isObject()) {
                throw new ConfigProblem(itemPath, "a filter must be an object");
            }
            boolean isOperator = item.path("operator").isTextual();
            Condition c = isOperator ? operator(item, itemPath) : filter(item, itemPath);
            all.add(c);
            if (nested == null) {
                if (isOperator) {
                    nested = c;
                } else {
                    plain.add(c);
                }
            }
        }
        try {
            if ("or".equals(op)) {
                return OperatorCondition.or(all.toArray(new Condition[0]));
            }
            if ("and".equals(op)) {
                return OperatorCondition.and(plain.toArray(new Condition[0]), nested);
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigProblem(path, String.valueOf(e.getMessage()));
        }
        return Condition.Never.INSTANCE;
    }

    private Condition filter(JsonNode node, String path) {
        String type = Json.string(node, "type", path);
        switch (type) {
            case "all":
                return Condition.All.INSTANCE;
            case "user":
                return userFilter(node, path);
            case "audienceMatch":
                return audienceMatch(node, path);
            default:
                // optIn (not supported server-side) and unknown filter types never match.
                return Condition.Never.INSTANCE;
        }
    }

    private Condition userFilter(JsonNode node, String path) {
        JsonNode valuesNode = Json.array(node, "values", path);
        String subType = Json.string(node, "subType", path);
        String comparatorText = Json.string(node, "comparator", path);
        String dataKey = null;
        CustomDataCondition.DataKeyType dataKeyType = null;
        if ("customData".equals(subType)) {
            dataKey = Json.string(node, "dataKey", path);
            dataKeyType = CustomDataCondition.DataKeyType.of(
                    Json.oneOf(node, "dataKeyType", path, "String", "Boolean", "Number"));
        }
        FilterValues values = values(valuesNode, Json.join(path, "values"), canon);
        Comparator op = Comparator.of(comparatorText);
        if (op == null) {
            return Condition.Never.INSTANCE;
        }
        if (dataKey != null && dataKeyType != null) {
            return new CustomDataCondition(canon.of(dataKey), dataKeyType, op, values);
        }
        UserField field = UserField.of(subType);
        if (field == null) {
            // "ip" is a valid subType without an implementation; unknown subTypes are tolerated. Both never match.
            return Condition.Never.INSTANCE;
        }
        return field.isVersion() ? new VersionCondition(field, op, values) : new UserFilterCondition(field, op, values);
    }

    /** Compiles filter values: the first value's type decides; others are skipped, NaN numbers dropped. */
    static FilterValues values(JsonNode array, String path, Canon canon) {
        if (array.size() == 0) {
            return FilterValues.EMPTY;
        }
        JsonNode first = array.get(0);
        if (first.isBoolean()) {
            boolean hasTrue = false;
            boolean hasFalse = false;
            for (JsonNode v : array) {
                if (v.isBoolean()) {
                    hasTrue |= v.booleanValue();
                    hasFalse |= !v.booleanValue();
                }
            }
            return FilterValues.ofBooleans(hasTrue, hasFalse);
        }
        if (first.isTextual()) {
            List<String> strings = new ArrayList<>();
            for (JsonNode v : array) {
                if (v.isTextual()) {
                    strings.add(canon.of(v.textValue()));
                }
            }
            return FilterValues.ofStrings(strings.toArray(new String[0]));
        }
        if (first.isNumber()) {
            double[] numbers = new double[array.size()];
            int n = 0;
            for (JsonNode v : array) {
                if (v.isNumber() && !Double.isNaN(v.doubleValue())) {
                    numbers[n++] = v.doubleValue();
                }
            }
            return FilterValues.ofNumbers(java.util.Arrays.copyOf(numbers, n));
        }
        throw new ConfigProblem(Json.index(path, 0), "filter values must be strings, numbers or booleans");
    }

    private Condition audienceMatch(JsonNode node, String path) {
        JsonNode ids = Json.array(node, "_audiences", path);
        String comparator = Json.string(node, "comparator", path);
        if (!"=".equals(comparator) && !"!=".equals(comparator)) {
            return Condition.Never.INSTANCE;
        }
        List<@Nullable Condition> resolved = new ArrayList<>();
        for (JsonNode id : ids) {
            if (id.isTextual()) {
                resolved.add(audience(id.textValue(), Json.join(path, "_audiences")));
            }
        }
        try {
            return new AudienceMatchCondition("=".equals(comparator), resolved.toArray(new Condition[0]));
        } catch (IllegalArgumentException e) {
            throw new ConfigProblem(path, String.valueOf(e.getMessage()));
        }
    }

    /** Returns the compiled audience, or {@code null} when the config does not define it. */
    private @Nullable Condition audience(String id, String referencePath) {
        Condition done = compiled.get(id);
        if (done != null) {
            return done;
        }
        ConfigProblem known = broken.get(id);
        if (known != null) {
            throw known;
        }
        JsonNode all = audiences;
        JsonNode node = all == null ? null : all.get(id);
        if (node == null) {
            return null;
        }
        String path = "audiences." + id;
        if (!inProgress.add(id)) {
            throw new ConfigProblem(referencePath, "audience '" + id + "' references itself through audienceMatch");
        }
        try {
            if (!node.isObject()) {
                throw new ConfigProblem(path, "an audience must be an object");
            }
            Condition c = operator(Json.object(node, "filters", path), Json.join(path, "filters"));
            compiled.put(id, c);
            return c;
        } catch (ConfigProblem p) {
            broken.put(id, p);
            throw p;
        } finally {
            inProgress.remove(id);
        }
    }
}
