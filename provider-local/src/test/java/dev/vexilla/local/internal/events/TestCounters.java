package dev.vexilla.local.internal.events;

import dev.vexilla.model.ErrorKind;
import dev.vexilla.model.ResultReason;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/** Evaluation counters as a provider keeps them: one atomic counter per outcome, drained by subtraction. */
final class TestCounters implements EvaluationCountSource {
    private final Map<Outcome, AtomicLong> counters = new ConcurrentHashMap<>();
    private final AtomicInteger drains = new AtomicInteger();

    void count(String flagKey, @Nullable String variationId, ResultReason reason, @Nullable ErrorKind error, long n) {
        counters.computeIfAbsent(new Outcome(flagKey, variationId, reason, error), k -> new AtomicLong())
                .addAndGet(n);
    }

    long pending() {
        return counters.values().stream().mapToLong(AtomicLong::get).sum();
    }

    int drains() {
        return drains.get();
    }

    @Override
    public void drainTo(EvaluationCountSink sink) {
        drains.incrementAndGet();
        counters.forEach((outcome, counter) -> {
            long n = counter.get();
            if (n > 0) {
                counter.addAndGet(-n);
                sink.accept(outcome.flagKey, outcome.variationId, outcome.reason, outcome.error, n);
            }
        });
    }

    private static final class Outcome {
        final String flagKey;
        final @Nullable String variationId;
        final ResultReason reason;
        final @Nullable ErrorKind error;

        Outcome(String flagKey, @Nullable String variationId, ResultReason reason, @Nullable ErrorKind error) {
            this.flagKey = flagKey;
            this.variationId = variationId;
            this.reason = reason;
            this.error = error;
        }

        @Override
        public boolean equals(@Nullable Object o) {
            if (!(o instanceof Outcome)) {
                return false;
            }
            Outcome that = (Outcome) o;
            return flagKey.equals(that.flagKey)
                    && Objects.equals(variationId, that.variationId)
                    && reason == that.reason
                    && error == that.error;
        }

        @Override
        public int hashCode() {
            return Objects.hash(flagKey, variationId, reason, error);
        }
    }
}
