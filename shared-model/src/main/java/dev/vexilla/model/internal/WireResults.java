package dev.vexilla.model.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openfeature.sdk.ImmutableMetadata;
import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.FlagMetadata;
import dev.vexilla.model.ResultReason;
import org.jspecify.annotations.Nullable;

/**
 * Helpers shared by the wire types to turn flag values and reasons into JSON and back.
 *
 * <p>Not API, may change without notice. Thread-safe.
 */
public final class WireResults {

    private WireResults() {}

    /**
     * Converts a JSON flag value into an engine value: booleans, strings, {@code Integer}/{@code Long} by size,
     * other numbers {@code Double}; objects and arrays become compact JSON text (a JSON flag, as in ConfigCat).
     *
     * @param node the value
     * @return the engine value, or {@code null} for a missing or null value
     */
    public static @Nullable Object fromJson(@Nullable JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isInt()) {
            return node.intValue();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.toString();
    }

    /**
     * Parses a reason name.
     *
     * @param name the reason as sent
     * @param fallback the reason to use for a missing or unknown name
     * @return the reason
     */
    public static ResultReason reason(@Nullable String name, ResultReason fallback) {
        if (name == null) {
            return fallback;
        }
        try {
            ResultReason r = ResultReason.valueOf(name);
            return r == ResultReason.ERROR ? fallback : r;
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    /**
     * Reads an index from OpenFeature metadata.
     *
     * @param metadata the metadata
     * @param key {@link FlagMetadata#RULE_INDEX} or {@link FlagMetadata#PERCENTAGE_OPTION_INDEX}
     * @return the index, or {@link EvaluationResult#NONE}
     */
    public static int index(ImmutableMetadata metadata, String key) {
        Object v = metadata.asUnmodifiableMap().get(key);
        if (v instanceof Integer || v instanceof Long) {
            long l = ((Number) v).longValue();
            return l >= 0 && l <= Integer.MAX_VALUE ? (int) l : EvaluationResult.NONE;
        }
        return EvaluationResult.NONE;
    }

    /**
     * Builds a successful result from wire parts.
     *
     * @param value the engine value
     * @param variant the variation id, or {@code null}
     * @param reason the reason
     * @param metadata the metadata carrying the indexes
     * @return the result
     */
    public static EvaluationResult success(
            Object value, @Nullable String variant, ResultReason reason, ImmutableMetadata metadata) {
        return EvaluationResult.success(
                value,
                variant,
                reason,
                index(metadata, FlagMetadata.RULE_INDEX),
                index(metadata, FlagMetadata.PERCENTAGE_OPTION_INDEX));
    }
}
