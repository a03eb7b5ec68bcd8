package dev.vexilla.local.internal.provider;

import dev.vexilla.local.internal.events.EvaluationCountSink;
import dev.vexilla.model.ErrorKind;
import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.ResultDetail;
import dev.vexilla.model.ResultReason;
import dev.vexilla.model.UserAttributes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * One flag of a {@link Snapshot}: its engine handle and its evaluation counters. A ConfigCat flag counts one
 * {@link LongAdder} per precomputed success result (found by identity, no hashing); a DevCycle variable counts per
 * variation served (the variation key's cached hash) and the evaluations no target served; both count one counter
 * per error kind. Thread-safe; counting allocates nothing once a variation has been seen.
 */
final class FlagSlot {

    private static final ErrorKind[] ERROR_KINDS = ErrorKind.values();

    /** Evaluates the slot's flag for a user. */
    @FunctionalInterface
    interface Handle {
        EvaluationResult evaluate(@Nullable UserAttributes user);
    }

    final String key;
    final Handle flag;
    private final EvaluationResult[] results;
    private final LongAdder[] successCounts;
    private final LongAdder otherSuccesses = new LongAdder();
    private final AtomicLongArray errorCounts = new AtomicLongArray(ERROR_KINDS.length);
    private final Map<String, VariationCount> variations = new ConcurrentHashMap<>();
    private final LongAdder notServed = new LongAdder();

    /** A DevCycle variation's counters, one per reason, with the ids its events name. */
    private static final class VariationCount {
        final ResultDetail detail;
        final LongAdder[] byReason = new LongAdder[REASONS.length];

        VariationCount(ResultDetail detail) {
            this.detail = detail;
            for (int i = 0; i < byReason.length; i++) {
                byReason[i] = new LongAdder();
            }
        }
    }

    private static final ResultReason[] REASONS = ResultReason.values();

    /**
     * Creates a slot.
     *
     * @param key the flag key
     * @param flag evaluates the flag
     * @param successResults the flag's precomputed success results (ConfigCat), counted by identity; may be empty
     */
    FlagSlot(String key, Handle flag, List<EvaluationResult> successResults) {
        this.key = key;
        this.flag = flag;
        this.results = successResults.toArray(new EvaluationResult[0]);
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
        ResultDetail detail = result.detail();
        if (detail != null) {
            countVariation(result, detail);
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

    private void countVariation(EvaluationResult result, ResultDetail detail) {
        String variation = detail.variationId();
        if (result.isDefaulted() || variation == null) {
            notServed.increment();
            return;
        }
        VariationCount counter = variations.get(variation);
        if (counter == null) {
            counter = variations.computeIfAbsent(variation, v -> new VariationCount(detail));
        }
        counter.byReason[result.reason().ordinal()].increment();
    }

    /** Reports and resets every non-zero counter. */
    void drainTo(EvaluationCountSink sink) {
        for (VariationCount counter : variations.values()) {
            String feature = counter.detail.featureId();
            String variation = counter.detail.variationId();
            for (int r = 0; r < REASONS.length; r++) {
                long n = counter.byReason[r].sumThenReset();
                if (n > 0 && feature != null && variation != null) {
                    sink.acceptFeature(key, feature, variation, REASONS[r], n);
                }
            }
        }
        long unserved = notServed.sumThenReset();
        if (unserved > 0) {
            sink.acceptNotServed(key, unserved);
        }
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
