package dev.vexilla.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of one flag evaluation: the value served, its variation id, the reason, and on failure the error.
 *
 * <p>Values are typed by the flag's setting type: {@link Boolean}, {@link String}, {@link Integer} (or {@link Long}
 * when the configured whole number does not fit in 32 bits) and {@link Double}; a DevCycle JSON variable's value is a
 * plain {@code java.util.Map} or {@code List} of such values. A failed result has no value, and neither has a
 * {@linkplain #isDefaulted() defaulted} one, which tells the caller to serve its own default without an error.
 *
 * <p>A DevCycle result carries a {@link ResultDetail} (feature, variation, target, DevCycle's reason details);
 * ConfigCat results have none.
 *
 * <p>Instances are immutable and thread-safe. An engine may build every success result of a flag once, when the
 * config is compiled, and return the same instance on every evaluation.
 *
 * @since 0.1.0
 */
public final class EvaluationResult {

    /** The index used when no targeting rule or percentage option was involved. */
    public static final int NONE = -1;

    /*
     * Layout. An engine keeps one result per value, rule and option of every flag for as long as the config lives,
     * so the object is kept at 24 bytes (12-byte header and three 4-byte fields with compressed references) instead
     * of one field per accessor (40 bytes):
     * - `valueOrRare` holds the value itself, or a `Rare` holder when the result is an error (kind and message),
     *   carries a DevCycle `ResultDetail`, or has an index too large to pack; a `Rare` is never a setting value, so
     *   `instanceof` tells them apart. ConfigCat's results never carry a detail and keep their 24 bytes;
     * - `packed` holds the reason's ordinal in its low 4 bits, `ruleIndex + 1` in the next 16 bits and
     *   `optionIndex + 1` in the top 12 bits (0 meaning NONE). Larger indexes go to the `Rare` holder and the
     *   packed index bits stay 0.
     * Every accessor decodes with a shift or a type check; nothing is allocated after construction.
     */
    private static final ResultReason[] REASONS = ResultReason.values();
    private static final int REASON_BITS = 4;
    private static final int RULE_BITS = 16;
    private static final int OPTION_SHIFT = REASON_BITS + RULE_BITS;
    private static final int REASON_MASK = (1 << REASON_BITS) - 1;
    private static final int RULE_MASK = (1 << RULE_BITS) - 1;
    /** The largest indexes that are packed ({@code index + 1} must fit in its bits). */
    private static final int MAX_PACKED_RULE = RULE_MASK - 1;

    private static final int MAX_PACKED_OPTION = (1 << (Integer.SIZE - OPTION_SHIFT)) - 2;

    static {
        if (REASONS.length > 1 << REASON_BITS) {
            throw new AssertionError("ResultReason outgrew the " + REASON_BITS + " bits packed for it");
        }
    }

    private final @Nullable Object valueOrRare;
    private final @Nullable String variationId;
    private final int packed;

    /**
     * What few results need: an error's kind and message, a DevCycle detail, or indexes too large to pack (with the
     * value).
     */
    private static final class Rare {
        final @Nullable Object value;
        final @Nullable ErrorKind errorKind;
        final @Nullable String errorMessage;
        final @Nullable ResultDetail detail;
        final int ruleIndex;
        final int optionIndex;

        Rare(
                @Nullable Object value,
                @Nullable ErrorKind errorKind,
                @Nullable String errorMessage,
                @Nullable ResultDetail detail,
                int ruleIndex,
                int optionIndex) {
            this.value = value;
            this.errorKind = errorKind;
            this.errorMessage = errorMessage;
            this.detail = detail;
            this.ruleIndex = ruleIndex;
            this.optionIndex = optionIndex;
        }
    }

    private EvaluationResult(
            @Nullable Object value,
            @Nullable String variationId,
            ResultReason reason,
            @Nullable ErrorKind errorKind,
            @Nullable String errorMessage,
            @Nullable ResultDetail detail,
            int ruleIndex,
            int optionIndex) {
        this.variationId = variationId;
        boolean packable = ruleIndex <= MAX_PACKED_RULE && optionIndex <= MAX_PACKED_OPTION;
        if (errorKind == null && detail == null && value != null && packable) {
            this.valueOrRare = value;
            this.packed = reason.ordinal() | (ruleIndex + 1) << REASON_BITS | (optionIndex + 1) << OPTION_SHIFT;
        } else {
            this.valueOrRare = new Rare(value, errorKind, errorMessage, detail, ruleIndex, optionIndex);
            this.packed = reason.ordinal();
        }
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
        return new EvaluationResult(value, variationId, reason, null, null, null, ruleIndex, optionIndex);
    }

    /**
     * Creates a successful DevCycle result: a variable's value served by a feature's variation.
     *
     * @param value the value served, never null
     * @param variationKey the key of the variation served (the OpenFeature variant)
     * @param detail the feature, variation, target and DevCycle's reason; its reason becomes this result's reason
     * @return the result
     * @throws IllegalArgumentException if the detail's reason is {@link ResultReason#DEFAULT}
     * @since 0.2.0
     */
    public static EvaluationResult success(Object value, String variationKey, ResultDetail detail) {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(variationKey, "variationKey");
        Objects.requireNonNull(detail, "detail");
        if (detail.reason() == ResultReason.DEFAULT) {
            throw new IllegalArgumentException("a served DevCycle value cannot have reason DEFAULT");
        }
        return new EvaluationResult(value, variationKey, detail.reason(), null, null, detail, NONE, NONE);
    }

    /**
     * Creates a defaulted result: no error, no value, reason {@link ResultReason#DEFAULT}; the caller serves its own
     * default value. DevCycle's outcome for a user that no target of the feature takes ("User Not Targeted").
     *
     * @param detail the feature and DevCycle's reason details; its reason must be {@link ResultReason#DEFAULT}
     * @return the result
     * @throws IllegalArgumentException if the detail's reason is not {@code DEFAULT}
     * @since 0.2.0
     */
    public static EvaluationResult defaulted(ResultDetail detail) {
        Objects.requireNonNull(detail, "detail");
        if (detail.reason() != ResultReason.DEFAULT) {
            throw new IllegalArgumentException("a defaulted result has reason DEFAULT, was " + detail.reason());
        }
        return new EvaluationResult(null, null, ResultReason.DEFAULT, null, null, detail, NONE, NONE);
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
        return new EvaluationResult(null, null, ResultReason.ERROR, errorKind, errorMessage, null, NONE, NONE);
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
        if (newReason == reason()) {
            return this;
        }
        Objects.requireNonNull(newReason, "newReason");
        if (newReason == ResultReason.ERROR) {
            throw new IllegalArgumentException("a successful result cannot have reason ERROR");
        }
        return new EvaluationResult(value(), variationId, newReason, null, null, detail(), ruleIndex(), optionIndex());
    }

    /**
     * Returns the value served.
     *
     * @return the value, or {@code null} for an error result and a {@linkplain #isDefaulted() defaulted} one
     */
    public @Nullable Object value() {
        Object v = valueOrRare;
        return v instanceof Rare ? ((Rare) v).value : v;
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
        return REASONS[packed & REASON_MASK];
    }

    /**
     * Returns what a DevCycle evaluation adds: feature, variation, target and DevCycle's reason details.
     *
     * @return the detail, or {@code null} for ConfigCat results and errors
     * @since 0.2.0
     */
    public @Nullable ResultDetail detail() {
        Object v = valueOrRare;
        return v instanceof Rare ? ((Rare) v).detail : null;
    }

    /**
     * Tells whether this result serves the caller's default without an error (DevCycle's "User Not Targeted").
     *
     * @return {@code true} when the result is not an error and has no value
     * @since 0.2.0
     */
    public boolean isDefaulted() {
        return !isError() && value() == null;
    }

    /**
     * Returns how the evaluation failed.
     *
     * @return the error kind, or {@code null} for a successful result
     */
    public @Nullable ErrorKind errorKind() {
        Object v = valueOrRare;
        return v instanceof Rare ? ((Rare) v).errorKind : null;
    }

    /**
     * Returns the error message.
     *
     * @return the message, or {@code null} for a successful result
     */
    public @Nullable String errorMessage() {
        Object v = valueOrRare;
        return v instanceof Rare ? ((Rare) v).errorMessage : null;
    }

    /**
     * Returns the index of the targeting rule that matched.
     *
     * @return the zero-based index, or {@link #NONE}
     */
    public int ruleIndex() {
        Object v = valueOrRare;
        return v instanceof Rare ? ((Rare) v).ruleIndex : ((packed >>> REASON_BITS) & RULE_MASK) - 1;
    }

    /**
     * Returns the index of the percentage option that was chosen.
     *
     * @return the zero-based index, or {@link #NONE}
     */
    public int optionIndex() {
        Object v = valueOrRare;
        return v instanceof Rare ? ((Rare) v).optionIndex : (packed >>> OPTION_SHIFT) - 1;
    }

    /**
     * Tells whether this result is an error.
     *
     * @return {@code true} when the reason is {@link ResultReason#ERROR}
     */
    public boolean isError() {
        return (packed & REASON_MASK) == ResultReason.ERROR.ordinal();
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
        return ruleIndex() == that.ruleIndex()
                && optionIndex() == that.optionIndex()
                && Objects.equals(value(), that.value())
                && Objects.equals(variationId, that.variationId)
                && reason() == that.reason()
                && errorKind() == that.errorKind()
                && Objects.equals(errorMessage(), that.errorMessage())
                && Objects.equals(detail(), that.detail());
    }

    @Override
    public int hashCode() {
        int hash =
                Objects.hash(value(), variationId, reason(), errorKind(), errorMessage(), ruleIndex(), optionIndex());
        ResultDetail detail = detail();
        return detail == null ? hash : 31 * hash + detail.hashCode();
    }

    @Override
    public String toString() {
        if (isError()) {
            return "EvaluationResult{ERROR " + errorKind() + ": " + errorMessage() + "}";
        }
        int ruleIndex = ruleIndex();
        int optionIndex = optionIndex();
        return "EvaluationResult{value=" + value() + ", variationId=" + variationId + ", reason=" + reason()
                + (ruleIndex != NONE ? ", ruleIndex=" + ruleIndex : "")
                + (optionIndex != NONE ? ", optionIndex=" + optionIndex : "")
                + (detail() != null ? ", detail=" + detail() : "") + "}";
    }
}
