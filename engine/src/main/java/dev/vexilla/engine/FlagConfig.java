package dev.vexilla.engine;

import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.UserAttributes;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * A compiled, immutable flag config of one {@link FlagModel}: what every flag model offers its callers (the local
 * provider and the server). Evaluations read it without locks from any number of threads; a new version of the
 * config is a new instance.
 *
 * <p>Keys are what the caller asks for by name: ConfigCat setting keys, DevCycle variable keys. No method throws on
 * evaluation: an unknown key, a broken flag or a failing user read is an error result.
 *
 * @since 0.2.0
 */
public interface FlagConfig {

    /**
     * Returns the flag model of this config.
     *
     * @return the model, never null
     */
    FlagModel model();

    /**
     * Evaluates one key for a user. Never throws.
     *
     * @param key the flag (ConfigCat setting or DevCycle variable) key
     * @param user the user, or {@code null} when there is none
     * @return the result, never null: a success, or an error such as {@code FLAG_NOT_FOUND} or {@code PARSE_ERROR}
     */
    EvaluationResult evaluate(String key, @Nullable UserAttributes user);

    /**
     * Evaluates every key the user can be served, in key order, in one pass. Never throws.
     *
     * @param user the user, or {@code null}
     * @param sink receives each key and its result on the calling thread
     */
    void evaluateAll(@Nullable UserAttributes user, BiConsumer<String, EvaluationResult> sink);

    /**
     * Returns the keys of the config.
     *
     * @return an unmodifiable sorted set, never null
     */
    Set<String> keys();

    /**
     * Returns the keys whose evaluation may differ from {@code previous}: added, removed and changed keys, and the
     * keys that depend on those. Every key of both when {@code previous} is of another model.
     *
     * @param previous the config this one replaces
     * @return a new sorted set, empty when nothing changed
     */
    Set<String> changedKeys(FlagConfig previous);

    /**
     * Returns a stable hash of the config content, usable as a version when there is no ETag.
     *
     * @return 64 lower-case hex digits
     */
    String contentHash();

    /**
     * Returns the problems found while compiling: for each broken key the JSON path and reason of its first problem.
     * A broken key evaluates to a {@code PARSE_ERROR}; every other key evaluates normally.
     *
     * @return an unmodifiable sorted map, empty when the config is clean
     */
    Map<String, String> problems();
}
