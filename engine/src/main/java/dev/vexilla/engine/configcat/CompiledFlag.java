package dev.vexilla.engine.configcat;

import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.UserAttributes;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A handle on one flag of a {@link ConfigCatConfig}, found once with {@link ConfigCatConfig#flag(String)} so a caller
 * that evaluates the same flag many times (a provider keeping per-flag counters) skips the key lookup.
 *
 * <p>{@link #successResults()} lists the precomputed results the flag can serve; {@link #evaluate} returns one of
 * those very instances on success, so a caller may find a result's position by identity ({@code ==}) without
 * hashing.
 *
 * <p>Immutable and thread-safe; evaluating is lock-free and, like {@link ConfigCatConfig#evaluate}, never throws.
 *
 * @since 0.1.0
 */
public final class CompiledFlag {

    private final Flag flag;
    private final Evaluator evaluator;
    private final List<EvaluationResult> successResults;

    CompiledFlag(Flag flag, Evaluator evaluator) {
        this.flag = flag;
        this.evaluator = evaluator;
        this.successResults = flag.successResults();
    }

    /**
     * Returns the flag key.
     *
     * @return the key, never null
     */
    public String key() {
        return flag.key();
    }

    /**
     * Returns the setting type.
     *
     * @return the type, never null
     */
    public SettingType settingType() {
        return flag.type();
    }

    /**
     * Evaluates the flag for a user, exactly as {@link ConfigCatConfig#evaluate(String, UserAttributes)} would.
     *
     * @param user the user, or {@code null} when there is none
     * @return a precomputed success result from {@link #successResults()}, or an error result
     */
    public EvaluationResult evaluate(@Nullable UserAttributes user) {
        return evaluator.evaluate(flag, user);
    }

    /**
     * Returns every success result the flag can serve, each once, as the instances {@link #evaluate} returns.
     *
     * @return an unmodifiable list; empty for a flag that cannot be evaluated at all
     */
    public List<EvaluationResult> successResults() {
        return successResults;
    }

    @Override
    public String toString() {
        return "CompiledFlag{" + flag.key() + ", " + flag.type() + "}";
    }
}
