package dev.vexilla.cloud;

import dev.vexilla.cloud.internal.BulkAnswer;
import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.bucketing.EvalReason;
import dev.vexilla.model.bucketing.Feature;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Derives Bucketing API features from an OFREP bulk evaluation (the protocol has no features route). */
final class Features {
    private Features() {}

    static @Nullable Map<String, Feature> fromBulk(BulkAnswer bulk) {
        if (bulk.exchange().result().isError()) {
            return null;
        }
        Map<String, Feature> out = new LinkedHashMap<>();
        bulk.flags().forEach((key, answer) -> {
            EvaluationResult r = answer.result();
            if (!r.isError()) {
                String variation = r.variationId();
                out.put(
                        key,
                        new Feature(
                                key,
                                key,
                                "release",
                                variation,
                                variation,
                                null,
                                new EvalReason(r.reason().name(), null, null)));
            }
        });
        return out;
    }
}
