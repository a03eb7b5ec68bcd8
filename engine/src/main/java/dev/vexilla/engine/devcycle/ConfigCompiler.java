package dev.vexilla.engine.devcycle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vexilla.engine.ConfigParseException;
import dev.vexilla.model.ErrorKind;
import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.ObjectMappers;
import dev.vexilla.model.ResultDetail;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Parses a config v2 document and compiles it into a {@link Snapshot}.
 *
 * <p>Failure policy: the document's required top-level parts ({@code project} with {@code _id}, {@code key},
 * {@code a0_organization} and {@code settings}, {@code environment} with {@code _id} and {@code key},
 * {@code features}, {@code variables} with each variable's {@code _id} and {@code key}) missing or wrongly typed
 * reject the document with a {@link ConfigParseException} naming the JSON path. A problem inside one feature (or an
 * audience it references) breaks that feature only: the variables it serves evaluate to {@code PARSE_ERROR} and
 * {@link Snapshot#problems} names the path. A variable of an unknown type is broken alone. Unknown fields are ignored.
 */
final class ConfigCompiler {

    private static final String[] FEATURE_TYPES = {"release", "experiment", "permission", "ops"};

    /** The result of a variable that no feature sets. */
    private static final EvaluationResult NO_FEATURE =
            EvaluationResult.defaulted(ResultDetail.notTargeted(null, null, null));

    private final JsonNode root;
    private final Map<String, String> problems = new TreeMap<>();
    private final Canon canon = new Canon();
    private final AudienceCompiler audiences;
    private final long sharedFingerprint;

    private ConfigCompiler(JsonNode root) {
        this.root = root;
        this.audiences = new AudienceCompiler(root.get("audiences"), canon);
        this.sharedFingerprint = Json.fingerprint(root.get("audiences")) * 31 + Json.fingerprint(root.get("project"));
    }

    static Snapshot compile(String json) throws ConfigParseException {
        JsonNode root;
        try {
            root = ObjectMappers.shared().readTree(json);
        } catch (JsonProcessingException e) {
            throw new ConfigParseException("", "not a JSON document: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ConfigParseException("", "a config v2 document must be a JSON object");
        }
        try {
            return new ConfigCompiler(root).build(sha256(json));
        } catch (ConfigProblem p) {
            throw new ConfigParseException(p.path, p.reason);
        }
    }

    private Snapshot build(String contentHash) {
        JsonNode project = Json.object(root, "project", "");
        String projectId = Json.string(project, "_id", "project");
        String projectKey = Json.string(project, "key", "project");
        Json.string(project, "a0_organization", "project");
        JsonNode settings = Json.object(project, "settings", "project");
        JsonNode disable = settings.get("disablePassthroughRollouts");
        if (disable != null && !disable.isBoolean()) {
            throw new ConfigProblem("project.settings.disablePassthroughRollouts", "must be a boolean");
        }
        boolean passthrough = disable == null || !disable.booleanValue();
        JsonNode environment = Json.object(root, "environment", "");
        String environmentId = Json.string(environment, "_id", "environment");
        String environmentKey = Json.string(environment, "key", "environment");
        JsonNode features = Json.array(root, "features", "");
        JsonNode variables = Json.array(root, "variables", "");

        Map<String, JsonNode> variablesByKey = new LinkedHashMap<>();
        for (int i = 0; i < variables.size(); i++) {
            String path = Json.index("variables", i);
            JsonNode v = variables.get(i);
            if (!v.isObject()) {
                throw new ConfigProblem(path, "a variable must be an object");
            }
            Json.string(v, "_id", path);
            variablesByKey.put(Json.string(v, "key", path), v);
        }
        Map<String, Integer> ownerByVariableId = owners(features);
        Map<String, List<String>> keysById = new HashMap<>();
        for (Map.Entry<String, JsonNode> e : variablesByKey.entrySet()) {
            keysById.computeIfAbsent(e.getValue().get("_id").textValue(), k -> new ArrayList<>())
                    .add(e.getKey());
        }
        FeatureCompiler compiler = new FeatureCompiler(audiences, variablesByKey, keysById, passthrough, canon);
        Feature[] compiled = new Feature[features.size()];
        for (int i = 0; i < features.size(); i++) {
            compiled[i] = compiler.compile(i, features.get(i), Json.index("features", i));
        }
        return assemble(
                variablesByKey,
                ownerByVariableId,
                compiled,
                contentHash,
                projectId,
                projectKey,
                environmentId,
                environmentKey);
    }

    /** Maps each variable id to the first feature, in config order, with a variation that sets it. */
    private static Map<String, Integer> owners(JsonNode features) {
        Map<String, Integer> owners = new HashMap<>();
        for (int i = 0; i < features.size(); i++) {
            for (JsonNode variation : features.get(i).path("variations")) {
                for (JsonNode variable : variation.path("variables")) {
                    JsonNode id = variable.path("_var");
                    if (id.isTextual()) {
                        owners.putIfAbsent(id.textValue(), i);
                    }
                }
            }
        }
        return owners;
    }

    private Snapshot assemble(
            Map<String, JsonNode> variablesByKey,
            Map<String, Integer> ownerByVariableId,
            Feature[] features,
            String contentHash,
            String projectId,
            String projectKey,
            String environmentId,
            String environmentKey) {
        TreeMap<String, Variable> byKey = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : variablesByKey.entrySet()) {
            String key = e.getKey();
            JsonNode node = e.getValue();
            String id = node.get("_id").textValue();
            Integer ownerIndex = ownerByVariableId.get(id);
            Feature owner = ownerIndex == null ? null : features[ownerIndex];
            int slot = owner == null ? -1 : indexOf(owner.shape.slotKeys, key);
            String problem = variableProblem(node, owner);
            EvaluationResult broken = null;
            if (problem != null) {
                problems.put(key, problem);
                broken = EvaluationResult.error(ErrorKind.PARSE_ERROR, problem);
            } else if (owner != null) {
                String partial = variationProblem(owner, slot);
                if (partial != null) {
                    problems.put(key, partial);
                }
            }
            EvaluationResult notTargeted = owner == null ? NO_FEATURE : owner.shape.unset;
            long fingerprint =
                    Json.fingerprint(node) * 31 + (owner == null ? 0 : owner.fingerprint) * 17 + sharedFingerprint;
            byKey.put(key, new Variable(key, id, owner, slot, notTargeted, broken, fingerprint));
        }
        TreeMap<String, Feature> featuresByKey = new TreeMap<>();
        for (Feature f : features) {
            if (f.problem == null) {
                featuresByKey.put(f.shape.key, f);
            }
        }
        return new Snapshot(
                byKey,
                featuresByKey,
                features,
                problems,
                contentHash,
                projectId,
                projectKey,
                environmentId,
                environmentKey);
    }

    /** Returns why the variable cannot be served at all, or {@code null}. */
    private static @Nullable String variableProblem(JsonNode node, @Nullable Feature owner) {
        JsonNode type = node.get("type");
        if (type == null || !type.isTextual() || VariableType.of(type.textValue()) == null) {
            return "variables[key=" + node.get("key").textValue() + "].type: must be one of String, Boolean, Number,"
                    + " JSON, was " + type;
        }
        return owner != null ? owner.problem : null;
    }

    /** Returns why some variation of the owner cannot serve the variable (its users get an error), or {@code null}. */
    private static @Nullable String variationProblem(Feature owner, int slot) {
        for (int v = 0; v < owner.shape.problems.length; v++) {
            String problem = owner.shape.problem(v, slot);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static int indexOf(String[] keys, String key) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private static String sha256(String json) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(64);
            for (byte b : digest) {
                hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    static String[] featureTypes() {
        return FEATURE_TYPES.clone();
    }
}
