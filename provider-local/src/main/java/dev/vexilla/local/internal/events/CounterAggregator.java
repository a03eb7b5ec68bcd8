package dev.vexilla.local.internal.events;

import dev.vexilla.model.ErrorKind;
import dev.vexilla.model.ResultReason;
import dev.vexilla.model.events.RequestEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Turns drained evaluation counters into DevCycle's aggregated events, one per flag and variation:
 * <ul>
 *   <li>a successful evaluation (no error) counts in {@code aggVariableEvaluated} with {@code target} = flag key,
 *       {@code value} = total count and {@code metaData = {_feature: <flag key>, _variation: <variation id>,
 *       eval: {<reason>: count, ...}}}; a missing variation id is sent as {@value #NO_VARIATION};</li>
 *   <li>an error (an error kind is given, or the reason is {@code ERROR}) counts in {@code aggVariableDefaulted}
 *       per flag key with {@code value} = total count and {@code metaData = {_variation: "DEFAULT", eval:
 *       {DEFAULT: count}, _errors: {<error kind>: count, ...}}}; an {@code ERROR} reason without a kind counts as
 *       {@code GENERAL}; for DevCycle's events API ({@code new CounterAggregator(false)}) the {@code _errors} entry is
 *       left out, so the event is DevCycle's exactly;</li>
 *   <li>a DevCycle variable names its feature and variation by their ids ({@code _feature: <feature id>,
 *       _variation: <variation id>}), as DevCycle's own SDKs do; a DevCycle variable that no target served counts in
 *       {@code aggVariableDefaulted} without an {@code _errors} entry (it is DevCycle's "User Not Targeted", not an
 *       error).</li>
 * </ul>
 * Counts below 1 are ignored. Counters of a flag key the events service would refuse (empty, or longer than
 * {@value BatchingEventRecorder#MAX_NAME_LENGTH} characters) are not sent; {@link #skippedEvaluations()} counts
 * them. Not thread-safe: used by one flush at a time.
 */
final class CounterAggregator implements EvaluationCountSink {
    /** The {@code _variation} sent for a successful evaluation without a variation id. */
    static final String NO_VARIATION = "none";
    /** The metaData key of the per-error-kind counts of a defaulted event. */
    static final String ERRORS_KEY = "_errors";

    private final Map<VariationKey, Map<String, Long>> evaluated = new LinkedHashMap<>();
    private final Map<String, Map<String, Long>> defaulted = new LinkedHashMap<>();
    private final Map<String, Long> notServed = new LinkedHashMap<>();
    private final boolean errorCounts;
    private long skipped;

    /** Creates an aggregator that adds {@code _errors} to defaulted events. */
    CounterAggregator() {
        this(true);
    }

    /**
     * Creates an aggregator.
     *
     * @param errorCounts whether defaulted events carry {@code _errors}; {@code false} is DevCycle's format exactly
     */
    CounterAggregator(boolean errorCounts) {
        this.errorCounts = errorCounts;
    }

    @Override
    public void accept(
            String flagKey, @Nullable String variationId, ResultReason reason, @Nullable ErrorKind error, long count) {
        if (count < 1 || flagKey == null || reason == null) {
            return;
        }
        if (flagKey.isEmpty() || flagKey.length() > BatchingEventRecorder.MAX_NAME_LENGTH) {
            skipped += count;
            return;
        }
        if (error != null || reason == ResultReason.ERROR) {
            String kind = (error != null ? error : ErrorKind.GENERAL).name();
            defaulted.computeIfAbsent(flagKey, k -> new LinkedHashMap<>()).merge(kind, count, Long::sum);
        } else {
            count(flagKey, flagKey, variationId != null ? variationId : NO_VARIATION, reason, count);
        }
    }

    @Override
    public void acceptFeature(
            String variableKey, String featureId, String variationId, ResultReason reason, long count) {
        if (usable(variableKey, count) && reason != null) {
            count(variableKey, featureId, variationId, reason, count);
        }
    }

    @Override
    public void acceptNotServed(String variableKey, long count) {
        if (usable(variableKey, count)) {
            defaulted.computeIfAbsent(variableKey, k -> new LinkedHashMap<>());
            notServed.merge(variableKey, count, Long::sum);
        }
    }

    private boolean usable(@Nullable String key, long count) {
        if (count < 1 || key == null) {
            return false;
        }
        if (key.isEmpty() || key.length() > BatchingEventRecorder.MAX_NAME_LENGTH) {
            skipped += count;
            return false;
        }
        return true;
    }

    private void count(String target, String feature, String variationId, ResultReason reason, long count) {
        VariationKey key = new VariationKey(target, feature, variationId);
        evaluated.computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(reason.name(), count, Long::sum);
    }

    /**
     * Returns whether no counter was accepted.
     *
     * @return {@code true} when there is nothing to send
     */
    boolean isEmpty() {
        return evaluated.isEmpty() && defaulted.isEmpty();
    }

    /**
     * Returns how many evaluations were not turned into events because their flag key is unusable.
     *
     * @return the sum of the skipped counts
     */
    long skippedEvaluations() {
        return skipped;
    }

    /**
     * Builds the events of the accepted counters.
     *
     * @param date the date of every event (the flush time)
     * @return evaluated events then defaulted events, in the order the counters came
     */
    List<RequestEvent> toEvents(Instant date) {
        List<RequestEvent> events = new ArrayList<>(evaluated.size() + defaulted.size());
        for (Map.Entry<VariationKey, Map<String, Long>> e : evaluated.entrySet()) {
            VariationKey key = e.getKey();
            events.add(
                    RequestEvent.aggregatedEvaluation(key.flagKey, key.featureId, key.variationId, e.getValue(), date));
        }
        for (Map.Entry<String, Map<String, Long>> e : defaulted.entrySet()) {
            Map<String, Long> errors = errorCounts ? e.getValue() : Collections.emptyMap();
            long total = notServed.getOrDefault(e.getKey(), 0L) + sum(e.getValue());
            events.add(defaultedEvent(e.getKey(), errors, total, date));
        }
        return events;
    }

    private static long sum(Map<String, Long> counts) {
        long total = 0;
        for (long c : counts.values()) {
            total += c;
        }
        return total;
    }

    private static RequestEvent defaultedEvent(String flagKey, Map<String, Long> errors, long total, Instant date) {
        RequestEvent plain = RequestEvent.aggregatedDefault(flagKey, total, date);
        Map<String, Object> meta = new LinkedHashMap<>(plain.metaData());
        if (!errors.isEmpty()) {
            meta.put(ERRORS_KEY, new LinkedHashMap<>(errors));
        }
        return new RequestEvent(plain.type(), null, null, flagKey, date, null, plain.value(), meta, null);
    }

    private static final class VariationKey {
        final String flagKey;
        final String featureId;
        final String variationId;

        VariationKey(String flagKey, String featureId, String variationId) {
            this.flagKey = flagKey;
            this.featureId = featureId;
            this.variationId = variationId;
        }

        @Override
        public boolean equals(@Nullable Object o) {
            if (!(o instanceof VariationKey)) {
                return false;
            }
            VariationKey that = (VariationKey) o;
            return flagKey.equals(that.flagKey)
                    && featureId.equals(that.featureId)
                    && variationId.equals(that.variationId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(flagKey, featureId, variationId);
        }
    }
}
