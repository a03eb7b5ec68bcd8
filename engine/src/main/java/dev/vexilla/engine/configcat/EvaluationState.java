package dev.vexilla.engine.configcat;

import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.User;
import dev.vexilla.model.UserAttributes;
import java.util.Arrays;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The state of one evaluation (or one evaluate-all pass), handed down through the evaluator instead of a parameter
 * per concern: the user the conditions read, the log text being built, the chain of flags being evaluated through
 * prerequisites, the prerequisite results shared within a pass, and which warnings each flag of the chain has
 * written. It also writes what an evaluation reports: ConfigCat's warnings and the log's reasons.
 *
 * <p>Evaluations allocate nothing on their common paths, so the state is not created per evaluation: each thread
 * has one, claimed by {@link #begin} and released by {@link #end}, together with its {@link AttributeReads} memo. A
 * nested evaluation on the same thread (a sink or a {@code UserAttributes} implementation evaluating another flag)
 * finds it claimed and gets a fresh state without a memo. Not thread-safe by design: a state never leaves its thread.
 */
final class EvaluationState {

    private static final ThreadLocal<EvaluationState> PER_THREAD = ThreadLocal.withInitial(EvaluationState::new);

    private static final int USER_WARNED = 1;
    private static final int ATTRIBUTE_WARNED = 2;

    /** The user conditions read: the caller's user, this thread's memo of it, or {@code null} when there is none. */
    @Nullable
    UserAttributes user;

    /** The evaluation log being built, or {@code null} when this evaluation writes none. */
    @Nullable
    Trace trace;

    /** Results of the shared prerequisites within an evaluate-all pass, or {@code null} outside a pass. */
    @Nullable
    Map<Flag, EvaluationResult> sharedResults;

    /** The keys of the flags being evaluated, outermost first: the flag asked for, then its prerequisites. */
    private String[] path = new String[8];

    /** Beside {@link #path}: which once-per-flag warnings that flag's evaluation has written. */
    private int[] warned = new int[8];

    private int depth;
    private boolean claimed;
    private @Nullable AttributeReads reads;

    private EvaluationState() {}

    /**
     * Claims this thread's state for one evaluation or pass.
     *
     * @param user the user, or {@code null} when there is none
     * @param memoize whether reads of the user are remembered ({@link AttributeReads}); a nested evaluation never
     *     remembers
     * @return the state; {@link #end()} must follow
     */
    static EvaluationState begin(@Nullable UserAttributes user, boolean memoize) {
        EvaluationState state = PER_THREAD.get();
        if (state.claimed) {
            state = new EvaluationState(); // a nested evaluation on this thread: reads its user directly
            memoize = false;
        }
        state.claimed = true;
        state.user = user == null || !memoize ? user : state.memo().claim(user);
        return state;
    }

    /** Releases the state: the memo, the user and the log, so that nothing stays referenced but a kept {@link User}. */
    void end() {
        if (user == reads && reads != null) {
            reads.release();
        }
        user = null;
        trace = null;
        sharedResults = null;
        depth = 0; // the keys stay in the array: the config's canonical key strings, which the JVM keeps anyway
        claimed = false;
    }

    private AttributeReads memo() {
        AttributeReads memo = reads;
        if (memo == null) {
            memo = new AttributeReads();
            reads = memo;
        }
        return memo;
    }

    /** Starts the evaluation of the flag asked for: it becomes {@link #key()}, the whole chain, with no warning yet. */
    void start(String key) {
        path[0] = key;
        warned[0] = 0;
        depth = 1;
    }

    /** Enters the evaluation of a prerequisite: it becomes {@link #key()}, with no warning written yet. */
    void enter(String key) {
        if (depth == path.length) {
            path = Arrays.copyOf(path, depth * 2);
            warned = Arrays.copyOf(warned, depth * 2);
        }
        path[depth] = key;
        warned[depth] = 0;
        depth++;
    }

    /** Leaves the evaluation of the flag {@link #enter entered} last. */
    void exit() {
        depth--;
    }

    /** Returns the key of the flag being evaluated: the innermost of the prerequisite chain. */
    String key() {
        return path[depth - 1];
    }

    /** Returns how many flags are being evaluated: 1 for the flag asked for, plus one per prerequisite level. */
    int depth() {
        return depth;
    }

    /** Tells whether a flag of this key is being evaluated (a prerequisite naming it closes a cycle). */
    boolean isEvaluating(String key) {
        for (int i = 0; i < depth; i++) {
            if (path[i].equals(key)) {
                return true;
            }
        }
        return false;
    }

    /** Describes the prerequisite chain closed by {@code key}, as ConfigCat does: {@code 'a' -> 'b' -> 'a'}. */
    String cycle(String key) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            sb.append('\'').append(path[i]).append("' -> ");
        }
        return sb.append('\'').append(key).append('\'').toString();
    }

    /** Writes ConfigCat's "User Object is missing" warning, once per flag evaluation. */
    void warnUserMissing() {
        if ((warned[depth - 1] & USER_WARNED) == 0) {
            warned[depth - 1] |= USER_WARNED;
            Warnings.userMissing(key());
        }
    }

    /** Writes ConfigCat's warning that the percentage attribute is missing, once per flag evaluation. */
    void warnPercentageAttributeMissing(String attribute) {
        if ((warned[depth - 1] & ATTRIBUTE_WARNED) == 0) {
            warned[depth - 1] |= ATTRIBUTE_WARNED;
            Warnings.percentageAttributeMissing(key(), attribute);
        }
    }

    /** Reports a condition whose attribute is missing: a warning, and the log's reason. */
    Outcome attributeMissing(UserCondition c) {
        Warnings.attributeMissing(key(), c);
        if (trace != null) {
            trace.error = "cannot evaluate, the User." + c.attribute + " attribute is missing";
        }
        return Outcome.CANNOT_EVALUATE;
    }

    /** Reports a condition whose attribute cannot be read as its comparator needs: a warning, and the log's reason. */
    Outcome attributeInvalid(UserCondition c, String reason) {
        Warnings.attributeInvalid(key(), c, reason);
        if (trace != null) {
            trace.error = "cannot evaluate, the User." + c.attribute + " attribute is invalid (" + reason + ")";
        }
        return Outcome.CANNOT_EVALUATE;
    }

    /** Converts a value that is not a string to the text a text condition compares, with ConfigCat's warning. */
    String convertedToText(UserCondition c, Object value) {
        String text = AttributeText.toText(value);
        Warnings.attributeConverted(key(), c, text);
        return text;
    }
}
