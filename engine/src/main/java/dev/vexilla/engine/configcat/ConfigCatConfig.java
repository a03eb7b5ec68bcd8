package dev.vexilla.engine.configcat;

import dev.vexilla.engine.ConfigParseException;
import dev.vexilla.engine.FlagConfig;
import dev.vexilla.engine.FlagModel;
import dev.vexilla.model.ErrorKind;
import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.UserAttributes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * An immutable, compiled ConfigCat config (config JSON v6): every flag ready to evaluate, with comparators resolved,
 * comparison values pre-parsed and every success result precomputed.
 *
 * <pre>{@code
 * ConfigCatConfig config = ConfigCatConfig.parse(json);
 * EvaluationResult r = config.evaluate("myFlag", User.builder().identifier("42").email("ada@example.com").build());
 * }</pre>
 *
 * <p><b>Evaluation</b> follows ConfigCat's rules exactly (targeting rules, segments, prerequisite flags, % options),
 * is lock-free, allocates nothing on the common paths and never throws: an unknown key gives {@code FLAG_NOT_FOUND};
 * a broken part of a flag (unknown comparator, prerequisite cycle, percentages under 100, ...) gives
 * {@code PARSE_ERROR} with ConfigCat's message for that flag only, when evaluation reaches the broken part.
 *
 * <p><b>Evaluation log</b>: off unless asked for with {@link #withEvaluationLog(boolean)}, whatever the logger level.
 * When on and the SLF4J logger {@value #EVALUATION_LOGGER} is INFO-enabled, each evaluation logs exactly one INFO
 * entry whose message is the text ConfigCat's Java SDK logs as event 5000 (everything after {@code INFO [5000] }).
 * Warnings 3001, 3003, 3004 and 3005 go to the same logger at WARN with ConfigCat's texts whether the log is on or
 * not. Every entry carries its ConfigCat event id as the SLF4J key-value pair {@code eventId}. No text is built for
 * an entry that is not written.
 *
 * <p>Instances are immutable and safe to share between threads; replace a config by swapping the reference.
 *
 * @since 0.2.0 (before: {@code dev.vexilla.local.engine.CompiledConfig}, since 0.1.0)
 */
public final class ConfigCatConfig implements FlagConfig {

    /** The name of the SLF4J logger that receives the evaluation log and evaluation warnings. */
    public static final String EVALUATION_LOGGER = "dev.vexilla.evaluation";

    private static final ConfigCatConfig EMPTY =
            new ConfigCatConfig(new TreeMap<>(), Preferences.NONE, Collections.emptyMap(), sha256(""));

    private final Map<String, Flag> flags;
    private final Flag[] ordered;
    private final Set<String> keys;
    private final Preferences preferences;
    private final Map<String, String> compileProblems;
    private final Map<String, String> problems;
    private final String contentHash;
    private final Evaluator evaluator;

    /** The same config evaluating with the evaluation log on or off; shares everything but its evaluator. */
    private ConfigCatConfig(ConfigCatConfig config, boolean evaluationLog) {
        this.ordered = config.ordered;
        this.flags = config.flags;
        this.keys = config.keys;
        this.preferences = config.preferences;
        this.compileProblems = config.compileProblems;
        this.problems = config.problems;
        this.contentHash = config.contentHash;
        this.evaluator = config.evaluator.withEvaluationLog(evaluationLog);
    }

    private ConfigCatConfig(
            TreeMap<String, Flag> sorted, Preferences preferences, Map<String, String> problems, String contentHash) {
        this.ordered = sorted.values().toArray(new Flag[0]);
        this.flags = FlagTable.of(ordered);
        this.keys = new KeySet(ordered, flags);
        this.preferences = preferences;
        this.compileProblems = problems;
        TreeMap<String, String> all = new TreeMap<>(PrerequisiteGraph.problems(flags));
        all.putAll(problems); // a problem found while compiling a flag is reported first
        this.problems = Collections.unmodifiableMap(all);
        this.contentHash = contentHash;
        this.evaluator = new Evaluator(flags, false);
    }

    /**
     * Parses and compiles a config: a full config JSON v6 document, or the simplified form
     * {@code {"flags":{"key":value,...}}}. A problem inside a flag breaks only that flag (see {@link #problems()}).
     *
     * @param json the document
     * @return the compiled config
     * @throws ConfigParseException if the document is not JSON, exceeds the read limits or has a wrong top-level
     *     structure; the message names the JSON path
     */
    public static ConfigCatConfig parse(String json) throws ConfigParseException {
        ConfigCompiler compiled = ConfigCompiler.compile(json);
        return new ConfigCatConfig(
                new TreeMap<>(compiled.flags()), compiled.preferences(), compiled.problems(), sha256(json));
    }

    /**
     * Parses and compiles a config like {@link #parse(String)}, but rejects it if any flag or segment is broken.
     *
     * @param json the document
     * @return the compiled config, with no problems
     * @throws ConfigParseException if {@link #parse(String)} would fail or any flag is broken; the message names the
     *     JSON path of the first problem
     */
    public static ConfigCatConfig parseStrict(String json) throws ConfigParseException {
        ConfigCatConfig config = parse(json);
        if (!config.problems.isEmpty()) {
            String problem = config.problems.values().iterator().next();
            int colon = problem.indexOf(": ");
            throw new ConfigParseException(problem.substring(0, colon), problem.substring(colon + 2));
        }
        return config;
    }

    /**
     * Builds a config of flags without rules from plain values (the "map" flag-override source).
     *
     * @param flags values by key: {@link Boolean}, {@link String}, {@link Integer}, {@link Long} or {@link Double}
     * @return the config
     * @throws IllegalArgumentException if a value is null or of another type
     */
    public static ConfigCatConfig fromValues(Map<String, ?> flags) {
        Objects.requireNonNull(flags, "flags");
        ConfigCompiler compiled = ConfigCompiler.fromValues(flags);
        StringBuilder canonical = new StringBuilder();
        compiled.flags()
                .forEach((k, f) -> canonical
                        .append(k)
                        .append('\u0000')
                        .append(f.type())
                        .append('\u0000')
                        .append(flags.get(k))
                        .append('\n'));
        return new ConfigCatConfig(
                new TreeMap<>(compiled.flags()),
                Preferences.NONE,
                Collections.emptyMap(),
                sha256(canonical.toString()));
    }

    /**
     * Returns the config with no flags.
     *
     * @return the empty config
     */
    public static ConfigCatConfig empty() {
        return EMPTY;
    }

    /**
     * Returns {@link FlagModel#CONFIGCAT_V6}.
     *
     * @return the model
     */
    @Override
    public FlagModel model() {
        return FlagModel.CONFIGCAT_V6;
    }

    /**
     * Evaluates one flag for a user. Never throws; allocates nothing on the common paths.
     *
     * @param key the flag key
     * @param user the user, or {@code null} when there is none (targeting rules and % options that need a user are
     *     skipped, with ConfigCat's "User Object is missing" warning)
     * @return the result: a precomputed success, or an error ({@code FLAG_NOT_FOUND}, {@code PARSE_ERROR}, or
     *     {@code GENERAL} when {@code user} throws); an unknown key logs no evaluation entry
     */
    @Override
    public EvaluationResult evaluate(String key, @Nullable UserAttributes user) {
        Flag flag = key == null ? null : flags.get(key);
        if (flag == null) {
            return EvaluationResult.error(ErrorKind.FLAG_NOT_FOUND, "Flag '" + key + "' is not in the config.");
        }
        return evaluator.evaluate(flag, user);
    }

    /**
     * Returns this config evaluating with ConfigCat's evaluation log on or off. With the log off (the default of
     * every parsed or built config) an evaluation builds no log text and writes no INFO entry, whatever the level of
     * the logger {@value #EVALUATION_LOGGER}; with it on, each evaluation of a known key writes one INFO entry when
     * that logger is INFO-enabled. The log is ConfigCat's debugging aid: a multi-line text per evaluation that costs
     * tens of microseconds to build.
     *
     * @param on whether evaluations write the evaluation log
     * @return a config with the same flags, sharing this one's compiled state; this config when the setting is unchanged
     */
    public ConfigCatConfig withEvaluationLog(boolean on) {
        return on == evaluator.evaluationLog() ? this : new ConfigCatConfig(this, on);
    }

    /**
     * Tells whether evaluations of this config write the evaluation log (see {@link #withEvaluationLog(boolean)}).
     *
     * @return {@code true} when the log is on
     */
    public boolean evaluationLog() {
        return evaluator.evaluationLog();
    }

    /**
     * Returns a handle on one flag, to evaluate it repeatedly without looking its key up each time.
     *
     * @param key the flag key
     * @return the handle, or {@code null} when the key is unknown; a new handle on each call
     */
    public @Nullable CompiledFlag flag(String key) {
        Flag flag = key == null ? null : flags.get(key);
        return flag == null ? null : new CompiledFlag(flag, evaluator);
    }

    /**
     * Evaluates every flag for one user, in key order, in one pass. With the evaluation log off, a prerequisite flag
     * is evaluated once per pass and its result shared by the flags depending on it (so its warnings are logged once).
     *
     * @param user the user, or {@code null}
     * @param sink receives each key and its result; called on this thread
     */
    @Override
    public void evaluateAll(@Nullable UserAttributes user, BiConsumer<String, EvaluationResult> sink) {
        Objects.requireNonNull(sink, "sink");
        evaluator.evaluateAll(ordered, user, sink);
    }

    /**
     * Returns the flag keys.
     *
     * @return an unmodifiable sorted set, never null
     */
    @Override
    public Set<String> keys() {
        return keys;
    }

    /**
     * Returns the type of a flag.
     *
     * @param key the flag key
     * @return the type, or {@code null} when the key is unknown
     */
    public @Nullable SettingType settingType(String key) {
        Flag flag = flags.get(key);
        return flag == null ? null : flag.type();
    }

    /**
     * Returns a stable hash of the config content: the SHA-256 hex of the JSON text for parsed configs, of a canonical
     * form for value configs, of both parts and the behaviour for overlays. Usable as a version when there is no ETag.
     *
     * @return 64 lower-case hex digits
     */
    @Override
    public String contentHash() {
        return contentHash;
    }

    /**
     * Returns the config's preferences (base URL and redirect mode).
     *
     * @return the preferences, never null
     */
    public Preferences preferences() {
        return preferences;
    }

    /**
     * Returns the problems found while compiling: for each broken flag (or segment {@code s[i]}) the JSON path and
     * reason of its first problem, such as {@code "f.myFlag.r[2].c[0].u.c: unknown comparator 99"}, including
     * prerequisite flags missing from the config and prerequisite cycles ({@code "f.a: prerequisite cycle 'a' -> 'b'
     * -> 'a'"}).
     *
     * @return an unmodifiable sorted map, empty when the config is clean
     */
    @Override
    public Map<String, String> problems() {
        return problems;
    }

    /**
     * Combines this (remote) config with locally defined flags. Each setting keeps its own salt and segments.
     *
     * @param local the local flags
     * @param behaviour {@link OverrideBehaviour#LOCAL_ONLY} returns {@code local};
     *     {@link OverrideBehaviour#LOCAL_OVER_REMOTE} and {@link OverrideBehaviour#REMOTE_OVER_LOCAL} merge both, the
     *     named side winning where a key exists in both
     * @return the combined config; preferences and the evaluation-log setting are this config's (the local one's for
     *     {@code LOCAL_ONLY})
     */
    public ConfigCatConfig overlay(ConfigCatConfig local, OverrideBehaviour behaviour) {
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(behaviour, "behaviour");
        if (behaviour == OverrideBehaviour.LOCAL_ONLY) {
            return local;
        }
        boolean localWins = behaviour == OverrideBehaviour.LOCAL_OVER_REMOTE;
        ConfigCatConfig base = localWins ? this : local;
        ConfigCatConfig top = localWins ? local : this;
        TreeMap<String, Flag> merged = new TreeMap<>();
        Map<String, String> mergedProblems = new TreeMap<>();
        for (Flag f : base.ordered) {
            merged.put(f.key(), f);
        }
        for (Flag f : top.ordered) {
            merged.put(f.key(), f);
        }
        merged.keySet().forEach(k -> {
            String p = (top.flags.containsKey(k) ? top : base).compileProblems.get(k);
            if (p != null) {
                mergedProblems.put(k, p);
            }
        });
        String hash = sha256(contentHash + '|' + behaviour + '|' + local.contentHash);
        return new ConfigCatConfig(merged, preferences, mergedProblems, hash).withEvaluationLog(evaluationLog());
    }

    /**
     * Returns the keys whose evaluation may differ from {@code previous}: keys added or removed, keys whose definition
     * differs (setting JSON, or the config salt or segments), and the flags that depend on those through prerequisite
     * conditions. When {@code previous} is a config of another flag model, every key of both.
     *
     * @param previous the config this one replaces
     * @return a new sorted set, empty when nothing changed
     */
    @Override
    public Set<String> changedKeys(FlagConfig previous) {
        Objects.requireNonNull(previous, "previous");
        if (!(previous instanceof ConfigCatConfig)) {
            Set<String> all = new TreeSet<>(keys);
            all.addAll(previous.keys());
            return all;
        }
        ConfigCatConfig before = (ConfigCatConfig) previous;
        Set<String> changed = new TreeSet<>();
        for (Flag f : ordered) {
            Flag old = before.flags.get(f.key());
            if (old == null || old.definitionHash() != f.definitionHash()) {
                changed.add(f.key());
            }
        }
        for (Flag old : before.ordered) {
            if (!flags.containsKey(old.key())) {
                changed.add(old.key());
            }
        }
        Map<String, List<String>> dependents = new HashMap<>();
        for (Flag f : ordered) {
            for (String prerequisite : f.prerequisiteKeys()) {
                dependents.computeIfAbsent(prerequisite, k -> new ArrayList<>()).add(f.key());
            }
        }
        Deque<String> pending = new ArrayDeque<>(changed);
        while (!pending.isEmpty()) {
            for (String dependent : dependents.getOrDefault(pending.pop(), List.of())) {
                if (changed.add(dependent)) {
                    pending.push(dependent);
                }
            }
        }
        return changed;
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder(64);
            for (byte b : digest) {
                sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return "ConfigCatConfig{flags=" + ordered.length + ", problems=" + problems.size() + ", contentHash="
                + contentHash.substring(0, 12) + "}";
    }
}
