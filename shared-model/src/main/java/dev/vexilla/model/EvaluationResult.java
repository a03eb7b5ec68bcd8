package dev.vexilla.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of one flag evaluation: the value served, its variation id, the reason, and on failure the error.
 *
 * <p>Values are typed by the flag's setting type: {@link Boolean}, {@link String}, {@link Integer} (or {@link Long}
 * when the configured whole number does not fit in 32 bits) and {@link Double}. A failed result has no value.
 *
 * <p>Instances are immutable and thread-safe. An engine may build every success result of a flag once, when the
 * config is compiled, and return the same instance on every evaluation.
 *
 * @since 0.1.0
 */
public final class EvaluationResult {

    /** The index used when no targeting rule or percentage option was involved. */
    public static final int NONE = -1;

    private final @Nullable Object value;
    private final @Nullable String variationId;
    private final ResultReason reason;
    private final @Nullable ErrorKind errorKind;
    private final @Nullable String errorMessage;
    private final int ruleIndex;
    private final int optionIndex;

    private EvaluationResult(
            @Nullable Object value,
            @Nullable String variationId,
            ResultReason reason,
            @Nullable ErrorKind errorKind,
            @Nullable String errorMessage,
            int ruleIndex,
            int optionIndex) {
        this.value = value;
        this.variationId = variationId;
        this.reason = reason;
        this.errorKind = errorKind;
        this.errorMessage = errorMessage;
        this.ruleIndex = ruleIndex;
        this.optionIndex = optionIndex;
    }

    /**
     * Creates a successful result.
     *
     * @param value the value served, never null
     * @param variationId the variation id of the value, or {@code null} when the config has none
     * @param reason why this value was served; must not be {@link ResultReason#ERROR}
     * @param ruleIndex the index of the matched targeting rule, or {@link #NONE}
     * @param optionIndex the index of the chosen percentage option, or {@link #NONE}
     * @return the result
     * @throws IllegalArgumentException if {@code reason} is {@code ERROR} or an index is below {@link #NONE}
     */
    public static EvaluationResult success(
            Object value, @Nullable String variationId, ResultReason reason, int ruleIndex, int optionIndex) {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(reason, "reason");
        if (reason == ResultReason.ERROR) {
            throw new IllegalArgumentException("a successful result cannot have reason ERROR");
        }
        if (ruleIndex < NONE || optionIndex < NONE) {
            throw new IllegalArgumentException(
                    "indexes must be >= -1, were ruleIndex=" + ruleIndex + ", optionIndex=" + optionIndex);
        }
        return new EvaluationResult(value, variationId, reason, null, null, ruleIndex, optionIndex);
    }

    /**
     * Creates a failed result.
     *
     * @param errorKind how the evaluation failed
     * @param errorMessage a message that says where and why, never containing secrets
     * @return the result, with reason {@link ResultReason#ERROR} and no value
     */
    public static EvaluationResult error(ErrorKind errorKind, String errorMessage) {
        Objects.requireNonNull(errorKind, "errorKind");
        Objects.requireNonNull(errorMessage, "errorMessage");
        return new EvaluationResult(null, null, ResultReason.ERROR, errorKind, errorMessage, NONE, NONE);
    }

    /**
     * Returns this result with another reason, keeping value, variation and indexes; used for cached answers.
     *
     * @param newReason the reason to report
     * @return a result equal to this one but for the reason; this instance if the reason is the same
     * @throws IllegalStateException if this result is an error
     */
    public EvaluationResult withReason(ResultReason newReason) {
        if (isError()) {
            throw new IllegalStateException("an error result keeps reason ERROR");
        }
        if (newReason == reason) {
            return this;
        }
        return success(Objects.requireNonNull(value), variationId, newReason, ruleIndex, optionIndex);
    }

    /**
     * Returns the value served.
     *
     * @return the value, or {@code null} for an error result
     */
    public @Nullable Object value() {
        return value;
    }

    /**
     * Returns the variation id of the value served.
     *
     * @return the variation id, or {@code null} for an error result or a config without variation ids
     */
    public @Nullable String variationId() {
        return variationId;
    }

    /**
     * Returns why the value was served.
     *
     * @return the reason, never null
     */
    public ResultReason reason() {
        return reason;
    }

    /**
     * Returns how the evaluation failed.
     *
     * @return the error kind, or {@code null} for a successful result
     */
    public @Nullable ErrorKind errorKind() {
        return errorKind;
    }

    /**
     * Returns the error message.
     *
     * @return the message, or {@code null} for a successful result
     */
    public @Nullable String errorMessage() {
        return errorMessage;
    }

    /**
     * Returns the index of the targeting rule that matched.
     *
     * @return the zero-based index, or {@link #NONE}
     */
    public int ruleIndex() {
        return ruleIndex;
    }

    /**
     * Returns the index of the percentage option that was chosen.
     *
     * @return the zero-based index, or {@link #NONE}
     */
    public int optionIndex() {
        return optionIndex;
    }

    /**
     * Tells whether this result is an error.
     *
     * @return {@code true} when the reason is {@link ResultReason#ERROR}
     */
    public boolean isError() {
        return errorKind != null;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof EvaluationResult)) {
            return false;
        }
        EvaluationResult that = (EvaluationResult) o;
        return ruleIndex == that.ruleIndex
                && optionIndex == that.optionIndex
                && Objects.equals(value, that.value)
                && Objects.equals(variationId, that.variationId)
                && reason == that.reason
                && errorKind == that.errorKind
                && Objects.equals(errorMessage, that.errorMessage);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, variationId, reason, errorKind, errorMessage, ruleIndex, optionIndex);
    }

    @Override
    public String toString() {
        if (isError()) {
            return "EvaluationResult{ERROR " + errorKind + ": " + errorMessage + "}";
        }
        return "EvaluationResult{value=" + value + ", variationId=" + variationId + ", reason=" + reason
                + (ruleIndex != NONE ? ", ruleIndex=" + ruleIndex : "")
                + (optionIndex != NONE ? ", optionIndex=" + optionIndex : "") + "}";
    }
}
