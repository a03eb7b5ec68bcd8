package dev.vexilla.engine.devcycle;

import dev.vexilla.engine.ConfigParseException;
import dev.vexilla.engine.FlagConfig;
import dev.vexilla.engine.FlagModel;
import dev.vexilla.model.ErrorKind;
import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.ResultDetail;
import dev.vexilla.model.UserAttributes;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * A compiled DevCycle config v2, evaluated as DevCycle's current local-bucketing engine evaluates it.
 *
 * <p>Keys are variable keys. A variable is served by the first feature, in config order, with a variation that sets
 * it; the user gets the value of the variation the feature's first matching target distributes them to. Results:
 *
 * <ul>
 *   <li>a value, with {@code TARGETING_MATCH}, or {@code SPLIT} when the target has several distribution entries or a
 *       rollout; {@code variationId()} is the variation key and {@code detail()} holds feature, variation, target and
 *       DevCycle's details text;
 *   <li>a {@linkplain EvaluationResult#isDefaulted() defaulted} result (reason {@code DEFAULT}, no value, no error)
 *       when no target of the feature takes the user, or no feature sets the variable ("User Not Targeted");
 *   <li>{@code FLAG_NOT_FOUND} for an unknown key; {@code TARGETING_KEY_MISSING} for a missing user or user id;
 *       {@code PARSE_ERROR} for a variable whose feature is broken (see {@link #problems()}), or for a user bucketed
 *       where the config is broken (a variation without the variable, a distribution that does not sum to 1);
 *       {@code GENERAL} when reading the user throws.
 * </ul>
 *
 * <p>Evaluations are lock-free and, on the common paths, allocate nothing: every result is precomputed when the config
 * is compiled (a target whose audience can match in several ways, each with its own details text, builds the results
 * of each way on first use). Instances are immutable; {@link #withEnvironment(DevCycleEnvironment)} returns a light
 * view that shares the compiled config.
 *
 * <pre>{@code
 * DevCycleConfig config = DevCycleConfig.parse(json).withEnvironment(env);
 * EvaluationResult r = config.evaluate("new-checkout", user);
 * config.evaluateFeatures(user, (featureKey, detail) -> ...);
 * }</pre>
 *
 * @since 0.2.0
 */
public final class DevCycleConfig implements FlagConfig {

    private static final EvaluationResult NO_USER_ID = EvaluationResult.error(
            ErrorKind.TARGETING_KEY_MISSING, "a DevCycle evaluation needs a user with a non-empty user id");

    private final Snapshot snapshot;
    private final DevCycleEnvironment env;

    private DevCycleConfig(Snapshot snapshot, DevCycleEnvironment env) {
        this.snapshot = snapshot;
        this.env = env;
    }

    /**
     * Parses and compiles a config v2 document, bound to {@link DevCycleEnvironment#defaults()}.
     *
     * @param json the document
     * @return the compiled config
     * @throws ConfigParseException if the document is not JSON, or a required top-level part ({@code project},
     *     {@code environment}, {@code features}, {@code variables}, a variable's {@code _id} or {@code key}) is missing
     *     or wrongly typed; the message starts with the JSON path
     */
    public static DevCycleConfig parse(String json) throws ConfigParseException {
        Objects.requireNonNull(json, "json");
        return new DevCycleConfig(ConfigCompiler.compile(json), DevCycleEnvironment.defaults());
    }

    /**
     * Returns a view of this config that evaluates in another environment (clock, platform, client custom data). The
     * compiled config is shared; nothing is recompiled.
     *
     * @param environment the environment
     * @return the view
     */
    public DevCycleConfig withEnvironment(DevCycleEnvironment environment) {
        return new DevCycleConfig(snapshot, Objects.requireNonNull(environment, "environment"));
    }

    /**
     * Returns the environment evaluations use.
     *
     * @return the environment
     */
    public DevCycleEnvironment environment() {
        return env;
    }

    /**
     * Returns the project's {@code _id}.
     *
     * @return the id
     */
    public String projectId() {
        return snapshot.projectId;
    }

    /**
     * Returns the project's key.
     *
     * @return the key
     */
    public String projectKey() {
        return snapshot.projectKey;
    }

    /**
     * Returns the environment's {@code _id} (DevCycle's environment, not the evaluation environment).
     *
     * @return the id
     */
    public String environmentId() {
        return snapshot.environmentId;
    }

    /**
     * Returns the environment's key (DevCycle's environment, not the evaluation environment).
     *
     * @return the key
     */
    public String environmentKey() {
        return snapshot.environmentKey;
    }

    @Override
    public FlagModel model() {
        return FlagModel.DEVCYCLE_V2;
    }

    @Override
    public EvaluationResult evaluate(String key, @Nullable UserAttributes user) {
        Variable v = snapshot.variables.get(key);
        if (v == null) {
            return EvaluationResult.error(ErrorKind.FLAG_NOT_FOUND, "variable '" + key + "' is not in the config");
        }
        return evaluate(v, user);
    }

    private EvaluationResult evaluate(Variable v, @Nullable UserAttributes user) {
        EvaluationResult broken = v.broken;
        if (broken != null) {
            return broken;
        }
        Feature f = v.owner;
        if (f == null) {
            return v.notTargeted;
        }
        try {
            String userId = user == null ? null : user.identifier();
            if (user == null || userId == null || userId.isEmpty()) {
                return NO_USER_ID;
            }
            long choice = f.choose(user, userId, env);
            return choice == Feature.NOT_TARGETED ? v.notTargeted : f.result(choice, v.slot);
        } catch (RuntimeException e) {
            return EvaluationResult.error(
                    ErrorKind.GENERAL,
                    "evaluating variable '" + v.key + "' failed: "
                            + e.getClass().getName());
        }
    }

    /**
     * Evaluates every feature and passes, in key order, every variable the user gets, as DevCycle's
     * {@code allVariables} computes them: the features the user is bucketed into, in config order, each setting the
     * variables of its variation, a later feature overwriting an earlier one's variable. (So a variable set by several
     * features may come from another feature than {@link #evaluate} chooses, exactly as in DevCycle.) Variables of a
     * broken feature that no other feature sets pass as their {@code PARSE_ERROR}. A user without a user id gets
     * nothing.
     *
     * @param user the user, or {@code null}
     * @param sink receives each key and its result on the calling thread
     */
    @Override
    public void evaluateAll(@Nullable UserAttributes user, BiConsumer<String, EvaluationResult> sink) {
        Variable[] ordered = snapshot.ordered;
        EvaluationResult[] served = new EvaluationResult[ordered.length];
        String userId = user == null ? null : user.identifier();
        if (user == null || userId == null || userId.isEmpty()) {
            return;
        }
        for (Feature f : snapshot.inConfigOrder) {
            if (f.problem != null) {
                continue;
            }
            int[] slots = snapshot.slotVariables[f.index];
            try {
                long choice = f.choose(user, userId, env);
                if (choice == Feature.NOT_TARGETED) {
                    continue;
                }
                for (int s = 0; s < slots.length; s++) {
                    EvaluationResult r = f.result(choice, s);
                    if (!r.isDefaulted()) {
                        served[slots[s]] = r;
                    }
                }
            } catch (RuntimeException e) {
                EvaluationResult failed = EvaluationResult.error(
                        ErrorKind.GENERAL,
                        "evaluating feature '" + f.shape.key + "' failed: "
                                + e.getClass().getName());
                for (int slot : slots) {
                    served[slot] = failed;
                }
            }
        }
        for (int i = 0; i < ordered.length; i++) {
            EvaluationResult r = served[i] != null ? served[i] : ordered[i].broken;
            if (r != null) {
                sink.accept(ordered[i].key, r);
            }
        }
    }

    /**
     * Evaluates every feature in key order and passes each feature the user is bucketed into with its detail (feature
     * id, key and type, variation id, key and name, target, reason and details text): what DevCycle's
     * {@code allFeatures} returns. Broken features and features that do not target the user are left out.
     *
     * @param user the user, or {@code null} (then nothing is passed)
     * @param sink receives each feature key and its detail on the calling thread
     */
    public void evaluateFeatures(@Nullable UserAttributes user, BiConsumer<String, ResultDetail> sink) {
        String userId = user == null ? null : user.identifier();
        if (user == null || userId == null || userId.isEmpty()) {
            return;
        }
        for (Feature f : snapshot.features) {
            long choice = f.choose(user, userId, env);
            if (choice == Feature.NOT_TARGETED) {
                continue;
            }
            ResultDetail detail = f.detail(choice);
            if (detail != null) {
                sink.accept(f.shape.key, detail);
            }
        }
    }

    @Override
    public Set<String> keys() {
        return snapshot.keys;
    }

    /**
     * Returns the keys whose evaluation may differ from {@code previous}: added and removed variables, and variables
     * whose definition or serving feature changed. A change to the {@code audiences} or the project changes every key.
     *
     * @param previous the config this one replaces
     * @return a new sorted set
     */
    @Override
    public Set<String> changedKeys(FlagConfig previous) {
        Set<String> changed = new TreeSet<>();
        if (!(previous instanceof DevCycleConfig)) {
            changed.addAll(keys());
            changed.addAll(previous.keys());
            return changed;
        }
        Map<String, Variable> before = ((DevCycleConfig) previous).snapshot.variables;
        Map<String, Variable> now = snapshot.variables;
        for (Variable v : now.values()) {
            Variable old = before.get(v.key);
            if (old == null || old.fingerprint != v.fingerprint) {
                changed.add(v.key);
            }
        }
        for (String key : before.keySet()) {
            if (!now.containsKey(key)) {
                changed.add(key);
            }
        }
        return changed;
    }

    @Override
    public String contentHash() {
        return snapshot.contentHash;
    }

    @Override
    public Map<String, String> problems() {
        return snapshot.problems;
    }

    @Override
    public String toString() {
        return "DevCycleConfig{project=" + snapshot.projectKey + ", environment=" + snapshot.environmentKey
                + ", variables=" + snapshot.keys.size() + ", problems=" + snapshot.problems.size() + "}";
    }
}
