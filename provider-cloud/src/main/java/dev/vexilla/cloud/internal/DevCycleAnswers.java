package dev.vexilla.cloud.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openfeature.sdk.ImmutableMetadata;
import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.FlagMetadata;
import dev.vexilla.model.ObjectMappers;
import dev.vexilla.model.ResultDetail;
import dev.vexilla.model.ResultReason;
import dev.vexilla.model.internal.WireResults;
import org.jspecify.annotations.Nullable;

/**
 * Rebuilds the results of a DevCycle config v2 from either protocol's answer, so that {@code ResultMapper} applies
 * DevCycle's type rules to them exactly as it does for {@code LocalProvider}'s.
 *
 * <ul>
 *   <li>A <b>served variable</b> is recognised by DevCycle's flag metadata (a {@code featureId} or {@code featureKey}):
 *       its value becomes the engine's (a JSON variable a {@code Map} or {@code List}, not JSON text), and the feature,
 *       variation, target and DevCycle's details text become the result's {@link ResultDetail}.
 *   <li>"<b>User Not Targeted</b>": an answer with reason {@code DEFAULT}, no value and no error code (the Bucketing
 *       API's 404 {@code "Variable not found for key: …"} whose {@code vexilla} extension names no error code, or an
 *       OFREP evaluation without value) is a defaulted result: the caller's default, reason {@code DEFAULT}, no error
 *       code, as {@code LocalProvider} reports it.
 * </ul>
 *
 * <p>Anything else (a ConfigCat config's answers, errors) is left to the protocol's own reading: {@code null}. No
 * method throws for any input. Thread-safe: the class holds no state.
 */
final class DevCycleAnswers {
    private DevCycleAnswers() {}

    /**
     * Reads one successful (error-free) answer of a DevCycle config.
     *
     * @param value the value sent, or {@code null} when none was
     * @param reason the reason name sent, or {@code null}
     * @param variant the variant sent (the variation key), or {@code null}
     * @param metadata the flag metadata sent
     * @return the result, or {@code null} when the answer is not one of the two shapes above
     */
    static @Nullable EvaluationResult read(
            @Nullable JsonNode value, @Nullable String reason, @Nullable String variant, ImmutableMetadata metadata) {
        boolean noValue = value == null || value.isNull() || value.isMissingNode();
        if (noValue) {
            return ResultReason.DEFAULT.name().equals(reason) ? notTargeted(metadata) : null;
        }
        String featureId = metadata.getString(FlagMetadata.FEATURE_ID);
        String featureKey = metadata.getString(FlagMetadata.FEATURE_KEY);
        if (featureId == null && featureKey == null || variant == null) {
            return null;
        }
        ResultReason served = WireResults.reason(reason, ResultReason.DEFAULT);
        if (served == ResultReason.DEFAULT) {
            return null;
        }
        Object plain = ObjectMappers.shared().convertValue(value, Object.class);
        if (plain == null) {
            return null;
        }
        ResultDetail detail = ResultDetail.builder()
                .feature(featureId, featureKey, null)
                .variation(metadata.getString(FlagMetadata.VARIATION_ID), variant, null)
                .target(metadata.getString(FlagMetadata.TARGET_ID))
                .reason(served, details(metadata, ""))
                .build();
        return EvaluationResult.success(plain, variant, detail);
    }

    private static EvaluationResult notTargeted(ImmutableMetadata metadata) {
        ResultDetail detail = ResultDetail.builder()
                .feature(
                        metadata.getString(FlagMetadata.FEATURE_ID), metadata.getString(FlagMetadata.FEATURE_KEY), null)
                .reason(ResultReason.DEFAULT, details(metadata, ResultDetail.USER_NOT_TARGETED))
                .build();
        return EvaluationResult.defaulted(detail);
    }

    private static String details(ImmutableMetadata metadata, String fallback) {
        String details = metadata.getString(FlagMetadata.EVAL_REASON_DETAILS);
        return details != null ? details : fallback;
    }
}
