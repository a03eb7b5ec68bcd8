package dev.vexilla.cloud;

import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.vexilla.cloud.internal.BulkAnswer;
import dev.vexilla.cloud.internal.RemoteAnswer;
import dev.vexilla.model.ErrorKind;
import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.ResultMapper;
import dev.vexilla.model.bucketing.EvalReason;
import dev.vexilla.model.bucketing.Feature;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Turns all-flags answers into the provider's public shapes: evaluation details, and features for OFREP. */
final class BulkResults {
    private BulkResults() {}

    /** Derives Bucketing API features from an OFREP bulk evaluation (the protocol has no features route). */
    static @Nullable Map<String, Feature> features(BulkAnswer bulk) {
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

    /** One flag's answer as evaluation details with the flag's own value type. */
    static FlagEvaluationDetails<Object> details(String key, RemoteAnswer answer) {
        EvaluationResult r = answer.result();
        if (r.isError()) {
            ErrorKind kind = Objects.requireNonNull(r.errorKind());
            return FlagEvaluationDetails.<Object>builder()
                    .flagKey(key)
                    .reason("ERROR")
                    .errorCode(ResultMapper.errorCode(kind))
                    .errorMessage(r.errorMessage())
                    .flagMetadata(answer.metadata())
                    .build();
        }
        return FlagEvaluationDetails.<Object>builder()
                .flagKey(key)
                .value(r.value())
                .variant(r.variationId())
                .reason(r.reason().name())
                .flagMetadata(answer.metadata())
                .build();
    }
}
