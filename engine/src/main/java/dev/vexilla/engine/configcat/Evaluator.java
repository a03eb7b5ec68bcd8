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
 * Evaluates compiled flags for a user, following ConfigCat's algorithm: targeting rules in order (conditions ANDed,
 * first match wins, a rule that cannot be evaluated is skipped), then % options, then the flag's value.
 *
 * <p>Thread-safe and lock-free: all state is in the immutable flags and in locals. On the common paths an evaluation
 * allocates nothing: success results are precomputed, and the log text is built only when the evaluation log is on
 * and the logger {@value Warnings#LOGGER_NAME} is INFO-enabled (with the log off, no level is checked). A broken config part fails only
 * the flag being evaluated ({@code PARSE_ERROR} with ConfigCat's message); an unexpected exception (for example
 * from a {@code UserAttributes} implementation) becomes a {@code GENERAL} error; no exception escapes.
 */
final class Evaluator {

    /** The longest prerequisite chain evaluated; deeper chains fail the flag instead of exhausting the stack. */
    static final int MAX_PREREQUISITE_DEPTH = 256;

    static final int TRUE = 1;
    static final int FALSE = 0;
    static final int USER_MISSING = -1;
    static final int CANNOT_EVALUATE = -2;

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
        this.flags = flags;
        this.evaluationLog = evaluationLog;
        Set<Flag> shared = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Flag flag : flags.values()) {
            for (String key : flag.prerequisiteKeys) {
                Flag prerequisite = flags.get(key);
                if (prerequisite != null && !prerequisite.simple) {
                    shared.add(prerequisite);
                }
            }
        }
        this.sharedPrerequisites = shared.isEmpty() ? Set.of() : shared;
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
        if (!logging()) {
            if (flag.simple) {
                return flag.valueResult;
            }
            AttributeReads reads = flag.repeatsReads && user != null ? AttributeReads.begin(user) : null;
            try {
                return evaluateSetting(flag, reads != null ? reads : user, null, null, null);
            } catch (RuntimeException e) {
                return failure(e);
            } finally {
                if (reads != null) {
                    reads.end();
                }
            }
        }
        return evaluateLogged(flag, user);
    }

    /**
     * Evaluates flags for one user in one pass: when the evaluation log is off, each prerequisite is evaluated at most
     * once per pass (its result is shared by the flags that depend on it).
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
        // Only results of shared prerequisites are kept: a pass without them allocates no map.
        Map<Flag, EvaluationResult> memo = sharedPrerequisites.isEmpty() ? null : new IdentityHashMap<>();
        // One user for the whole pass: each attribute is read from it once.
        AttributeReads reads = user != null ? AttributeReads.begin(user) : null;
        try {
            evaluateAll(ordered, reads != null ? reads : user, sink, memo);
        } finally {
            if (reads != null) {
                reads.end();
            }
        }
    }

    private void evaluateAll(
            Flag[] ordered,
            @Nullable UserAttributes user,
            BiConsumer<String, EvaluationResult> sink,
            @Nullable Map<Flag, EvaluationResult> memo) {
        for (Flag flag : ordered) {
            EvaluationResult result = memo == null ? null : memo.get(flag);
            if (result == null) {
                try {
                    result = flag.simple ? flag.valueResult : evaluateSetting(flag, user, null, null, memo);
                    if (memo != null && sharedPrerequisites.contains(flag)) {
                        memo.put(flag, result);
                    }
                } catch (RuntimeException e) {
                    result = failure(e);
                }
            }
            sink.accept(flag.key, result);
        }
    }

    private EvaluationResult evaluateLogged(Flag flag, @Nullable UserAttributes user) {
        Trace trace = new Trace();
        trace.append("Evaluating '").append(flag.key).append("'");
        if (user != null) {
            trace.append(" for User '").append(UserText.json(user)).append("'");
        }
        trace.indent();
        try {
            EvaluationResult result = evaluateSetting(flag, user, trace, null, null);
            if (!result.isError()) {
                trace.line("Returning '").append(String.valueOf(result.value())).append("'.");
            }
            trace.outdent();
            return result;
        } catch (RuntimeException e) {
            return failure(e);
        } finally {
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

    private EvaluationResult evaluateSetting(
            Flag flag,
            @Nullable UserAttributes user,
            @Nullable Trace trace,
            @Nullable PrerequisitePath visited,
            @Nullable Map<Flag, EvaluationResult> memo) {
        if (flag.brokenMessage != null) {
            throw new BrokenConfigException(flag.brokenMessage);
        }
        boolean userWarned = false;
        boolean attributeWarned = false;
        Rule[] rules = flag.rules;
        if (rules.length > 0) {
            if (trace != null) {
                trace.line("Evaluating targeting rules and applying the first match if any:");
            }
            for (Rule rule : rules) {
                int r;
                if (trace != null) {
                    r = evaluateConditions(rule.conditions, rule, flag.key, user, trace, visited, memo);
                } else if (rule.single != null) {
                    r = ConditionEvaluator.evaluate(rule.single, flag.key, user, null); // the usual rule shape
                } else {
                    r = conditionsQuiet(rule.conditions, flag.key, user, visited, memo);
                }
                if (r == USER_MISSING && !userWarned) {
                    userWarned = true;
                    Warnings.userMissing(flag.key);
                }
                if (r != TRUE) {
                    if (r < 0 && trace != null) {
                        trace.ruleIgnored();
                    }
                    continue;
                }
                if (rule.result != null) {
                    return rule.result;
                }
                Option[] options = rule.options();
                if (options == null || options.length == 0) {
                    throw new BrokenConfigException(String.valueOf(rule.thenError()));
                }
                if (trace != null) {
                    trace.indent();
                }
                EvaluationResult chosen = PercentageOptions.choose(flag, options, user, trace);
                if (trace != null) {
                    trace.outdent();
                }
                if (chosen == PercentageOptions.SKIPPED_USER_MISSING
                        || chosen == PercentageOptions.SKIPPED_ATTRIBUTE_MISSING) {
                    if (chosen == PercentageOptions.SKIPPED_USER_MISSING && !userWarned) {
                        userWarned = true;
                        Warnings.userMissing(flag.key);
                    } else if (chosen == PercentageOptions.SKIPPED_ATTRIBUTE_MISSING && !attributeWarned) {
                        attributeWarned = true;
                        Warnings.percentageAttributeMissing(flag.key, PercentageOptions.attributeName(flag));
                    }
                    if (trace != null) {
                        trace.ruleIgnored();
                    }
                    continue;
                }
                return chosen;
            }
        }
        if (flag.options.length > 0) {
            EvaluationResult chosen = PercentageOptions.choose(flag, flag.options, user, trace);
            if (chosen == PercentageOptions.SKIPPED_USER_MISSING) {
                if (!userWarned) {
                    Warnings.userMissing(flag.key);
                }
            } else if (chosen == PercentageOptions.SKIPPED_ATTRIBUTE_MISSING) {
                if (!attributeWarned) {
                    Warnings.percentageAttributeMissing(flag.key, PercentageOptions.attributeName(flag));
                }
            } else {
                return chosen;
            }
        }
        return flag.valueResult;
    }

    /** The conditions of a rule without a log: the same outcome as {@link #evaluateConditions}, less code. */
    private int conditionsQuiet(
            Condition[] conditions,
            String contextKey,
            @Nullable UserAttributes user,
            @Nullable PrerequisitePath visited,
            @Nullable Map<Flag, EvaluationResult> memo) {
        for (Condition c : conditions) {
            int result;
            if (c instanceof UserCondition) {
                result = ConditionEvaluator.evaluate((UserCondition) c, contextKey, user, null);
            } else {
                result = evaluateOther(c, contextKey, user, visited, memo);
            }
            if (result != TRUE) {
                return result;
            }
        }
        return TRUE;
    }

    private int evaluateOther(
            Condition c,
            String contextKey,
            @Nullable UserAttributes user,
            @Nullable PrerequisitePath visited,
            @Nullable Map<Flag, EvaluationResult> memo) {
        if (c instanceof SegmentCondition) {
            return evaluateSegment((SegmentCondition) c, contextKey, user, null, visited, memo);
        }
        if (c instanceof PrerequisiteCondition) {
            return evaluatePrerequisite((PrerequisiteCondition) c, contextKey, user, null, visited, memo);
        }
        throw new BrokenConfigException(((BrokenCondition) c).message);
    }

    int evaluateConditions(
            Condition[] conditions,
            @Nullable Rule rule,
            String contextKey,
            @Nullable UserAttributes user,
            @Nullable Trace trace,
            @Nullable PrerequisitePath visited,
            @Nullable Map<Flag, EvaluationResult> memo) {
        int result = TRUE;
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
                result = ConditionEvaluator.evaluate((UserCondition) c, contextKey, user, trace);
                onNewLine = n > 1;
            } else if (c instanceof SegmentCondition) {
                result = evaluateSegment((SegmentCondition) c, contextKey, user, trace, visited, memo);
                onNewLine = result != USER_MISSING || n > 1;
            } else if (c instanceof PrerequisiteCondition) {
                result = evaluatePrerequisite((PrerequisiteCondition) c, contextKey, user, trace, visited, memo);
                onNewLine = true;
            } else {
                throw new BrokenConfigException(((BrokenCondition) c).message);
            }
            if (trace != null) {
                if (rule == null || n > 1) {
                    trace.conditionConsequence(result == TRUE);
                }
                trace.outdent();
            }
            if (result != TRUE) {
                break;
            }
        }
        if (rule != null && trace != null) {
            trace.ruleConsequence(rule, errorText(result, trace), result == TRUE, onNewLine);
        }
        return result;
    }

    private static @Nullable String errorText(int result, Trace trace) {
        if (result == USER_MISSING) {
            return USER_MISSING_TEXT;
        }
        return result == CANNOT_EVALUATE ? trace.error : null;
    }

    private int evaluateSegment(
            SegmentCondition c,
            String contextKey,
            @Nullable UserAttributes user,
            @Nullable Trace trace,
            @Nullable PrerequisitePath visited,
            @Nullable Map<Flag, EvaluationResult> memo) {
        if (c.comparatorMessage != null) {
            throw new BrokenConfigException(c.comparatorMessage);
        }
        if (trace != null) {
            trace.append(c.describe());
        }
        if (user == null) {
            return USER_MISSING;
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
        int r = evaluateConditions(segment.conditions, null, contextKey, user, trace, visited, memo);
        if (r < 0) {
            if (trace != null) {
                trace.line("Segment evaluation result: " + errorText(r, trace) + ".");
                trace.line("Condition (" + c.describe() + ") failed to evaluate.");
                trace.blockEnd();
            }
            return r;
        }
        boolean inSegment = r == TRUE;
        boolean result = inSegment != c.negated;
        if (trace != null) {
            trace.line("Segment evaluation result: User " + SegmentCondition.comparatorText(!inSegment) + ".");
            trace.line("Condition (" + c.describe() + ") evaluates to " + result + ".");
            trace.blockEnd();
        }
        return result ? TRUE : FALSE;
    }

    private int evaluatePrerequisite(
            PrerequisiteCondition c,
            String contextKey,
            @Nullable UserAttributes user,
            @Nullable Trace trace,
            @Nullable PrerequisitePath visited,
            @Nullable Map<Flag, EvaluationResult> memo) {
        if (c.comparatorMessage != null) {
            throw new BrokenConfigException(c.comparatorMessage);
        }
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
        int depth = visited == null ? 1 : visited.depth + 1;
        if (depth > MAX_PREREQUISITE_DEPTH) {
            throw new BrokenConfigException("Prerequisite flag chain is deeper than " + MAX_PREREQUISITE_DEPTH
                    + " flags (at '" + c.key + "').");
        }
        if (contextKey.equals(c.key) || (visited != null && visited.contains(c.key))) {
            throw new BrokenConfigException("Circular dependency detected between the following depending flags: "
                    + new PrerequisitePath(contextKey, visited).describe(c.key) + ".");
        }
        if (trace != null) {
            trace.blockStart("Evaluating prerequisite flag '" + c.key + "':");
        }
        EvaluationResult r = memo == null ? null : memo.get(prerequisite);
        if (r == null) {
            // A flag without rules or options cannot reach further prerequisites: no path needed.
            r = prerequisite.simple
                    ? prerequisite.valueResult
                    : evaluateSetting(prerequisite, user, trace, new PrerequisitePath(contextKey, visited), memo);
            if (memo != null && !prerequisite.simple && !r.isError()) {
                memo.put(prerequisite, r);
            }
        }
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
        return result ? TRUE : FALSE;
    }
}
