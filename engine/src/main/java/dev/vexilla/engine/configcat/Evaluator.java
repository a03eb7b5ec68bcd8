package dev.vexilla.engine.configcat;

import dev.vexilla.model.ErrorKind;
import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.UserAttributes;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates compiled flags for a user with ConfigCat's algorithm: the targeting rules in order (conditions ANDed, the
 * first match wins, a rule that cannot be evaluated is skipped), then the % options, then the flag's value.
 *
 * <p>Failure policy: a broken part of a config fails only the flag being evaluated, when evaluation reaches it
 * ({@link BrokenConfigException}, becoming {@code PARSE_ERROR} with ConfigCat's message); an unexpected exception
 * (for example from a {@code UserAttributes} implementation) becomes a {@code GENERAL} error. No exception escapes.
 *
 * <p>Implementation notes. Thread-safe and lock-free: the flags are immutable, and everything one evaluation
 * needs to keep is in its {@link EvaluationState}. The common paths allocate nothing: success results are
 * precomputed by the compiler, the state (with its attribute memo) is reused per thread, and a flag without rules or
 * options is answered before any state is claimed. The log text is built only when the evaluation log is on and its
 * logger takes INFO entries: with the log off, no level is checked. What the memo, the SHA-1 pool and the text
 * comparisons save, and what other shapes cost, is measured in {@code docs/engine.md}.
 */
final class Evaluator {

    /** The longest prerequisite chain evaluated; deeper chains fail the flag instead of exhausting the stack. */
    static final int MAX_PREREQUISITE_DEPTH = 256;

    private static final String USER_MISSING_TEXT = "cannot evaluate, User Object is missing";

    private final Map<String, Flag> flags;

    /** The flags with rules or options that other flags use as prerequisites: their results are shared in a pass. */
    private final Set<Flag> sharedPrerequisites;

    /** Whether evaluations write the evaluation log (when its logger is INFO-enabled). */
    private final boolean evaluationLog;

    private Evaluator(Map<String, Flag> flags, Set<Flag> sharedPrerequisites, boolean evaluationLog) {
        this.flags = flags;
        this.sharedPrerequisites = sharedPrerequisites;
        this.evaluationLog = evaluationLog;
    }

    /**
     * Creates an evaluator over a set of flags (prerequisites are looked up here).
     *
     * @param flags the flags by key; not copied, must not change
     * @param evaluationLog whether evaluations write the evaluation log
     */
    Evaluator(Map<String, Flag> flags, boolean evaluationLog) {
        this(flags, sharedPrerequisites(flags), evaluationLog);
    }

    private static Set<Flag> sharedPrerequisites(Map<String, Flag> flags) {
        Set<Flag> shared = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Flag flag : flags.values()) {
            for (String key : flag.prerequisiteKeys) {
                Flag prerequisite = flags.get(key);
                if (prerequisite != null && !prerequisite.simple) {
                    shared.add(prerequisite);
                }
            }
        }
        return shared.isEmpty() ? Set.of() : shared;
    }

    /** Returns an evaluator over the same flags with the evaluation log on or off. */
    Evaluator withEvaluationLog(boolean on) {
        return new Evaluator(flags, sharedPrerequisites, on);
    }

    /** Tells whether evaluations write the evaluation log. */
    boolean evaluationLog() {
        return evaluationLog;
    }

    /** Whether this evaluation writes a log entry: the log is on and its logger takes INFO entries. */
    private boolean logging() {
        return evaluationLog && Warnings.LOG.isInfoEnabled();
    }

    /**
     * Evaluates one flag.
     *
     * @param flag the flag
     * @param user the user, or {@code null} when there is none
     * @return the result, never null
     */
    EvaluationResult evaluate(Flag flag, @Nullable UserAttributes user) {
        if (flag.simple && !evaluationLog) {
            return flag.valueResult; // nothing to evaluate and nothing to log: no state is claimed
        }
        return logging() ? evaluateLogged(flag, user) : evaluateQuietly(flag, user);
    }

    private EvaluationResult evaluateQuietly(Flag flag, @Nullable UserAttributes user) {
        EvaluationState state = EvaluationState.begin(user, flag.repeatsReads);
        try {
            state.start(flag.key);
            return evaluateFlag(flag, state);
        } catch (RuntimeException e) {
            return failure(e);
        } finally {
            state.end();
        }
    }

    /**
     * Evaluates flags for one user in one pass, reading each of the user's attributes once. With the evaluation log
     * off, each prerequisite with rules or options is evaluated at most once per pass (its result is shared by the
     * flags that depend on it).
     *
     * @param ordered the flags, in the order the sink receives them
     * @param user the user, or {@code null}
     * @param sink receives each key and result
     */
    void evaluateAll(Flag[] ordered, @Nullable UserAttributes user, BiConsumer<String, EvaluationResult> sink) {
        if (logging()) {
            for (Flag flag : ordered) {
                sink.accept(flag.key, evaluateLogged(flag, user));
            }
            return;
        }
        EvaluationState state = EvaluationState.begin(user, true);
        // Only results of shared prerequisites are kept: a pass without them allocates no map.
        Map<Flag, EvaluationResult> shared = sharedPrerequisites.isEmpty() ? null : new IdentityHashMap<>();
        state.sharedResults = shared;
        try {
            for (Flag flag : ordered) {
                EvaluationResult result = shared == null ? null : shared.get(flag);
                if (result == null) {
                    try {
                        state.start(flag.key);
                        result = flag.simple ? flag.valueResult : evaluateFlag(flag, state);
                        if (shared != null && sharedPrerequisites.contains(flag)) {
                            shared.put(flag, result);
                        }
                    } catch (RuntimeException e) {
                        result = failure(e); // the next flag's start() leaves the prerequisites it failed in
                    }
                }
                sink.accept(flag.key, result);
            }
        } finally {
            state.end();
        }
    }

    private EvaluationResult evaluateLogged(Flag flag, @Nullable UserAttributes user) {
        Trace trace = new Trace();
        trace.append("Evaluating '").append(flag.key).append("'");
        if (user != null) {
            trace.append(" for User '").append(UserText.json(user)).append("'");
        }
        trace.indent();
        EvaluationState state = EvaluationState.begin(user, flag.repeatsReads);
        state.trace = trace;
        try {
            state.start(flag.key);
            EvaluationResult result = evaluateFlag(flag, state);
            if (!result.isError()) {
                trace.line("Returning '").append(String.valueOf(result.value())).append("'.");
            }
            trace.outdent();
            return result;
        } catch (RuntimeException e) {
            return failure(e);
        } finally {
            state.end();
            Warnings.LOG.atInfo().addKeyValue("eventId", 5000).log(trace.text());
        }
    }

    private static EvaluationResult failure(RuntimeException e) {
        if (e instanceof BrokenConfigException) {
            return EvaluationResult.error(ErrorKind.PARSE_ERROR, String.valueOf(e.getMessage()));
        }
        // Not expected: a defect, or a UserAttributes implementation that throws. Reported, never thrown.
        return EvaluationResult.error(ErrorKind.GENERAL, "Evaluation failed: " + e);
    }

    /**
     * Evaluates a flag (the one asked for, or a prerequisite, already {@link EvaluationState#start started} or
     * {@link EvaluationState#enter entered}): its rules, then its % options, then its value.
     */
    private EvaluationResult evaluateFlag(Flag flag, EvaluationState state) {
        if (flag.brokenMessage != null) {
            throw new BrokenConfigException(flag.brokenMessage);
        }
        Trace trace = state.trace;
        if (flag.rules.length > 0) {
            if (trace != null) {
                trace.line("Evaluating targeting rules and applying the first match if any:");
            }
            for (Rule rule : flag.rules) {
                EvaluationResult served = evaluateRule(flag, rule, state);
                if (served != null) {
                    return served;
                }
            }
        }
        if (flag.options.length > 0) {
            EvaluationResult chosen = percentageOption(flag, flag.options, state);
            if (chosen != null) {
                return chosen;
            }
        }
        return flag.valueResult;
    }

    /** Returns what a rule serves, or {@code null} when it does not apply (no match, or skipped). */
    private @Nullable EvaluationResult evaluateRule(Flag flag, Rule rule, EvaluationState state) {
        Trace trace = state.trace;
        // Most rules have one user condition: evaluated without the condition loop when nothing is logged, so that the
        // rule loop stays small enough for the JIT to inline (docs/engine.md has the measurement).
        Outcome outcome = trace == null && rule.single != null
                ? ConditionEvaluator.evaluate(rule.single, state)
                : evaluateConditions(rule.conditions, rule, state);
        if (outcome == Outcome.USER_MISSING) {
            state.warnUserMissing();
        }
        if (outcome != Outcome.MATCH) {
            if (trace != null && !outcome.evaluated()) {
                trace.ruleIgnored();
            }
            return null;
        }
        if (rule.result != null) {
            return rule.result;
        }
        if (rule.options == null) {
            throw new BrokenConfigException(String.valueOf(rule.thenError));
        }
        if (trace != null) {
            trace.indent();
        }
        EvaluationResult chosen = percentageOption(flag, rule.options, state);
        if (trace != null) {
            trace.outdent();
            if (chosen == null) {
                trace.ruleIgnored();
            }
        }
        return chosen;
    }

    /**
     * Returns the % option for the user, or {@code null} when the options are skipped (no user, or the attribute
     * they are based on is missing), with ConfigCat's warning.
     */
    private static @Nullable EvaluationResult percentageOption(Flag flag, Option[] options, EvaluationState state) {
        Trace trace = state.trace;
        UserAttributes user = state.user;
        if (user == null) {
            if (trace != null) {
                trace.line("Skipping % options because the User Object is missing.");
            }
            state.warnUserMissing();
            return null;
        }
        String value = PercentageOptions.attributeValue(flag, user);
        if (value == null) {
            String attribute = PercentageOptions.attributeName(flag);
            if (trace != null) {
                trace.line("Skipping % options because the User." + attribute + " attribute is missing.");
            }
            state.warnPercentageAttributeMissing(attribute);
            return null;
        }
        return PercentageOptions.choose(flag, options, value, trace);
    }

    /**
     * Evaluates ANDed conditions, stopping at the first that does not match.
     *
     * @param rule the rule they belong to, or {@code null} for a segment's conditions (the log differs)
     */
    private Outcome evaluateConditions(Condition[] conditions, @Nullable Rule rule, EvaluationState state) {
        Trace trace = state.trace;
        Outcome outcome = Outcome.MATCH;
        boolean onNewLine = false;
        int n = conditions.length;
        for (int i = 0; i < n; i++) {
            if (trace != null) {
                if (i == 0) {
                    trace.line("- IF ");
                    trace.indent();
                } else {
                    trace.indent();
                    trace.line("AND ");
                }
            }
            Condition c = conditions[i];
            if (c instanceof UserCondition) {
                outcome = ConditionEvaluator.evaluate((UserCondition) c, state);
                onNewLine = n > 1;
            } else if (c instanceof SegmentCondition) {
                outcome = evaluateSegment((SegmentCondition) c, state);
                onNewLine = outcome != Outcome.USER_MISSING || n > 1;
            } else if (c instanceof PrerequisiteCondition) {
                outcome = evaluatePrerequisite((PrerequisiteCondition) c, state);
                onNewLine = true;
            } else {
                throw new BrokenConfigException(((BrokenCondition) c).message);
            }
            if (trace != null) {
                if (rule == null || n > 1) {
                    trace.conditionConsequence(outcome == Outcome.MATCH);
                }
                trace.outdent();
            }
            if (outcome != Outcome.MATCH) {
                break;
            }
        }
        if (rule != null && trace != null) {
            trace.ruleConsequence(rule, errorText(outcome, trace), outcome == Outcome.MATCH, onNewLine);
        }
        return outcome;
    }

    private static @Nullable String errorText(Outcome outcome, Trace trace) {
        switch (outcome) {
            case USER_MISSING:
                return USER_MISSING_TEXT;
            case CANNOT_EVALUATE:
                return trace.error;
            default:
                return null;
        }
    }

    private Outcome evaluateSegment(SegmentCondition c, EvaluationState state) {
        if (c.comparatorMessage != null) {
            throw new BrokenConfigException(c.comparatorMessage);
        }
        Trace trace = state.trace;
        if (trace != null) {
            trace.append(c.describe());
        }
        if (state.user == null) {
            return Outcome.USER_MISSING;
        }
        Segment segment = c.segment;
        if (segment == null) {
            throw new BrokenConfigException(String.valueOf(c.referenceMessage));
        }
        if (segment.name.isEmpty()) {
            throw new BrokenConfigException("Segment name is missing.");
        }
        if (trace != null) {
            trace.blockStart("Evaluating segment '" + segment.name + "':");
        }
        Outcome inSegment = evaluateConditions(segment.conditions, null, state);
        if (!inSegment.evaluated()) {
            if (trace != null) {
                trace.line("Segment evaluation result: " + errorText(inSegment, trace) + ".");
                trace.line("Condition (" + c.describe() + ") failed to evaluate.");
                trace.blockEnd();
            }
            return inSegment;
        }
        boolean in = inSegment == Outcome.MATCH;
        boolean result = in != c.negated;
        if (trace != null) {
            trace.line("Segment evaluation result: User " + SegmentCondition.comparatorText(!in) + ".");
            trace.line("Condition (" + c.describe() + ") evaluates to " + result + ".");
            trace.blockEnd();
        }
        return Outcome.of(result);
    }

    private Outcome evaluatePrerequisite(PrerequisiteCondition c, EvaluationState state) {
        if (c.comparatorMessage != null) {
            throw new BrokenConfigException(c.comparatorMessage);
        }
        Trace trace = state.trace;
        if (trace != null) {
            trace.append(c.describe());
        }
        Flag prerequisite = c.key.isEmpty() ? null : flags.get(c.key);
        if (prerequisite == null) {
            throw new BrokenConfigException("Prerequisite flag key is missing or invalid.");
        }
        if (!c.hasValueOf(prerequisite.type)) {
            throw new BrokenConfigException("Type mismatch between comparison value '" + c.valueText()
                    + "' and prerequisite flag '" + c.key + "'.");
        }
        if (state.depth() > MAX_PREREQUISITE_DEPTH) {
            throw new BrokenConfigException("Prerequisite flag chain is deeper than " + MAX_PREREQUISITE_DEPTH
                    + " flags (at '" + c.key + "').");
        }
        if (state.isEvaluating(c.key)) {
            throw new BrokenConfigException(
                    "Circular dependency detected between the following depending flags: " + state.cycle(c.key) + ".");
        }
        if (trace != null) {
            trace.blockStart("Evaluating prerequisite flag '" + c.key + "':");
        }
        EvaluationResult r = prerequisiteResult(prerequisite, state);
        Object value = r.value();
        if (value == null) {
            throw new BrokenConfigException(String.valueOf(r.errorMessage()));
        }
        boolean result = c.valueEquals(prerequisite.type, value) != c.notEquals;
        if (trace != null) {
            trace.line("Prerequisite flag evaluation result: '" + value + "'.");
            trace.line("Condition (" + c.describe() + ") evaluates to " + result + ".");
            trace.blockEnd();
        }
        return Outcome.of(result);
    }

    /** A prerequisite's result: shared within a pass when it was evaluated before, else evaluated now. */
    private EvaluationResult prerequisiteResult(Flag prerequisite, EvaluationState state) {
        if (prerequisite.simple) {
            return prerequisite.valueResult;
        }
        Map<Flag, EvaluationResult> shared = state.sharedResults;
        EvaluationResult r = shared == null ? null : shared.get(prerequisite);
        if (r == null) {
            state.enter(prerequisite.key);
            r = evaluateFlag(prerequisite, state);
            state.exit();
            if (shared != null && !r.isError()) {
                shared.put(prerequisite, r);
            }
        }
        return r;
    }
}
