package dev.vexilla.local.internal.provider;

import dev.vexilla.engine.configcat.CompiledFlag;
import dev.vexilla.local.internal.events.EvaluationCountSink;
import dev.vexilla.model.ErrorKind;
import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.ResultReason;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * One flag of a {@link Snapshot}: its engine handle and its evaluation counters, one {@link LongAdder} per
 * precomputed success result (found by identity, no hashing) and one counter per error kind. Thread-safe; counting
 * allocates nothing.
 */
final class FlagSlot {

    private static final ErrorKind[] ERROR_KINDS = ErrorKind.values();

    final String key;
    final CompiledFlag flag;
    private final EvaluationResult[] results;
    private final LongAdder[] successCounts;
    private final LongAdder otherSuccesses = new LongAdder();
    private final AtomicLongArray errorCounts = new AtomicLongArray(ERROR_KINDS.length);

    FlagSlot(CompiledFlag flag) {
        this.key = flag.key();
        this.flag = flag;
        List<EvaluationResult> list = flag.successResults();
        this.results = list.toArray(new EvaluationResult[0]);
        this.successCounts = new LongAdder[results.length];
        for (int i = 0; i < results.length; i++) {
            successCounts[i] = new LongAdder();
        }
    }

    /**
     * Counts one evaluation.
     *
     * @param result the engine's result
     * @param typeMismatch whether the mapping to the requested type failed
     */
    void count(EvaluationResult result, boolean typeMismatch) {
        if (typeMismatch) {
            errorCounts.incrementAndGet(ErrorKind.TYPE_MISMATCH.ordinal());
            return;
        }
        ErrorKind error = result.errorKind();
        if (error != null) {
            errorCounts.incrementAndGet(error.ordinal());
            return;
        }
        EvaluationResult[] known = results;
        for (int i = 0; i < known.length; i++) {
            if (known[i] == result) {
                successCounts[i].increment();
                return;
            }
        }
        otherSuccesses.increment();
    }

    /** Reports and resets every non-zero counter. */
    void drainTo(EvaluationCountSink sink) {
        for (int i = 0; i < results.length; i++) {
            long n = successCounts[i].sumThenReset();
            if (n > 0) {
                sink.accept(key, results[i].variationId(), results[i].reason(), null, n);
            }
        }
        long other = otherSuccesses.sumThenReset();
        if (other > 0) {
            sink.accept(key, null, ResultReason.DEFAULT, null, other);
        }
        for (int i = 0; i < ERROR_KINDS.length; i++) {
            long n = errorCounts.getAndSet(i, 0);
            if (n > 0) {
                sink.accept(key, null, ResultReason.ERROR, ERROR_KINDS[i], n);
            }
        }
    }
}
