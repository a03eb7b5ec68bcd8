package dev.vexilla.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.FlagValueType;
import dev.openfeature.sdk.ImmutableMetadata;
import dev.openfeature.sdk.ImmutableStructure;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.Value;
import dev.vexilla.model.internal.JsonValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Maps an {@link EvaluationResult} onto an OpenFeature {@link ProviderEvaluation}, identically for both providers.
 *
 * <p><b>Reasons and errors.</b> A successful result gives its value, {@code variant} = variation id and
 * {@code reason} = {@link ResultReason#name()}. A failed result gives the caller's default value, reason
 * {@code ERROR}, the {@link ErrorCode} named like the result's {@link ErrorKind}, and its message. The flag metadata
 * passed in is attached in both cases.
 *
 * <p><b>Type rules</b> (strict, like ConfigCat):
 *
 * <table>
 *   <caption>Requested type and accepted flag values</caption>
 *   <tr><th>requested</th><th>accepted flag value</th></tr>
 *   <tr><td>BOOLEAN</td><td>{@code Boolean}</td></tr>
 *   <tr><td>STRING</td><td>{@code String}</td></tr>
 *   <tr><td>INTEGER</td><td>{@code Integer}, or a {@code Long} within the 32-bit range</td></tr>
 *   <tr><td>LONG</td><td>{@code Integer} or {@code Long}, converted exactly (never through {@code double})</td></tr>
 *   <tr><td>DOUBLE</td><td>{@code Double} only (a whole-number flag is not a double flag)</td></tr>
 *   <tr><td>OBJECT</td><td>a {@code String} holding a JSON object or array, returned as a structure or list
 *       {@link Value}</td></tr>
 * </table>
 *
 * <p>Anything else gives {@code TYPE_MISMATCH} with a message naming the flag, the flag's value type and the requested
 * type, plus the default value.
 *
 * <p><b>DevCycle results</b> (those with a {@link EvaluationResult#detail() detail}) follow DevCycle's variable types:
 *
 * <table>
 *   <caption>Requested type and accepted DevCycle variable values</caption>
 *   <tr><th>requested</th><th>accepted variable value</th></tr>
 *   <tr><td>BOOLEAN</td><td>a Boolean variable</td></tr>
 *   <tr><td>STRING</td><td>a String variable</td></tr>
 *   <tr><td>DOUBLE</td><td>a Number variable</td></tr>
 *   <tr><td>INTEGER</td><td>a Number variable whose value is a whole number within the 32-bit range</td></tr>
 *   <tr><td>LONG</td><td>a Number variable whose value is a whole number within the 64-bit range</td></tr>
 *   <tr><td>OBJECT</td><td>a JSON variable (a {@code Map}, served as a structure {@link Value}; a {@code List},
 *       served as a list {@link Value})</td></tr>
 * </table>
 *
 * <p>A {@linkplain EvaluationResult#isDefaulted() defaulted} result (DevCycle's "User Not Targeted") gives the caller's
 * default value with reason {@code DEFAULT}, no variant and no error code.
 *
 * <p><b>Cost.</b> A mapping allocates the {@code ProviderEvaluation} only, apart from boxing an {@code Integer} into a
 * {@code Long} (or a {@code Long} into an {@code Integer}) outside the JDK's small-value caches, parsing an OBJECT
 * value, and building a mismatch message. Metadata should come from {@link FlagMetadata}, which caches it.
 *
 * <p>No method throws for any result or value. Thread-safe: the class holds no state.
 *
 * @since 0.1.0
 */
public final class ResultMapper {

    private static final ErrorCode[] ERROR_CODES = errorCodes();

    private ResultMapper() {}

    /**
     * Maps a result for a boolean evaluation.
     *
     * @param flagKey the flag key, for messages
     * @param result the engine's result
     * @param defaultValue the caller's default value
     * @param metadata the flag metadata to attach
     * @return the provider evaluation
     */
    public static ProviderEvaluation<Boolean> booleanEvaluation(
            String flagKey, EvaluationResult result, Boolean defaultValue, ImmutableMetadata metadata) {
        return evaluation(flagKey, result, FlagValueType.BOOLEAN, defaultValue, metadata);
    }

    /**
     * Maps a result for a string evaluation.
     *
     * @param flagKey the flag key, for messages
     * @param result the engine's result
     * @param defaultValue the caller's default value
     * @param metadata the flag metadata to attach
     * @return the provider evaluation
     */
    public static ProviderEvaluation<String> stringEvaluation(
            String flagKey, EvaluationResult result, String defaultValue, ImmutableMetadata metadata) {
        return evaluation(flagKey, result, FlagValueType.STRING, defaultValue, metadata);
    }

    /**
     * Maps a result for an integer evaluation.
     *
     * @param flagKey the flag key, for messages
     * @param result the engine's result
     * @param defaultValue the caller's default value
     * @param metadata the flag metadata to attach
     * @return the provider evaluation
     */
    public static ProviderEvaluation<Integer> integerEvaluation(
            String flagKey, EvaluationResult result, Integer defaultValue, ImmutableMetadata metadata) {
        return evaluation(flagKey, result, FlagValueType.INTEGER, defaultValue, metadata);
    }

    /**
     * Maps a result for a long evaluation.
     *
     * @param flagKey the flag key, for messages
     * @param result the engine's result
     * @param defaultValue the caller's default value
     * @param metadata the flag metadata to attach
     * @return the provider evaluation
     */
    public static ProviderEvaluation<Long> longEvaluation(
            String flagKey, EvaluationResult result, Long defaultValue, ImmutableMetadata metadata) {
        return evaluation(flagKey, result, FlagValueType.LONG, defaultValue, metadata);
    }

    /**
     * Maps a result for a double evaluation.
     *
     * @param flagKey the flag key, for messages
     * @param result the engine's result
     * @param defaultValue the caller's default value
     * @param metadata the flag metadata to attach
     * @return the provider evaluation
     */
    public static ProviderEvaluation<Double> doubleEvaluation(
            String flagKey, EvaluationResult result, Double defaultValue, ImmutableMetadata metadata) {
        return evaluation(flagKey, result, FlagValueType.DOUBLE, defaultValue, metadata);
    }

    /**
     * Maps a result for an object evaluation.
     *
     * @param flagKey the flag key, for messages
     * @param result the engine's result
     * @param defaultValue the caller's default value
     * @param metadata the flag metadata to attach
     * @return the provider evaluation
     */
    public static ProviderEvaluation<Value> objectEvaluation(
            String flagKey, EvaluationResult result, Value defaultValue, ImmutableMetadata metadata) {
        return evaluation(flagKey, result, FlagValueType.OBJECT, defaultValue, metadata);
    }

    /**
     * Maps a result for any requested type. The default value's class must be the one of the requested type
     * ({@code Boolean}, {@code String}, {@code Integer}, {@code Long}, {@code Double}, {@code Value}); the typed
     * methods above guarantee that.
     *
     * @param <T> the value type of the evaluation
     * @param flagKey the flag key, for messages
     * @param result the engine's result
     * @param type the requested type
     * @param defaultValue the caller's default value
     * @param metadata the flag metadata to attach
     * @return the provider evaluation
     */
    @SuppressWarnings("unchecked")
    public static <T> ProviderEvaluation<T> evaluation(
            String flagKey, EvaluationResult result, FlagValueType type, T defaultValue, ImmutableMetadata metadata) {
        if (result.isError()) {
            ErrorKind kind = Objects.requireNonNull(result.errorKind());
            return new ProviderEvaluation<>(
                    defaultValue, null, ResultReason.ERROR.name(), errorCode(kind), result.errorMessage(), metadata);
        }
        Object value = result.value();
        if (value == null) {
            return new ProviderEvaluation<>(defaultValue, null, ResultReason.DEFAULT.name(), null, null, metadata);
        }
        Object converted = result.detail() != null ? convertDevCycle(value, type) : convert(value, type);
        if (converted == null) {
            return new ProviderEvaluation<>(
                    defaultValue,
                    null,
                    ResultReason.ERROR.name(),
                    ErrorCode.TYPE_MISMATCH,
                    mismatchMessage(flagKey, value, type, result.detail() != null),
                    metadata);
        }
        return new ProviderEvaluation<>(
                (T) converted, result.variationId(), result.reason().name(), null, null, metadata);
    }

    private static @Nullable Object convert(Object value, FlagValueType type) {
        switch (type) {
            case BOOLEAN:
                return value instanceof Boolean ? value : null;
            case STRING:
                return value instanceof String ? value : null;
            case INTEGER:
                if (value instanceof Integer) {
                    return value;
                }
                if (value instanceof Long) {
                    long l = (Long) value;
                    return l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? Integer.valueOf((int) l) : null;
                }
                return null;
            case LONG:
                if (value instanceof Long) {
                    return value;
                }
                return value instanceof Integer ? Long.valueOf((Integer) value) : null;
            case DOUBLE:
                return value instanceof Double ? value : null;
            case OBJECT:
                return value instanceof String ? parseJsonStructure((String) value) : null;
            default:
                return null;
        }
    }

    private static @Nullable Object convertDevCycle(Object value, FlagValueType type) {
        switch (type) {
            case BOOLEAN:
                return value instanceof Boolean ? value : null;
            case STRING:
                return value instanceof String ? value : null;
            case DOUBLE:
                return value instanceof Number ? Double.valueOf(((Number) value).doubleValue()) : null;
            case INTEGER:
                return value instanceof Number ? wholeInt(((Number) value).doubleValue()) : null;
            case LONG:
                return value instanceof Number ? wholeLong(((Number) value).doubleValue()) : null;
            case OBJECT:
                return value instanceof Map || value instanceof List ? plainValue(value) : null;
            default:
                return null;
        }
    }

    private static @Nullable Integer wholeInt(double d) {
        return d == Math.rint(d) && d >= Integer.MIN_VALUE && d <= Integer.MAX_VALUE ? Integer.valueOf((int) d) : null;
    }

    private static @Nullable Long wholeLong(double d) {
        // 2^63 itself is a double but not a long: the upper bound is exclusive.
        return d == Math.rint(d) && d >= -0x1p63 && d < 0x1p63 ? Long.valueOf((long) d) : null;
    }

    /** Converts a plain JSON value (Map, List, String, Number, Boolean, null) into an OpenFeature value. */
    private static Value plainValue(@Nullable Object value) {
        if (value instanceof Map) {
            Map<String, Value> members = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                members.put(String.valueOf(e.getKey()), plainValue(e.getValue()));
            }
            return new Value(new ImmutableStructure(members));
        }
        if (value instanceof List) {
            List<Value> items = new ArrayList<>();
            for (Object item : (List<?>) value) {
                items.add(plainValue(item));
            }
            return new Value(items);
        }
        if (value instanceof String) {
            return new Value((String) value);
        }
        if (value instanceof Boolean) {
            return new Value((Boolean) value);
        }
        if (value instanceof Integer) {
            return new Value((Integer) value);
        }
        if (value instanceof Long) {
            return new Value((Long) value);
        }
        if (value instanceof Number) {
            return new Value(((Number) value).doubleValue());
        }
        return new Value();
    }

    private static @Nullable Value parseJsonStructure(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty() || (trimmed.charAt(0) != '{' && trimmed.charAt(0) != '[')) {
            return null;
        }
        try {
            JsonNode node = ObjectMappers.shared().readTree(trimmed);
            return node != null && (node.isObject() || node.isArray()) ? JsonValues.toValue(node) : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static String mismatchMessage(String flagKey, Object value, FlagValueType type, boolean devCycle) {
        if (devCycle) {
            return devCycleMismatchMessage(flagKey, value, type);
        }
        String flagType = flagType(value);
        if (type == FlagValueType.OBJECT && value instanceof String) {
            return "flag '" + flagKey + "' is a String flag whose value is not a JSON object or array;"
                    + " it cannot be evaluated as OBJECT";
        }
        if (type == FlagValueType.INTEGER && value instanceof Long) {
            return "flag '" + flagKey + "' is an Integer flag whose value does not fit in 32 bits;"
                    + " it cannot be evaluated as INTEGER, evaluate it as LONG";
        }
        return "flag '" + flagKey + "' is " + flagType + " flag; it cannot be evaluated as " + type;
    }

    private static String devCycleMismatchMessage(String flagKey, Object value, FlagValueType type) {
        String variableType = value instanceof Boolean
                ? "Boolean"
                : value instanceof String ? "String" : value instanceof Number ? "Number" : "JSON";
        if (value instanceof Number && (type == FlagValueType.INTEGER || type == FlagValueType.LONG)) {
            return "variable '" + flagKey + "' is a Number variable whose value " + value
                    + " is not a whole number in the " + (type == FlagValueType.INTEGER ? "32" : "64")
                    + "-bit range; it cannot be evaluated as " + type;
        }
        return "variable '" + flagKey + "' is a " + variableType + " variable; it cannot be evaluated as " + type;
    }

    private static String flagType(Object value) {
        if (value instanceof Boolean) {
            return "a Boolean";
        }
        if (value instanceof String) {
            return "a String";
        }
        if (value instanceof Integer || value instanceof Long) {
            return "an Integer";
        }
        if (value instanceof Double) {
            return "a Double";
        }

        return "a " + value.getClass().getSimpleName();
    }

    /**
     * Returns the OpenFeature error code of an error kind: the code of the same name (DESIGN's reason/error table).
     *
     * @param kind the error kind
     * @return the error code, never null
     */
    public static ErrorCode errorCode(ErrorKind kind) {
        return ERROR_CODES[kind.ordinal()];
    }

    private static ErrorCode[] errorCodes() {
        ErrorKind[] kinds = ErrorKind.values();
        ErrorCode[] codes = new ErrorCode[kinds.length];
        for (ErrorKind kind : kinds) {
            codes[kind.ordinal()] = ErrorCode.valueOf(kind.name());
        }
        return codes;
    }
}
